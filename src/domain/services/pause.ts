// R-PAUSE «Пауза»: the screen's state, the quote shown on the confirmation (dates, length, fee), starting
// a pause (once per nonce, fee per R-FEE, yearly limit) and ending it early. Calendar rules live in
// pause-window.ts; the day-before notice and the natural end in pause-lifecycle.ts.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { pauses } from '../../db/schema/index.js';
import { enqueueJob } from '../../jobs/queue.js';
import { type Actor, actorTelegramId } from '../actor.js';
import { audit } from '../audit.js';
import { today } from '../clock.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { chargeFee } from '../fees.js';
import { type SubscriberRow, subscriberInScope } from '../scope.js';
import { addDays, type IsoDate, isValidIsoDate } from '../time.js';
import { type Confirmed, confirmationKey, runConfirmed } from './confirm.js';
import { assertAffordable } from './funds.js';
import { pauseNoticeAt, pauseFinishAt, PAUSE_FINISH_JOB, PAUSE_NOTICE_JOB } from './pause-lifecycle.js';
import { openPause, pauseLength, pausesStartedIn, pauseStartFor, type PauseRow } from './pause-window.js';
import { recordOrder } from '../orders/record.js';

/** A pause as the screens show it (plain JSON). */
export interface PauseView {
  id: number;
  startsOn: IsoDate;
  endsOn: IsoDate;
  /** True when it runs today; false while it is still to come. */
  running: boolean;
  fee: number;
}

export interface PauseOverview {
  subscriberId: number;
  msisdn: string;
  blocked: boolean;
  current: PauseView | null;
  /** Pauses counted in the current calendar year, and the limit. */
  usedThisYear: number;
  perYear: number;
  minDays: number;
  maxDays: number;
  fee: number;
  /** The first day a new pause would run (tomorrow). */
  startsOn: IsoDate;
}

export interface PauseQuote {
  subscriberId: number;
  startsOn: IsoDate;
  endsOn: IsoDate;
  days: number;
  fee: number;
}

function view(row: PauseRow, day: IsoDate): PauseView {
  return { id: row.id, startsOn: row.startsOn, endsOn: row.endsOn, running: row.startsOn <= day, fee: row.fee };
}

export async function pauseOverview(deps: DomainDeps, actor: Actor, subscriberId: number): Promise<PauseOverview> {
  const subscriber = await subscriberInScope(deps.db, actor, subscriberId);
  const day = today(deps.clock);
  const current = await openPause(deps.db, subscriber.id, day);
  const s = deps.settings;
  return {
    subscriberId: subscriber.id,
    msisdn: subscriber.msisdn,
    blocked: subscriber.status === 'blocked',
    current: current ? view(current, day) : null,
    usedThisYear: await pausesStartedIn(deps.db, subscriber.id, Number(day.slice(0, 4))),
    perYear: s.pausesPerYear,
    minDays: s.pauseMinDays,
    maxDays: s.pauseMaxDays,
    fee: s.pauseFee,
    startsOn: pauseStartFor(day),
  };
}

/**
 * Every rule of a new pause ending on `endsOn`, in the order the user meets them: `services.pauseBlocked`,
 * `services.pauseNegativeBalance`, `services.pauseAlreadyPaused`, `services.pauseInvalidDate`, `services.pauseTooShort`/`services.pauseTooLong`
 * (inclusive days from tomorrow), `services.pauseYearLimit` (pauses starting in that calendar year).
 */
async function checkPause(
  tx: Executor,
  deps: DomainDeps,
  subscriber: SubscriberRow,
  endsOn: IsoDate,
): Promise<PauseQuote> {
  const s = deps.settings;
  const day = today(deps.clock);
  if (subscriber.status === 'blocked') throw new DomainError('services.pauseBlocked');
  if (subscriber.balance < 0) throw new DomainError('services.pauseNegativeBalance');
  const current = await openPause(tx, subscriber.id, day);
  if (current)
    throw new DomainError('services.pauseAlreadyPaused', { startsOn: current.startsOn, endsOn: current.endsOn });
  if (typeof endsOn !== 'string' || !isValidIsoDate(endsOn)) throw new DomainError('services.pauseInvalidDate');
  const startsOn = pauseStartFor(day);
  const days = pauseLength(startsOn, endsOn);
  const limits = {
    min: s.pauseMinDays,
    max: s.pauseMaxDays,
    days,
    earliest: addDays(startsOn, s.pauseMinDays - 1),
    latest: addDays(startsOn, s.pauseMaxDays - 1),
  };
  if (days < s.pauseMinDays) throw new DomainError('services.pauseTooShort', limits);
  if (days > s.pauseMaxDays) throw new DomainError('services.pauseTooLong', limits);
  const year = Number(startsOn.slice(0, 4));
  if ((await pausesStartedIn(tx, subscriber.id, year)) >= s.pausesPerYear) {
    throw new DomainError('services.pauseYearLimit', { limit: s.pausesPerYear, year });
  }
  return { subscriberId: subscriber.id, startsOn, endsOn, days, fee: s.pauseFee };
}

/** The confirmation screen: dates and fee, or the refusal, before anything changes. */
export async function pauseQuote(
  deps: DomainDeps,
  actor: Actor,
  input: { subscriberId: number; endsOn: IsoDate },
): Promise<PauseQuote> {
  const subscriber = await subscriberInScope(deps.db, actor, input.subscriberId);
  const quote = await checkPause(deps.db, deps, subscriber, input.endsOn);
  await assertAffordable(deps.db, subscriber, quote.fee);
  return quote;
}

export interface PauseStarted extends PauseQuote {
  pauseId: number;
  balanceAfter: number;
}

/** Starts the pause from tomorrow to `endsOn`: fee debited, notice and natural end scheduled, audited. */
export async function startPause(
  deps: DomainDeps,
  actor: Actor,
  input: { subscriberId: number; endsOn: IsoDate; nonce: string },
): Promise<Confirmed<PauseStarted>> {
  return runConfirmed(deps, confirmationKey('pause', input.subscriberId, input.nonce), async (tx, now) => {
    const subscriber = await subscriberInScope(tx, actor, input.subscriberId, { forUpdate: true });
    const quote = await checkPause(tx, deps, subscriber, input.endsOn);
    const { balanceAfter } =
      quote.fee > 0
        ? await chargeFee(tx, deps, subscriber, quote.fee, `Пауза ${ruDate(quote.startsOn)}–${ruDate(quote.endsOn)}`, {
            code: 'services.pause',
            params: { from: quote.startsOn, to: quote.endsOn },
          })
        : { balanceAfter: subscriber.balance };
    const [row] = await tx
      .insert(pauses)
      .values({
        subscriberId: subscriber.id,
        startsOn: quote.startsOn,
        endsOn: quote.endsOn,
        fee: quote.fee,
        createdAt: now,
      })
      .returning({ id: pauses.id });
    const pauseId = row!.id;
    const payload = { pauseId, requestedBy: actorTelegramId(actor) };
    await enqueueJob(tx, PAUSE_NOTICE_JOB, payload, now, {
      runAt: pauseNoticeAt(quote.endsOn),
      dedupeKey: `${PAUSE_NOTICE_JOB}:${pauseId}`,
    });
    await enqueueJob(tx, PAUSE_FINISH_JOB, payload, now, {
      runAt: pauseFinishAt(quote.endsOn),
      dedupeKey: `${PAUSE_FINISH_JOB}:${pauseId}`,
    });
    await audit(tx, actor, now, {
      action: 'pause.start',
      clientId: subscriber.clientId,
      subscriberId: subscriber.id,
      before: null,
      after: { pauseId, ...quote },
    });
    await recordOrder(tx, actor, now, {
      type: 'pause.start',
      payload: { from: quote.startsOn, to: quote.endsOn },
      fee: quote.fee,
      clientId: subscriber.clientId,
      subscriberId: subscriber.id,
    });
    return { ...quote, pauseId, balanceAfter };
  });
}

/**
 * Ends the running pause today (ended_on = today: the number is active again from today), or cancels one
 * still to come. The fee is not returned.
 */
export async function endPauseEarly(
  deps: DomainDeps,
  actor: Actor,
  input: { subscriberId: number; nonce: string },
): Promise<Confirmed<{ pauseId: number; startsOn: IsoDate; endsOn: IsoDate; endedOn: IsoDate }>> {
  return runConfirmed(deps, confirmationKey('pause-end', input.subscriberId, input.nonce), async (tx, now) => {
    const subscriber = await subscriberInScope(tx, actor, input.subscriberId, { forUpdate: true });
    const day = today(deps.clock);
    const current = await openPause(tx, subscriber.id, day);
    if (!current) throw new DomainError('services.pauseNotPaused');
    await tx
      .update(pauses)
      .set({ endedOn: day })
      .where(and(eq(pauses.id, current.id), eq(pauses.subscriberId, subscriber.id)));
    await audit(tx, actor, now, {
      action: 'pause.endEarly',
      clientId: subscriber.clientId,
      subscriberId: subscriber.id,
      before: { pauseId: current.id, startsOn: current.startsOn, endsOn: current.endsOn },
      after: { endedOn: day },
    });
    await recordOrder(tx, actor, now, {
      type: 'pause.end',
      payload: { at: day },
      clientId: subscriber.clientId,
      subscriberId: subscriber.id,
    });
    return { pauseId: current.id, startsOn: current.startsOn, endsOn: current.endsOn, endedOn: day };
  });
}

/** 2026-11-17 → 17.11.2026 (the charge line's description is shown as stored). */
function ruDate(d: IsoDate): string {
  return `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
}
