// The same demo seed on embedded PGlite (what `npm start` uses without DATABASE_URL), and determinism:
// seeded with the same clock, PGlite and the PostgreSQL server hold the very same demo rows.
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, type Executor, openDatabase, rawRows } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import {
  DEMO_CLIENT_UNP,
  DEMO_SECOND_SUBSCRIBER_MSISDN,
  DEMO_SUBSCRIBER_MSISDN,
  seedDemo,
} from '../../src/db/seed/index.js';
import { ManualClock } from '../../src/domain/clock.js';
import { defaultSettings } from '../../src/domain/settings.js';
import { createTestDeps, minsk, TEST_SECRETS_KEY } from '../helpers/deps.js';

const NOW = '2026-11-10T10:00';

/** A digest of the demo by business keys (not ids), table by table. */
async function fingerprint(db: Executor): Promise<Record<string, string>> {
  const queries: Record<string, string> = {
    clients: `select string_agg(concat_ws('|', unp, name, payment_form, credit_limit, balance), ';' order by unp) from clients`,
    subscribers: `select string_agg(concat_ws('|', s.msisdn, s.full_name, s.display_name, s.balance, s.status, t.code, a.number), ';' order by s.msisdn)
                  from subscribers s join tariff_plans t on t.id = s.tariff_plan_id join personal_accounts a on a.id = s.personal_account_id`,
    pool: `select md5(string_agg(concat_ws('|', p.msisdn, c.code, p.status, p.random_key), ';' order by p.msisdn)) from number_pool p join number_categories c on c.id = p.category_id`,
    usage: `select md5(string_agg(concat_ws('|', s.msisdn, u.occurred_at, u.kind, u.other_party, u.quantity, u.cost), ';' order by s.msisdn, u.occurred_at, u.other_party))
            from usage_records u join subscribers s on s.id = u.subscriber_id`,
    charges: `select md5(string_agg(concat_ws('|', s.msisdn, c.period, c.kind, c.description, c.amount), ';' order by s.msisdn, c.period, c.kind, c.description))
              from charges c join subscribers s on s.id = c.subscriber_id`,
    invoices: `select string_agg(concat_ws('|', number, amount, vat, paid), ';' order by number) from invoices`,
    payments: `select string_agg(concat_ws('|', document_number, paid_on, amount, status), ';' order by document_number) from payments`,
  };
  const out: Record<string, string> = {};
  for (const [name, q] of Object.entries(queries)) {
    const [row] = await rawRows<Record<string, string>>(db, sql.raw(`select (${q}) as v`));
    out[name] = String(row!.v);
  }
  return out;
}

let embedded: Database | undefined;
afterAll(async () => embedded?.close());

describe('demo seed on embedded PGlite', () => {
  it('migrates and seeds an empty embedded database, and the same clock gives the same rows as on the server', async () => {
    embedded = await openDatabase({ dataDir: 'memory://' });
    await migrate(embedded);
    const deps = {
      db: embedded.db,
      clock: new ManualClock(minsk(NOW)),
      settings: defaultSettings,
      secretsKey: TEST_SECRETS_KEY,
    };
    const result = await seedDemo(deps);
    expect(result.seeded).toBe(true);
    expect(await seedDemo(deps)).toMatchObject({ seeded: false });

    const named = await rawRows<{ msisdn: string; unp: string }>(
      embedded.db,
      sql`select s.msisdn, c.unp from subscribers s join clients c on c.id = s.client_id where s.msisdn in (${DEMO_SUBSCRIBER_MSISDN}, ${DEMO_SECOND_SUBSCRIBER_MSISDN}) order by s.msisdn`,
    );
    expect(named).toEqual([
      { msisdn: DEMO_SUBSCRIBER_MSISDN, unp: DEMO_CLIENT_UNP },
      { msisdn: DEMO_SECOND_SUBSCRIBER_MSISDN, unp: '190000005' },
    ]);

    const server = await createTestDeps(NOW);
    await seedDemo(server);
    expect(await fingerprint(embedded.db)).toEqual(await fingerprint(server.db));
  }, 180_000);
});
