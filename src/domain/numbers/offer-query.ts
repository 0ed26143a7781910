// R-NUM-OFFER at millions of numbers: the SQL that picks offers. Random order without ORDER BY random()
// (which would sort every match): scan the indexed random_key from a random start point, then wrap
// around below it. The mask's fixed ends become index ranges (ARCHITECTURE.md, Search): a fixed prefix
// ranges over msisdn (text_pattern_ops), a fixed suffix over reverse(msisdn) (text_pattern_ops);
// a category leads the (category_id, random_key) index. The ranges use the pattern operators ~>=~ and
// ~<~ with bound parameters, so even a generic (cached) plan can use those indexes.
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

function matchConditions(q: OfferQuery): SQL {
  const parts: SQL[] = [
    sql`status = 'free'`,
    sql`(reserved_by_subscriber_id is null or reserved_until is null or reserved_until <= ${q.now.toISOString()}::timestamptz or reserved_by_subscriber_id = ${q.subscriberId})`,
    sql`msisdn <> ${q.currentMsisdn}`,
  ];
  const ends = fixedEnds(q.like);
  if (ends.exact) {
    parts.push(sql`msisdn = ${q.like}`);
  } else {
    parts.push(sql`msisdn like ${q.like}`);
    if (ends.prefix.length > COUNTRY_CODE.length) {
      parts.push(sql`msisdn ~>=~ ${ends.prefix} and msisdn ~<~ ${nextPrefix(ends.prefix)}`);
    }
    if (ends.suffix.length > 0) {
      const reversed = [...ends.suffix].reverse().join('');
      parts.push(sql`reverse(msisdn) ~>=~ ${reversed} and reverse(msisdn) ~<~ ${nextPrefix(reversed)}`);
    }
  }
  if (q.categoryId !== null) parts.push(sql`category_id = ${q.categoryId}`);
  return sql.join(parts, sql` and `);
}

export interface OfferRow extends Record<string, unknown> {
  msisdn: string;
  category_id: number;
}

/** Up to `limit` matching free numbers: those from the start point upwards first, then wrapped around. */
export function offerQuery(q: OfferQuery): SQL {
  const where = matchConditions(q);
  return sql`(select msisdn, category_id, random_key, 0 as part from number_pool
      where ${where} and random_key >= ${q.start} order by random_key limit ${q.limit})
    union all
    (select msisdn, category_id, random_key, 1 as part from number_pool
      where ${where} and random_key < ${q.start} order by random_key limit ${q.limit})
    order by part, random_key
    limit ${q.limit}`;
}
