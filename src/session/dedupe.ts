// Drops an update whose update_id was already taken (Telegram redelivers after a failed webhook answer or
// a restart): part of R-IDEMP — an update delivered twice makes one change, in whichever process it lands.
import type { Redis } from 'ioredis';
import type { Context, MiddlewareFn } from 'telegraf';
import type { Logger } from '../logger.js';
import { withRedis } from './redis.js';

export interface DedupeUpdatesOptions {
  /** Absent: a bounded in-memory record, enough for one process. */
  redis?: Redis;
  /** Key prefix, e.g. `portal:update:`. */
  prefix: string;
  /** How long a seen update_id is remembered in Redis; Telegram keeps undelivered updates for 24 h. */
  ttlSeconds?: number;
  /** Most recent update_ids remembered in memory. */
  capacity?: number;
  logger?: Logger;
}

/** Remembers the most recent ids; the oldest is forgotten first (update_ids only grow). */
class RecentIds {
  private readonly ids = new Set<number>();
  constructor(private readonly capacity: number) {}

  /** True when the id is new (and records it). */
  add(id: number): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }
}

export function dedupeUpdates<C extends Context>(options: DedupeUpdatesOptions): MiddlewareFn<C> {
  const { redis, prefix, logger } = options;
  const ttlSeconds = options.ttlSeconds ?? 86_400;
  const recent = new RecentIds(options.capacity ?? 10_000);

  const firstDelivery = async (updateId: number): Promise<boolean> => {
    if (!redis) return recent.add(updateId);
    // SET NX is the claim: of two processes given the same update, exactly one gets 'OK'.
    const claimed = await withRedis('dedupe.claim', () =>
      redis.set(prefix + String(updateId), '1', 'EX', ttlSeconds, 'NX'),
    );
    return claimed === 'OK';
  };

  return async (ctx, next) => {
    const updateId = ctx.update.update_id;
    if (await firstDelivery(updateId)) return next();
    logger?.info({ update_id: updateId }, 'duplicate update dropped');
  };
}
