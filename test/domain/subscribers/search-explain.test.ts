// R-SUB-SEARCH at scale: each mask shape is read off the index its strategy names — index-only where the
// index carries the page's columns — and never by a sequential scan of the subscribers (50 000 here).
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rawRows } from '../../../src/db/client.js';
import { subscriberPageQuery } from '../../../src/domain/subscribers/search.js';
import { createTestDeps } from '../../helpers/deps.js';
import { makeAccount, makeClient, makeTariff } from '../../helpers/fixtures.js';

const deps = await createTestDeps();
const big = await makeClient(deps.db);
const tariff = await makeTariff(deps.db);
const bigAccount = await makeAccount(deps.db, big.id);
const others = await Promise.all(Array.from({ length: 6 }, () => makeClient(deps.db)));
const otherAccounts = await Promise.all(others.map((c) => makeAccount(deps.db, c.id)));

// 20 000 numbers of one client and 30 000 of six others, spread over the 7-digit space of operator 33.
await deps.db.execute(sql`
  insert into subscribers (client_id, personal_account_id, msisdn, full_name, display_name, tariff_plan_id, balance, status, created_at)
  select c.client_id, c.account_id, '37533' || lpad(((g::bigint * 7919 + 1234567) % 10000000)::text, 7, '0'), 'Абонент', 'Абонент', ${tariff.id}, 0,
         'active', '2026-01-01T00:00:00Z'::timestamptz
  from generate_series(1, 50000) as g,
       lateral (select case when g <= 20000 then ${big.id} else (${`{${others.map((c) => c.id).join(',')}}`}::int[])[g % 6 + 1] end as client_id,
                       case when g <= 20000 then ${bigAccount.id} else (${`{${otherAccounts.map((a) => a.id).join(',')}}`}::int[])[g % 6 + 1] end as account_id) as c`);
await deps.db.execute(sql`vacuum analyze subscribers`);

const dialect = (deps.db as unknown as { dialect: { sqlToQuery(q: unknown): { sql: string; params: unknown[] } } })
  .dialect;
const literal = (v: unknown) => (typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);

async function plan(mask: string | undefined): Promise<string> {
  const { sql: text, params } = dialect.sqlToQuery(subscriberPageQuery(deps.db, big.id, { mask }, 11).getSQL());
  const inlined = text.replace(/\$(\d+)/g, (_, n) => literal(params[Number(n) - 1]));
  const rows = await rawRows<{ 'QUERY PLAN': string }>(deps.db, sql.raw(`explain ${inlined}`));
  const out = rows.map((r) => r['QUERY PLAN']).join('\n');
  if (process.env.SHOW_PLANS) process.stderr.write(`\n--- ${mask}\n${out}\n`);
  return out;
}

describe('R-SUB-SEARCH at scale: every mask shape is served by its index, never a sequential scan', () => {
  it.each([
    ['3312%', /Index Only Scan using subscribers_client_msisdn on/],
    ['%4567', /Index Only Scan using subscribers_client_msisdn_rev/],
    ['__1234567', /Index Only Scan using subscribers_client_msisdn_rev/],
    ['%12345%', /Bitmap Index Scan on subscribers_msisdn_trgm/],
    ['%123%', /Index Only Scan using subscribers_client_msisdn on/],
    ['%1_3_5%', /Index Only Scan using subscribers_client_msisdn on/],
    ['33%45', /Index Only Scan using subscribers_client_msisdn on/],
    [undefined, /Index Only Scan using subscribers_client_msisdn on/],
  ])('%s', async (mask, index) => {
    const text = await plan(mask);
    expect(text).not.toMatch(/Seq Scan on subscribers/);
    expect(text).toMatch(index);
  });
});
