// The bot process of the press bench, forked by bench/press/run.ts. `full`: the real app (createApp with
// its middleware, scenes and domain) on the bench database and the machine's Redis, every SQL statement
// and Redis command counted; `floor`: a bare Telegraf bot that only answers the callback and edits the
// message. Both poll the parent's loopback Bot API; the parent asks for counters over IPC.
import type { Redis } from 'ioredis';
import { type Context, Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { statementCounter } from '../lib/counted-db.js';

export interface ChildOptions {
  mode: 'full' | 'floor';
  apiRoot: string;
  token: string;
  dbUrl: string;
  redisUrl: string;
  redisPrefix: string;
  logLevel: string;
}

export interface ChildReport {
  updates: number;
  /** Handler time per update (handleUpdate start → end), ms. */
  handlerMs: number[];
  sql: number;
  sqlTexts: [string, number][];
  redisLock: number;
  redisOther: number;
  redisCommands: [string, number][];
  /** CPU time (user + system) of the bot process since the reset, ms. */
  cpuMs: number;
  rss: number;
  rssMax: number;
  heapUsed: number;
}

const options = JSON.parse(process.argv[2]!) as ChildOptions;
const send = (message: unknown) => process.send!(message);

const counter = statementCounter();
const redisCounts = { lock: 0, other: 0, commands: new Map<string, number>() };
let handlerMs: number[] = [];
let updates = 0;
let rssMax = 0;
let cpuAtReset = process.cpuUsage();
setInterval(() => {
  rssMax = Math.max(rssMax, process.memoryUsage.rss());
}, 100).unref();

/** Counts every command the client sends; the chat lock's own (SET NX / release script) apart. */
function countRedis(redis: Redis, prefix: string): void {
  const original = redis.sendCommand.bind(redis);
  const lockPrefix = `${prefix}lock:`;
  redis.sendCommand = ((command: { name: string; args: unknown[] }, stream?: unknown) => {
    const isLock = command.args.some((a) => typeof a === 'string' && a.startsWith(lockPrefix));
    if (isLock) redisCounts.lock++;
    else redisCounts.other++;
    const name = `${command.name}${isLock ? ' (lock)' : ''}`;
    redisCounts.commands.set(name, (redisCounts.commands.get(name) ?? 0) + 1);
    return original(command as never, stream as never);
  }) as never;
}

function timeUpdates(bot: Telegraf<Context>): void {
  const handle = bot.handleUpdate.bind(bot);
  bot.handleUpdate = async (update: Update, response?: unknown) => {
    const started = performance.now();
    try {
      return await handle(update, response as never);
    } finally {
      handlerMs.push(performance.now() - started);
      updates++;
    }
  };
}

const FLOOR_BUTTONS = [
  'Персональная информация',
  'Операции с услугами',
  'Рассрочка',
  'Смена ТП',
  'Начисления за период',
  'Просмотр детализации',
  'Обратная связь',
  'Связаться со специалистом',
];

function floorView(screen: 'a' | 'b') {
  return {
    text: screen === 'a' ? 'Главное меню абонента\n+375 33 000-00-00\nБенч' : 'Операции с услугами\n+375 33 000-00-00',
    reply_markup: {
      inline_keyboard: FLOOR_BUTTONS.map((label, i) => [
        { text: label, callback_data: `floor:${screen === 'a' ? 'b' : 'a'}:${i}` },
      ]),
    },
  };
}

async function startFloor(): Promise<{ bot: Telegraf<Context>; close: () => Promise<void> }> {
  const bot = new Telegraf(options.token, { telegram: { apiRoot: options.apiRoot, webhookReply: false } });
  bot.on('callback_query', async (ctx) => {
    const data = 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : '';
    const view = floorView(data.startsWith('floor:b') ? 'b' : 'a');
    await ctx.answerCbQuery();
    await ctx.editMessageText(view.text, { reply_markup: view.reply_markup });
  });
  bot.on('message', async (ctx) => {
    const view = floorView('a');
    await ctx.reply(view.text, { reply_markup: view.reply_markup });
  });
  return { bot, close: async () => {} };
}

async function startFull(): Promise<{ bot: Telegraf<Context>; close: () => Promise<void> }> {
  // Imported here so the floor process loads Telegraf alone.
  const { createApp } = await import('../../src/app.js');
  const { loadConfig } = await import('../../src/config.js');
  const { systemClock } = await import('../../src/domain/clock.js');
  const { createLogger } = await import('../../src/logger.js');
  const { createRedis, redisReady } = await import('../../src/session/index.js');
  const { openCountedDatabase } = await import('../lib/counted-db.js');
  const config = loadConfig({
    BOT_TOKEN: options.token,
    TELEGRAM_API_ROOT: options.apiRoot,
    DATABASE_URL: options.dbUrl,
    SECRETS_KEY: '07'.repeat(32),
    REDIS_URL: options.redisUrl,
    REDIS_PREFIX: options.redisPrefix,
    LOG_LEVEL: options.logLevel,
  });
  const logger = createLogger(options.logLevel);
  const database = openCountedDatabase(options.dbUrl, counter, 10);
  const redis = createRedis(options.redisUrl, logger);
  await redisReady(redis);
  countRedis(redis, options.redisPrefix);
  const app = await createApp(config, { database, redis, clock: systemClock, seedDemo: false, logger });
  return {
    // The app's bot has a richer context; the harness only starts, times and stops it.
    bot: app.bot as unknown as Telegraf<Context>,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

const { bot, close } = options.mode === 'full' ? await startFull() : await startFloor();
timeUpdates(bot);
bot.catch((error) => {
  process.stderr.write(`update failed: ${(error as Error)?.stack ?? error}\n`);
});

process.on('message', async (message: { type: string; record?: boolean }) => {
  if (message.type === 'reset') {
    counter.reset();
    counter.record = Boolean(message.record);
    redisCounts.lock = 0;
    redisCounts.other = 0;
    redisCounts.commands.clear();
    handlerMs = [];
    updates = 0;
    rssMax = process.memoryUsage.rss();
    cpuAtReset = process.cpuUsage();
    send({ type: 'reset' });
  } else if (message.type === 'report') {
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage(cpuAtReset);
    const report: ChildReport = {
      cpuMs: (cpu.user + cpu.system) / 1000,
      updates,
      handlerMs,
      sql: counter.count,
      sqlTexts: [...counter.texts.entries()],
      redisLock: redisCounts.lock,
      redisOther: redisCounts.other,
      redisCommands: [...redisCounts.commands.entries()],
      rss: memory.rss,
      rssMax: Math.max(rssMax, memory.rss),
      heapUsed: memory.heapUsed,
    };
    send({ type: 'report', report });
  } else if (message.type === 'stop') {
    bot.stop('bench');
    await close().catch(() => undefined);
    process.exit(0);
  }
});

void bot.launch({ allowedUpdates: ['message', 'callback_query'] }, () => send({ type: 'ready' }));
