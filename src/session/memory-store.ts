// Sessions in process memory, for a single process run without REDIS_URL: the same interface, JSON
// copies (so a handler's unsaved mutation never leaks in, exactly as with Redis) and the same idle TTL.
import { DEFAULT_SESSION_TTL_SECONDS, type SessionStore } from './redis-store.js';

export interface MemorySessionStoreOptions {
  ttlSeconds?: number;
  /** Milliseconds since the epoch; injectable so tests move time instead of sleeping. */
  now?: () => number;
}

interface Entry {
  json: string;
  expiresAt: number;
}

export class MemorySessionStore<T> implements SessionStore<T> {
  readonly ttlSeconds: number;
  private readonly now: () => number;
  // Every touch re-inserts its key, so the Map is ordered by expiry (one TTL for all) and expired
  // entries are always at the front: evicting them costs only the entries evicted.
  private readonly entries = new Map<string, Entry>();

  constructor(options: MemorySessionStoreOptions = {}) {
    this.ttlSeconds = options.ttlSeconds ?? DEFAULT_SESSION_TTL_SECONDS;
    this.now = options.now ?? Date.now;
  }

  /** Live sessions (after evicting the expired ones). */
  get size(): number {
    this.evictExpired();
    return this.entries.size;
  }

  async get(key: string): Promise<T | undefined> {
    this.evictExpired();
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.touch(key, entry.json);
    return JSON.parse(entry.json) as T;
  }

  async set(key: string, value: T): Promise<void> {
    this.evictExpired();
    this.touch(key, JSON.stringify(value));
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async has(key: string): Promise<boolean> {
    this.evictExpired();
    return this.entries.has(key);
  }

  read(key: string): Promise<T | undefined> {
    return this.get(key);
  }

  write(key: string, value: T): Promise<void> {
    return this.set(key, value);
  }

  private touch(key: string, json: string): void {
    this.entries.delete(key);
    this.entries.set(key, { json, expiresAt: this.now() + this.ttlSeconds * 1000 });
  }

  private evictExpired(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.entries.delete(key);
    }
  }
}
