// Per-chat ordering: the updates of one chat are handled one at a time — in this process by a promise
// chain per chat, across processes by a Redis lock — so two quick presses never race on the session.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Context, MiddlewareFn } from 'telegraf';
import type { Logger } from '../logger.js';
import { bucketLua, MemoryBuckets, type RateLimit, type RateLimited } from './rate-limit.js';
import { withRedis } from './redis.js';

/** The chat's previous update still holds it after waitMs: the user is told to try again shortly. */
export class ChatBusyError extends Error {
  override readonly name = 'ChatBusyError';
  constructor(
    readonly chatKey: string,
    readonly waitedMs: number,
  ) {
    super(`chat ${chatKey} is still busy after ${waitedMs} ms`);
  }
}

export interface PerChatOrderingOptions {
  /** Absent: ordering within this process only (one process, no REDIS_URL). */
  redis?: Redis;
  /** Lock key prefix, e.g. `portal:lock:`. */
  prefix: string;
  /** Lock expiry; longer than the longest handler, so a crashed process frees the chat by itself. */
  lockTtlMs: number;
  /** How long an update waits for its turn (queue in this process plus the Redis lock) before ChatBusyError. */
  waitMs: number;
  logger: Logger;
  /**
   * With Redis: claim each update_id (SET NX EX, the keys dedupeUpdates uses) in the same round trip that
   * takes the chat's lock, and drop an update whose id was already taken. One Redis round trip per update
   * fewer than a separate dedupe step (bench/: Redis round trips per press).
   */
  claimUpdates?: { prefix: string; ttlSeconds: number };
  /**
   * A token bucket per Telegram user (finding 4 of issue 22), taken before the update runs — so before the
   * session and identity are read. With Redis it is part of the lock script (no extra round trip); without,
   * in this process. A refused update never reaches `next`; `onLimited` decides what the user sees.
   */
  rateLimit?: RateLimit & { onLimited(ctx: Context, limited: RateLimited): Promise<void> };
}

export type PerChatOrdering<C extends Context> = MiddlewareFn<C> & {
  /** Chats with an update running or queued in this process (0 when idle: the chains do not leak). */
  activeChats(): number;
};

/** One key per conversation: the chat, or the user for updates without a chat (inline queries). */
export function chatKeyOf(ctx: Context): string | undefined {
  const id = ctx.chat?.id ?? ctx.from?.id;
  return id === undefined ? undefined : String(id);
}

// Deletes the lock only while it still carries our token: a lock that expired and was taken by another
// process must not be released by us.
const releaseScript = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

// KEYS: the lock, the update's claim ('' for none), the user's bucket ('' for none). First the bucket (3 or 4 =
// refused, src/session/rate-limit.ts), then the lock and, with a claim key, the update id: 1 = go, 0 = the
// chat is busy, 2 = the update was already taken (the lock is given back at once).
const acquireScript = `${bucketLua}
local limited = take_token()
if limited ~= 0 then return limited end
if redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then
  if KEYS[2] ~= '' and not redis.call('set', KEYS[2], '1', 'EX', ARGV[3], 'NX') then
    redis.call('del', KEYS[1])
    return 2
  end
  return 1
end
return 0`;

/** acquireLock's answer for an update whose id another delivery already claimed. */
const DUPLICATE = Symbol('duplicate update');
/** acquireLock's answers for a user over their rate (3: tell them; 4: told already this window). */
const LIMITED_NOTIFY = Symbol('rate limited, notify');
const LIMITED_SILENT = Symbol('rate limited, silent');
type Refusal = typeof DUPLICATE | typeof LIMITED_NOTIFY | typeof LIMITED_SILENT;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function perChatOrdering<C extends Context>(options: PerChatOrderingOptions): PerChatOrdering<C> {
  const { redis, prefix, lockTtlMs, waitMs, logger, claimUpdates, rateLimit } = options;
  const memoryBuckets = rateLimit && !redis ? new MemoryBuckets(rateLimit) : undefined;
  const scripted = claimUpdates !== undefined || rateLimit !== undefined;
  // The tail of each chat's chain: it settles when the last queued update of the chat is finished.
  const tails = new Map<string, Promise<void>>();

  async function waitForTurn(previous: Promise<void>, key: string, deadline: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()));
    });
    const outcome = await Promise.race([previous, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') throw new ChatBusyError(key, waitMs);
  }

  /**
   * A command that timed out may still reach Redis once it answers again (it sat in the socket): a lock
   * taken or kept that way would hold the chat until its TTL. Retry the compare-and-delete in the
   * background until Redis answers, so the next update of the chat finds the chat free.
   */
  function releaseLater(client: Redis, lockKey: string, token: string, key: string): void {
    const giveUpAt = Date.now() + lockTtlMs;
    const attempt = (delay: number) => {
      const timer = setTimeout(() => {
        client.eval(releaseScript, 1, lockKey, token).then(
          () => logger.info({ chatKey: key }, 'chat lock left by an outage released'),
          () => {
            if (Date.now() + delay < giveUpAt) attempt(Math.min(delay * 2, 2_000));
          },
        );
      }, delay);
      timer.unref?.();
    };
    attempt(250);
  }

  async function acquireLock(
    client: Redis,
    lockKey: string,
    key: string,
    deadline: number,
    updateId: number,
    userId: number | undefined,
  ): Promise<string | Refusal> {
    const token = randomBytes(16).toString('hex');
    try {
      return await tryAcquire(client, lockKey, key, deadline, updateId, userId, token);
    } catch (err) {
      releaseLater(client, lockKey, token, key);
      throw err;
    }
  }

  async function tryAcquire(
    client: Redis,
    lockKey: string,
    key: string,
    deadline: number,
    updateId: number,
    userId: number | undefined,
    token: string,
  ): Promise<string | Refusal> {
    const claimKey = claimUpdates ? claimUpdates.prefix + String(updateId) : '';
    const bucketKey = rateLimit && userId !== undefined ? rateLimit.prefix + String(userId) : '';
    for (let attempt = 0; ; attempt++) {
      if (scripted) {
        const outcome = await withRedis('ordering.lock', () =>
          client.eval(
            acquireScript,
            3,
            lockKey,
            claimKey,
            bucketKey,
            token,
            lockTtlMs,
            claimUpdates?.ttlSeconds ?? 0,
            rateLimit?.capacity ?? 0,
            rateLimit?.windowMs ?? 1,
            attempt === 0 ? '1' : '0',
          ),
        );
        if (outcome === 1) return token;
        if (outcome === 2) return DUPLICATE;
        if (outcome === 3) return LIMITED_NOTIFY;
        if (outcome === 4) return LIMITED_SILENT;
      } else {
        const taken = await withRedis('ordering.lock', () => client.set(lockKey, token, 'PX', lockTtlMs, 'NX'));
        if (taken === 'OK') return token;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new ChatBusyError(key, waitMs);
      // Small jittered waits so processes contending for one chat do not retry in lockstep.
      await sleep(Math.min(remaining, 5 + Math.random() * 20));
    }
  }

  async function releaseLock(client: Redis, lockKey: string, token: string, key: string): Promise<void> {
    try {
      const released = await client.eval(releaseScript, 1, lockKey, token);
      if (released !== 1)
        logger.warn({ chatKey: key, lockTtlMs }, 'chat lock expired before its handler finished; raise lockTtlMs');
    } catch (err) {
      // Failing the finished update would only confuse the user; the lock is released once Redis answers.
      logger.warn({ err, chatKey: key }, 'chat lock not released');
      releaseLater(client, lockKey, token, key);
    }
  }

  async function runInTurn(
    ctx: C,
    next: () => Promise<void>,
    key: string,
    previous: Promise<void> | undefined,
  ): Promise<void> {
    const updateId = ctx.update.update_id;
    const userId = ctx.from?.id;
    const deadline = Date.now() + waitMs;
    if (previous) await waitForTurn(previous, key, deadline);
    if (!redis) return next();
    const lockKey = prefix + key;
    const token = await acquireLock(redis, lockKey, key, deadline, updateId, userId);
    if (token === DUPLICATE) {
      logger.info({ update_id: updateId }, 'duplicate update dropped');
      return;
    }
    if (token === LIMITED_NOTIFY || token === LIMITED_SILENT) {
      return rateLimit!.onLimited(ctx, { userId: userId!, notify: token === LIMITED_NOTIFY });
    }
    try {
      await next();
    } finally {
      await releaseLock(redis, lockKey, token, key);
    }
  }

  const middleware = async (ctx: C, next: () => Promise<void>): Promise<void> => {
    const key = chatKeyOf(ctx);
    if (key === undefined) return next();
    // In memory the bucket is taken before the update queues for its chat: a flood never waits in line.
    const userId = ctx.from?.id;
    if (memoryBuckets && userId !== undefined) {
      const taken = memoryBuckets.take(userId);
      if (taken !== 'go') return rateLimit!.onLimited(ctx, taken);
    }

    const previous = tails.get(key);
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    // The next update waits for this one and, should this one give up waiting, still for the previous.
    const tail = previous ? Promise.all([previous, finished]).then(() => undefined) : finished;
    tails.set(key, tail);
    try {
      await runInTurn(ctx, next, key, previous);
    } finally {
      finish();
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
    }
  };
  return Object.assign(middleware, { activeChats: () => tails.size });
}
