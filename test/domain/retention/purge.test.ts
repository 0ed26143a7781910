// Finding 6 of issue 22 (what is kept): each purge against the real database, at its boundary — one row
// just outside the keeping time goes, one just inside stays.
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, subscribers, ticketMessages, tickets, usageRecords } from '../../../src/db/schema/index.js';
import {
  forgetTerminatedSimCodes,
  purgeAuditLog,
  purgeClosedTickets,
  purgeUsageRecords,
  runRetention,
  usageKeptFrom,
} from '../../../src/domain/retention/index.js';
import { writeSimCodes } from '../../../src/domain/sim-codes-store.js';
import { closeTicket, openTicket } from '../../../src/domain/tickets/index.js';
import { createTestDeps, minsk } from '../../helpers/deps.js';
import { makeSubscriber } from '../../helpers/fixtures.js';
import { makeRequester } from '../tickets/helpers.js';

const deps = await createTestDeps('2026-11-10T10:00');
const DAY = 24 * 60 * 60 * 1000;
const codes = { pin1: '1111', puk1: '22222222', pin2: '3333', puk2: '44444444' };

describe('Finding 6 (what is kept): call and SMS records beyond R-DETAIL’s window', () => {
  it('the current and six previous months stay; the month before goes', async () => {
    expect(usageKeptFrom(deps)).toEqual(minsk('2026-05-01T00:00'));
    const s = await makeSubscriber(deps.db);
    const row = (at: string) => ({
      subscriberId: s.id,
      occurredAt: minsk(at),
      kind: 'call_out' as const,
      otherParty: '375291234567',
      quantity: 60,
      cost: 100,
    });
    await deps.db
      .insert(usageRecords)
      .values([row('2026-04-30T23:59'), row('2025-01-01T12:00'), row('2026-05-01T00:00'), row('2026-11-10T09:00')]);
    expect(await purgeUsageRecords(deps)).toBe(2);
    const left = await deps.db.select().from(usageRecords).where(eq(usageRecords.subscriberId, s.id));
    expect(left.map((r) => r.occurredAt).sort((a, b) => +a - +b)).toEqual([
      minsk('2026-05-01T00:00'),
      minsk('2026-11-10T09:00'),
    ]);
  });
});

describe('Finding 6 (what is kept): closed tickets’ texts and attachments after TICKETS_KEEP_DAYS', () => {
  it('a ticket closed 1 096 days ago is blanked; one closed 1 094 days ago, and an open one, are kept', async () => {
    const { actor } = await makeRequester(deps);
    const open = async (text: string) =>
      (
        await openTicket(deps, actor, {
          topic: 'quality',
          text,
          attachments: [{ kind: 'photo', fileId: 'AgAC-photo' }],
          requesterChatId: actor.telegramId,
          context: { screen: 'home' },
        })
      ).ticketId;
    const now = deps.clock.now();
    deps.clock.set(new Date(now.getTime() - 1096 * DAY));
    const old = await open('старое обращение с персональными данными');
    await closeTicket(deps, actor, { ticketId: old });
    deps.clock.set(new Date(now.getTime() - 1094 * DAY));
    const recent = await open('недавнее обращение');
    await closeTicket(deps, actor, { ticketId: recent });
    const stillOpen = await open('открытое обращение');
    deps.clock.set(now);

    expect(await purgeClosedTickets(deps)).toBe(1);
    const messages = await deps.db
      .select()
      .from(ticketMessages)
      .where(inArray(ticketMessages.ticketId, [old, recent, stillOpen]));
    const of = (id: number) => messages.filter((m) => m.ticketId === id);
    expect(of(old)).toEqual([expect.objectContaining({ text: '', attachments: null })]);
    expect(of(recent)[0]).toMatchObject({ text: 'недавнее обращение' });
    expect(of(stillOpen)[0]).toMatchObject({ text: 'открытое обращение' });
    const [oldTicket] = await deps.db.select().from(tickets).where(eq(tickets.id, old));
    expect(oldTicket).toMatchObject({ status: 'closed', context: null, topic: 'quality' });
    expect(await purgeClosedTickets(deps)).toBe(0);
  });
});

describe('Finding 6 (what is kept): audit rows after AUDIT_KEEP_DAYS', () => {
  it('a row 1 826 days old goes; one 1 824 days old stays', async () => {
    const now = deps.clock.now().getTime();
    const row = (daysAgo: number) => ({
      at: new Date(now - daysAgo * DAY),
      actorKind: 'cli',
      action: `test.retention.${daysAgo}`,
    });
    await deps.db.insert(auditLog).values([row(1826), row(1824)]);
    expect(await purgeAuditLog(deps)).toBeGreaterThanOrEqual(1);
    const left = await deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(inArray(auditLog.action, ['test.retention.1826', 'test.retention.1824']));
    expect(left).toEqual([{ action: 'test.retention.1824' }]);
  });
});

describe('Finding 6 (what is kept): a terminated subscriber’s SIM codes', () => {
  it('are dropped; a live subscriber’s are kept; runRetention audits the counts once', async () => {
    const gone = await makeSubscriber(deps.db, { status: 'terminated', msisdn: '375299990001' });
    const live = await makeSubscriber(deps.db);
    await writeSimCodes(deps.db, deps.secretsKey, [
      { subscriberId: gone.id, codes },
      { subscriberId: live.id, codes },
    ]);
    expect(await forgetTerminatedSimCodes(deps)).toBeGreaterThanOrEqual(1);
    const rows = await deps.db
      .select({ id: subscribers.id, sealed: subscribers.simCodesEncrypted })
      .from(subscribers)
      .where(inArray(subscribers.id, [gone.id, live.id]));
    expect(rows.find((r) => r.id === gone.id)!.sealed).toBeNull();
    expect(rows.find((r) => r.id === live.id)!.sealed).not.toBeNull();

    const report = await runRetention(deps);
    expect(report).toEqual({ usageRecords: 0, ticketMessages: 0, auditRows: 0, simCodes: 0 });
    const audits = await deps.db.select().from(auditLog).where(eq(auditLog.action, 'retention.purge'));
    expect(audits).toHaveLength(1);
  });
});

describe('Finding 6 (what is kept): `retention run` from the command line', () => {
  it('runs every purge and prints the counts', async () => {
    const { runCli } = await import('../../../src/cli/index.js');
    const out: string[] = [];
    const code = await runCli(
      ['retention', 'run'],
      { NODE_ENV: 'test', DATABASE_URL: deps.database.url, SECRETS_KEY: deps.secretsKey.toString('hex') },
      { out: (s) => void out.push(s), err: () => undefined },
    );
    expect(code).toBe(0);
    expect(out.join('')).toMatch(/^Purged: \d+ call\/SMS records, \d+ ticket messages, \d+ audit rows, \d+ SIM codes/);
  });
});
