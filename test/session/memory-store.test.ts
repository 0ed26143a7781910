// The memory session store: the Redis store's interface and idle TTL, for one process without REDIS_URL.
import { describe, expect, it } from 'vitest';
import { MemorySessionStore } from '../../src/session/memory-store.js';

interface PortalSession {
  counter?: number;
  __scenes?: { current?: string };
}

function storeWithClock(ttlSeconds = 100) {
  const clock = { ms: 1_700_000_000_000 };
  const store = new MemorySessionStore<PortalSession>({ ttlSeconds, now: () => clock.ms });
  return { store, advance: (seconds: number) => (clock.ms += seconds * 1000) };
}

describe('MemorySessionStore: both interfaces', () => {
  it('get/set/delete and read/write/delete share one storage', async () => {
    const { store } = storeWithClock();
    expect(await store.get('1:1')).toBeUndefined();
    await store.set('1:1', { counter: 1 });
    expect(await store.read('1:1')).toEqual({ counter: 1 });
    await store.write('1:1', { counter: 2, __scenes: { current: 'search' } });
    expect(await store.get('1:1')).toEqual({ counter: 2, __scenes: { current: 'search' } });
    expect(await store.has('1:1')).toBe(true);
    await store.delete('1:1');
    expect(await store.read('1:1')).toBeUndefined();
  });

  it('keeps JSON copies, as Redis does: a mutation not written back is not stored', async () => {
    const { store } = storeWithClock();
    const value = { counter: 1 };
    await store.set('k', value);
    value.counter = 99;
    const read = await store.get('k');
    expect(read).toEqual({ counter: 1 });
    read!.counter = 50;
    expect(await store.get('k')).toEqual({ counter: 1 });
  });
});

describe('MemorySessionStore: sliding idle TTL', () => {
  it('defaults to 30 days', () => {
    expect(new MemorySessionStore().ttlSeconds).toBe(2_592_000);
  });

  it('expires a session idle for the TTL', async () => {
    const { store, advance } = storeWithClock(100);
    await store.set('k', { counter: 1 });
    advance(99);
    expect(await store.has('k')).toBe(true);
    advance(1);
    expect(await store.get('k')).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('renews the TTL on every read and write', async () => {
    const { store, advance } = storeWithClock(100);
    await store.set('k', { counter: 1 });
    advance(60);
    expect(await store.get('k')).toEqual({ counter: 1 });
    advance(60);
    expect(await store.read('k')).toEqual({ counter: 1 });
    advance(60);
    await store.write('k', { counter: 2 });
    advance(99);
    expect(await store.get('k')).toEqual({ counter: 2 });
  });

  it('frees expired sessions of users who never come back', async () => {
    const { store, advance } = storeWithClock(100);
    for (let i = 0; i < 1000; i++) await store.set(`idle${i}`, { counter: i });
    advance(50);
    await store.set('active', { counter: 1 });
    advance(50);
    expect(store.size).toBe(1);
    expect(await store.get('active')).toEqual({ counter: 1 });
  });
});
