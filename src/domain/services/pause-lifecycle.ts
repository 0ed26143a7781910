// R-PAUSE after the confirmation: the day-before notice (sent once: the noticeSent flag is set in the
// same transaction as the send) and the natural end, recorded once in the audit log. The job handlers in
// src/jobs/handlers/pause.ts call these; a pause is «finished» by the calendar alone (pause-window.ts),
// so a late job changes nothing about whether the number works.
import { and, eq, gte, isNull, lt, lte, notExists, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { idempotencyKeys, pauses, subscribers, telegramRoles, telegramUsers } from '../../db/schema/index.js';
import { audit } from '../audit.js';
import { today } from '../clock.js';
import type { DomainDeps } from '../deps.js';
import { once } from '../idempotency.js';
import { addDays, type IsoDate, startOfMinskDay } from '../time.js';

export const PAUSE_NOTICE_JOB = 'pause.notice';
export const PAUSE_FINISH_JOB = 'pause.finish';
export const PAUSE_SWEEP_JOB = 'pause.sweep';

/** Hour (Minsk) at which the day-before notice goes out: not in the night. */
const NOTICE_HOUR = 10;

/** The notice goes out the day before the end date, at NOTICE_HOUR. */
export function pauseNoticeAt(endsOn: IsoDate): Date {
  return new Date(startOfMinskDay(addDays(endsOn, -1)).getTime() + NOTICE_HOUR * 3_600_000);
}

/** The pause is over when the day after its end date begins. */
export function pauseFinishAt(endsOn: IsoDate): Date {
  return startOfMinskDay(addDays(endsOn, 1));
}

/** What a notice says, and to whom (Telegram user ids: a private chat's id is the user's id). */
export interface PauseNotice {
  pauseId: number;
  subscriberId: number;
  msisdn: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  recipients: { telegramId: number; languageCode: string | null }[];
}

const finishedKey = (pauseId: number) => `pause-finished:${pauseId}`;

/** Users linked to the number as its subscriber, plus whoever ordered the pause (an administrator). */
async function recipients(
  tx: Executor,
  subscriberId: number,
  requestedBy: number | null,
): Promise<PauseNotice['recipients']> {
  const linked = await tx
    .select({ telegramId: telegramUsers.telegramId, languageCode: telegramUsers.languageCode })
    .from(telegramRoles)
    .innerJoin(telegramUsers, eq(telegramUsers.telegramId, telegramRoles.telegramId))
    .where(
      and(
        eq(telegramRoles.role, 'subscriber'),
        eq(telegramRoles.subscriberId, subscriberId),
        eq(telegramUsers.blockedBot, false),
      ),
    );
  if (requestedBy !== null && !linked.some((r) => r.telegramId === requestedBy)) {
    const [admin] = await tx
      .select({ telegramId: telegramUsers.telegramId, languageCode: telegramUsers.languageCode })
      .from(telegramUsers)
      .where(and(eq(telegramUsers.telegramId, requestedBy), eq(telegramUsers.blockedBot, false)));
    linked.push(admin ?? { telegramId: requestedBy, languageCode: null });
  }
  return linked;
}

/**
 * Sends the day-before notice of one pause, at most once: the row is locked, `send` runs, and the flag
 * is set in the same transaction (a failed send leaves it unset, so the job retries). Nothing is sent
 * for a pause ended early, or outside its last two days.
 */
export async function sendPauseNotice(
  deps: Pick<DomainDeps, 'db' | 'clock'>,
  pauseId: number,
  requestedBy: number | null,
  send: (notice: PauseNotice) => Promise<void>,
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const day = today(deps.clock);
    const [row] = await tx
      .select({ pause: pauses, msisdn: subscribers.msisdn })
      .from(pauses)
      .innerJoin(subscribers, eq(subscribers.id, pauses.subscriberId))
      .where(eq(pauses.id, pauseId))
      .for('update', { of: pauses });
    if (!row) return false;
    const p = row.pause;
    const due = !p.noticeSent && p.endedOn === null && addDays(p.endsOn, -1) <= day && day <= p.endsOn;
    if (!due) return false;
    await send({
      pauseId,
      subscriberId: p.subscriberId,
      msisdn: row.msisdn,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      recipients: await recipients(tx, p.subscriberId, requestedBy),
    });
    await tx.update(pauses).set({ noticeSent: true }).where(eq(pauses.id, pauseId));
    return true;
  });
}

/**
 * Records the natural end of a pause whose end date has passed (audit 'pause.finished', once) and tells
 * the users. Returns 'notYet' when the end date has not passed, 'skipped' when it was ended early or
 * already recorded.
 */
export async function finishPause(
  deps: Pick<DomainDeps, 'db' | 'clock'>,
  pauseId: number,
  requestedBy: number | null,
  send: (notice: PauseNotice) => Promise<void>,
): Promise<'finished' | 'notYet' | 'skipped'> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const day = today(deps.clock);
    const [row] = await tx
      .select({ pause: pauses, msisdn: subscribers.msisdn, clientId: subscribers.clientId })
      .from(pauses)
      .innerJoin(subscribers, eq(subscribers.id, pauses.subscriberId))
      .where(eq(pauses.id, pauseId));
    if (!row || row.pause.endedOn !== null) return 'skipped';
    const p = row.pause;
    if (p.endsOn >= day) return 'notYet';
    const outcome = await once(tx, finishedKey(pauseId), now, async () => {
      await audit(tx, { kind: 'system', name: 'worker' }, now, {
        action: 'pause.finished',
        clientId: row.clientId,
        subscriberId: p.subscriberId,
        before: { pauseId, startsOn: p.startsOn, endsOn: p.endsOn },
        after: { activeFrom: addDays(p.endsOn, 1) },
      });
      await send({
        pauseId,
        subscriberId: p.subscriberId,
        msisdn: row.msisdn,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        recipients: await recipients(tx, p.subscriberId, requestedBy),
      });
      return true;
    });
    return outcome.fresh ? 'finished' : 'skipped';
  });
}

/**
 * The daily sweep's work list, for pauses that have no jobs of their own (e.g. seeded ones): notices due
 * today or tomorrow, and natural ends of the last `lookbackDays` days not yet recorded.
 */
export async function pausesNeedingAttention(
  db: Executor,
  day: IsoDate,
  lookbackDays = 30,
): Promise<{ notices: number[]; finishes: number[] }> {
  const notices = await db
    .select({ id: pauses.id })
    .from(pauses)
    .where(
      and(
        eq(pauses.noticeSent, false),
        isNull(pauses.endedOn),
        gte(pauses.endsOn, day),
        lte(pauses.endsOn, addDays(day, 1)),
      ),
    );
  const finishes = await db
    .select({ id: pauses.id })
    .from(pauses)
    .where(
      and(
        isNull(pauses.endedOn),
        lt(pauses.endsOn, day),
        gte(pauses.endsOn, addDays(day, -lookbackDays)),
        notExists(
          db
            .select({ k: idempotencyKeys.key })
            .from(idempotencyKeys)
            .where(eq(idempotencyKeys.key, sql`'pause-finished:' || ${pauses.id}`)),
        ),
      ),
    );
  return { notices: notices.map((r) => r.id), finishes: finishes.map((r) => r.id) };
}
