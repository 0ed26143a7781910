// `npm run bench`: press throughput against the framework's floor, search at 1 000 000 / 5 000 000 rows
// and at 50 000, a 10 000-line bulk list, memory — printed with the machine and the command, and saved
// to bench/results/latest.{md,json}. Flags: --only press,search,bulk  --chats N  --seconds N
// --warmup N  --rounds N  --log-level L  --profile (writes .cpuprofile files of the bot to bench/profiles/).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { runBulk } from './bulk/run.js';
import { runOrdersBench } from './orders.js';
import { ensureBenchDatabase } from './lib/databases.js';
import { BENCH_TOKEN, PG_ADMIN_URL, REDIS_URL, SCALES } from './lib/env.js';
import { describeMachine } from './lib/machine.js';
import { pass } from './lib/stats.js';
import { dropRedisPrefix, ensureChats } from './press/chats.js';
import type { ChatMessageState } from './press/bot-api.js';
import { runPress } from './press/run.js';
import { measureStatementCpu } from './press/statement-cpu.js';
import { report } from './report.js';
import { runSearch } from './search.js';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  return v === undefined || v.startsWith('--') ? '' : v;
}

const only = new Set((flag('only') ?? 'press,search,bulk,orders').split(','));
const chatsCount = Number(flag('chats') ?? 100);
const measureMs = Number(flag('seconds') ?? 20) * 1000;
const warmupMs = Number(flag('warmup') ?? 5) * 1000;
const logLevel = flag('log-level') ?? 'info';
const roundsCount = Number(flag('rounds') ?? 2);
const profileDir = flag('profile') !== undefined ? fileURLToPath(new URL('./profiles/', import.meta.url)) : undefined;
const started = Date.now();
const log = (line: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)} s] ${line}\n`);

const machine = await describeMachine(PG_ADMIN_URL, REDIS_URL);
const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
log(
  `machine: ${machine.cores} cores, ${machine.memory}, Node ${machine.node}, PostgreSQL ${machine.postgres.split(' ')[0]}, Redis ${machine.redis}`,
);

const large = await ensureBenchDatabase(SCALES.large, log);
const small = only.has('search') ? await ensureBenchDatabase(SCALES.small, log) : undefined;
const results: Record<string, unknown> = { machine, command, date: new Date().toISOString(), large, small };

if (only.has('press')) {
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const chats = await ensureChats(large.url, large.clientId, chatsCount);
  const redis = new Redis(REDIS_URL);
  const common = {
    log,
    chats: chats.map((c) => c.telegramId),
    warmupMs,
    measureMs,
    token: BENCH_TOKEN,
    dbUrl: large.url,
    redisUrl: REDIS_URL,
    logLevel,
    cpuProfileDir: profileDir,
  };
  const pressFull = (message: ChatMessageState) => {
    const all = message.replyMarkup?.inline_keyboard.flat().map((b) => b.callback_data ?? '') ?? [];
    // The subscriber menu ↔ «Операции с услугами»: each press edits the one message to the other screen.
    return all.find((d) => d.startsWith('ops:menu:')) ?? all.find((d) => d.startsWith('sm:show:')) ?? all[0]!;
  };
  const pressFloor = (message: ChatMessageState) => message.replyMarkup!.inline_keyboard[0]![0]!.callback_data!;
  // Floor and full stack alternate, so a neighbour's load on this shared machine hits both alike. Each
  // full-stack round has its own Redis prefix: the stand-in numbers updates from 1 again, and the bot
  // would drop them as already claimed.
  const rounds: { floor: Awaited<ReturnType<typeof runPress>>; full: Awaited<ReturnType<typeof runPress>> }[] = [];
  for (let round = 1; round <= roundsCount; round++) {
    log(
      `press round ${round}/${roundsCount}: floor (bare Telegraf), ${chats.length} chats, ${warmupMs / 1000} s warm-up + ${measureMs / 1000} s`,
    );
    const floor = await runPress({ ...common, mode: 'floor', redisPrefix: 'bench-floor:', choose: pressFloor });
    const prefix = `bench:${process.pid}:${round}:`;
    log(
      `press round ${round}/${roundsCount}: full stack (createApp, Postgres ${large.scale.database}, Redis prefix ${prefix})`,
    );
    try {
      const full = await runPress({ ...common, mode: 'full', redisPrefix: prefix, choose: pressFull });
      rounds.push({ floor, full });
    } finally {
      await dropRedisPrefix(redis, prefix);
    }
  }
  log('press: client CPU per statement of a press (sequential, alone)');
  const statementCpu = await measureStatementCpu(
    large.url,
    large.clientId,
    chats.map((c) => c.telegramId),
  );
  redis.disconnect();
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  results.press = {
    rounds,
    statementCpu,
    ratio: mean(rounds.map((r) => r.full.pressesPerSecond)) / mean(rounds.map((r) => r.floor.pressesPerSecond)),
  };
}

if (only.has('search')) {
  log(`search: ${large.scale.database}`);
  const searchLarge = await runSearch(large, { perShape: 60, poolPerShape: 60, warmup: 10 });
  log(`search: ${small!.scale.database}`);
  const searchSmall = await runSearch(small!, { perShape: 60, poolPerShape: 60, warmup: 10 });
  results.search = { large: searchLarge, small: searchSmall };
}

if (only.has('bulk')) {
  log('bulk: 10 000 lines, connect then disconnect, 1 worker');
  results.bulk = await runBulk({ url: large.url, clientId: large.clientId, lines: 10_000, workers: 1 });
}

if (only.has('orders')) {
  log('orders: a 10 000-line list records its orders; every event to a verifying loopback receiver');
  const orders = await runOrdersBench({ lines: 10_000, log });
  results.orders = orders;
  log(
    `orders: list ${orders.listSeconds} s (budget 15 s), ${orders.events} events delivered in ${orders.deliverySeconds} s (budget 20 s), ${orders.requests} requests`,
  );
}

results.seconds = (Date.now() - started) / 1000;
const text = report(results as never);
process.stdout.write(`${text}\n`);
const dir = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}latest.md`, `${text}\n`);
writeFileSync(`${dir}latest.json`, `${JSON.stringify(results, null, 2)}\n`);
log(
  `done in ${((Date.now() - started) / 1000).toFixed(0)} s; ${pass(true) && 'written'} bench/results/latest.{md,json}`,
);
process.exit(0);
