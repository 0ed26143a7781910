// R-IDEMP at the update level: an update delivered twice (redelivery, two webhook instances) runs once.
import type { Redis } from 'ioredis';
import nock from 'nock';
import type { Context } from 'telegraf';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dedupeUpdates } from '../../src/session/dedupe.js';
import { createRedis, RedisUnavailableError } from '../../src/session/redis.js';
import { connectTestRedis, randomPrefix, removeKeys } from './redis-helper.js';
import { messageUpdate, offlineBot } from './telegraf-helper.js';

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
  prefix = randomPrefix('dedupe');
});
afterEach(async () => {
  await removeKeys(redisA, prefix);
});

function countingBot(redis: Redis | undefined, handled: number[], capacity?: number) {
  const bot = offlineBot<Context>();
  bot.use(dedupeUpdates({ redis, prefix, capacity }));
  bot.use(async (ctx) => {
    handled.push(ctx.update.update_id);
  });
  return bot;
}

describe('R-IDEMP: an update delivered twice makes one change', () => {
  it('with Redis: the same update_id, to two instances at once and again later, runs the handler once', async () => {
    const handled: number[] = [];
    const a = countingBot(redisA, handled);
    const b = countingBot(redisB, handled);
    await Promise.all([a.handleUpdate(messageUpdate(7, 1)), b.handleUpdate(messageUpdate(7, 1))]);
    await a.handleUpdate(messageUpdate(7, 1));
    await b.handleUpdate(messageUpdate(8, 1));
    expect(handled).toEqual([7, 8]);
    const ttl = await redisA.ttl(`${prefix}7`);
    expect(ttl).toBeGreaterThan(86_000);
    expect(ttl).toBeLessThanOrEqual(86_400);
  });

  it('without Redis: one process remembers recent update_ids', async () => {
    const handled: number[] = [];
    const bot = countingBot(undefined, handled);
    await Promise.all([bot.handleUpdate(messageUpdate(7, 1)), bot.handleUpdate(messageUpdate(7, 1))]);
    await bot.handleUpdate(messageUpdate(8, 1));
    await bot.handleUpdate(messageUpdate(7, 1));
    expect(handled).toEqual([7, 8]);
  });

  it('without Redis the memory is bounded: the oldest id is forgotten first', async () => {
    const handled: number[] = [];
    const bot = countingBot(undefined, handled, 3);
    for (const id of [1, 2, 3, 4]) await bot.handleUpdate(messageUpdate(id, 1));
    await bot.handleUpdate(messageUpdate(4, 1));
    await bot.handleUpdate(messageUpdate(1, 1));
    expect(handled).toEqual([1, 2, 3, 4, 1]);
  });

  it('a Redis outage surfaces as RedisUnavailableError instead of running the update unchecked', async () => {
    const dead = createRedis('redis://127.0.0.1:1');
    try {
      const handled: number[] = [];
      const bot = countingBot(dead, handled);
      await expect(bot.handleUpdate(messageUpdate(1, 1))).rejects.toBeInstanceOf(RedisUnavailableError);
      expect(handled).toEqual([]);
    } finally {
      dead.disconnect();
    }
  });
});
