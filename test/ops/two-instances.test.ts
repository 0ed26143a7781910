// Several instances: two real bot processes behind one webhook share one Postgres and one Redis. Updates
// of one chat posted alternately to both are handled one at a time with the session carried over, a
// redelivered update (same update_id to both) is handled once, and no job row is done twice.
import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../src/db/schema/index.js';
import { PIN_MESSAGE_DELETE } from '../../src/domain/pin-message.js';
import { enqueueJob } from '../../src/jobs/queue.js';
import { createTestDatabase } from '../helpers/db.js';
import { FakeBotApi } from '../helpers/fake-bot-api.js';
import { linkSubscriber, makeSubscriber } from '../helpers/fixtures.js';
import { connectTestRedis, removeKeys } from '../session/redis-helper.js';
import { type BotProcess, startBotProcess, textUpdate, webhookEnv } from './bot-process.js';

const database = await createTestDatabase();
const redis = await connectTestRedis();
const api = new FakeBotApi();
const prefix = `test:ops:${randomBytes(4).toString('hex')}:`;
const USER = 8201;
let a: BotProcess;
let b: BotProcess;

beforeAll(async () => {
  const subscriber = await makeSubscriber(database.db);
  await linkSubscriber(database.db, USER, subscriber);
  await api.start();
  const env = webhookEnv({
    DATABASE_URL: database.url,
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_PREFIX: prefix,
    TELEGRAM_API_ROOT: api.url,
  });
  [a, b] = await Promise.all([startBotProcess(env), startBotProcess(env)]);
}, 150_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await api.stop();
  await removeKeys(redis, prefix);
  redis.disconnect();
});

const MENU = 'Главное меню абонента';
const USE_BUTTONS = 'Пожалуйста, воспользуйтесь кнопками меню.';

/** Texts the bot sent to the user, oldest first. */
const replies = () =>
  api.telegram.calls
    .filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === USER)
    .map((c) => String(c.payload.text));

/** The messages the user typed, as the session (in Redis, shared by both processes) remembers them. */
async function typedInSession(): Promise<string[]> {
  const json = await redis.get(`${prefix}session:${USER}:${USER}`);
  return (JSON.parse(json ?? '{}') as { recent?: { messages?: string[] } }).recent?.messages ?? [];
}

describe('Several instances: one chat across two webhook processes', () => {
  it('updates posted alternately to A and B are answered in order, each seeing the session the other left', async () => {
    expect(a.port).not.toBe(b.port);
    expect((await a.post(textUpdate(USER, '/start'))).status).toBe(200);
    for (const [bot, text] of [
      [b, 'm1'],
      [a, 'm2'],
      [b, 'm3'],
    ] as const) {
      expect((await bot.post(textUpdate(USER, text))).status).toBe(200);
    }
    // /start signed the user into the subscriber role in A; B knew it from Redis (else it would offer the role choice).
    const texts = replies();
    expect(texts.map((t) => (t.includes(MENU) ? 'menu' : t === USE_BUTTONS ? 'use' : t))).toEqual([
      'menu',
      'use',
      'menu',
      'use',
      'menu',
      'use',
      'menu',
    ]);
    expect(await typedInSession()).toEqual(['m1', 'm2', 'm3']);
  });

  it('a burst of updates of one chat to both processes at once: one at a time, replies not interleaved, no session write lost', async () => {
    const before = replies().length;
    const burst = ['b1', 'b2', 'b3', 'b4'];
    const answers = await Promise.all(burst.map((text, i) => (i % 2 === 0 ? a : b).post(textUpdate(USER, text))));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const texts = replies().slice(before);
    // Each update's two replies come together: the chat lock held across processes.
    expect(texts.map((t) => (t.includes(MENU) ? 'menu' : t === USE_BUTTONS ? 'use' : t))).toEqual([
      'use',
      'menu',
      'use',
      'menu',
      'use',
      'menu',
      'use',
      'menu',
    ]);
    const typed = await typedInSession();
    expect(typed).toHaveLength(5);
    expect(typed[0]).toBe('m3');
    expect([...typed.slice(1)].sort()).toEqual(burst);
  });

  it('a redelivered update (the same update_id to both) is handled once', async () => {
    const before = replies().length;
    const update = textUpdate(USER, 'dup');
    const answers = await Promise.all([a.post(update), b.post(update)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(replies().slice(before)).toHaveLength(2);
    expect((await typedInSession()).filter((t) => t === 'dup')).toHaveLength(1);
    // The process's log line may reach us a moment after its HTTP answer.
    const dropped = () =>
      [...a.logs, ...b.logs].filter((l) => l.msg === 'duplicate update dropped' && l.update_id === update.update_id);
    await expect.poll(() => dropped().length, { timeout: 10_000 }).toBe(1);
  });
});

describe('Several instances: background jobs shared by both processes', () => {
  it('thirty job rows are each done exactly once', async () => {
    const chatId = 8299;
    const ids: number[] = [];
    const now = new Date(Date.now() - 1000);
    for (let messageId = 1; messageId <= 30; messageId++) {
      const id = await database.db.transaction((tx) =>
        enqueueJob(tx, PIN_MESSAGE_DELETE, { chatId, messageId }, now, { runAt: now }),
      );
      ids.push(id!);
    }
    const deadline = Date.now() + 30_000;
    for (;;) {
      const done = await database.db
        .select({ id: jobs.id })
        .from(jobs)
        .where(and(inArray(jobs.id, ids), eq(jobs.status, 'done')));
      if (done.length === ids.length) break;
      if (Date.now() > deadline) throw new Error(`only ${done.length} of ${ids.length} jobs done`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const deletions = api.telegram.calls
      .filter((c) => c.method === 'deleteMessage' && Number(c.payload.chat_id) === chatId)
      .map((c) => Number(c.payload.message_id));
    expect(deletions.sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });
});
