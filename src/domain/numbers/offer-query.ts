// R-NUM-OFFER at millions of numbers: the SQL that picks offers. Random order without ORDER BY random()
// (which would sort every match): the indexed random_key is scanned from a random start point, then
// wraps around below it — cheap when matches are common. When the mask has a fixed end (a range of
// msisdn or of reverse(msisdn)) or a long inner run (pg_trgm), that narrowing is read first, up to CAP
// entries: if that is all of it, the offers are drawn from those by the same random order; if not,
// matches are common and the random_key scan finds its offers quickly. Either way the work is bounded by
// the cap or by limit/share-of-matches, never by the size of the pool. Every index carries the columns
// these conditions read (migration 0003), so each step is an index-only scan. The ranges use the pattern
// operators ~>=~ / ~<~ with bound parameters, so even a generic (cached) plan can use those indexes.
import { type SQL, sql } from 'drizzle-orm';
import { COUNTRY_CODE } from '../phone.js';

export interface OfferQuery {
  /** Anchored LIKE pattern over the 12-character msisdn (`375` + mask), from parseMask. */
  like: string;
  categoryId: number | null;
  /** The searching subscriber: their own live reservation is still offered to them. */
  subscriberId: number;
  /** Never offered back: the number the subscriber holds now. */
  currentMsisdn: string;
  now: Date;
  /** Random start point in [0,1). */
  start: number;
  limit: number;
}

/** How the matches are narrowed before the random draw. */
export type Narrowing =
  | { kind: 'exact' }
  | { kind: 'none' }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'suffix'; suffix: string }
  | { kind: 'trigram'; run: string };

/** Numbers read through a narrowing at most; more than this means matches are common. */
export const NARROW_CAP = 2_000;
/** Candidates of the trigram index are heap rows (GIN has no index-only scan): fewer. */
export const TRIGRAM_CAP = 1_000;
/** An inner run this long has a few hundred matches among millions; shorter runs are common enough for the random scan. */
const TRIGRAM_DIGITS = 5;

/** The upper bound of a prefix range: the prefix with its last character stepped up (byte order). */
function nextPrefix(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** The digits before the first wildcard and after the last one. */
export function fixedEnds(like: string): { prefix: string; suffix: string; exact: boolean } {
  const first = like.search(/[%_]/);
  if (first < 0) return { prefix: like, suffix: like, exact: true };
  const last = Math.max(like.lastIndexOf('%'), like.lastIndexOf('_'));
  return { prefix: like.slice(0, first), suffix: like.slice(last + 1), exact: false };
}

/**
 * Whether every trigram of the run is different: a run like `00000` has one trigram, whose index entry
 * lists a percent of the pool, all rows to recheck — the random_key walk is cheaper then.
 */
export function distinctTrigrams(run: string): boolean {
  const grams = Array.from({ length: run.length - 2 }, (_, i) => run.slice(i, i + 3));
  return new Set(grams).size === grams.length;
}

/** The narrowing with the most fixed digits: the fixed end, or a long inner run. */
export function narrowingOf(like: string): Narrowing {
  const ends = fixedEnds(like);
  if (ends.exact) return { kind: 'exact' };
  const prefixDigits = ends.prefix.length - COUNTRY_CODE.length;
  const longestRun = like
    .split(/[%_]/)
    .slice(1, -1)
    .reduce((a, b) => (b.length > a.length ? b : a), '');
  // Digits that float or sit at the end are spread evenly over any pool (unlike leading ones, which are
  // operator codes): with two or fewer of them at least ~1% of the pool matches, and the random_key scan
  // finds its offers within about a thousand entries — cheaper than reading a narrowing first.
  const fixedDigits = like.slice(COUNTRY_CODE.length).replace(/[%_]/g, '').length;
  if (like.startsWith(`${COUNTRY_CODE}%`) && fixedDigits <= 2) return { kind: 'none' };
  const end = Math.max(prefixDigits, ends.suffix.length);
  if (longestRun.length >= TRIGRAM_DIGITS && longestRun.length > end && distinctTrigrams(longestRun))
    return { kind: 'trigram', run: longestRun };
  if (ends.suffix.length > 0 && ends.suffix.length >= prefixDigits) return { kind: 'suffix', suffix: ends.suffix };
  if (prefixDigits > 0) return { kind: 'prefix', prefix: ends.prefix };
  return { kind: 'none' };
}

/** What an offer must satisfy; `free` is left out where the rows come from a free-numbers-only index already. */
function matchConditions(q: OfferQuery, free = true): SQL {
  const parts: SQL[] = [
    sql`(reserved_by_subscriber_id is null or reserved_until is null or reserved_until <= ${q.now.toISOString()}::timestamptz or reserved_by_subscriber_id = ${q.subscriberId})`,
    sql`msisdn <> ${q.currentMsisdn}`,
  ];
  if (fixedEnds(q.like).exact) parts.push(sql`msisdn = ${q.like}`);
  // The mask itself, written so that no index takes it as its condition: the trigram index would (badly:
  // `375` is in every number); the narrowing below, or the random_key order, is the index's job.
  else parts.push(sql`(msisdn || '') like ${q.like}`);
  if (q.categoryId !== null) parts.push(sql`category_id = ${q.categoryId}`);
  // The partial indexes hold free numbers only.
  if (free) parts.unshift(sql`status = 'free'`);
  return sql.join(parts, sql` and `);
}

/** The narrowing's condition, and the order of its index (so the capped read walks that index). */
function narrowingRead(n: Narrowing): { where: SQL; order: SQL } | undefined {
  switch (n.kind) {
    case 'prefix':
      return {
        where: sql`msisdn ~>=~ ${n.prefix} and msisdn ~<~ ${nextPrefix(n.prefix)}`,
        order: sql`order by msisdn using ~<~`,
      };
    case 'suffix': {
      const reversed = [...n.suffix].reverse().join('');
      return {
        where: sql`reverse(msisdn) ~>=~ ${reversed} and reverse(msisdn) ~<~ ${nextPrefix(reversed)}`,
        order: sql`order by reverse(msisdn) using ~<~`,
      };
    }
    case 'trigram':
      return { where: sql`msisdn like ${`%${n.run}%`}`, order: sql`` };
    default:
      return undefined;
  }
}

export interface OfferRow extends Record<string, unknown> {
  msisdn: string;
  category_id: number;
}

/** Up to `limit` matches in random_key order from the start point, wrapping around below it. */
function randomScan(where: SQL, q: OfferQuery): SQL {
  return sql`(select msisdn, category_id, random_key, 0 as part from number_pool
      where ${where} and random_key >= ${q.start} order by random_key limit ${q.limit})
    union all
    (select msisdn, category_id, random_key, 1 as part from number_pool
      where ${where} and random_key < ${q.start} order by random_key limit ${q.limit})`;
}

/** Up to `limit` matching free numbers: those from the start point upwards first, then wrapped around. */
export function offerQuery(q: OfferQuery): SQL {
  const where = matchConditions(q);
  const narrowing = narrowingOf(q.like);
  const narrow = narrowingRead(narrowing);
  if (!narrow) return sql`${randomScan(where, q)} order by part, random_key limit ${q.limit}`;
  const cap = narrowing.kind === 'trigram' ? TRIGRAM_CAP : NARROW_CAP;
  // `narrow` reads at most cap+1 entries of the narrowing whatever the other conditions reject (a rare
  // category behind a common prefix must not walk the whole range); they filter its rows afterwards.
  // Materialized CTEs are read once; each branch below runs only when its one-time filter holds.
  return sql`with narrow as materialized (
      select msisdn, category_id, random_key, reserved_by_subscriber_id, reserved_until from number_pool
      where status = 'free' and ${narrow.where} ${narrow.order} limit ${cap + 1}),
    counted as materialized (select count(*) as n from narrow)
    select msisdn, category_id, random_key, part from (
      (select msisdn, category_id, random_key, (random_key < ${q.start})::int as part from narrow
        where (select n from counted) <= ${cap} and ${matchConditions(q, false)}
        order by part, random_key limit ${q.limit})
      union all
      (select msisdn, category_id, random_key, part from (${randomScan(where, q)}) as common
        where (select n from counted) > ${cap})
    ) as offers
    order by part, random_key
    limit ${q.limit}`;
}
