// Finding 4 of issue 22 (floods): the token bucket's mechanism. In memory: burst, refill, one notice per
// window, forgotten buckets. With Redis: part of the chat-lock script — one round trip per update, shared
// by two processes, and a retry while the chat is busy takes no second token.
import type { Redis } from 'ioredis';
import type { Context } from 'telegraf';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { perChatOrdering } from '../../src/session/ordering.js';
import { MemoryBuckets, type RateLimited } from '../../src/session/rate-limit.js';
import { connectTestRedis, randomPrefix, removeKeys } from './redis-helper.js';
import { messageUpdate, offlineBot } from './telegraf-helper.js';

const logger = createLogger('silent');

describe('Finding 4 (floods): the in-process bucket', () => {
  it('lets a burst of 20 through, refuses the 21st, tells once per window and refills with time', () => {
    let now = 1_000_000;
    const buckets = new MemoryBuckets({ capacity: 20, windowMs: 10_000 }, () => now);
    for (let i = 0; i < 20; i++) expect(buckets.take(1)).toBe('go');
    expect(buckets.take(1)).toEqual({ userId: 1, notify: true });
    expect(buckets.take(1)).toEqual({ userId: 1, notify: false });
    expect(buckets.take(2)).toBe('go');
    now += 500; // one token back (20 per 10 s)
    expect(buckets.take(1)).toBe('go');
    expect(buckets.take(1)).toEqual({ userId: 1, notify: false });
    now += 10_000; // a new window: a full bucket again
    for (let i = 0; i < 20; i++) expect(buckets.take(1)).toBe('go');
    expect(buckets.take(1)).toEqual({ userId: 1, notify: true });
    now += 60_000;
    buckets.take(3);
    expect(buckets.size).toBe(1);
  });
});

describe('Finding 4 (floods): the bucket in the chat-lock script', () => {
  let redisA: Redis;
  let redisB: Redis;
  let prefix: string;
  beforeAll(async () => {
    [redisA, redisB] = await Promise.all([connectTestRedis(), connectTestRedis()]);
  });
  afterAll(async () => {
    await Promise.all([redisA.quit(), redisB.quit()]);
  });
  beforeEach(() => {
    prefix = randomPrefix('rate');
  });
  afterEach(async () => {
    await removeKeys(redisA, prefix);
  });

  function limitedBot(redis: Redis, seen: { served: number; limited: RateLimited[]; evals: number }, holdMs = 0) {
    const counted = new Proxy(redis, {
      get(target, name, receiver) {
        if (name === 'eval')
          return (...args: unknown[]) => {
            seen.evals++;
            return (target.eval as (...a: unknown[]) => unknown)(...args);
          };
        return Reflect.get(target, name, receiver);
      },
    });
    const bot = offlineBot<Context>();
    bot.use(
      perChatOrdering({
        redis: counted,
        prefix: `${prefix}lock:`,
        lockTtlMs: 10_000,
        waitMs: 10_000,
        logger,
        claimUpdates: { prefix: `${prefix}update:`, ttlSeconds: 60 },
        rateLimit: {
          capacity: 5,
          windowMs: 60_000,
          prefix: `${prefix}rate:`,
          onLimited: async (_ctx, limited) => void seen.limited.push(limited),
        },
      }),
    );
    bot.use(async () => {
      seen.served++;
      if (holdMs) await new Promise((r) => setTimeout(r, holdMs));
    });
    return bot;
  }

  it('two processes share one bucket, and each update costs one script call', async () => {
    const seen = { served: 0, limited: [] as RateLimited[], evals: 0 };
    const a = limitedBot(redisA, seen);
    const b = limitedBot(redisB, seen);
    for (let i = 1; i <= 12; i++) await (i % 2 ? a : b).handleUpdate(messageUpdate(i, 4242));
    expect(seen.served).toBe(5);
    expect(seen.limited).toEqual([{ userId: 4242, notify: true }, ...Array(6).fill({ userId: 4242, notify: false })]);
    // One eval per update to take the bucket and the lock; five releases for the five served.
    expect(seen.evals).toBe(12 + 5);
  });

  it('an update waiting for a busy chat (another process holds it) takes one token, not one per retry', async () => {
    const seen = { served: 0, limited: [] as RateLimited[], evals: 0 };
    const slow = limitedBot(redisA, seen, 300);
    const other = limitedBot(redisB, seen);
    await Promise.all([slow.handleUpdate(messageUpdate(1, 77)), other.handleUpdate(messageUpdate(2, 77))]);
    expect(seen.served).toBe(2);
    // Three tokens of five remain despite many retries of the waiting update.
    for (let i = 3; i <= 5; i++) await other.handleUpdate(messageUpdate(i, 77));
    expect(seen.served).toBe(5);
    await other.handleUpdate(messageUpdate(6, 77));
    expect(seen.limited).toEqual([{ userId: 77, notify: true }]);
  });
});
