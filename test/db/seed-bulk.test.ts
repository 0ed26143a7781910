// Bulk benchmark data (small sizes here): subscribers over generated clients with valid УНП, pool numbers
// stored with the classifier's category (R-NUM-CATEGORY), and repeated runs adding without collisions.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/db/client.js';
import { numberCategories, numberPool } from '../../src/db/schema/index.js';
import { BULK_POOL_PREFIX, BULK_SUBSCRIBER_PREFIX, seedBulk } from '../../src/db/seed/index.js';
import { clientSizes } from '../../src/db/seed/bulk.js';
import { classifyNumber, compileRules, defaultCategoryRules } from '../../src/domain/numbers/categories.js';
import { createTestDeps } from '../helpers/deps.js';

const deps = await createTestDeps();

const unpValid = (unp: string) => {
  const sum = [29, 23, 19, 17, 13, 7, 5, 3].reduce((s, w, i) => s + w * Number(unp[i]), 0) % 11;
  return /^\d{9}$/.test(unp) && sum <= 9 && sum === Number(unp[8]);
};
const count = async (query: ReturnType<typeof sql>) => Number((await rawRows<{ n: string }>(deps.db, query))[0]!.n);

beforeAll(async () => {
  await seedBulk(deps, { subscribers: 1_500, pool: 30_000, clientSubscribers: 1_000, concurrency: 2 });
}, 120_000);

describe('bulk seed: subscribers', () => {
  it('one client of clientSubscribers, the rest in clients of 500; 100 000 for the large one by default', () => {
    expect(clientSizes(1_500, 1_000)).toEqual([1_000, 500]);
    expect(clientSizes(1_200, 1_000)).toEqual([1_000, 200]);
    expect(clientSizes(900, 1_000)).toEqual([500, 400]);
    const million = clientSizes(1_000_000);
    expect(million[0]).toBe(100_000);
    expect(million.reduce((s, n) => s + n, 0)).toBe(1_000_000);
  });

  it('writes the subscribers over clients with valid УНП, personal accounts of at most 1 000 and full names', async () => {
    const perClient = await rawRows<{ unp: string; n: string; accounts: string }>(
      deps.db,
      sql`select c.unp, count(s.id) as n, count(distinct s.personal_account_id) as accounts
          from clients c join subscribers s on s.client_id = c.id group by c.unp order by count(s.id) desc`,
    );
    expect(perClient.map((r) => Number(r.n))).toEqual([1_000, 500]);
    expect(perClient.map((r) => Number(r.accounts))).toEqual([1, 1]);
    for (const r of perClient) expect(unpValid(r.unp)).toBe(true);
    const names = await rawRows<{ full_name: string; msisdn: string }>(
      deps.db,
      sql`select full_name, msisdn from subscribers limit 50`,
    );
    for (const r of names) {
      expect(r.full_name).toMatch(/^[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+$/);
      expect(r.msisdn.startsWith(BULK_SUBSCRIBER_PREFIX)).toBe(true);
    }
  });
});

describe('bulk seed: pool numbers (R-NUM-CATEGORY)', () => {
  it('each stored category equals the classifier’s, all five occur, random keys are uniform in [0, 1)', async () => {
    const rules = compileRules(defaultCategoryRules);
    const codeOf = new Map((await deps.db.select().from(numberCategories)).map((c) => [c.id, c.code]));
    const pool = await deps.db.select().from(numberPool);
    expect(pool).toHaveLength(30_000);
    const wrong = pool.filter((p) => codeOf.get(p.categoryId) !== classifyNumber(p.msisdn, rules));
    expect(wrong).toEqual([]);
    expect(new Set(pool.map((p) => codeOf.get(p.categoryId)))).toEqual(
      new Set(['simple', 'bronze', 'silver', 'gold', 'platinum']),
    );
    expect(
      pool.every(
        (p) => p.status === 'free' && p.msisdn.startsWith(BULK_POOL_PREFIX) && p.randomKey >= 0 && p.randomKey < 1,
      ),
    ).toBe(true);
    const mean = pool.reduce((s, p) => s + p.randomKey, 0) / pool.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
  });

  it('a second run adds more subscribers and numbers without colliding with the first', async () => {
    const result = await seedBulk(deps, { subscribers: 700, pool: 5_000 });
    expect(result).toEqual({ clients: 2, subscribers: 700, pool: 5_000 });
    expect(await count(sql`select count(*) as n from subscribers`)).toBe(2_200);
    expect(await count(sql`select count(distinct msisdn) as n from subscribers`)).toBe(2_200);
    expect(await count(sql`select count(*) as n from number_pool`)).toBe(35_000);
    expect(await count(sql`select count(distinct unp) as n from clients`)).toBe(4);
  });
});
