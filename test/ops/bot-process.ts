// Runs the real entry point (`node --import tsx src/main.ts`) as a child process and reads its JSON log
// lines: the port it bound (PORT=0), "bot started", and how it exits.
import { type ChildProcess, spawn } from 'node:child_process';
import { TEST_SECRETS_KEY } from '../helpers/deps.js';
import { BOT_INFO } from '../helpers/telegram-fake.js';

export const TEST_BOT_TOKEN = `${BOT_INFO.id}:OPS-TOKEN-abcdefghijklmnopqrstuvwxyz`;
export const WEBHOOK_SECRET = 'ops-webhook-secret-0123456789';

export interface LogLine {
  msg?: string;
  level?: number;
  [key: string]: unknown;
}

export class BotProcess {
  readonly logs: LogLine[] = [];
  output = '';
  port = 0;
  apiPort = 0;
  readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcess) {
    let pending = '';
    child.stdout!.on('data', (chunk) => {
      this.output += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        try {
          this.logs.push(JSON.parse(line) as LogLine);
        } catch {
          // not a log line
        }
      }
    });
    child.stderr!.on('data', (chunk) => (this.output += chunk));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  async waitForLog(predicate: (line: LogLine) => boolean, what: string, ms = 90_000): Promise<LogLine> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.logs.find(predicate);
      if (found) return found;
      if (this.child.exitCode !== null || Date.now() > deadline)
        throw new Error(`no log line "${what}" (exit ${this.child.exitCode}):\n${this.output}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Posts an update to this process's webhook. */
  post(update: unknown, secret = WEBHOOK_SECRET): Promise<Response> {
    return fetch(`http://127.0.0.1:${this.port}/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      body: JSON.stringify(update),
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}

/** Starts the bot and resolves once it reported "bot started" (webhook registered, or polling). */
export async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      BOT_TOKEN: TEST_BOT_TOKEN,
      // A server database needs a real key (finding 5); the tests' own.
      SECRETS_KEY: TEST_SECRETS_KEY.toString('hex'),
      RATE_LIMIT_UPDATES: '1000000',
      PORT: '0',
      API_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const bot = new BotProcess(child);
  const listening = await bot.waitForLog((l) => l.msg === 'http server listening', 'http server listening');
  bot.port = Number(listening.port);
  const api = await bot.waitForLog((l) => l.msg === 'api server listening', 'api server listening');
  bot.apiPort = Number(api.port);
  await bot.waitForLog((l) => l.msg === 'bot started', 'bot started');
  return bot;
}

/** Environment of a webhook instance (its public URL only names the path it serves). */
export function webhookEnv(extra: Record<string, string>): Record<string, string> {
  return { BOT_MODE: 'webhook', WEBHOOK_URL: 'https://bot.example.test/telegram', WEBHOOK_SECRET, ...extra };
}

let nextId = 1;
/** A private-chat text message update from `userId`. */
export function textUpdate(userId: number, text: string, updateId = 100_000 + nextId++): Record<string, unknown> {
  const command = text.startsWith('/')
    ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] }
    : {};
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: 'private' },
      from: { id: userId, is_bot: false, first_name: 'Ivan', language_code: 'ru' },
      text,
      ...command,
    },
  };
}
