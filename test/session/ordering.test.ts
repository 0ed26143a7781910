// Per-chat ordering: Telegraf's "must resist session racing" over two bot instances sharing one Redis,
// plus the lock's edges (busy chat, crashed holder, release on error) and the in-process chain.
import type { Redis } from 'ioredis';
import nock from 'nock';
import { type Context, session } from 'telegraf';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { MemorySessionStore } from '../../src/session/memory-store.js';
import { ChatBusyError, chatKeyOf, perChatOrdering } from '../../src/session/ordering.js';
import { createRedis, RedisUnavailableError } from '../../src/session/redis.js';
import { RedisSessionStore } from '../../src/session/redis-store.js';
import { connectTestRedis, keysUnder, randomPrefix, removeKeys } from './redis-helper.js';
import { messageUpdate, offlineBot, pollUpdate } from './telegraf-helper.js';

interface CounterSession {
  counter: number;
}
interface CounterContext extends Context {
  session?: CounterSession;
}

const logger = createLogger('silent');
const CHAT = 100_500;
const randomDelay = () => new Promise((r) => setTimeout(r, Math.random() * 20));

// Two "processes": each has its own Redis connection and its own Telegraf instance.
let redisA: Redis;
let redisB: Redis;
let prefix: string;

beforeAll(async () => {
  // No Bot API call may leave the test: any would fail the update.
  nock.disableNetConnect();
  [redisA, redisB] = await Promise.all([connectTestRedis(), connectTestRedis()]);
});
afterAll(async () => {
  nock.enableNetConnect();
  await Promise.all([redisA.quit(), redisB.quit()]);
});
beforeEach(() => {
  prefix = randomPrefix('ordering');
});
afterEach(async () => {
  await removeKeys(redisA, prefix);
});

/** A bot whose handler reads the counter, waits 0–20 ms, and writes counter+1: a lost update shows. */
function counterBot(redis: Redis, ordered: boolean) {
  const bot = offlineBot<CounterContext>();
  if (ordered) bot.use(perChatOrdering({ redis, prefix: `${prefix}lock:`, lockTtlMs: 10_000, waitMs: 25_000, logger }));
  const store = new RedisSessionStore<CounterSession>(redis, { prefix: `${prefix}session:` });
  bot.use(session({ store, defaultSession: () => ({ counter: 0 }) }));
  bot.use(async (ctx) => {
    const seen = ctx.session!.counter;
    await randomDelay();
    ctx.session = { counter: seen + 1 };
  });
  return { bot, store };
}

async function race(ordered: boolean): Promise<number> {
  const a = counterBot(redisA, ordered);
  const b = counterBot(redisB, ordered);
  await Promise.all(
    Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? a.bot : b.bot).handleUpdate(messageUpdate(i + 1, CHAT))),
  );
  return (await a.store.get(`${CHAT}:${CHAT}`))!.counter;
}

describe('Per-chat ordering: must resist session racing (two bot instances, one Redis)', () => {
  it('100 concurrent presses from one chat, alternating between two instances, lose no session write', async () => {
    expect(await race(true)).toBe(100);
    // Every lock was released.
    expect(await keysUnder(redisA, `${prefix}lock:`)).toEqual([]);
  });

  it('sanity check: without the ordering middleware the same race loses writes', async () => {
    expect(await race(false)).toBeLessThan(100);
  });
});

describe('Per-chat ordering in one process (no Redis)', () => {
  it('runs one chat’s updates one at a time in arrival order, and forgets idle chats', async () => {
    const ordering = perChatOrdering<CounterContext>({ prefix: 'unused:', lockTtlMs: 1_000, waitMs: 25_000, logger });
    const bot = offlineBot<CounterContext>();
    const store = new MemorySessionStore<CounterSession>();
    const handled: number[] = [];
    bot.use(ordering);
    bot.use(session({ store, defaultSession: () => ({ counter: 0 }) }));
    bot.use(async (ctx) => {
      const seen = ctx.session!.counter;
      await randomDelay();
      ctx.session = { counter: seen + 1 };
      handled.push(ctx.update.update_id);
    });
    await Promise.all(Array.from({ length: 100 }, (_, i) => bot.handleUpdate(messageUpdate(i + 1, CHAT))));
    expect((await store.get(`${CHAT}:${CHAT}`))!.counter).toBe(100);
    expect(handled).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(ordering.activeChats()).toBe(0);
  });

  it('does not hold one chat up behind another', async () => {
    const bot = offlineBot<CounterContext>();
    bot.use(perChatOrdering({ prefix: 'unused:', lockTtlMs: 1_000, waitMs: 2_000, logger }));
    let openGate!: () => void;
    const gate = new Promise<void>((r) => {
      openGate = r;
    });
    // Chat 1 waits for chat 2's handler: if chats were serialized together this would become ChatBusyError.
    bot.use(async (ctx) => {
      if (ctx.chat!.id === 1) await gate;
      else openGate();
    });
    await expect(
      Promise.all([bot.handleUpdate(messageUpdate(1, 1)), bot.handleUpdate(messageUpdate(2, 2))]),
    ).resolves.toBeDefined();
  });

  it('an update that waits longer than waitMs behind a stuck one gets ChatBusyError; the chat recovers', async () => {
    const ordering = perChatOrdering<CounterContext>({ prefix: 'unused:', lockTtlMs: 1_000, waitMs: 50, logger });
    const bot = offlineBot<CounterContext>();
    let unstick!: () => void;
    const stuck = new Promise<void>((r) => {
      unstick = r;
    });
    const handled: number[] = [];
    bot.use(ordering);
    bot.use(async (ctx) => {
      if (ctx.update.update_id === 1) await stuck;
      handled.push(ctx.update.update_id);
    });
    const first = bot.handleUpdate(messageUpdate(1, CHAT));
    await expect(bot.handleUpdate(messageUpdate(2, CHAT))).rejects.toBeInstanceOf(ChatBusyError);
    unstick();
    await first;
    await bot.handleUpdate(messageUpdate(3, CHAT));
    expect(handled).toEqual([1, 3]);
    expect(ordering.activeChats()).toBe(0);
  });

  it('lets updates with neither chat nor user pass', async () => {
    const bot = offlineBot<CounterContext>();
    let passed = 0;
    bot.use(perChatOrdering({ redis: redisA, prefix: `${prefix}lock:`, lockTtlMs: 1_000, waitMs: 50, logger }));
    bot.use(async () => {
      passed++;
    });
    await bot.handleUpdate(pollUpdate(1));
    expect(passed).toBe(1);
    expect(await keysUnder(redisA, prefix)).toEqual([]);
  });

  it('keys by chat, else by user', () => {
    expect(chatKeyOf({ chat: { id: -100 }, from: { id: 7 } } as unknown as Context)).toBe('-100');
    expect(chatKeyOf({ chat: undefined, from: { id: 7 } } as unknown as Context)).toBe('7');
    expect(chatKeyOf({ chat: undefined, from: undefined } as unknown as Context)).toBeUndefined();
  });
});

describe('Per-chat ordering across processes: the Redis lock', () => {
  const lockKey = () => `${prefix}lock:${CHAT}`;
  const orderedBot = (waitMs: number, handler: (ctx: CounterContext) => Promise<void>) => {
    const bot = offlineBot<CounterContext>();
    bot.use(perChatOrdering({ redis: redisA, prefix: `${prefix}lock:`, lockTtlMs: 5_000, waitMs, logger }));
    bot.use(handler);
    return bot;
  };

  it('holds the lock while the handler runs, with a TTL, and releases it after', async () => {
    let during: { value: string | null; ttl: number } | undefined;
    const bot = orderedBot(1_000, async () => {
      during = { value: await redisB.get(lockKey()), ttl: await redisB.pttl(lockKey()) };
    });
    await bot.handleUpdate(messageUpdate(1, CHAT));
    expect(during?.value).toMatch(/^[0-9a-f]{32}$/);
    expect(during?.ttl).toBeGreaterThan(0);
    expect(during?.ttl).toBeLessThanOrEqual(5_000);
    expect(await redisB.exists(lockKey())).toBe(0);
  });

  it('releases the lock when the handler throws', async () => {
    const bot = orderedBot(1_000, async () => {
      throw new Error('handler failed');
    });
    await expect(bot.handleUpdate(messageUpdate(1, CHAT))).rejects.toThrow('handler failed');
    expect(await redisB.exists(lockKey())).toBe(0);
  });

  it('a chat held by another process past waitMs gives ChatBusyError, and the other’s lock stays', async () => {
    await redisB.set(lockKey(), 'other-process-token', 'PX', 60_000);
    let ran = false;
    const bot = orderedBot(100, async () => {
      ran = true;
    });
    const failure = await bot.handleUpdate(messageUpdate(1, CHAT)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ChatBusyError);
    expect((failure as ChatBusyError).chatKey).toBe(String(CHAT));
    expect(ran).toBe(false);
    expect(await redisB.get(lockKey())).toBe('other-process-token');
  });

  it('waits for the other process to release, then runs', async () => {
    await redisB.set(lockKey(), 'other-process-token', 'PX', 60_000);
    let ran = false;
    const bot = orderedBot(5_000, async () => {
      ran = true;
    });
    const handled = bot.handleUpdate(messageUpdate(1, CHAT));
    await new Promise((r) => setTimeout(r, 50));
    expect(ran).toBe(false);
    await redisB.del(lockKey());
    await handled;
    expect(ran).toBe(true);
  });

  it('a lock left by a crashed process frees the chat when its TTL ends', async () => {
    await redisB.set(lockKey(), 'crashed-process-token', 'PX', 100);
    let ran = false;
    const bot = orderedBot(5_000, async () => {
      ran = true;
    });
    await bot.handleUpdate(messageUpdate(1, CHAT));
    expect(ran).toBe(true);
  });

  it('never deletes a lock that expired and was taken by another process', async () => {
    const bot = offlineBot<CounterContext>();
    bot.use(perChatOrdering({ redis: redisA, prefix: `${prefix}lock:`, lockTtlMs: 30, waitMs: 1_000, logger }));
    bot.use(async () => {
      await new Promise((r) => setTimeout(r, 60));
      // Our lock expired meanwhile; another process took the chat.
      await redisB.set(lockKey(), 'next-holder', 'PX', 60_000);
    });
    await bot.handleUpdate(messageUpdate(1, CHAT));
    expect(await redisB.get(lockKey())).toBe('next-holder');
  });

  it('a Redis outage while taking the lock surfaces as RedisUnavailableError', async () => {
    const dead = createRedis('redis://127.0.0.1:1');
    try {
      const bot = offlineBot<CounterContext>();
      bot.use(perChatOrdering({ redis: dead, prefix: `${prefix}lock:`, lockTtlMs: 1_000, waitMs: 1_000, logger }));
      await expect(bot.handleUpdate(messageUpdate(1, CHAT))).rejects.toBeInstanceOf(RedisUnavailableError);
    } finally {
      dead.disconnect();
    }
  });
});
