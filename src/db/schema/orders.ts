// R-ORDER / R-EVENT: every change a user makes is an order; every state change of an order is an event,
// written in the same transaction (a transactional outbox). Events are delivered per key (the subscriber,
// or the client for orders without one) in `sequence` order; the key row carries the counter and the
// delivery claim (claimed with FOR UPDATE SKIP LOCKED, then held as a lease while one batch is sent).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { clients } from './clients.js';
import { subscribers } from './subscribers.js';

export const orderState = pgEnum('order_state', ['accepted', 'completed', 'rejected', 'expired']);
export const orderEventState = pgEnum('order_event_state', ['pending', 'delivered', 'dead']);

export const orders = pgTable(
  'orders',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    type: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Kopecks (R-MONEY); the event shows it as a decimal string in BYN. */
    fee: bigint({ mode: 'number' }).notNull().default(0),
    clientId: integer()
      .notNull()
      .references(() => clients.id),
    subscriberId: integer().references(() => subscribers.id),
    /** Snapshots at the time of the order: the number and УНП the operator knows them by. */
    clientUnp: text().notNull(),
    msisdn: text(),
    requestedByRole: text().notNull(),
    requestedByTelegramId: bigint({ mode: 'number' }),
    state: orderState().notNull(),
    reason: text(),
    externalId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('orders_client').on(t.clientId, t.id.desc()),
    index('orders_subscriber').on(t.subscriberId, t.id.desc()),
  ],
);

export const orderEventKeys = pgTable(
  'order_event_keys',
  {
    /** `subscriber:<id>` or `client:<id>` (ids, so a number change keeps the key). */
    key: text().primaryKey(),
    lastSequence: bigint({ mode: 'number' }).notNull().default(0),
    /** When the key's oldest pending event may next be sent; null: nothing to send. */
    nextAttemptAt: timestamp({ withTimezone: true }),
    /** Failed tries of the batch at the head of the key (reset on success). */
    attempts: integer().notNull().default(0),
    /** A dead event holds back the later ones until `events retry --dead`. */
    blocked: boolean().notNull().default(false),
    /**
     * The last sequence of the batch this key was last sent in (set before sending). While set, the key is
     * sent alone with exactly those events, so a retry (or a redelivery after a crash) repeats the batch
     * under the same `webhook-id`; cleared when it is delivered.
     */
    inFlightThrough: bigint({ mode: 'number' }),
    lockedBy: text(),
    lockedUntil: timestamp({ withTimezone: true }),
  },
  (t) => [index('order_event_keys_due').on(t.nextAttemptAt).where(sql`${t.nextAttemptAt} is not null`)],
);

export const orderEvents = pgTable(
  'order_events',
  {
    id: uuid().primaryKey(),
    key: text()
      .notNull()
      .references(() => orderEventKeys.key),
    sequence: bigint({ mode: 'number' }).notNull(),
    orderId: bigint({ mode: 'number' })
      .notNull()
      .references(() => orders.id),
    type: text().notNull(),
    /** The event exactly as sent: { id, type, occurredAt, sequence, order }. */
    body: jsonb().$type<Record<string, unknown>>().notNull(),
    state: orderEventState().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    /** Start of the retry window (creation, or `events retry --dead`). */
    pendingSince: timestamp({ withTimezone: true }).notNull(),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    deliveredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('order_events_key_sequence').on(t.key, t.sequence),
    index('order_events_open').on(t.key, t.sequence).where(sql`${t.state} <> 'delivered'`),
    index('order_events_state').on(t.state, t.createdAt),
    index('order_events_order').on(t.orderId),
  ],
);
