// The Redis session store: both interfaces over one storage, JSON, key prefix and sliding idle TTL.
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSessionStore } from '../../src/session/index.js';
import { MemorySessionStore } from '../../src/session/memory-store.js';
import { DEFAULT_SESSION_TTL_SECONDS, RedisSessionStore } from '../../src/session/redis-store.js';
import { connectTestRedis, keysUnder, randomPrefix, removeKeys } from './redis-helper.js';

interface PortalSession {
  counter?: number;
  route?: string;
  __scenes?: { current?: string; state?: Record<string, unknown> };
  nonce?: string | null;
}

let redis: Redis;
let prefix: string;

beforeAll(async () => {
  redis = await connectTestRedis();
});
afterAll(async () => {
  await redis.quit();
});
beforeEach(() => {
  prefix = randomPrefix('store');
});
afterEach(async () => {
  await removeKeys(redis, prefix);
});

describe('RedisSessionStore: Telegraf AsyncSessionStore (get/set/delete)', () => {
  it('returns undefined for an unknown key, the stored value after set, undefined after delete', async () => {
    const store = new RedisSessionStore<PortalSession>(redis, { prefix });
    expect(await store.get('42:42')).toBeUndefined();
    await store.set('42:42', { counter: 1 });
    expect(await store.get('42:42')).toEqual({ counter: 1 });
    await store.delete('42:42');
    expect(await store.get('42:42')).toBeUndefined();
    expect(await store.has('42:42')).toBe(false);
  });

  it('round-trips a scene session as JSON', async () => {
    const store = new RedisSessionStore<PortalSession>(redis, { prefix });
    const value: PortalSession = {
      counter: 7,
      route: 'sub:menu:123',
      nonce: null,
      __scenes: { current: 'subscriberSearch', state: { mask: '29100000_', page: [1, 2], label: 'Выбор абонента' } },
    };
    await store.set('7:7', value);
    expect(await store.get('7:7')).toEqual(value);
    expect(JSON.parse((await redis.get(`${prefix}7:7`)) ?? 'null')).toEqual(value);
  });

  it('treats a value that is not JSON as no session and removes it', async () => {
    const store = new RedisSessionStore<PortalSession>(redis, { prefix });
    await redis.set(`${prefix}1:1`, '{not json');
    expect(await store.get('1:1')).toBeUndefined();
    expect(await redis.exists(`${prefix}1:1`)).toBe(0);
  });
});

describe('RedisSessionStore: grammY StorageAdapter (read/write/delete) over the same keys', () => {
  it('reads what set wrote and gets what write wrote', async () => {
    const store = new RedisSessionStore<PortalSession>(redis, { prefix });
    await store.set('a', { counter: 1 });
    expect(await store.read('a')).toEqual({ counter: 1 });
    await store.write('b', { counter: 2 });
    expect(await store.get('b')).toEqual({ counter: 2 });
    expect(await store.has('b')).toBe(true);
    await store.delete('b');
    expect(await store.read('b')).toBeUndefined();
  });
});

describe('RedisSessionStore: sliding idle TTL', () => {
  it('defaults to 30 days', () => {
    expect(new RedisSessionStore(redis, { prefix }).ttlSeconds).toBe(30 * 24 * 60 * 60);
    expect(DEFAULT_SESSION_TTL_SECONDS).toBe(2_592_000);
  });

  it('sets the TTL on write', async () => {
    const store = new RedisSessionStore<PortalSession>(redis, { prefix, ttlSeconds: 1_000 });
    await store.write('k', { counter: 1 });
    const ttl = await redis.ttl(`${prefix}k`);
    expect(ttl).toBeGreaterThan(900);
    expect(ttl).toBeLessThanOrEqual(1_000);
  });

  it('renews the TTL on every read (an active user never expires)', async () => {
    const store = new RedisSessionStore<PortalSession>(redis, { prefix, ttlSeconds: 1_000 });
    await store.set('k', { counter: 1 });
    await redis.expire(`${prefix}k`, 10);
    expect(await store.get('k')).toEqual({ counter: 1 });
    expect(await redis.ttl(`${prefix}k`)).toBeGreaterThan(900);
    await redis.expire(`${prefix}k`, 10);
    await store.read('k');
    expect(await redis.ttl(`${prefix}k`)).toBeGreaterThan(900);
  });

  it('a key Redis expired reads as no session', async () => {
    const store = new RedisSessionStore<PortalSession>(redis, { prefix, ttlSeconds: 1_000 });
    await store.set('k', { counter: 1 });
    await redis.pexpire(`${prefix}k`, 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(await store.get('k')).toBeUndefined();
  });
});

describe('RedisSessionStore: key prefix isolation', () => {
  it('stores under prefix+key and never sees another prefix', async () => {
    const other = `${prefix}other:`;
    const first = new RedisSessionStore<PortalSession>(redis, { prefix: `${prefix}one:` });
    const second = new RedisSessionStore<PortalSession>(redis, { prefix: other });
    await first.set('5:5', { counter: 1 });
    expect(await second.get('5:5')).toBeUndefined();
    await second.set('5:5', { counter: 2 });
    expect(await first.get('5:5')).toEqual({ counter: 1 });
    await first.delete('5:5');
    expect(await second.get('5:5')).toEqual({ counter: 2 });
    expect(await keysUnder(redis, prefix)).toEqual([`${other}5:5`]);
  });
});

describe('createSessionStore', () => {
  it('uses Redis when a client is given, process memory otherwise', async () => {
    const inRedis = createSessionStore<PortalSession>({ redis, prefix, ttlSeconds: 60 });
    expect(inRedis).toBeInstanceOf(RedisSessionStore);
    await inRedis.set('x', { counter: 3 });
    expect(await redis.ttl(`${prefix}x`)).toBeLessThanOrEqual(60);

    const inMemory = createSessionStore<PortalSession>({ prefix, ttlSeconds: 60 });
    expect(inMemory).toBeInstanceOf(MemorySessionStore);
    expect(await inMemory.get('x')).toBeUndefined();
  });
});
