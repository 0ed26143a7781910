// The real app wired for fault tests: a loopback Bot API stand-in whose answers a test can spoil (5xx,
// 429, a dropped connection), the app's own logger (with its production redaction) captured, and any
// Redis client or database URL the test wants between the app and the servers (a private redis-server,
// a cuttable proxy). Users are the harness's FakeUser, so tests read like the other bot tests.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { Writable } from 'node:stream';
import type { Redis } from 'ioredis';
import { afterAll } from 'vitest';
import { createApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { type Database, openDatabase } from '../../../src/db/client.js';
import { createLogger } from '../../../src/logger.js';
import { FakeUser, type Harness } from '../../helpers/bot.js';
import { createTestDeps, type TestDeps } from '../../helpers/deps.js';
import { BOT_INFO, FakeTelegram, parseMultipart } from '../../helpers/telegram-fake.js';
import { secretLeaks } from '../../security/secrets.js';

/** What the stand-in does with one call. */
export type Fault =
  | 'pass'
  /** An HTTP error answer; the call is not performed (as Telegram refuses before acting). */
  | { status: number; retryAfter?: number }
  /** The connection is dropped before the call is performed. */
  | 'drop-before'
  /** The call is performed, then the connection is dropped before the answer (the client cannot know). */
  | 'drop-after';

export interface SeenCall {
  method: string;
  payload: Record<string, unknown>;
}

export class FaultyBotApi {
  readonly telegram = new FakeTelegram();
  /** Every request that reached the stand-in, retries included. */
  readonly seen: SeenCall[] = [];
  fault: (call: SeenCall, nth: number) => Fault = () => 'pass';
  url = '';
  private server?: Server;

  async start(): Promise<void> {
    this.server = createServer(async (req, res) => {
      req.on('error', () => undefined);
      res.on('error', () => undefined);
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const method = /\/bot[^/]+\/(\w+)/.exec(req.url ?? '')?.[1] ?? '';
      const type = String(req.headers['content-type'] ?? '');
      let payload: Record<string, unknown> = {};
      let files = {};
      if (type.startsWith('multipart/')) ({ fields: payload, files } = parseMultipart(body, type));
      else if (body.length) payload = JSON.parse(body.toString('utf8'));
      const call = { method, payload };
      this.seen.push(call);
      const fault = this.fault(call, this.seen.filter((c) => c.method === method).length);
      if (fault === 'drop-before') return void req.socket.destroy();
      if (typeof fault === 'object') {
        const description =
          fault.status === 429 ? `Too Many Requests: retry after ${fault.retryAfter ?? 0}` : 'Bad Gateway';
        const parameters = fault.status === 429 ? { retry_after: fault.retryAfter ?? 0 } : undefined;
        res
          .writeHead(fault.status, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ok: false, error_code: fault.status, description, parameters }));
        return;
      }
      let status = 200;
      let answer: unknown;
      try {
        answer = { ok: true, result: this.telegram.handle(method, payload, files) };
      } catch (error) {
        const e = error as { error_code?: number; description?: string };
        status = e.error_code ?? 500;
        answer = { ok: false, error_code: status, description: e.description ?? String(error) };
      }
      if (fault === 'drop-after') return void req.socket.destroy();
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  count(method: string): number {
    return this.seen.filter((c) => c.method === method).length;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export interface FaultAppOptions {
  now?: string;
  /** The app's Redis client (default: none, memory sessions). */
  redis?: Redis;
  /** The app's own connection URL for the test database (e.g. through a TcpProxy); default the direct one. */
  databaseUrl?: (directUrl: string) => string;
  demo?: boolean;
  /** Redis key prefix (default: a random one, or the sibling's). */
  redisPrefix?: string;
  /** Share another fault app's database, clock, Bot API and Redis prefix (a second process of the same deployment). */
  sibling?: FaultHarness;
}

export interface FaultHarness extends Harness {
  api: FaultyBotApi;
  /** The app's own database handle (the proxied one when `databaseUrl` was given). */
  appDatabase: Database;
  redisPrefix: string;
}

export const TEST_TOKEN = `${BOT_INFO.id}:FAULT${randomBytes(12).toString('hex')}`;

export async function createFaultHarness(options: FaultAppOptions = {}): Promise<FaultHarness> {
  const deps: TestDeps = options.sibling?.deps ?? (await createTestDeps(options.now ?? '2026-11-10T10:00'));
  let api = options.sibling?.api;
  const ownApi = !api;
  if (!api) {
    api = new FaultyBotApi();
    await api.start();
  }
  const logs: string[] = [];
  const logger = createLogger(
    'debug',
    new Writable({
      write(chunk, _enc, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  );
  const config = loadConfig({
    NODE_ENV: 'test',
    BOT_TOKEN: TEST_TOKEN,
    LOG_LEVEL: 'debug',
    SECRETS_KEY: deps.secretsKey.toString('hex'),
    TELEGRAM_API_ROOT: api.url,
    // Scripted presses are faster than a person's: the flood limit (finding 4) stays out of the way.
    RATE_LIMIT_UPDATES: '1000000',
  });
  const appDatabase = options.databaseUrl
    ? await openDatabase({ url: options.databaseUrl(deps.database.url), max: 3 })
    : deps.database;
  const redisPrefix =
    options.redisPrefix ?? options.sibling?.redisPrefix ?? `test:fault:${randomBytes(4).toString('hex')}:`;
  const app = await createApp(
    { ...config, REDIS_PREFIX: redisPrefix },
    { database: appDatabase, clock: deps.clock, logger, redis: options.redis ?? null, seedDemo: options.demo ?? false },
  );
  Object.assign(app.deps, { settings: deps.settings, secretsKey: deps.secretsKey });
  app.bot.botInfo = BOT_INFO;
  let closed = false;
  const harness: FaultHarness = {
    app,
    deps,
    api,
    appDatabase,
    redisPrefix,
    telegram: api.telegram,
    logs,
    user: (id, profile) => new FakeUser(harness, id, profile),
    close: async () => {
      if (closed) return;
      closed = true;
      await app.close();
      if (appDatabase !== deps.database) await appDatabase.close().catch(() => undefined);
      if (ownApi) await api.stop();
      // The app's own logger (production redaction) must not have written a secret either.
      const leaks = secretLeaks(logs, { token: TEST_TOKEN, secretsKey: deps.secretsKey, calls: api.telegram.calls });
      if (leaks.length > 0) throw new Error(`secrets in the logs: ${leaks.join(', ')}`);
    },
  };
  afterAll(() => harness.close());
  return harness;
}

/** Log lines the error boundary writes for a failure it did not expect. */
export function unhandled(logs: string[]): string[] {
  return logs.filter((l) => l.includes('"msg":"unhandled error"'));
}
