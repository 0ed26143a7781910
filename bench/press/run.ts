// One press-bench phase: fork the bot (full stack or floor), sign the chats in through the bot itself,
// then every chat presses menu buttons in a closed loop (press → wait for the edited screen → press the
// next) against the loopback Bot API. Warm-up first; then a measured window: presses/s, latency as the
// user sees it (update queued → screen edited), the bot's handler time, and per press the Bot API
// calls, SQL statements and Redis commands. RSS of the bot process idle and under load.
import { fork } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { summary } from '../lib/stats.js';
import { type ChatMessageState, LoopbackBotApi } from './bot-api.js';
import type { ChildOptions, ChildReport } from './child.js';

export interface PressOptions {
  mode: 'full' | 'floor';
  chats: number[];
  warmupMs: number;
  measureMs: number;
  token: string;
  dbUrl: string;
  redisUrl: string;
  redisPrefix: string;
  logLevel: string;
  cpuProfileDir?: string;
  log?: (line: string) => void;
  /** Which callback data to press on the current screen (full: the menu ↔ «Операции с услугами»). */
  choose: (message: ChatMessageState) => string;
}

export interface PressResult {
  mode: 'full' | 'floor';
  chats: number;
  presses: number;
  seconds: number;
  pressesPerSecond: number;
  latency: ReturnType<typeof summary>;
  handler: ReturnType<typeof summary>;
  apiCallsPerPress: number;
  /** Presses of the counting pass (one chat, one press at a time) the per-press counts come from. */
  countedPresses: number;
  /** CPU time of the bot process per update handled in the window (robust to a busy machine, unlike presses/s). */
  cpuMsPerUpdate: number;
  apiMethods: Record<string, number>;
  sqlPerPress: number;
  sqlTexts: [string, number][];
  redisLockPerPress: number;
  redisOtherPerPress: number;
  redisCommands: [string, number][];
  rssIdle: number;
  rssLoadMax: number;
  rssAfter: number;
  errors: number;
  /** The machine's 1-minute load average at the end of the window (other work on a shared machine shows here). */
  loadAverage: number;
}

/** Presses of the counting pass. */
const COUNTED_PRESSES = 50;
const childFile = fileURLToPath(new URL('./child.ts', import.meta.url));
const BOT = { id: 123456, is_bot: true, first_name: 'Portal', username: 'portal_bench_bot' };

class Child {
  private readonly proc;
  private readonly waiting = new Map<string, (message: unknown) => void>();
  readonly exited: Promise<number | null>;
  constructor(options: ChildOptions, cpuProfileDir?: string) {
    const execArgv = ['--import', 'tsx', ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [])];
    this.proc = fork(childFile, [JSON.stringify(options)], { execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    this.proc.on('message', (message: { type: string }) => {
      const resolve = this.waiting.get(message.type);
      this.waiting.delete(message.type);
      resolve?.(message);
    });
    this.exited = new Promise((resolve) => this.proc.on('exit', resolve));
  }
  wait<T>(type: string, timeoutMs = 120_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bot process: no '${type}' within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.set(type, (m) => {
        clearTimeout(timer);
        resolve(m as T);
      });
      void this.exited.then((code) => reject(new Error(`bot process exited (${code}) while waiting for '${type}'`)));
    });
  }
  async ask<T>(type: string, extra: Record<string, unknown> = {}): Promise<T> {
    const reply = this.wait<T>(type);
    this.proc.send({ type, ...extra });
    return reply;
  }
  async stop(): Promise<void> {
    this.proc.send({ type: 'stop' });
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }
}

function from(chatId: number) {
  return { id: chatId, is_bot: false, first_name: `Bench${chatId}`, language_code: 'ru' };
}

export async function runPress(options: PressOptions): Promise<PressResult> {
  const api = new LoopbackBotApi();
  const apiRoot = await api.start();
  const child = new Child(
    {
      mode: options.mode,
      apiRoot,
      token: options.token,
      dbUrl: options.dbUrl,
      redisUrl: options.redisUrl,
      redisPrefix: options.redisPrefix,
      logLevel: options.logLevel,
    },
    options.cpuProfileDir,
  );
  try {
    const log = options.log ?? (() => {});
    await child.wait('ready');
    log(`  ${options.mode}: bot ready`);
    await new Promise((r) => setTimeout(r, 1_000));
    const idle = (await child.ask<{ report: ChildReport }>('report')).report;

    // Sign in: /start with the one role each chat holds shows its menu (a new message).
    let messageSeq = 1;
    let signInTimer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(
        options.chats.map(async (chatId) => {
          const screen = api.nextScreen(chatId);
          api.push({
            message: {
              message_id: messageSeq++,
              date: Math.floor(Date.now() / 1000),
              chat: { id: chatId, type: 'private' },
              from: from(chatId),
              text: '/start',
              entities: [{ type: 'bot_command', offset: 0, length: 6 }],
            },
          });
          await screen;
        }),
      ),
      new Promise((_, reject) => {
        signInTimer = setTimeout(() => reject(new Error('the chats did not get their menus within 60 s')), 60_000);
      }),
    ]);
    clearTimeout(signInTimer);

    log(`  ${options.mode}: ${options.chats.length} chats signed in`);
    let running = true;
    let measuring = false;
    let presses = 0;
    let errors = 0;
    const latencies: number[] = [];
    const seqs = new Map<number, number>();
    /** One press on the chat's current screen; resolves with its latency, or undefined after 20 s. */
    const pressOnce = async (chatId: number): Promise<number | undefined> => {
      const message = api.chat(chatId).message;
      if (!message) throw new Error(`chat ${chatId} has no menu`);
      const seq = seqs.get(chatId) ?? 0;
      seqs.set(chatId, seq + 1);
      const screen = api.nextScreen(chatId);
      const started = performance.now();
      api.push({
        callback_query: {
          id: `${chatId}:${seq}`,
          from: from(chatId),
          chat_instance: `ci${chatId}`,
          data: options.choose(message),
          message: {
            message_id: message.messageId,
            date: Math.floor(Date.now() / 1000),
            chat: { id: chatId, type: 'private' },
            from: BOT,
            text: message.text,
            ...(message.replyMarkup ? { reply_markup: message.replyMarkup } : {}),
          },
        },
      });
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        screen.then(() => 'ok'),
        new Promise((r) => (timer = setTimeout(() => r('timeout'), 20_000))),
      ]);
      clearTimeout(timer);
      return outcome === 'ok' ? performance.now() - started : undefined;
    };
    const loop = async (chatId: number) => {
      while (running) {
        const latency = await pressOnce(chatId);
        if (latency === undefined) errors++;
        else if (measuring) {
          presses++;
          latencies.push(latency);
        }
      }
    };
    const loops = options.chats.map((c) => loop(c));
    await new Promise((r) => setTimeout(r, options.warmupMs));
    await child.ask('reset', { record: true });
    api.resetCounts();
    measuring = true;
    const started = performance.now();
    await new Promise((r) => setTimeout(r, options.measureMs));
    measuring = false;
    const seconds = (performance.now() - started) / 1000;
    const loadAverage = os.loadavg()[0]!;
    const report = (await child.ask<{ report: ChildReport }>('report')).report;
    log(`  ${options.mode}: window done (${presses} presses)`);
    running = false;
    await Promise.all(loops);
    log(`  ${options.mode}: chats stopped`);
    await new Promise((r) => setTimeout(r, 3_000));
    const after = (await child.ask<{ report: ChildReport }>('report')).report;
    const handled = report.updates;

    // The counts per press, exactly: one chat presses alone, one press at a time (in the loaded window,
    // presses in flight at its edges would blur them by the number of chats over the presses).
    await child.ask('reset', { record: true });
    api.resetCounts();
    const countChat = options.chats[0]!;
    let counted = 0;
    for (let i = 0; i < COUNTED_PRESSES; i++) if ((await pressOnce(countChat)) !== undefined) counted++;
    await new Promise((r) => setTimeout(r, 200));
    const counts = (await child.ask<{ report: ChildReport }>('report')).report;
    const apiCalls = api.chat(countChat).calls;
    const apiMethods = Object.fromEntries([...api.methods.entries()].filter(([m]) => m !== 'getUpdates'));
    return {
      mode: options.mode,
      chats: options.chats.length,
      presses,
      seconds,
      pressesPerSecond: presses / seconds,
      latency: summary(latencies),
      handler: summary(report.handlerMs),
      apiCallsPerPress: apiCalls / counted,
      cpuMsPerUpdate: report.cpuMs / handled,
      apiMethods,
      countedPresses: counted,
      sqlPerPress: counts.sql / counted,
      sqlTexts: counts.sqlTexts.sort((a, b) => b[1] - a[1]).map(([t, n]) => [t, n / counted] as [string, number]),
      redisLockPerPress: counts.redisLock / counted,
      redisOtherPerPress: counts.redisOther / counted,
      redisCommands: counts.redisCommands.map(([c, n]) => [c, n / counted] as [string, number]),
      rssIdle: idle.rss,
      rssLoadMax: report.rssMax,
      rssAfter: after.rss,
      errors,
      loadAverage,
    };
  } finally {
    await child.stop().catch(() => undefined);
    await api.stop();
  }
}
