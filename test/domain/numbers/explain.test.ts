import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, rawRows } from '../../../src/db/client.js';
import { offerQuery } from '../../../src/domain/numbers/offer-query.js';
import { parseMask } from '../../../src/domain/phone.js';
import { createTestDeps } from '../../helpers/deps.js';
import { makeCategories } from '../../helpers/fixtures.js';

const deps = await createTestDeps();
const categories = await makeCategories(deps.db);
const POOL = 50_000;

// ~50 000 distinct numbers over four operator codes, mostly free, a few reserved, taken or in quarantine.
await deps.db.execute(sql`
  insert into number_pool (msisdn, category_id, status, random_key)
  select '375' || (array['25','29','33','44'])[i % 4 + 1] || lpad(((i::bigint * 7919) % 10000000)::text, 7, '0'),
         (array[${categories.simple}, ${categories.simple}, ${categories.bronze}, ${categories.silver}, ${categories.gold}, ${categories.platinum}]::int[])[i % 6 + 1],
         (case when i % 50 = 0 then 'taken' when i % 70 = 0 then 'quarantine' else 'free' end)::pool_status,
         random()
  from generate_series(1, ${POOL}) as i`);
await deps.db.execute(sql`vacuum analyze number_pool`);

function queryFor(mask: string, categoryId: number | null = null) {
  return offerQuery({
    like: parseMask(mask).like,
    categoryId,
    subscriberId: 1,
    currentMsisdn: '375290000000',
    now: deps.clock.now(),
    start: 0.5,
    limit: 10,
  });
}

async function plan(mask: string, categoryId: number | null = null): Promise<string> {
  const query = queryFor(mask, categoryId);
  const rows = await rawRows<{ 'QUERY PLAN': string }>(deps.db, sql`explain ${query}`);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe('R-NUM-OFFER at scale: each mask shape is served by an index, never a sequential scan of the pool', () => {
  it.each([
    ['29777%', 'prefix', /Index Only Scan using number_pool_msisdn_prefix/],
    ['%4567', 'suffix', /Index Only Scan using number_pool_msisdn_rev/],
    ['%77', 'short suffix: common, the random_key scan alone', /Index Only Scan using number_pool_random/],
    ['%777', 'suffix of three', /Index Only Scan using number_pool_msisdn_rev/],
    ['29%', 'short prefix', /Index Only Scan using number_pool_msisdn_prefix/],
    ['%12345%', 'long inner run', /Bitmap Index Scan on number_pool_msisdn_trgm/],
    ['%', 'everything', /Index Only Scan using number_pool_random/],
  ])('%s (%s)', async (mask, _shape, index) => {
    const text = await plan(mask);
    if (process.env.SHOW_PLANS) process.stderr.write(`\n--- ${mask}\n${text}\n`);
    expect(text).not.toMatch(/Seq Scan on number_pool/);
    expect(text).toMatch(index);
    // The random draw when matches are common reads number_pool_random alone, index-only.
    expect(text).toMatch(/Index Only Scan using number_pool_random/);
    expect(text).not.toMatch(/ Index Scan using number_pool/);
  });

  it('a category leads its (category_id, random_key) index', async () => {
    const text = await plan('%', categories.gold!);
    if (process.env.SHOW_PLANS) process.stderr.write(`\n--- % gold\n${text}\n`);
    expect(text).not.toMatch(/Seq Scan on number_pool/);
    expect(text).toMatch(/number_pool_category_random/);
  });
});

describe('R-NUM-OFFER at scale: the plan cached for bound parameters keeps the prefix and suffix indexes', () => {
  // postgres.js prepares statements; after a few runs PostgreSQL may switch to a generic plan that does
  // not know the LIKE pattern. The explicit ~>=~ / ~<~ ranges keep the index usable even then.
  const dialect = (deps.db as unknown as { dialect: { sqlToQuery(q: unknown): { sql: string; params: unknown[] } } })
    .dialect;
  const literal = (v: unknown) => (typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);

  async function genericPlan(db: Db, mask: string): Promise<string> {
    const { sql: text, params } = dialect.sqlToQuery(queryFor(mask));
    return db.transaction(async (tx) => {
      await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
      await tx.execute(sql.raw(`prepare offers_generic as ${text}`));
      try {
        const rows = await rawRows<{ 'QUERY PLAN': string }>(
          tx,
          sql.raw(`explain execute offers_generic(${params.map(literal).join(', ')})`),
        );
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      } finally {
        await tx.execute(sql`deallocate offers_generic`);
      }
    });
  }

  it.each([
    ['29777%', /number_pool_msisdn_prefix/],
    ['%4567', /number_pool_msisdn_rev/],
  ])('%s', async (mask, index) => {
    const text = await genericPlan(deps.db, mask);
    if (process.env.SHOW_PLANS) process.stderr.write(`\n--- generic ${mask}\n${text}\n`);
    expect(text).not.toMatch(/Seq Scan on number_pool/);
    expect(text).toMatch(index);
  });
});
