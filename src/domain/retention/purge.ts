// Finding 6 of issue 22 (what is kept; personal data, Belarus Law No. 99-З): each purge deletes or blanks
// what has outlived its keeping time, in batches of its own transactions so a large backlog never holds a
// long lock, and returns how many rows it touched. runRetention runs them all and audits the counts once.
import { and, eq, inArray, isNotNull, lt, ne, or } from 'drizzle-orm';
import { auditLog, subscribers, ticketMessages, tickets, usageRecords } from '../../db/schema/index.js';
import { audit } from '../audit.js';
import { today } from '../clock.js';
import type { DomainDeps } from '../deps.js';
import { addMonths, monthStart, startOfMinskDay } from '../time.js';

const BATCH = 5_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Repeats one batch until it touches nothing; the total. */
async function inBatches(batch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await batch();
    total += n;
    if (n < BATCH) return total;
  }
}

/** R-DETAIL: the first instant still shown — the start of the oldest of the current and `detailMonths` previous months. */
export function usageKeptFrom(deps: Pick<DomainDeps, 'clock' | 'settings'>): Date {
  return startOfMinskDay(addMonths(monthStart(today(deps.clock)), -deps.settings.detailMonths));
}

/** Call and SMS records older than R-DETAIL's window. */
export async function purgeUsageRecords(deps: DomainDeps): Promise<number> {
  const before = usageKeptFrom(deps);
  return inBatches(async () => {
    const rows = await deps.db
      .delete(usageRecords)
      .where(
        inArray(
          usageRecords.id,
          deps.db
            .select({ id: usageRecords.id })
            .from(usageRecords)
            .where(lt(usageRecords.occurredAt, before))
            .limit(BATCH),
        ),
      )
      .returning({ id: usageRecords.id });
    return rows.length;
  });
}

/**
 * Closed tickets whose closing is older than `ticketsKeepDays`: every message's text and attachments and
 * the ticket's context are blanked; the ticket row (number, topic, dates, rating) stays for the statistics.
 * A ticket reopened meanwhile is not closed, so it is kept whole.
 */
export async function purgeClosedTickets(deps: DomainDeps): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - deps.settings.ticketsKeepDays * DAY_MS);
  const expired = deps.db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.status, 'closed'), lt(tickets.closedAt, before)));
  const messages = await inBatches(async () => {
    const rows = await deps.db
      .update(ticketMessages)
      .set({ text: '', attachments: null })
      .where(
        inArray(
          ticketMessages.id,
          deps.db
            .select({ id: ticketMessages.id })
            .from(ticketMessages)
            .where(
              and(
                inArray(ticketMessages.ticketId, expired),
                or(ne(ticketMessages.text, ''), isNotNull(ticketMessages.attachments)),
              ),
            )
            .limit(BATCH),
        ),
      )
      .returning({ id: ticketMessages.id });
    return rows.length;
  });
  await deps.db
    .update(tickets)
    .set({ context: null })
    .where(and(eq(tickets.status, 'closed'), lt(tickets.closedAt, before), isNotNull(tickets.context)));
  return messages;
}

/** Audit rows older than `auditKeepDays`. */
export async function purgeAuditLog(deps: DomainDeps): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - deps.settings.auditKeepDays * DAY_MS);
  return inBatches(async () => {
    const rows = await deps.db
      .delete(auditLog)
      .where(
        inArray(
          auditLog.id,
          deps.db.select({ id: auditLog.id }).from(auditLog).where(lt(auditLog.at, before)).limit(BATCH),
        ),
      )
      .returning({ id: auditLog.id });
    return rows.length;
  });
}

/** A terminated subscriber's SIM codes: nothing may show them any more, so they are dropped at once. */
export async function forgetTerminatedSimCodes(deps: Pick<DomainDeps, 'db'>): Promise<number> {
  const rows = await deps.db
    .update(subscribers)
    .set({ simCodesEncrypted: null })
    .where(and(eq(subscribers.status, 'terminated'), isNotNull(subscribers.simCodesEncrypted)))
    .returning({ id: subscribers.id });
  return rows.length;
}

export interface RetentionReport {
  usageRecords: number;
  ticketMessages: number;
  auditRows: number;
  simCodes: number;
}

/** Every purge, then one audit row with the counts (written after the audit purge, so it is kept). */
export async function runRetention(deps: DomainDeps): Promise<RetentionReport> {
  const report: RetentionReport = {
    usageRecords: await purgeUsageRecords(deps),
    ticketMessages: await purgeClosedTickets(deps),
    auditRows: await purgeAuditLog(deps),
    simCodes: await forgetTerminatedSimCodes(deps),
  };
  await audit(deps.db, { kind: 'system', name: 'worker' }, deps.clock.now(), {
    action: 'retention.purge',
    after: { ...report, usageKeptFrom: usageKeptFrom(deps).toISOString() },
  });
  return report;
}
