// Bench of «Действия с услугами по списку абонентов» (R-BULK), kept out of the test suite: a private
// PostgreSQL database cloned from the migrated template, 10 000 numbers of one client (with every kind of
// refusal mixed in) among 100 000 subscribers of others; then the preview (createServiceList of a CSV),
// the confirmation and the apply by the real job handlers (bulkHandlers, 4 lanes as in production),
// first «Подключить» then «Отключить» the same numbers. Prints seconds, SQL statements per line and the
// outcome counts (so a faster run that decides differently is seen at once).
// With --pglite the same runs on the embedded PGlite (what the bot uses without DATABASE_URL), one lane.
//   npx tsx bench/bulk-services.ts [--lines 10000] [--keep] [--pglite]
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { type Db, openDatabase, rawRows } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import * as schema from '../src/db/schema/index.js';
import type { Actor } from '../src/domain/actor.js';
import { confirmServiceList, createServiceList } from '../src/domain/bulk/index.js';
import { systemClock, today } from '../src/domain/clock.js';
import type { DomainDeps } from '../src/domain/deps.js';
import { defaultSettings } from '../src/domain/settings.js';
import { addDays } from '../src/domain/time.js';
import { bulkHandlers } from '../src/jobs/handlers/bulk.js';
import { JobRunner } from '../src/jobs/runner.js';
import type { Notifier } from '../src/jobs/types.js';
import { createLogger } from '../src/logger.js';
import setupTemplate from '../test/helpers/global-setup.js';
import { PG_ADMIN_URL, pgUrl, templateName } from '../test/helpers/pg.js';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : (process.argv[i + 1] ?? '');
}
const LINES = Number(flag('lines') ?? 10_000);
const PGLITE = flag('pglite') !== undefined;
const OTHERS = 100_000;
const DB_NAME = 'portal_bench_bulk_services';
const log = (line: string) => process.stderr.write(`[bulk-services] ${line}\n`);

// --- database ----------------------------------------------------------------------------------------
let statements = 0;
let db: Db;
let close: () => Promise<void>;
const admin = PGLITE ? undefined : postgres(PG_ADMIN_URL, { max: 1, onnotice: () => {} });
if (admin) {
  await setupTemplate();
  await admin.unsafe(`drop database if exists "${DB_NAME}" with (force)`);
  await admin.unsafe(`create database "${DB_NAME}" template "${templateName()}"`);
  const client = postgres(pgUrl(DB_NAME), {
    max: 6,
    onnotice: () => {},
    connection: { TimeZone: 'UTC' },
    debug: () => {
      statements++;
    },
  });
  db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Db;
  close = () => client.end({ timeout: 5 });
} else {
  const database = await openDatabase({ dataDir: 'memory://' });
  await addExtensions(database.db);
  await migrate(database);
  db = database.db;
  close = () => database.close();
}
async function addExtensions(d: Db) {
  await d.execute(sql`create extension if not exists pg_trgm`);
}
const deps: DomainDeps = { db, clock: systemClock, settings: defaultSettings, secretsKey: Buffer.alloc(32, 7) };
const day = today(systemClock);

// --- seed: one client with LINES numbers, refusals of every kind mixed in; others around it --------------
const q = <T extends Record<string, unknown>>(s: ReturnType<typeof sql>) => rawRows<T>(db, s);
const [c] = await q<{ id: number }>(sql`
  insert into clients (name, unp, payment_form, credit_limit, balance, contract_number, contract_date, bill_delivery_method, bill_delivery_address, created_at)
  values ('ООО «Бенч»', '190000001', 'credit', 10000, 0, 'Д-1', '2024-01-15', 'email', 'b@example.by', now()) returning id`);
const [other] = await q<{ id: number }>(sql`
  insert into clients (name, unp, payment_form, credit_limit, balance, contract_number, contract_date, bill_delivery_method, bill_delivery_address, created_at)
  values ('ООО «Другие»', '190000002', 'advance', 0, 0, 'Д-2', '2024-01-15', 'email', 'o@example.by', now()) returning id`);
const clientId = c!.id;
const [acc] = await q<{ id: number }>(
  sql`insert into personal_accounts (client_id, number, name) values (${clientId}, 'LSB0000001', 'Счет') returning id`,
);
const [acc2] = await q<{ id: number }>(
  sql`insert into personal_accounts (client_id, number, name) values (${other!.id}, 'LSB0000002', 'Счет') returning id`,
);
const tariff = async (code: string) => {
  const [row] = await q<{ id: number }>(
    sql`insert into tariff_plans (code, name, monthly_fee) values (${code}, ${code}, 1500) returning id`,
  );
  return row!.id;
};
const open = await tariff('bench_open');
const closed = await tariff('bench_closed');
const svc = async (code: string, connectFee: number) => {
  const [row] = await q<{ id: number }>(sql`
    insert into services (code, kind, name, description, connect_fee, monthly_fee) values (${code}, 'additional', ${`Бенч ${code}`}, '', ${connectFee}, 300) returning id`);
  await db.execute(sql`insert into tariff_services (tariff_plan_id, service_id) values (${open}, ${row!.id})`);
  return row!.id;
};
const serviceId = await svc('bench_s', 250);
const excluding = await svc('bench_x', 0);
const extraA = await svc('bench_a', 0);
const extraB = await svc('bench_b', 0);
await db.execute(
  sql`insert into service_exclusions (service_a_id, service_b_id) values (${Math.min(serviceId, excluding)}, ${Math.max(serviceId, excluding)})`,
);

// Line i (0-based) of the list: i % 100 picks its case. 0–2 tariff forbids it, 3 blocked, 4 paused,
// 5 already connected, 6 an excluding service connected, 7 the fee not covered, 50 blocked after the
// preview (refused by the worker); the rest connect.
const kinds = [
  'notAllowed',
  'notAllowed',
  'notAllowed',
  'blocked',
  'paused',
  'alreadyConnected',
  'excluded',
  'insufficientFunds',
];
await db.execute(sql`
  insert into subscribers (client_id, personal_account_id, msisdn, full_name, display_name, tariff_plan_id, balance, status, created_at)
  select ${other!.id}, ${acc2!.id}, '37533' || lpad(g::text, 7, '0'), 'Другой ' || g, 'Другой ' || g, ${open}, 5000, 'active', now()
  from generate_series(1, ${OTHERS}::int) g`);
await db.execute(sql`
  insert into subscribers (client_id, personal_account_id, msisdn, full_name, display_name, tariff_plan_id, balance, status, created_at)
  select ${clientId}, ${acc!.id}, '37529' || lpad(g::text, 7, '0'), 'Абонент ' || g, 'Абонент ' || g,
         case when g % 100 < 3 then ${closed}::int else ${open}::int end,
         case when g % 100 = 7 then -9900 else 5000 end,
         (case when g % 100 = 3 then 'blocked' else 'active' end)::subscriber_status, now()
  from generate_series(0, ${LINES - 1}::int) g`);
const ids = (k: number) =>
  sql`(select id from subscribers where client_id = ${clientId} and (substr(msisdn, 6)::int % 100) = ${k})`;
await db.execute(
  sql`insert into pauses (subscriber_id, starts_on, ends_on, fee, created_at) select id, ${addDays(day, -2)}, ${addDays(day, 10)}, 0, now() from ${ids(4)} s`,
);
await db.execute(
  sql`insert into subscriber_services (subscriber_id, service_id, connected_at) select id, ${serviceId}, now() from ${ids(5)} s`,
);
await db.execute(
  sql`insert into subscriber_services (subscriber_id, service_id, connected_at) select id, ${excluding}, now() from ${ids(6)} s`,
);
// Every subscriber has two other services (the rows an exclusion check must read past).
await db.execute(
  sql`insert into subscriber_services (subscriber_id, service_id, connected_at) select id, s.sid, now() from subscribers, (values (${extraA}::int), (${extraB}::int)) s(sid)`,
);
await db.execute(sql`analyze`);

const numbers = await q<{ msisdn: string }>(
  sql`select msisdn from subscribers where client_id = ${clientId} order by msisdn`,
);
const csv = Buffer.from(['Номер', ...numbers.map((n) => `+${n.msisdn}`)].join('\r\n'), 'utf8');
const actor: Actor = { kind: 'admin', telegramId: 1, clientId };
log(`seeded: ${numbers.length} numbers of the client, ${OTHERS} of another; CSV ${(csv.length / 1024).toFixed(0)} KiB`);

// --- phases --------------------------------------------------------------------------------------------
const notifier: Notifier = {
  sendText: async () => ({ messageId: 1 }),
  editText: async () => {},
  sendDocument: async () => ({ messageId: 2 }),
  deleteMessage: async () => {},
};
const logger = createLogger('warn');
const seconds = (from: number) => Number(((performance.now() - from) / 1000).toFixed(2));

async function phase(action: 'connect' | 'disconnect') {
  statements = 0;
  const t0 = performance.now();
  const preview = await createServiceList(deps, actor, {
    serviceId,
    action,
    source: { kind: 'file', fileName: 'list.csv', content: csv },
    chatId: 1,
  });
  const previewSeconds = seconds(t0);
  const previewStatements = statements;
  const reasons: Record<string, number> = {};
  for (const b of preview.bad) reasons[b.reason.code] = (reasons[b.reason.code] ?? 0) + 1;
  // Between preview and confirmation 1 number in 100 is blocked: the worker, not the preview, refuses it
  // (for a disconnection a block changes nothing: those lines are still applied).
  await db.execute(sql`update subscribers set status = 'blocked' where id in ${ids(50)}`);
  await confirmServiceList(deps, actor, {
    listId: preview.listId,
    nonce: `bench-${action}-${Date.now()}`,
    chatId: 1,
    progressMessageId: 1,
  });
  statements = 0;
  const t1 = performance.now();
  const runner = new JobRunner({
    deps,
    notifier,
    logger,
    handlers: bulkHandlers({ concurrency: PGLITE ? 1 : 4 }),
    workerId: 'bench',
  });
  while ((await runner.runDue()) > 0);
  const totalSeconds = seconds(t1);
  const applyStatements = statements;
  const [list] = await q<{ confirmed_at: string; finished_at: string | null }>(
    sql`select confirmed_at, finished_at from bulk_lists where id = ${preview.listId}`,
  );
  const counts = await q<{ status: string; reason: string | null; n: number }>(
    sql`select status, split_part(reason, ' ', 1) as reason, count(*)::int as n from bulk_list_lines where list_id = ${preview.listId} group by 1, 2 order by 1, 2`,
  );
  return {
    action,
    preview: {
      seconds: previewSeconds,
      statements: PGLITE ? null : previewStatements,
      fine: preview.fine,
      bad: reasons,
    },
    apply: {
      seconds: list?.finished_at
        ? (new Date(list.finished_at).getTime() - new Date(list.confirmed_at).getTime()) / 1000
        : null,
      secondsWithResultFile: totalSeconds,
      statements: PGLITE ? null : applyStatements,
      statementsPerLine: PGLITE ? null : Number((applyStatements / Math.max(1, preview.fine)).toFixed(3)),
    },
    outcomes: Object.fromEntries(counts.map((r) => [`${r.status}${r.reason ? ` ${r.reason}` : ''}`, Number(r.n)])),
  };
}

const connect = await phase('connect');
const disconnect = await phase('disconnect');
const [fees] = await q<{ n: number; sum: number }>(
  sql`select count(*)::int as n, coalesce(sum(amount), 0)::int as sum from charges`,
);
const [svcRows] = await q<{ n: number }>(
  sql`select count(*)::int as n from subscriber_services where service_id = ${serviceId}`,
);
const result = {
  database: PGLITE ? 'PGlite (embedded, one connection), 1 lane' : 'PostgreSQL (postgres.js, pool 6), 4 lanes',
  lines: numbers.length,
  expectedRefusalsPerHundred: kinds,
  connect,
  disconnect,
  after: { feeLines: fees!.n, feeKopecks: fees!.sum, stillConnected: svcRows!.n },
  peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / 1024 / 1024),
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
await close();
if (admin && flag('keep') === undefined) await admin.unsafe(`drop database if exists "${DB_NAME}" with (force)`);
await admin?.end();
