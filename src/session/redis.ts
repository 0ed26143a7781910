// The Redis client, set to fail fast: during an outage a command rejects within about a second with a
// RedisUnavailableError, so the error boundary answers «Сервис временно недоступен» instead of hanging.
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/** Redis is down or unreachable; the user should try again later. */
export class RedisUnavailableError extends Error {
  override readonly name = 'RedisUnavailableError';
  constructor(operation: string, cause: unknown) {
    super(`Redis is unavailable (${operation}): ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export function isRedisUnavailable(err: unknown): err is RedisUnavailableError {
  return err instanceof RedisUnavailableError;
}

/** Reply errors that mean "this server cannot serve you now", as opposed to a bug in the command. */
const unavailableReplies = ['LOADING', 'MASTERDOWN', 'READONLY', 'BUSY'];

/**
 * Runs one Redis operation; any connection-level failure (offline, closed, timed out, retries exhausted)
 * becomes a RedisUnavailableError. A reply error about the command itself stays as it is: that is a bug.
 */
export async function withRedis<R>(operation: string, run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (err) {
    if (
      err instanceof Error &&
      err.name === 'ReplyError' &&
      !unavailableReplies.some((c) => err.message.startsWith(c))
    ) {
      throw err;
    }
    throw new RedisUnavailableError(operation, err);
  }
}

export interface RedisTimings {
  /** Per-command deadline; a hung server answers the user in about this long. */
  commandTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** Ceiling of the reconnect backoff. */
  maxReconnectDelayMs?: number;
}

/** Reconnect forever with exponential backoff capped at maxMs, jittered so many processes do not stampede. */
export function reconnectDelay(attempt: number, maxMs: number): number {
  const base = Math.min(maxMs, 50 * 2 ** Math.min(attempt, 16));
  return Math.round(base / 2 + Math.random() * (base / 2));
}

/**
 * Connects in the background; until the first `ready` every command rejects at once (no offline queue),
 * so a composition root that needs Redis at start awaits `redisReady()`.
 */
export function createRedis(url: string, logger?: Logger, timings: RedisTimings = {}): Redis {
  const maxReconnectDelayMs = timings.maxReconnectDelayMs ?? 2_000;
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: timings.commandTimeoutMs ?? 1_000,
    connectTimeout: timings.connectTimeoutMs ?? 2_000,
    retryStrategy: (attempt) => reconnectDelay(attempt, maxReconnectDelayMs),
  });
  // Log a state change once, not every failed reconnect of an outage.
  let down = false;
  redis.on('error', (err: Error) => {
    if (!down) logger?.error({ err }, 'redis unavailable');
    else logger?.debug({ err }, 'redis still unavailable');
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger?.info('redis available again');
    down = false;
  });
  return redis;
}

/** Resolves once the client is ready; rejects with RedisUnavailableError after timeoutMs. */
export async function redisReady(redis: Redis, timeoutMs = 5_000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new RedisUnavailableError('connect', new Error(`not ready after ${timeoutMs} ms (${redis.status})`)));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });
}
