// Sessions in Redis: one class that is both Telegraf's AsyncSessionStore and grammY's StorageAdapter.
// Values are JSON under a key prefix and expire after a sliding idle TTL (every read or write renews it).
import type { Redis } from 'ioredis';
import type { AsyncSessionStore } from 'telegraf/session';
import { withRedis } from './redis.js';

type MaybePromise<T> = T | Promise<T>;

/** grammY's storage interface (grammy/out/convenience/session.d.ts), declared here so grammY is not a dependency. */
export interface StorageAdapter<T> {
  read: (key: string) => MaybePromise<T | undefined>;
  write: (key: string, value: T) => MaybePromise<void>;
  delete: (key: string) => MaybePromise<void>;
  has?: (key: string) => MaybePromise<boolean>;
}

/** What every session store of the bot offers: Telegraf's names and grammY's names over one storage. */
export interface SessionStore<T> extends AsyncSessionStore<T>, StorageAdapter<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
  read(key: string): Promise<T | undefined>;
  write(key: string, value: T): Promise<void>;
  has(key: string): Promise<boolean>;
}

export const DEFAULT_SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;

export interface RedisSessionStoreOptions {
  /** Prepended to every key, e.g. `portal:session:`. */
  prefix: string;
  /** Idle lifetime; every read and write starts it again. Default 30 days. */
  ttlSeconds?: number;
}

export class RedisSessionStore<T> implements SessionStore<T> {
  readonly prefix: string;
  readonly ttlSeconds: number;

  constructor(
    private readonly redis: Redis,
    options: RedisSessionStoreOptions,
  ) {
    this.prefix = options.prefix;
    this.ttlSeconds = options.ttlSeconds ?? DEFAULT_SESSION_TTL_SECONDS;
  }

  async get(key: string): Promise<T | undefined> {
    const redisKey = this.prefix + key;
    // GETEX reads and slides the idle TTL in one round trip.
    const json = await withRedis('session.get', () => this.redis.getex(redisKey, 'EX', this.ttlSeconds));
    if (json == null) return undefined;
    try {
      return JSON.parse(json) as T;
    } catch {
      // A value that is not JSON cannot be a session of ours; start afresh rather than fail every update.
      await this.delete(key);
      return undefined;
    }
  }

  async set(key: string, value: T): Promise<void> {
    const json = JSON.stringify(value);
    await withRedis('session.set', () => this.redis.set(this.prefix + key, json, 'EX', this.ttlSeconds));
  }

  async delete(key: string): Promise<void> {
    await withRedis('session.delete', () => this.redis.del(this.prefix + key));
  }

  async has(key: string): Promise<boolean> {
    return (await withRedis('session.has', () => this.redis.exists(this.prefix + key))) === 1;
  }

  read(key: string): Promise<T | undefined> {
    return this.get(key);
  }

  write(key: string, value: T): Promise<void> {
    return this.set(key, value);
  }
}
