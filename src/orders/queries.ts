// Reading orders and events for the command-line tool and the screens: one order, a page of orders,
// events by state.
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { type Executor, rawRows } from '../db/client.js';
import { orderEvents, orders } from '../db/schema/index.js';

export type OrderRow = typeof orders.$inferSelect;

export async function orderById(db: Executor, id: number): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(orders).where(eq(orders.id, id));
  return row;
}

export async function eventsOfOrder(db: Executor, orderId: number) {
  return db
    .select({
      id: orderEvents.id,
      type: orderEvents.type,
      sequence: orderEvents.sequence,
      state: orderEvents.state,
      attempts: orderEvents.attempts,
      lastError: orderEvents.lastError,
      createdAt: orderEvents.createdAt,
      deliveredAt: orderEvents.deliveredAt,
    })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(orderEvents.sequence);
}

export interface EventLine {
  id: string;
  key: string;
  sequence: number;
  type: string;
  state: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  orderId: number;
}

export async function listEvents(
  db: Executor,
  opts: { state?: 'pending' | 'dead' | 'delivered'; limit?: number; beforeCreatedAt?: Date } = {},
): Promise<EventLine[]> {
  return db
    .select({
      id: orderEvents.id,
      key: orderEvents.key,
      sequence: orderEvents.sequence,
      type: orderEvents.type,
      state: orderEvents.state,
      attempts: orderEvents.attempts,
      lastError: orderEvents.lastError,
      createdAt: orderEvents.createdAt,
      orderId: orderEvents.orderId,
    })
    .from(orderEvents)
    .where(
      and(
        opts.state ? eq(orderEvents.state, opts.state) : sql`${orderEvents.state} <> 'delivered'`,
        opts.beforeCreatedAt ? lt(orderEvents.createdAt, opts.beforeCreatedAt) : undefined,
      ),
    )
    .orderBy(orderEvents.key, orderEvents.sequence)
    .limit(opts.limit ?? 200);
}

/** A page of orders, newest first, of a client or one subscriber, optionally of one state. */
export async function ordersPage(
  db: Executor,
  opts: { clientId: number; subscriberId?: number; state?: OrderRow['state']; offset: number; limit: number },
): Promise<{ rows: OrderRow[]; total: number }> {
  const where = and(
    eq(orders.clientId, opts.clientId),
    opts.subscriberId ? eq(orders.subscriberId, opts.subscriberId) : undefined,
    opts.state ? eq(orders.state, opts.state) : undefined,
  );
  const rows = await db
    .select()
    .from(orders)
    .where(where)
    .orderBy(desc(orders.id))
    .offset(opts.offset)
    .limit(opts.limit);
  const [count] = await rawRows<{ n: string | number }>(db, sql`select count(*) as n from ${orders} where ${where}`);
  return { rows, total: Number(count?.n ?? 0) };
}
