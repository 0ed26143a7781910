// The bulk bench in its own process (so its peak RSS is the list's alone): a 10 000-line service list
// for the large client — «Подключить» caller_id — taken in (createServiceList: parse, checks, preview),
// confirmed, and applied by the real job handlers (bulkHandlers: apply jobs, then the result XLSX sent
// through a recording notifier); then the same numbers «Отключить», which puts the database back.
import { sql } from 'drizzle-orm';
import { rawRows } from '../../src/db/client.js';
import { confirmServiceList, createServiceList } from '../../src/domain/bulk/index.js';
import type { Actor } from '../../src/domain/actor.js';
import type { DomainDeps } from '../../src/domain/deps.js';
import { bulkHandlers } from '../../src/jobs/handlers/bulk.js';
import { JobRunner } from '../../src/jobs/runner.js';
import type { Notifier } from '../../src/jobs/types.js';
import { createLogger } from '../../src/logger.js';
import { systemClock } from '../../src/domain/clock.js';
import { defaultSettings } from '../../src/domain/settings.js';
import { openCountedDatabase, statementCounter } from '../lib/counted-db.js';

interface Options {
  url: string;
  clientId: number;
  lines: number;
  workers: number;
}

export interface BulkPhase {
  action: 'connect' | 'disconnect';
  intakeSeconds: number;
  confirmSeconds: number;
  applySeconds: number;
  resultSeconds: number;
  totalSeconds: number;
  done: number;
  refused: number;
  invalid: number;
  statements: number;
  resultBytes: number;
}

export interface BulkReport {
  lines: number;
  workers: number;
  rssStart: number;
  peakRssBefore: number;
  phases: BulkPhase[];
  peakRssAfter: number;
  rssEnd: number;
}

const options = JSON.parse(process.argv[2]!) as Options;
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const seconds = (from: number) => (performance.now() - from) / 1000;

const counter = statementCounter();
const database = openCountedDatabase(options.url, counter, 6);
const deps: DomainDeps = {
  db: database.db,
  clock: systemClock,
  settings: defaultSettings,
  secretsKey: Buffer.alloc(32, 7),
};
const logger = createLogger('warn');
const admin: Actor = { kind: 'admin', telegramId: 1, clientId: options.clientId };
const rssStart = process.memoryUsage.rss();

let resultBytes = 0;
const notifier: Notifier = {
  sendText: async () => ({ messageId: 1 }),
  editText: async () => {},
  sendDocument: async (_chatId, file) => {
    resultBytes = file.content.length;
    return { messageId: 2 };
  },
  deleteMessage: async () => {},
};

const [service] = await rawRows<{ id: number }>(database.db, sql`select id from services where code = 'caller_id'`);
// A fixed slice of the large client, away from the press chats (lowest ids) and the searchers (highest).
const subs = await rawRows<{ id: number; msisdn: string }>(
  database.db,
  sql`select id, msisdn from subscribers where client_id = ${options.clientId} order by id offset 20000 limit ${options.lines}`,
);
const ids = `{${subs.map((s) => s.id).join(',')}}`;
// A run that died half-way leaves some connected: start from none.
await database.db.execute(
  sql`delete from subscriber_services where service_id = ${service!.id} and subscriber_id = any(${ids}::int[])`,
);
const text = subs.map((s) => `+${s.msisdn}`).join('\n');
const peakRssBefore = peakRss();

async function phase(action: 'connect' | 'disconnect'): Promise<BulkPhase> {
  counter.reset();
  const t0 = performance.now();
  const preview = await createServiceList(deps, admin, {
    serviceId: service!.id,
    action,
    source: { kind: 'file', fileName: `bench-${action}.csv`, content: Buffer.from(text, 'utf8') },
    chatId: 1,
  });
  const intakeSeconds = seconds(t0);
  const t1 = performance.now();
  await confirmServiceList(deps, admin, {
    listId: preview.listId,
    nonce: `bench-${action}-${Date.now()}`,
    chatId: 1,
    progressMessageId: 1,
  });
  const confirmSeconds = seconds(t1);
  const t2 = performance.now();
  resultBytes = 0;
  const runners = Array.from(
    { length: options.workers },
    (_, i) => new JobRunner({ deps, notifier, logger, handlers: bulkHandlers(), workerId: `bench-${i}` }),
  );
  await Promise.all(
    runners.map(async (r) => {
      while ((await r.runDue()) > 0);
    }),
  );
  // The result job runs right after the last line: its share is the XLSX of every line.
  const [list] = await rawRows<{ finished_at: Date | string | null; confirmed_at: Date | string }>(
    database.db,
    sql`select finished_at, confirmed_at from bulk_lists where id = ${preview.listId}`,
  );
  const total = seconds(t2);
  const applySeconds = list?.finished_at
    ? (new Date(list.finished_at).getTime() - new Date(list.confirmed_at).getTime()) / 1000
    : total;
  const counts = await rawRows<{ status: string; n: number }>(
    database.db,
    sql`select status, count(*)::int as n from bulk_list_lines where list_id = ${preview.listId} group by status`,
  );
  const n = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
  return {
    action,
    intakeSeconds,
    confirmSeconds,
    applySeconds,
    resultSeconds: Math.max(0, total - applySeconds),
    totalSeconds: seconds(t0),
    done: n('done'),
    refused: n('refused'),
    invalid: n('invalid'),
    statements: counter.count,
    resultBytes,
  };
}

const phases = [await phase('connect'), await phase('disconnect')];
const report: BulkReport = {
  lines: subs.length,
  workers: options.workers,
  rssStart,
  peakRssBefore,
  phases,
  peakRssAfter: peakRss(),
  rssEnd: process.memoryUsage.rss(),
};
await database.close();
process.send!({ type: 'report', report });
process.disconnect();
