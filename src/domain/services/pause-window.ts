// R-PAUSE calendar: when a pause runs and how long it is. A pause covers the inclusive Minsk dates
// starts_on … ends_on (start = the day after it is ordered); it runs on day D when starts_on ≤ D ≤ ends_on
// and it was not ended early on or before D (ended_on = the first day the number is active again).
// Its length counts inclusive days: a 7-day pause ordered on the 10th runs on the 11th … 17th.
import { and, asc, eq, gt, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { pauses } from '../../db/schema/index.js';
import { DomainError } from '../errors.js';
import { addDays, daysBetween, type IsoDate, isValidIsoDate } from '../time.js';

export type PauseRow = typeof pauses.$inferSelect;

/** A pause always starts on the day after it is ordered. */
export function pauseStartFor(today: IsoDate): IsoDate {
  return addDays(today, 1);
}

/** The end date of a pause of `days` inclusive days ordered today. */
export function pauseEndForDays(today: IsoDate, days: number): IsoDate {
  return addDays(pauseStartFor(today), days - 1);
}

/** Inclusive number of days of a window. */
export function pauseLength(startsOn: IsoDate, endsOn: IsoDate): number {
  return daysBetween(startsOn, endsOn) + 1;
}

/**
 * A typed end date: `ДД.ММ.ГГГГ`, `ДД.ММ.ГГ`, `ДД.ММ` (the next such date after today), `ГГГГ-ММ-ДД`, or a
 * plain number of days (`30`). Anything else is DomainError('services.pauseInvalidDate').
 */
export function parsePauseEnd(input: string, today: IsoDate): IsoDate {
  const s = input.trim().replace(/\s+/g, '');
  if (/^\d{1,3}$/.test(s)) return pauseEndForDays(today, Number(s));
  let iso: string | undefined;
  const iso8601 = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const dotted = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{2}|\d{4}))?$/.exec(s);
  if (iso8601) iso = s;
  else if (dotted) {
    const [, d, m, y] = dotted;
    const dd = d!.padStart(2, '0');
    const mm = m!.padStart(2, '0');
    if (y) iso = `${y.length === 2 ? `20${y}` : y}-${mm}-${dd}`;
    else {
      const year = Number(today.slice(0, 4));
      iso = `${year}-${mm}-${dd}`;
      if (isValidIsoDate(iso) && iso <= today) iso = `${year + 1}-${mm}-${dd}`;
    }
  }
  if (!iso || !isValidIsoDate(iso)) throw new DomainError('services.pauseInvalidDate');
  return iso;
}

/** SQL: the pause is in force on `day` (see the file comment). */
export function runningOn(day: IsoDate) {
  return and(lte(pauses.startsOn, day), gte(pauses.endsOn, day), or(isNull(pauses.endedOn), gt(pauses.endedOn, day)));
}

/** SQL: the pause is running on `day` or still to come (it can be ended early / blocks a new one). */
export function openOn(day: IsoDate) {
  return and(gte(pauses.endsOn, day), or(isNull(pauses.endedOn), gt(pauses.endedOn, day)));
}

/** Whether the number is paused on `day`: other areas use this (service connections, sign-in, info). */
export async function isPaused(tx: Executor, subscriberId: number, day: IsoDate): Promise<boolean> {
  const [row] = await tx
    .select({ id: pauses.id })
    .from(pauses)
    .where(and(eq(pauses.subscriberId, subscriberId), runningOn(day)))
    .limit(1);
  return !!row;
}

/** The pause running on `day`, or else the next one ordered, or null. */
export async function openPause(tx: Executor, subscriberId: number, day: IsoDate): Promise<PauseRow | null> {
  const [row] = await tx
    .select()
    .from(pauses)
    .where(and(eq(pauses.subscriberId, subscriberId), openOn(day)))
    .orderBy(asc(pauses.startsOn))
    .limit(1);
  return row ?? null;
}

/**
 * Pauses that count against the yearly limit in `year`: those starting in that calendar year (a pause
 * across New Year counts in the year it starts). One cancelled before its first day never ran and is
 * not counted.
 */
export async function pausesStartedIn(tx: Executor, subscriberId: number, year: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(pauses)
    .where(
      and(
        eq(pauses.subscriberId, subscriberId),
        gte(pauses.startsOn, `${year}-01-01`),
        lte(pauses.startsOn, `${year}-12-31`),
        or(isNull(pauses.endedOn), gt(pauses.endedOn, pauses.startsOn)),
      ),
    );
  return Number(row?.n ?? 0);
}
