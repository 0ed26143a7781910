// The Redis client fails fast: an unreachable or hung Redis rejects a command with RedisUnavailableError
// instead of hanging the handler, and connection errors are logged, never thrown unhandled.
import { createServer, type Server } from 'node:net';
import { Writable } from 'node:stream';
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import {
  createRedis,
  isRedisUnavailable,
  RedisUnavailableError,
  reconnectDelay,
  withRedis,
} from '../../src/session/redis.js';
import { RedisSessionStore } from '../../src/session/redis-store.js';
import { connectTestRedis } from './redis-helper.js';

const clients: Redis[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function captureLogs() {
  const lines: Array<{ level: number; msg: string }> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger('debug', sink), lines };
}

/** A "Redis" that answers ioredis's handshake (CLIENT SETINFO, the INFO ready check) and then never answers again. */
async function hungRedis(): Promise<number> {
  const server = createServer((socket) => {
    socket.on('data', (data) => {
      const text = String(data);
      for (const _ of text.matchAll(/SETINFO/g)) socket.write('+OK\r\n');
      if (/\r\ninfo\r\n/i.test(text)) {
        const info = 'redis_version:7.0.0\r\nloading:0\r\n';
        socket.write(`$${Buffer.byteLength(info)}\r\n${info}\r\n`);
      }
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('createRedis: fail fast when Redis is down', () => {
  it('a session read against a closed port rejects with RedisUnavailableError', async () => {
    const { logger, lines } = captureLogs();
    const redis = createRedis('redis://127.0.0.1:1', logger);
    clients.push(redis);
    const connectionRefused = new Promise((r) => redis.once('error', r));
    const store = new RedisSessionStore(redis, { prefix: 'never:' });
    const failure = await store.get('1:1').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RedisUnavailableError);
    expect(isRedisUnavailable(failure)).toBe(true);
    // The connection error went to the log (once), not to an unhandled 'error' event.
    await connectionRefused;
    expect(lines.filter((l) => l.msg === 'redis unavailable')).toHaveLength(1);
  });

  it('a command to a Redis that accepts but never answers times out with RedisUnavailableError', async () => {
    const port = await hungRedis();
    const redis = createRedis(`redis://127.0.0.1:${port}`);
    clients.push(redis);
    await new Promise<void>((r) => redis.once('ready', () => r()));
    const store = new RedisSessionStore(redis, { prefix: 'never:' });
    const failure = await store.set('1:1', { counter: 1 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RedisUnavailableError);
    expect(((failure as Error).cause as Error).message).toBe('Command timed out');
  });
});

describe('withRedis', () => {
  it('passes a reply error about the command itself through: that is a bug, not an outage', async () => {
    const redis = await connectTestRedis();
    clients.push(redis);
    const failure = await withRedis('bad', () => redis.call('NO-SUCH-COMMAND')).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(RedisUnavailableError);
  });
});

describe('reconnectDelay', () => {
  it('grows with the attempt and is capped', () => {
    for (let attempt = 1; attempt < 100; attempt++) {
      const delay = reconnectDelay(attempt, 2_000);
      expect(delay).toBeGreaterThan(0);
      expect(delay).toBeLessThanOrEqual(2_000);
    }
    expect(reconnectDelay(1, 2_000)).toBeLessThanOrEqual(100);
    expect(reconnectDelay(60, 2_000)).toBeGreaterThanOrEqual(1_000);
  });
});
