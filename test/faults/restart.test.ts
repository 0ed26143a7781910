// R-BULK, R-RENAME, R-TX: the worker process is killed (SIGKILL, no goodbye) while it applies a service
// list and then while it applies a confirmed rename list; after restarts everything is applied exactly
// once: each number's service once with one fee and one audit row, each rename once, the result file and
// the notices sent once. The real entry point (`src/worker.ts`) runs as a child process.
import { type ChildProcess, spawn } from 'node:child_process';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTelegramClient, TelegramNotifier } from '../../src/telegram/index.js';
import { loadConfig } from '../../src/config.js';
import {
  auditLog,
  bulkListLines,
  charges,
  renames,
  subscriberServices,
  subscribers,
} from '../../src/db/schema/index.js';
import { confirmServiceList, createServiceList } from '../../src/domain/bulk/index.js';
import { confirmRenameList, createRenameList } from '../../src/domain/renames/index.js';
import { jobHandlers } from '../../src/jobs/handlers/index.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { createLogger } from '../../src/logger.js';
import { createTestDeps } from '../helpers/deps.js';
import { adminActor, makeAccount, makeClient, makeService, makeTariff } from '../helpers/fixtures.js';
import { FaultyBotApi, TEST_TOKEN } from './support/fault-app.js';

// The worker applies a list a batch (hundreds of lines) per transaction, several batches at once: a kill
// right after the first committed batch lands mid-list when a list has several batches per lane.
const SERVICE_LINES = 3000;
const N = 3000;
const deps = await createTestDeps('2026-11-10T10:00', { renameDelaySeconds: 60 });
const api = new FaultyBotApi();
await api.start();
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await api.stop();
});

const db = deps.db;
const client = await makeClient(db, { name: 'ООО «Перезапуск»' });
const account = await makeAccount(db, client.id);
const tariff = await makeTariff(db);
const service = await makeService(db, { name: 'Услуга списком', connectFee: 150 }, [tariff.id]);
const rows = Array.from({ length: N }, (_, i) => ({
  clientId: client.id,
  personalAccountId: account.id,
  tariffPlanId: tariff.id,
  msisdn: `37533${String(1_000_000 + i).slice(-7)}`,
  fullName: `Абонент ${i}`,
  displayName: `Абонент ${i}`,
  balance: 10_000,
  createdAt: new Date('2026-01-01T00:00:00Z'),
}));
const subs: { id: number; msisdn: string }[] = [];
for (let i = 0; i < rows.length; i += 1000)
  subs.push(
    ...(await db
      .insert(subscribers)
      .values(rows.slice(i, i + 1000))
      .returning({ id: subscribers.id, msisdn: subscribers.msisdn })),
  );
const ids = subs.map((s) => s.id);
const admin = adminActor(client.id, 9501);

/** Starts `npm run worker`'s entry point against the test database with the clock at `at`. */
function startWorker(at: Date): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: api.url,
      DATABASE_URL: deps.database.url,
      SECRETS_KEY: deps.secretsKey.toString('hex'),
      BOT_NOW: at.toISOString(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

/** Waits until `done()` is between 1 and total-1, then kills the process outright. */
async function killMidway(
  child: ChildProcess,
  done: () => Promise<number>,
  total: number,
  what: string,
): Promise<number> {
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  child.stdout!.on('data', (c) => (stderr += c));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const n = await done();
    if (n > 0) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      const at = await done();
      // Killed too late to prove anything: the list must be bigger.
      expect(at, `${what}: the worker finished before it could be killed`).toBeLessThan(total);
      return at;
    }
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`${what}: the worker never started (${child.exitCode}): ${stderr}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const linesDone = async (listId: number) =>
  (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(bulkListLines)
      .where(and(eq(bulkListLines.listId, listId), eq(bulkListLines.status, 'done')))
  )[0]!.n;
const renamesApplied = async () =>
  (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(renames)
      .where(and(eq(renames.clientId, client.id), eq(renames.status, 'applied')))
  )[0]!.n;
const perSubscriber = async (table: 'services' | 'fees' | 'audits', action?: string) => {
  const q =
    table === 'services'
      ? db
          .select({ id: subscriberServices.subscriberId, n: sql<number>`count(*)::int` })
          .from(subscriberServices)
          .where(and(inArray(subscriberServices.subscriberId, ids), eq(subscriberServices.serviceId, service.id)))
          .groupBy(subscriberServices.subscriberId)
      : table === 'fees'
        ? db
            .select({ id: charges.subscriberId, n: sql<number>`count(*)::int` })
            .from(charges)
            .where(inArray(charges.subscriberId, ids))
            .groupBy(charges.subscriberId)
        : db
            .select({ id: auditLog.subscriberId, n: sql<number>`count(*)::int` })
            .from(auditLog)
            .where(and(inArray(auditLog.subscriberId, ids), eq(auditLog.action, action!)))
            .groupBy(auditLog.subscriberId);
  const counts = new Map((await q).map((r) => [r.id, r.n]));
  return ids.map((id) => counts.get(id) ?? 0);
};

describe('Faults: the worker process is killed mid-list and restarted', () => {
  it('a service list and a rename list, each interrupted by SIGKILL, end applied exactly once', {
    timeout: 120_000,
  }, async () => {
    const t0 = deps.clock.now();
    const listed = subs.slice(0, SERVICE_LINES);
    const list = await createServiceList(deps, admin, {
      serviceId: service.id,
      action: 'connect',
      source: { kind: 'text', text: listed.map((s) => s.msisdn).join('\n') },
      chatId: 9501,
    });
    expect(list.fine).toBe(SERVICE_LINES);
    await confirmServiceList(deps, admin, { listId: list.listId, nonce: 'restart-bulk' });
    const renameList = await createRenameList(deps, admin, {
      source: { kind: 'text', text: subs.map((s, i) => `${s.msisdn};Новое имя ${i}`).join('\n') },
      chatId: 9501,
    });
    expect(renameList.fine).toBe(N);
    await confirmRenameList(deps, admin, { listId: renameList.listId, nonce: 'restart-rename' });
    // 1. Killed while applying the service list (renames are not due yet on its clock).
    const atKill1 = await killMidway(startWorker(t0), () => linesDone(list.listId), SERVICE_LINES, 'service list');
    // 2. Restarted after its claims expired and the renames fell due; killed again mid-way.
    const later = new Date(t0.getTime() + 5 * 60_000);
    const second = startWorker(later);
    const atKill2 = await killMidway(second, renamesApplied, N, 'rename list');
    // 3. A last restart finishes whatever is left.
    deps.clock.set(new Date(t0.getTime() + 10 * 60_000));
    const config = loadConfig({ NODE_ENV: 'test', BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: api.url });
    const runner = new JobRunner({
      deps,
      notifier: new TelegramNotifier(createTelegramClient(TEST_TOKEN, api.url), createLogger('silent')),
      logger: createLogger('silent'),
      handlers: jobHandlers(config),
    });
    while ((await runner.runDue()) > 0);
    expect(atKill1).toBeGreaterThan(0);
    expect(atKill2).toBeGreaterThan(0);
    expect(await linesDone(list.listId)).toBe(SERVICE_LINES);
    const once = (counts: number[]) => counts.map((n, i) => (i < SERVICE_LINES ? n === 1 : n === 0));
    expect(new Set(once(await perSubscriber('services')))).toEqual(new Set([true]));
    expect(new Set(once(await perSubscriber('fees')))).toEqual(new Set([true]));
    expect(new Set(once(await perSubscriber('audits', 'services.connect')))).toEqual(new Set([true]));
    expect(new Set(await perSubscriber('audits', 'renames.apply'))).toEqual(new Set([1]));
    expect(await renamesApplied()).toBe(N);
    const names = await db
      .select({ id: subscribers.id, displayName: subscribers.displayName, balance: subscribers.balance })
      .from(subscribers)
      .where(inArray(subscribers.id, ids));
    const byId = new Map(names.map((s) => [s.id, s]));
    subs.forEach((s, i) => {
      expect(byId.get(s.id)!.displayName).toBe(`Новое имя ${i}`);
      expect(byId.get(s.id)!.balance).toBe(i < SERVICE_LINES ? 10_000 - 150 : 10_000);
    });
    // The requester hears once: one result file of the service list, one notice of the rename list.
    expect(api.telegram.calls.filter((c) => c.method === 'sendDocument')).toHaveLength(1);
    const notices = api.telegram.calls.filter(
      (c) => c.method === 'sendMessage' && /переимен/i.test(String(c.payload.text)),
    );
    expect(notices).toHaveLength(1);
  });
});
