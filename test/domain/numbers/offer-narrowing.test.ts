// R-NUM-OFFER with a narrowing (src/domain/numbers/offer-query.ts): whether the matches are read through a
// fixed end or a long inner run (up to the cap) or found by the random_key scan (more than the cap), the
// offers are the same draw — the matching free numbers from the start point upwards, then wrapped around.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rawRows } from '../../../src/db/client.js';
import { NARROW_CAP, narrowingOf, offerQuery, type OfferRow } from '../../../src/domain/numbers/offer-query.js';
import { parseMask } from '../../../src/domain/phone.js';
import { createTestDeps } from '../../helpers/deps.js';
import { makeCategories } from '../../helpers/fixtures.js';

const deps = await createTestDeps('2026-11-10T10:00');
const categories = await makeCategories(deps.db);
const simple = categories.simple!;
const silver = categories.silver!;

// 6 000 numbers starting 37544 12… (more than the cap behind the fixed start `4412`), 2 000 more of
// operator 44, deterministic random keys; every twentieth taken.
await deps.db.execute(sql`
  insert into number_pool (msisdn, category_id, status, random_key)
  select case when g <= 6000 then '3754412' || lpad(((g * 7919) % 100000)::text, 5, '0')
              else '37544' || lpad(((g * 104729) % 10000000)::text, 7, '0') end,
         (case when g % 7 = 0 then ${silver} else ${simple} end)::int, (case when g % 20 = 0 then 'taken' else 'free' end)::pool_status, ((g * 0.6180339887) % 1)::float8
  from generate_series(1, 8000) as g
  on conflict do nothing`);
await deps.db.execute(sql`vacuum analyze number_pool`);

const pool = await rawRows<{ msisdn: string; status: string; random_key: number; category_id: number }>(
  deps.db,
  sql`select msisdn, status, random_key, category_id from number_pool`,
);
const maskRegex = (mask: string) => new RegExp(`^375${mask.replace(/%/g, '\\d*').replace(/_/g, '\\d')}$`);

/** The draw by definition: matching free numbers, those at or above the start first, in random_key order. */
function expectedDraw(mask: string, start: number, limit: number, categoryId: number | null = null): string[] {
  const re = maskRegex(parseMask(mask).mask);
  return pool
    .filter(
      (n) => n.status === 'free' && re.test(n.msisdn) && (categoryId === null || Number(n.category_id) === categoryId),
    )
    .sort((a, b) => Number(a.random_key < start) - Number(b.random_key < start) || a.random_key - b.random_key)
    .slice(0, limit)
    .map((n) => n.msisdn);
}

async function offered(
  mask: string,
  start: number,
  limit: number,
  categoryId: number | null = null,
): Promise<string[]> {
  const rows = await rawRows<OfferRow>(
    deps.db,
    offerQuery({
      like: parseMask(mask).like,
      categoryId,
      subscriberId: 1,
      currentMsisdn: '375290000000',
      now: deps.clock.now(),
      start,
      limit,
    }),
  );
  return rows.map((r) => r.msisdn);
}

describe('R-NUM-OFFER: the narrowed read and the random_key scan draw the same offers', () => {
  it.each([
    ['4412%', 'prefix', 'more matches than the cap: the random_key scan'],
    ['44123%', 'prefix', 'fewer than the cap: all read through the fixed start'],
    ['%7', 'none', 'a short fixed end: matches are common, the random_key scan at once'],
    ['%77', 'none', 'two digits at the end: still common'],
    ['%123', 'suffix', 'a fixed end of three: through reverse(msisdn)'],
    ['%1234', 'suffix', 'a fixed end with a few'],
    ['%12345%', 'trigram', 'a long inner run'],
    ['%00000%', 'none', 'a long run of one repeated trigram: the random_key scan'],
    ['%1_3%', 'none', 'no narrowing'],
    ['29%', 'prefix', 'an operator the pool does not have: nothing, at once'],
  ])('%s (%s: %s)', async (mask, kind) => {
    expect(narrowingOf(parseMask(mask).like).kind).toBe(kind);
    for (const start of [0, 0.25, 0.999]) {
      for (const limit of [10, 40]) expect(await offered(mask, start, limit)).toEqual(expectedDraw(mask, start, limit));
    }
  });

  it.each([['4412%'], ['44123%'], ['%123'], ['%12345%']])(
    '%s with a category: the category filters what the capped read found',
    async (mask) => {
      for (const start of [0, 0.5]) {
        expect(await offered(mask, start, 40, silver)).toEqual(expectedDraw(mask, start, 40, silver));
        expect(await offered(mask, start, 40, simple)).toEqual(expectedDraw(mask, start, 40, simple));
      }
    },
  );

  it('the fixture has more matches than the cap behind `4412` and fewer behind `44123`', () => {
    const count = (mask: string) => pool.filter((n) => n.status === 'free' && maskRegex(mask).test(n.msisdn)).length;
    expect(count('4412%')).toBeGreaterThan(NARROW_CAP);
    expect(count('44123%')).toBeLessThan(NARROW_CAP);
  });
});
