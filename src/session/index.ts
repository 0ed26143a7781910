// Entry point of the session area: picks the Redis store or, without REDIS_URL, the memory store.
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

export { MemorySessionStore } from './memory-store.js';
export { createRedis, isRedisUnavailable, RedisUnavailableError, redisReady, withRedis } from './redis.js';
export { DEFAULT_SESSION_TTL_SECONDS, RedisSessionStore, type SessionStore, type StorageAdapter } from './redis-store.js';
