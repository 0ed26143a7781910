// The order-event delivery of one process, built from the config (app.ts and worker.ts call this).
import type { Registry } from 'prom-client';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Clock } from '../domain/clock.js';
import type { Logger } from '../logger.js';
import { OrderDelivery } from './delivery.js';
import { orderMetrics } from './metrics.js';

export function orderDeliveryFromConfig(
  config: Config,
  deps: { db: Db; clock: Clock; logger: Logger; registry?: Registry },
): OrderDelivery {
  return new OrderDelivery({
    db: deps.db,
    clock: deps.clock,
    logger: deps.logger.child({ component: 'orders' }),
    url: config.ORDERS_WEBHOOK_URL,
    secrets: config.ORDERS_WEBHOOK_SECRET
      ? { current: config.ORDERS_WEBHOOK_SECRET, previous: config.ORDERS_WEBHOOK_SECRET_PREVIOUS }
      : undefined,
    retryHours: config.ORDERS_RETRY_HOURS,
    keepDays: config.ORDERS_EVENTS_KEEP_DAYS,
    observe: deps.registry ? orderMetrics(deps.registry, deps.db, deps.logger) : undefined,
  });
}
