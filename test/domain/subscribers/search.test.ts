// R-SUB-SEARCH with the index chosen per mask shape (src/domain/subscribers/mask-strategy.ts): every shape
// finds exactly the client's live numbers the mask matches, in msisdn order, page by page (R-SCOPE: never
// another client's, never a terminated one).
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { subscribers } from '../../../src/db/schema/index.js';
import { maskStrategy } from '../../../src/domain/subscribers/mask-strategy.js';
import { searchSubscribers } from '../../../src/domain/subscribers/search.js';
import { parseMask } from '../../../src/domain/phone.js';
import { createTestDeps } from '../../helpers/deps.js';
import { adminActor, makeAccount, makeClient, makeSubscriber, makeTariff } from '../../helpers/fixtures.js';

const deps = await createTestDeps();
const mine = await makeClient(deps.db);
const other = await makeClient(deps.db);
const tariff = await makeTariff(deps.db);

// 1 500 numbers of my client and 1 500 of another over operators 29, 33, 44 (deterministic), plus
// hand-picked shapes in both; one of mine terminated.
async function fill(clientId: number, seed: number, extra: string[]) {
  const account = await makeAccount(deps.db, clientId);
  await deps.db.execute(sql`
    insert into subscribers (client_id, personal_account_id, msisdn, full_name, display_name, tariff_plan_id, balance, status, created_at)
    select ${clientId}, ${account.id}, m, 'Абонент', 'Абонент ' || m, ${tariff.id}, 0, 'active', '2026-01-01T00:00:00Z'::timestamptz
    from (select distinct '375' || (array['29','33','44'])[g % 3 + 1] || lpad(((g::bigint * 7919 + ${seed}) % 10000000)::text, 7, '0') as m
          from generate_series(1, 1500) as g) as x
    on conflict do nothing`);
  for (const msisdn of extra)
    await makeSubscriber(deps.db, { clientId, personalAccountId: account.id, tariffPlanId: tariff.id, msisdn });
}
await fill(mine.id, 11, ['375291234567', '375331234567', '375291112345', '375447777777', '375290001234']);
await fill(other.id, 5_000_003, ['375299991234', '375299912345']);
const gone = await makeSubscriber(deps.db, { clientId: mine.id, msisdn: '375441212345' });
await deps.db.update(subscribers).set({ status: 'terminated' }).where(eq(subscribers.id, gone.id));
await deps.db.execute(sql`vacuum analyze subscribers`);

const admin = adminActor(mine.id);
const maskRegex = (mask: string) => new RegExp(`^375${mask.replace(/%/g, '\\d*').replace(/_/g, '\\d')}$`);

async function expected(mask: string | undefined): Promise<string[]> {
  const rows = await deps.db
    .select({ msisdn: subscribers.msisdn, clientId: subscribers.clientId, status: subscribers.status })
    .from(subscribers);
  const re = mask === undefined ? /.*/ : maskRegex(parseMask(mask).mask);
  return rows
    .filter((r) => r.clientId === mine.id && r.status !== 'terminated' && re.test(r.msisdn))
    .map((r) => r.msisdn)
    .sort();
}

async function allPages(mask: string | undefined): Promise<string[]> {
  const found: string[] = [];
  let after: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const result = await searchSubscribers(deps, admin, { mask, after, limit: 37 });
    found.push(...result.items.map((i) => i.msisdn));
    if (!result.nextAfter) return found;
    after = result.nextAfter;
  }
  throw new Error('no end of pages');
}

describe('R-SUB-SEARCH: each mask shape finds exactly the matching numbers of the client, in order, page by page', () => {
  it.each([
    ['29%', 'ordered', 'trailing %: the fixed start ranges over msisdn'],
    ['2912%', 'ordered', 'a longer fixed start'],
    ['%567', 'suffix', 'leading %: the fixed end ranges over reverse(msisdn)'],
    ['__1234567', 'suffix', '`_` before a fixed end'],
    ['%67', 'ordered', 'a short fixed end walks the client in order'],
    ['%1234%', 'trigram', 'an inner run of four digits: pg_trgm'],
    ['%12345%', 'trigram', 'a longer inner run'],
    ['%7777%', 'ordered', 'a run of one repeated trigram walks the client in order'],
    ['%123%', 'ordered', 'a short inner run walks the client in order'],
    ['29%45', 'ordered', 'both ends fixed'],
    ['33_2%', 'ordered', '`_` inside'],
    ['%1_3_5%', 'ordered', '`_` and % with no long run'],
    ['%', 'ordered', '«%» is every number'],
    ['291234567', 'exact', 'a whole number'],
    ['441212345', 'exact', 'a terminated number is not found'],
    ['299991234', 'exact', 'another client’s number is not found'],
  ])('%s (%s: %s)', async (mask, strategy) => {
    expect(maskStrategy(parseMask(mask).like).kind).toBe(strategy);
    const want = await expected(mask);
    expect(await allPages(mask)).toEqual(want);
  });

  it('«Показать все» lists every live number of the client in order', async () => {
    const want = await expected(undefined);
    expect(want.length).toBeGreaterThan(1500);
    expect(await allPages(undefined)).toEqual(want);
  });
});
