// R-IDEMP at the update level when the chat lock claims the update_id in its own round trip
// (perChatOrdering's claimUpdates, what the bot uses with Redis): a redelivered update runs once.
import type { Redis } from 'ioredis';
import nock from 'nock';
import type { Context } from 'telegraf';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { dedupeUpdates } from '../../src/session/dedupe.js';
import { perChatOrdering } from '../../src/session/ordering.js';
import { connectTestRedis, randomPrefix, removeKeys } from './redis-helper.js';
import { messageUpdate, offlineBot } from './telegraf-helper.js';

const logger = createLogger('silent');
const CHAT = 100_700;
let redisA: Redis;
let redisB: Redis;
let prefix: string;

beforeAll(async () => {
  nock.disableNetConnect();
  [redisA, redisB] = await Promise.all([connectTestRedis(), connectTestRedis()]);
});
afterAll(async () => {
  nock.enableNetConnect();
  await Promise.all([redisA.quit(), redisB.quit()]);
});
beforeEach(() => {
  prefix = randomPrefix('claim');
});
afterEach(async () => {
  await removeKeys(redisA, prefix);
});

function claimingBot(redis: Redis, handled: number[]) {
  const bot = offlineBot<Context>();
  bot.use(
    perChatOrdering({
      redis,
      prefix: `${prefix}lock:`,
      lockTtlMs: 5_000,
      waitMs: 5_000,
      logger,
      claimUpdates: { prefix: `${prefix}update:`, ttlSeconds: 86_400 },
    }),
  );
  bot.use(async (ctx) => {
    await new Promise((r) => setTimeout(r, 10));
    handled.push(ctx.update.update_id);
  });
  return bot;
}

describe('R-IDEMP: the chat lock claims each update_id, so a redelivered update runs once', () => {
  it('the same update to two instances at once and again later runs the handler once; the lock is given back', async () => {
    const handled: number[] = [];
    const a = claimingBot(redisA, handled);
    const b = claimingBot(redisB, handled);
    await Promise.all([a.handleUpdate(messageUpdate(7, CHAT)), b.handleUpdate(messageUpdate(7, CHAT))]);
    await a.handleUpdate(messageUpdate(7, CHAT));
    await b.handleUpdate(messageUpdate(8, CHAT));
    expect(handled).toEqual([7, 8]);
    const ttl = await redisA.ttl(`${prefix}update:7`);
    expect(ttl).toBeGreaterThan(86_000);
    expect(ttl).toBeLessThanOrEqual(86_400);
    expect(await redisA.exists(`${prefix}lock:${CHAT}`)).toBe(0);
  });

  it('shares its keys with dedupeUpdates: an id one process took with the dedupe step is dropped by the lock claim', async () => {
    const handled: number[] = [];
    const old = offlineBot<Context>();
    old.use(dedupeUpdates({ redis: redisB, prefix: `${prefix}update:` }));
    old.use(async (ctx) => {
      handled.push(ctx.update.update_id);
    });
    await old.handleUpdate(messageUpdate(9, CHAT));
    await claimingBot(redisA, handled).handleUpdate(messageUpdate(9, CHAT));
    expect(handled).toEqual([9]);
    expect(await redisA.exists(`${prefix}lock:${CHAT}`)).toBe(0);
  });
});
