// Bench of orders (issue 19, R-ORDER / R-EVENT): a 10 000-line «Подключить» list records one order per
// line (two events each) inside the list's own batches, within the list's time budget (≤ 15 s); then every
// event reaches a real loopback receiver that verifies each signature (≤ 20 s). A private PostgreSQL
// database cloned from the migrated template. Part of `npm run bench` (--only orders); alone:
//   npx tsx bench/orders.ts [--lines 10000] [--keep]
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { type Db, rawRows } from '../src/db/client.js';
import * as schema from '../src/db/schema/index.js';
import type { Actor } from '../src/domain/actor.js';
import { confirmServiceList, createServiceList } from '../src/domain/bulk/index.js';
import { systemClock } from '../src/domain/clock.js';
import type { DomainDeps } from '../src/domain/deps.js';
import { defaultSettings } from '../src/domain/settings.js';
import { bulkHandlers } from '../src/jobs/handlers/bulk.js';
import { JobRunner } from '../src/jobs/runner.js';
import type { Notifier } from '../src/jobs/types.js';
import { createLogger } from '../src/logger.js';
import { OrderDelivery } from '../src/orders/delivery.js';
import { eventCounts } from '../src/orders/outbox.js';
import setupTemplate from '../test/helpers/global-setup.js';
import { PG_ADMIN_URL, pgUrl, templateName } from '../test/helpers/pg.js';
import { startReceiver, TEST_WEBHOOK_SECRET } from '../test/helpers/webhook-receiver.js';

export interface OrdersReport {
  lines: number;
  listSeconds: number;
  orders: number;
  events: number;
  deliverySeconds: number;
  requests: number;
  allSignaturesValid: boolean;
  eventsPerSecond: number;
  budget: { listSeconds: 15; deliverySeconds: 20 };
}

const DB_NAME = 'portal_bench_orders';
const seconds = (from: number) => Number(((performance.now() - from) / 1000).toFixed(2));

export async function runOrdersBench(options: { lines?: number; keep?: boolean; log?: (s: string) => void } = {}) {
  const lines = options.lines ?? 10_000;
  const log = options.log ?? ((line: string) => process.stderr.write(`[orders] ${line}\n`));
  const admin = postgres(PG_ADMIN_URL, { max: 1, onnotice: () => {} });
  await setupTemplate();
  await admin.unsafe(`drop database if exists "${DB_NAME}" with (force)`);
  await admin.unsafe(`create database "${DB_NAME}" template "${templateName()}"`);
  const client = postgres(pgUrl(DB_NAME), { max: 6, onnotice: () => {}, connection: { TimeZone: 'UTC' } });
  const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Db;
  const deps: DomainDeps = { db, clock: systemClock, settings: defaultSettings, secretsKey: Buffer.alloc(32, 7) };
  const q = <T extends Record<string, unknown>>(s: ReturnType<typeof sql>) => rawRows<T>(db, s);
  const receiver = await startReceiver();
  try {
    const [c] = await q<{ id: number }>(sql`
      insert into clients (name, unp, payment_form, credit_limit, balance, contract_number, contract_date, bill_delivery_method, bill_delivery_address, created_at)
      values ('ООО «Заявки»', '190000011', 'credit', 10000, 0, 'Д-1', '2024-01-15', 'email', 'o@example.by', now()) returning id`);
    const clientId = c!.id;
    const [acc] = await q<{ id: number }>(
      sql`insert into personal_accounts (client_id, number, name) values (${clientId}, 'LSO0000001', 'Счет') returning id`,
    );
    const [plan] = await q<{ id: number }>(
      sql`insert into tariff_plans (code, name, monthly_fee) values ('orders_open', 'Открытый', 1500) returning id`,
    );
    const [svc] = await q<{ id: number }>(sql`
      insert into services (code, kind, name, description, connect_fee, monthly_fee) values ('orders_s', 'additional', 'Бенч', '', 250, 300) returning id`);
    await db.execute(sql`insert into tariff_services (tariff_plan_id, service_id) values (${plan!.id}, ${svc!.id})`);
    await db.execute(sql`
      insert into subscribers (client_id, personal_account_id, msisdn, full_name, display_name, tariff_plan_id, balance, status, created_at)
      select ${clientId}, ${acc!.id}, '37529' || lpad(g::text, 7, '0'), 'Абонент ' || g, 'Абонент ' || g, ${plan!.id}, 5000, 'active', now()
      from generate_series(0, ${lines - 1}::int) g`);
    await db.execute(sql`analyze`);
    const numbers = await q<{ msisdn: string }>(sql`select msisdn from subscribers where client_id = ${clientId}`);
    const csv = Buffer.from(['Номер', ...numbers.map((n) => `+${n.msisdn}`)].join('\r\n'), 'utf8');
    const actor: Actor = { kind: 'admin', telegramId: 1, clientId };
    const notifier: Notifier = {
      sendText: async () => ({ messageId: 1 }),
      editText: async () => {},
      sendDocument: async () => ({ messageId: 2 }),
      deleteMessage: async () => {},
    };
    const logger = createLogger('warn');

    const preview = await createServiceList(deps, actor, {
      serviceId: svc!.id,
      action: 'connect',
      source: { kind: 'file', fileName: 'list.csv', content: csv },
      chatId: 1,
    });
    await confirmServiceList(deps, actor, {
      listId: preview.listId,
      nonce: `orders-${Date.now()}`,
      chatId: 1,
      progressMessageId: 1,
    });
    const t0 = performance.now();
    const runner = new JobRunner({
      deps,
      notifier,
      logger,
      handlers: bulkHandlers({ concurrency: 4 }),
      workerId: 'bench',
    });
    while ((await runner.runDue()) > 0);
    const listSeconds = seconds(t0);
    const [orders] = await q<{ n: number }>(sql`select count(*)::int as n from orders`);
    const before = await eventCounts(db);
    log(`list: ${lines} lines in ${listSeconds} s, ${orders!.n} orders, ${before.pending} events pending`);

    const delivery = new OrderDelivery({
      db,
      clock: systemClock,
      logger,
      url: receiver.url,
      secrets: { current: TEST_WEBHOOK_SECRET },
      retryHours: 24,
      keepDays: 30,
    });
    const t1 = performance.now();
    while ((await delivery.runDue()) > 0);
    const deliverySeconds = seconds(t1);
    const after = await eventCounts(db);
    const accepted = receiver.accepted().length;
    log(`delivery: ${accepted} events in ${receiver.received.length} requests, ${deliverySeconds} s`);
    const report: OrdersReport = {
      lines,
      listSeconds,
      orders: orders!.n,
      events: accepted,
      deliverySeconds,
      requests: receiver.received.length,
      allSignaturesValid: receiver.received.every((r) => r.verified) && after.pending === 0,
      eventsPerSecond: Math.round(accepted / Math.max(0.001, deliverySeconds)),
      budget: { listSeconds: 15, deliverySeconds: 20 },
    };
    return report;
  } finally {
    await receiver.close();
    await client.end({ timeout: 5 });
    if (!options.keep) await admin.unsafe(`drop database if exists "${DB_NAME}" with (force)`);
    await admin.end();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--lines');
  const report = await runOrdersBench({
    lines: i > 0 ? Number(process.argv[i + 1]) : undefined,
    keep: process.argv.includes('--keep'),
  });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}
