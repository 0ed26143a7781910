// /metrics for orders (issue 19): events pending and dead (all processes, read on scrape), delivered and
// retried by this process, delivery latency (event written → delivered), orders by type and state.
import { sql } from 'drizzle-orm';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { type Db, rawRows } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { DeliveryObserver } from './delivery.js';
import { eventCounts } from './outbox.js';

export function orderMetrics(registry: Registry, db: Db, logger?: Logger): DeliveryObserver {
  const registers = [registry];
  const delivered = new Counter({
    name: 'portal_order_events_delivered_total',
    help: 'Order events delivered to the webhook by this process',
    registers,
  });
  const retried = new Counter({
    name: 'portal_order_events_retried_total',
    help: 'Order events whose delivery failed and will be tried again',
    registers,
  });
  const died = new Counter({
    name: 'portal_order_events_dead_total',
    help: 'Order events that went dead after the retry window',
    registers,
  });
  const latency = new Histogram({
    name: 'portal_order_event_delivery_seconds',
    help: 'From an order event being written to its delivery',
    buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600],
    registers,
  });
  new Gauge({
    name: 'portal_order_events',
    help: 'Order events in the outbox by state (pending, delivered, dead)',
    labelNames: ['state'],
    registers,
    async collect() {
      try {
        const counts = await eventCounts(db);
        for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
      } catch (err) {
        logger?.warn({ err }, 'order event counts not read');
      }
    },
  });
  new Gauge({
    name: 'portal_orders',
    help: 'Orders by type and state',
    labelNames: ['type', 'state'],
    registers,
    async collect() {
      try {
        const rows = await rawRows<{ type: string; state: string; n: string | number }>(
          db,
          sql`select type, state, count(*) as n from orders group by type, state`,
        );
        this.reset();
        for (const r of rows) this.set({ type: r.type, state: r.state }, Number(r.n));
      } catch (err) {
        logger?.warn({ err }, 'order counts not read');
      }
    },
  });
  return {
    delivered(events, now) {
      delivered.inc(events.length);
      for (const e of events) latency.observe((now.getTime() - e.createdAt.getTime()) / 1000);
    },
    retried: (n) => retried.inc(n),
    dead: (n) => died.inc(n),
  };
}
