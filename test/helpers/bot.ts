// The Telegram harness: the real app (middleware, scenes, domain, a private Postgres database) fed
// updates through bot.handleUpdate, with nock answering api.telegram.org from a FakeTelegram.
// Tests act as users (send text, share a contact, press a button by its label) and assert on what the
// bot sent: methods, texts, inline keyboards.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import nock from 'nock';
import pino from 'pino';
import { afterAll, expect } from 'vitest';
import { type App, type AppOverrides, createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createSessionStore } from '../../src/session/index.js';
import { secretLeaks } from '../security/secrets.js';
import { createTestDeps, minsk, type TestDeps } from './deps.js';
import { type ApiCall, BOT_INFO, type ChatMessage, FakeTelegram, parseMultipart } from './telegram-fake.js';
import { mintNonce, nonceKey } from '../../src/bot/nonces.js';

export const API_ROOT = 'https://api.telegram.org';

export interface HarnessOptions {
  /** Europe/Minsk wall time when no offset is given. */
  now?: string;
  /** Seed the demo data (src/db/seed) into the test database. */
  demo?: boolean;
  env?: Record<string, string>;
  /** Use the machine's Redis with a private prefix instead of in-memory sessions. */
  redis?: boolean;
  deps?: TestDeps;
  /** Composition overrides (the pace of proactive sends, the support relay's wait). */
  app?: Pick<AppOverrides, 'throttle' | 'supportPendingWaitMs'>;
}

export interface Harness {
  app: App;
  deps: TestDeps;
  telegram: FakeTelegram;
  /** Every log line the app wrote (for secret-leak checks). */
  logs: string[];
  user(id: number, profile?: { firstName?: string; lang?: string }): FakeUser;
  close(): Promise<void>;
}

let updateId = 1;

export class FakeUser {
  constructor(
    private readonly harness: Harness,
    readonly id: number,
    readonly profile: { firstName?: string; lang?: string } = {},
  ) {}

  get chatId(): number {
    return this.id;
  }

  /**
   * A confirmation nonce the bot would have issued to this user, for tests of a domain rule behind a
   * button the bot never showed (a forged object id with a genuine nonce).
   */
  issuedNonce(): string {
    return mintNonce(nonceKey(this.harness.deps.secretsKey), this.id);
  }

  private from() {
    return {
      id: this.id,
      is_bot: false,
      first_name: this.profile.firstName ?? `User${this.id}`,
      language_code: this.profile.lang ?? 'ru',
    };
  }

  /** Feeds one update and returns the Bot API calls it caused. */
  async send(update: Record<string, unknown>): Promise<ApiCall[]> {
    const before = this.harness.telegram.calls.length;
    await this.harness.app.bot.handleUpdate({ update_id: updateId++, ...update } as never);
    return this.harness.telegram.calls.slice(before);
  }

  private messageUpdate(extra: Record<string, unknown>, text?: string) {
    const messageId = this.harness.telegram.userMessage(this.chatId, text ?? '');
    return {
      message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: this.chatId, type: 'private', first_name: this.from().first_name },
        from: this.from(),
        ...extra,
      },
    };
  }

  async sendText(text: string, extra: Record<string, unknown> = {}): Promise<ApiCall[]> {
    const entities = text.startsWith('/')
      ? [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0]!.length }]
      : undefined;
    return this.send(this.messageUpdate({ text, ...(entities ? { entities } : {}), ...extra }, text));
  }

  /** Shares a contact; by default the user's own. */
  async shareContact(phoneNumber: string, contactUserId: number | undefined = this.id): Promise<ApiCall[]> {
    return this.send(
      this.messageUpdate({ contact: { phone_number: phoneNumber, first_name: 'Contact', user_id: contactUserId } }),
    );
  }

  /** Sends a document (the harness serves its download at the file path). */
  async sendDocument(
    document: { file_id: string; file_name: string; file_size: number; mime_type?: string },
    caption?: string,
  ) {
    return this.send(
      this.messageUpdate({
        document: { file_unique_id: document.file_id, ...document },
        ...(caption ? { caption } : {}),
      }),
    );
  }

  /** Presses callback data on a given message (default: the newest menu). */
  async pressData(data: string, message: ChatMessage | undefined = this.lastMenu()): Promise<ApiCall[]> {
    const m = message ?? { message_id: 1, text: 'old', fromBot: true };
    return this.send({
      callback_query: {
        id: String(updateId),
        from: this.from(),
        chat_instance: `ci${this.chatId}`,
        data,
        message: {
          message_id: m.message_id,
          date: Math.floor(Date.now() / 1000),
          chat: { id: this.chatId, type: 'private' },
          from: BOT_INFO,
          text: m.text ?? '',
          ...(m.reply_markup ? { reply_markup: m.reply_markup } : {}),
        },
      },
    });
  }

  /** Presses the button whose label equals (or matches) `label` on the newest menu that has it. */
  async press(label: string | RegExp): Promise<ApiCall[]> {
    const { message, data } = this.findButton(label);
    return this.pressData(data, message);
  }

  findButton(label: string | RegExp): { message: ChatMessage; data: string } {
    const matches = (text: string) => (typeof label === 'string' ? text === label : label.test(text));
    const menus = this.harness.telegram.botMessages(this.chatId).filter((m) => m.reply_markup?.inline_keyboard);
    for (const message of menus.reverse()) {
      for (const row of message.reply_markup!.inline_keyboard!) {
        for (const b of row) if (matches(b.text) && b.callback_data) return { message, data: b.callback_data };
      }
    }
    const seen = this.lastMenu()
      ?.reply_markup?.inline_keyboard?.flat()
      .map((b) => b.text);
    throw new Error(`no button ${label} (last menu has: ${JSON.stringify(seen)})`);
  }

  lastMenu(): ChatMessage | undefined {
    return this.harness.telegram.lastMenu(this.chatId);
  }

  lastMessage(): ChatMessage | undefined {
    return this.harness.telegram.botMessages(this.chatId).at(-1);
  }

  /** Labels of the newest menu, row by row. */
  buttons(): string[][] {
    return this.lastMenu()?.reply_markup?.inline_keyboard?.map((r) => r.map((b) => b.text)) ?? [];
  }
}

/** Texts the bot showed the user in these calls (sent, edited, alerts). */
export function textsOf(calls: ApiCall[]): string[] {
  return calls.flatMap((c) => {
    if (c.method === 'sendMessage' || c.method === 'editMessageText') return [String(c.payload.text)];
    if (c.method === 'answerCallbackQuery' && c.payload.text) return [String(c.payload.text)];
    if ((c.method === 'sendDocument' || c.method === 'sendPhoto') && c.payload.caption)
      return [String(c.payload.caption)];
    return [];
  });
}

export function expectText(calls: ApiCall[], pattern: string | RegExp): void {
  const texts = textsOf(calls);
  const ok = texts.some((t) => (typeof pattern === 'string' ? t.includes(pattern) : pattern.test(t)));
  expect(ok, `expected ${pattern} among ${JSON.stringify(texts, null, 1)}`).toBe(true);
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const deps = options.deps ?? (await createTestDeps(options.now ?? '2026-11-10T10:00'));
  if (options.now && options.deps) deps.clock.set(minsk(options.now));
  const token = `${BOT_INFO.id}:TEST${randomBytes(12).toString('hex')}`;
  const telegram = new FakeTelegram();
  const logs: string[] = [];
  const logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk, _enc, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  );
  // The demo seed and the app encrypt PIN/PUK with the same key as the test's domain deps.
  const config = loadConfig({
    NODE_ENV: 'test',
    BOT_TOKEN: token,
    LOG_LEVEL: 'debug',
    SECRETS_KEY: deps.secretsKey.toString('hex'),
    // A script presses far faster than a person: the flood limit (finding 4) is off unless a test sets it.
    RATE_LIMIT_UPDATES: '1000000',
    ...options.env,
  });
  let redis = null;
  if (options.redis) {
    const { createRedis } = await import('../../src/session/index.js');
    redis = createRedis('redis://127.0.0.1:6379');
  }
  const prefix = `test:${randomBytes(4).toString('hex')}:`;
  const app = await createApp(
    { ...config, REDIS_PREFIX: prefix },
    { ...options.app, database: deps.database, clock: deps.clock, logger, redis, seedDemo: options.demo ?? false },
  );
  // The domain in tests uses the test's own settings and secrets key.
  Object.assign(app.deps, { settings: deps.settings, secretsKey: deps.secretsKey });
  app.bot.botInfo = BOT_INFO;

  const scope = nock(API_ROOT)
    .persist()
    .post(new RegExp(`^/bot${token.replace(':', '\\:')}/\\w+`))
    .reply(function (uri, body) {
      const method = uri.split('/').pop()!;
      const contentType = String(this.req.headers['content-type'] ?? '');
      let payload: Record<string, any>;
      let files: ApiCall['files'] = {};
      if (contentType.startsWith('multipart/')) {
        const raw =
          typeof body === 'string'
            ? /^[0-9a-f]+$/i.test(body) && body.length % 2 === 0
              ? Buffer.from(body, 'hex')
              : Buffer.from(body, 'utf8')
            : Buffer.from(JSON.stringify(body));
        const parsed = parseMultipart(raw, contentType);
        payload = parsed.fields;
        files = parsed.files;
      } else {
        payload = typeof body === 'string' ? (body ? JSON.parse(body) : {}) : (body as Record<string, any>);
      }
      try {
        return [200, { ok: true, result: telegram.handle(method, payload, files) }];
      } catch (error) {
        const e = error as { error_code: number; description: string };
        return [
          e.error_code ?? 500,
          { ok: false, error_code: e.error_code ?? 500, description: e.description ?? String(error) },
        ];
      }
    });

  let closed = false;
  const harness: Harness = {
    app,
    deps,
    telegram,
    logs,
    user: (id, profile) => new FakeUser(harness, id, profile),
    close: async () => {
      if (closed) return;
      closed = true;
      scope.persist(false);
      nock.removeInterceptor({
        hostname: 'api.telegram.org',
        method: 'POST',
        path: new RegExp(`^/bot${token}`) as never,
      });
      await app.close();
      if (redis) {
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length) await redis.del(...keys);
        redis.disconnect();
      }
      // Every bot test is also a secret-leak test (SECURITY.md): nothing secret in this file's logs.
      const leaks = secretLeaks(logs, { token, secretsKey: deps.secretsKey, calls: telegram.calls });
      if (leaks.length > 0) throw new Error(`secrets in the logs: ${leaks.join(', ')}`);
    },
  };
  afterAll(() => harness.close());
  return harness;
}

export { createSessionStore };
