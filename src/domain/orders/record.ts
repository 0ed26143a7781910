// R-ORDER / R-EVENT / R-FULFIL (local): records orders inside the caller's transaction — the one that
// checked the change's rules — and writes each state change as an event in that same transaction. With
// local fulfilment the change is already applied, so an order is written `completed` with two events,
// `order.accepted` then `order.completed`, numbered per key (the subscriber, or the client).
import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { type Executor, rawRows } from '../../db/client.js';
import { clients, orderEvents, orders, subscribers } from '../../db/schema/index.js';
import { type Actor, actorTelegramId } from '../actor.js';
import { assertClientMayChange } from '../access/may-change.js';
import {
  bynString,
  type OrderEvent,
  type OrderEventType,
  type OrderInput,
  type OrderState,
  type OrderView,
} from './types.js';

/** Rows per statement: well below the bind-parameter limit. */
const CHUNK = 1000;

export function actorRole(actor: Actor): string {
  return actor.kind === 'system' ? actor.name : actor.kind;
}

/** The delivery key: the subscriber (by id, so a number change keeps its key), or the client. */
export function eventKey(order: { subscriberId: number | null; clientId: number }): string {
  return order.subscriberId ? `subscriber:${order.subscriberId}` : `client:${order.clientId}`;
}

type OrderRow = typeof orders.$inferSelect;

export function orderView(row: OrderRow, state: OrderState = row.state): OrderView {
  return {
    id: row.id,
    type: row.type as OrderView['type'],
    payload: row.payload,
    fee: bynString(row.fee),
    client: { unp: row.clientUnp },
    ...(row.msisdn ? { subscriber: { msisdn: row.msisdn } } : {}),
    requestedBy: { role: row.requestedByRole, telegramId: row.requestedByTelegramId },
    state,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    externalId: row.externalId,
  };
}

/** Records one order (see recordOrders); returns its id («№ N»). */
export async function recordOrder(tx: Executor, actor: Actor, now: Date, input: OrderInput): Promise<number> {
  const [id] = await recordOrders(tx, actor, now, [input]);
  return id!;
}

/** Records the orders, completed (local fulfilment), with their events; returns their ids in input order. */
export async function recordOrders(tx: Executor, actor: Actor, now: Date, inputs: OrderInput[]): Promise<number[]> {
  if (inputs.length === 0) return [];
  await assertClientMayChange(tx, actor);
  const unps = await lookup(tx, clients, clients.id, clients.unp, [...new Set(inputs.map((i) => i.clientId))]);
  const subscriberIds = [...new Set(inputs.flatMap((i) => (i.subscriberId ? [i.subscriberId] : [])))];
  const msisdns = await lookup(tx, subscribers, subscribers.id, subscribers.msisdn, subscriberIds);
  const values = inputs.map((i) => ({
    type: i.type,
    payload: i.list ? { ...i.payload, listId: i.list.listId, line: i.list.line } : { ...i.payload },
    fee: i.fee ?? 0,
    clientId: i.clientId,
    subscriberId: i.subscriberId ?? null,
    clientUnp: unps.get(i.clientId)!,
    msisdn: i.subscriberId ? msisdns.get(i.subscriberId)! : null,
    requestedByRole: actorRole(actor),
    requestedByTelegramId: actorTelegramId(actor),
    state: 'completed' as const,
    createdAt: now,
    updatedAt: now,
  }));
  const rows: OrderRow[] = [];
  for (let i = 0; i < values.length; i += CHUNK)
    rows.push(
      ...(await tx
        .insert(orders)
        .values(values.slice(i, i + CHUNK))
        .returning()),
    );
  await writeEvents(
    tx,
    now,
    rows.flatMap((row) => [
      { row, type: 'order.accepted' as const, state: 'accepted' as const },
      { row, type: 'order.completed' as const, state: 'completed' as const },
    ]),
  );
  return rows.map((r) => r.id);
}

async function lookup(
  tx: Executor,
  table: typeof clients | typeof subscribers,
  idColumn: typeof clients.id | typeof subscribers.id,
  valueColumn: typeof clients.unp | typeof subscribers.msisdn,
  ids: number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const found = await tx.select({ id: idColumn, value: valueColumn }).from(table).where(inArray(idColumn, ids));
  return new Map(found.map((r) => [r.id, r.value]));
}

interface EventToWrite {
  row: OrderRow;
  type: OrderEventType;
  state: OrderState;
}

/**
 * Numbers the events per key and inserts them. The key rows are upserted in key order (so two
 * transactions never wait on each other in a cycle); the row lock held to commit keeps one key's
 * sequence gap-free and committed in order.
 */
export async function writeEvents(tx: Executor, now: Date, events: EventToWrite[]): Promise<OrderEvent[]> {
  const byKey = new Map<string, EventToWrite[]>();
  for (const e of events) {
    const key = eventKey(e.row);
    byKey.set(key, [...(byKey.get(key) ?? []), e]);
  }
  const keys = [...byKey.keys()].sort();
  const last = new Map<string, number>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const part = keys.slice(i, i + CHUNK);
    const tuples = sql.join(
      part.map((k) => sql`(${k}, ${byKey.get(k)!.length}::bigint, ${now.toISOString()}::timestamptz)`),
      sql`, `,
    );
    const counted = await rawRows<{ key: string; last_sequence: string | number }>(
      tx,
      sql`insert into order_event_keys (key, last_sequence, next_attempt_at) values ${tuples}
          on conflict (key) do update set last_sequence = order_event_keys.last_sequence + excluded.last_sequence,
            next_attempt_at = coalesce(order_event_keys.next_attempt_at, excluded.next_attempt_at)
          returning key, last_sequence`,
    );
    for (const r of counted) last.set(r.key, Number(r.last_sequence));
  }
  const written: OrderEvent[] = [];
  const rows: (typeof orderEvents.$inferInsert)[] = [];
  for (const key of keys) {
    const list = byKey.get(key)!;
    let sequence = last.get(key)! - list.length;
    for (const e of list) {
      sequence += 1;
      const event: OrderEvent = {
        id: randomUUID(),
        type: e.type,
        occurredAt: now.toISOString(),
        sequence,
        order: orderView(e.row, e.state),
      };
      written.push(event);
      rows.push({
        id: event.id,
        key,
        sequence,
        orderId: e.row.id,
        type: e.type,
        body: event as unknown as Record<string, unknown>,
        pendingSince: now,
        createdAt: now,
      });
    }
  }
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(orderEvents).values(rows.slice(i, i + CHUNK));
  return written;
}
