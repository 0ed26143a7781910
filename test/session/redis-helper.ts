// The machine's Redis as session tests reach it: a ready fail-fast client and a random key prefix per
// test, whose keys are removed afterwards so runs never see each other's data.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createRedis, redisReady } from '../../src/session/redis.js';

export const REDIS_TEST_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function connectTestRedis(): Promise<Redis> {
  const redis = createRedis(REDIS_TEST_URL);
  await redisReady(redis);
  return redis;
}

export function randomPrefix(area: string): string {
  return `test:${area}:${randomBytes(6).toString('hex')}:`;
}

/** Deletes every key under the prefix (SCAN, never KEYS, on a shared server). */
export async function removeKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

export async function keysUnder(redis: Redis, prefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    found.push(...keys);
    cursor = next;
  } while (cursor !== '0');
  return found.sort();
}
