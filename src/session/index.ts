// Entry point of the session area: the store (Redis, or memory without REDIS_URL), the fail-fast client,
// per-chat ordering and update dedupe.
import type { Redis } from 'ioredis';
import { MemorySessionStore } from './memory-store.js';
import { RedisSessionStore, type SessionStore } from './redis-store.js';

export interface SessionStoreOptions {
  /** Absent: sessions live in this process only (the caller logs that warning). */
  redis?: Redis;
  /** Key prefix in Redis, e.g. `portal:session:`; ignored in memory. */
  prefix: string;
  /** Idle lifetime; default 30 days. */
  ttlSeconds?: number;
}

export function createSessionStore<T>(options: SessionStoreOptions): SessionStore<T> {
  return options.redis
    ? new RedisSessionStore<T>(options.redis, { prefix: options.prefix, ttlSeconds: options.ttlSeconds })
    : new MemorySessionStore<T>({ ttlSeconds: options.ttlSeconds });
}

export { type DedupeUpdatesOptions, dedupeUpdates } from './dedupe.js';
export { MemorySessionStore } from './memory-store.js';
export {
  ChatBusyError,
  chatKeyOf,
  type PerChatOrdering,
  type PerChatOrderingOptions,
  perChatOrdering,
} from './ordering.js';
export { createRedis, isRedisUnavailable, RedisUnavailableError, redisReady, withRedis } from './redis.js';
export {
  DEFAULT_SESSION_TTL_SECONDS,
  RedisSessionStore,
  type SessionStore,
  type StorageAdapter,
} from './redis-store.js';
