// R-DETAIL: «Просмотр детализации» — calls and SMS of the current period (up to the end of yesterday)
// and of the six previous months; any other period is refused. Records paginated by a keyset cursor.
import { and, asc, count, desc, eq, gte, lt, sql, sum } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { usageRecords } from '../db/schema/index.js';
import type { Actor } from './actor.js';
import { today } from './clock.js';
import type { DomainDeps } from './deps.js';
import { DomainError } from './errors.js';
import { subscriberInScope } from './scope.js';
import {
  addDays,
  addMonths,
  type IsoDate,
  MINSK_OFFSET_MS,
  minskDate,
  monthEnd,
  monthStart,
  startOfMinskDay,
} from './time.js';

export type UsageKind = (typeof usageRecords.$inferSelect)['kind'];
export const USAGE_KINDS: readonly UsageKind[] = ['call_out', 'call_in', 'sms_out', 'sms_in'];

export interface DetailPeriod {
  /** 'YYYY-MM': the id a button carries. */
  key: string;
  current: boolean;
  /** First day covered. */
  from: IsoDate;
  /**
   * Last day covered (inclusive), or null when the period has no day yet. The current period ends
   * yesterday, so on the 1st of a month it is empty: yesterday belongs to the previous month, which
   * is then complete and is the first of the six previous ones.
   */
  to: IsoDate | null;
}

export interface DetailRecord {
  id: number;
  occurredAt: Date;
  /** Minsk calendar date and time of day 'HH:MM:SS'. */
  date: IsoDate;
  time: string;
  kind: UsageKind;
  otherParty: string;
  /** Seconds for a call, the number of messages for an SMS. */
  quantity: number;
  /** Kopecks. */
  cost: number;
}

export interface DetailTotal {
  kind: UsageKind;
  records: number;
  quantity: number;
  cost: number;
}

export interface DetailPage {
  msisdn: string;
  period: DetailPeriod;
  records: DetailRecord[];
  /** Per kind over the whole period (kinds without records left out), and all together. */
  totals: DetailTotal[];
  totalRecords: number;
  totalCost: number;
  /** Cursors for the neighbouring pages, null at either end. */
  nextCursor: string | null;
  prevCursor: string | null;
}

/** The seven periods offered: the current one first, then the six previous months, newest first. */
export function detailPeriodsOn(day: IsoDate, previousMonths: number): DetailPeriod[] {
  const current = monthStart(day);
  const yesterday = addDays(day, -1);
  const periods: DetailPeriod[] = [
    { key: current.slice(0, 7), current: true, from: current, to: yesterday >= current ? yesterday : null },
  ];
  for (let i = 1; i <= previousMonths; i++) {
    const m = addMonths(current, -i);
    periods.push({ key: m.slice(0, 7), current: false, from: m, to: monthEnd(m) });
  }
  return periods;
}

export async function detailPeriods(deps: DomainDeps, actor: Actor, subscriberId: number): Promise<DetailPeriod[]> {
  await subscriberInScope(deps.db, actor, subscriberId);
  return detailPeriodsOn(today(deps.clock), deps.settings.detailMonths);
}

/** The period with this key if it is offered today; anything else is DomainError('details.periodNotAllowed'). */
export function allowedPeriod(deps: Pick<DomainDeps, 'clock' | 'settings'>, key: string): DetailPeriod {
  const found = /^\d{4}-\d{2}$/.test(key)
    ? detailPeriodsOn(today(deps.clock), deps.settings.detailMonths).find((p) => p.key === key)
    : undefined;
  if (!found) throw new DomainError('details.periodNotAllowed');
  return found;
}

/** Half-open instant range of a period; null when it has no day. */
export function periodRange(period: Pick<DetailPeriod, 'from' | 'to'>): { from: Date; to: Date } | null {
  if (!period.to) return null;
  return { from: startOfMinskDay(period.from), to: startOfMinskDay(addDays(period.to, 1)) };
}

// A cursor is a direction and the id of the record a page starts after ('a') or ends before ('b'). The
// comparison uses that record's own (time, id) from the table, so no timestamp precision is lost.
interface Cursor {
  dir: 'a' | 'b';
  id: number;
}

function encodeCursor(dir: 'a' | 'b', r: { id: number }): string {
  return `${dir}${r.id.toString(36)}`;
}

function decodeCursor(raw: string): Cursor {
  const m = /^([ab])([0-9a-z]{1,11})$/.exec(raw);
  const id = m ? Number.parseInt(m[2]!, 36) : Number.NaN;
  if (!m || !Number.isSafeInteger(id)) throw new DomainError('details.badCursor');
  return { dir: m[1] as 'a' | 'b', id };
}

function toRecord(r: typeof usageRecords.$inferSelect): DetailRecord {
  const local = new Date(r.occurredAt.getTime() + MINSK_OFFSET_MS).toISOString();
  return {
    id: r.id,
    occurredAt: r.occurredAt,
    date: minskDate(r.occurredAt),
    time: local.slice(11, 19),
    kind: r.kind,
    otherParty: r.otherParty,
    quantity: r.quantity,
    cost: r.cost,
  };
}

async function periodTotals(
  ex: Executor,
  subscriberId: number,
  range: { from: Date; to: Date },
): Promise<DetailTotal[]> {
  const rows = await ex
    .select({
      kind: usageRecords.kind,
      records: count(),
      quantity: sum(usageRecords.quantity),
      cost: sum(usageRecords.cost),
    })
    .from(usageRecords)
    .where(
      and(
        eq(usageRecords.subscriberId, subscriberId),
        gte(usageRecords.occurredAt, range.from),
        lt(usageRecords.occurredAt, range.to),
      ),
    )
    .groupBy(usageRecords.kind);
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return USAGE_KINDS.filter((k) => byKind.has(k)).map((kind) => {
    const r = byKind.get(kind)!;
    return { kind, records: Number(r.records), quantity: Number(r.quantity ?? 0), cost: Number(r.cost ?? 0) };
  });
}

/** One page of a period's records in time order, with the period's totals per kind. */
export async function detailPage(
  deps: DomainDeps,
  actor: Actor,
  input: { subscriberId: number; period: string; cursor?: string },
): Promise<DetailPage> {
  const sub = await subscriberInScope(deps.db, actor, input.subscriberId);
  const period = allowedPeriod(deps, input.period);
  const range = periodRange(period);
  const empty: DetailPage = {
    msisdn: sub.msisdn,
    period,
    records: [],
    totals: [],
    totalRecords: 0,
    totalCost: 0,
    nextCursor: null,
    prevCursor: null,
  };
  if (!range) return empty;
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  const size = deps.settings.pageSize;
  const inPeriod = and(
    eq(usageRecords.subscriberId, sub.id),
    gte(usageRecords.occurredAt, range.from),
    lt(usageRecords.occurredAt, range.to),
  );
  const key = sql`(${usageRecords.occurredAt}, ${usageRecords.id})`;
  const at = (id: number) => sql`(select u.occurred_at, u.id from usage_records u where u.id = ${id})`;
  let rows: (typeof usageRecords.$inferSelect)[];
  if (cursor?.dir === 'b') {
    // Backwards: the page that ends just before the cursor, read newest first and turned around.
    rows = await deps.db
      .select()
      .from(usageRecords)
      .where(and(inPeriod, sql`${key} < ${at(cursor.id)}`))
      .orderBy(desc(usageRecords.occurredAt), desc(usageRecords.id))
      .limit(size + 1);
    const hasMore = rows.length > size;
    rows = rows.slice(0, size).reverse();
    const records = rows.map(toRecord);
    const totals = await periodTotals(deps.db, sub.id, range);
    return {
      ...summarise(sub.msisdn, period, records, totals),
      prevCursor: hasMore && rows[0] ? encodeCursor('b', rows[0]) : null,
      nextCursor: rows.at(-1) ? encodeCursor('a', rows.at(-1)!) : null,
    };
  }
  const after = cursor ? sql`${key} > ${at(cursor.id)}` : undefined;
  rows = await deps.db
    .select()
    .from(usageRecords)
    .where(and(inPeriod, after))
    .orderBy(asc(usageRecords.occurredAt), asc(usageRecords.id))
    .limit(size + 1);
  const hasMore = rows.length > size;
  rows = rows.slice(0, size);
  const records = rows.map(toRecord);
  const totals = await periodTotals(deps.db, sub.id, range);
  return {
    ...summarise(sub.msisdn, period, records, totals),
    nextCursor: hasMore && rows.at(-1) ? encodeCursor('a', rows.at(-1)!) : null,
    prevCursor: cursor && rows[0] ? encodeCursor('b', rows[0]) : null,
  };
}

function summarise(
  msisdn: string,
  period: DetailPeriod,
  records: DetailRecord[],
  totals: DetailTotal[],
): Omit<DetailPage, 'nextCursor' | 'prevCursor'> {
  return {
    msisdn,
    period,
    records,
    totals,
    totalRecords: totals.reduce((s, t) => s + t.records, 0),
    totalCost: totals.reduce((s, t) => s + t.cost, 0),
  };
}

/**
 * Every record of a period, for the CSV/XLSX export job (no actor: the request was checked when it was
 * made, and the job carries the period's range as it was then).
 */
export async function periodRecords(
  ex: Executor,
  subscriberId: number,
  range: { from: Date; to: Date },
): Promise<{ records: DetailRecord[]; totals: DetailTotal[] }> {
  const rows = await ex
    .select()
    .from(usageRecords)
    .where(
      and(
        eq(usageRecords.subscriberId, subscriberId),
        gte(usageRecords.occurredAt, range.from),
        lt(usageRecords.occurredAt, range.to),
      ),
    )
    .orderBy(asc(usageRecords.occurredAt), asc(usageRecords.id));
  return { records: rows.map(toRecord), totals: await periodTotals(ex, subscriberId, range) };
}
