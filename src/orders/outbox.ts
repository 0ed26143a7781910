// R-EVENT, the outbox's queries. A key (one subscriber, or one client) is claimed as a lease on its row
// with FOR UPDATE SKIP LOCKED, so processes share the keys and one key is sent by one process at a time;
// only a key's oldest pending events are in flight, and a dead event holds its key back until retried.
import { sql } from 'drizzle-orm';
import { type Executor, rawRows } from '../db/client.js';
import type { OrderEvent } from '../domain/orders/types.js';

export interface ClaimedKey {
  key: string;
  attempts: number;
  inFlightThrough: number | null;
  lastSequence: number;
}

export interface PendingEvent {
  id: string;
  key: string;
  sequence: number;
  body: OrderEvent;
  pendingSince: Date;
  createdAt: Date;
}

const iso = (d: Date) => d.toISOString();

/** Claims up to `limit` due keys for `workerId` until now + lockMs. */
export async function claimKeys(
  db: Executor,
  opts: { workerId: string; now: Date; lockMs: number; limit: number },
): Promise<ClaimedKey[]> {
  const until = new Date(opts.now.getTime() + opts.lockMs);
  const rows = await rawRows<{
    key: string;
    attempts: number;
    in_flight_through: string | number | null;
    last_sequence: string | number;
  }>(
    db,
    sql`update order_event_keys k set locked_by = ${opts.workerId}, locked_until = ${iso(until)}::timestamptz
        from (select key from order_event_keys
              where next_attempt_at <= ${iso(opts.now)}::timestamptz and not blocked
                and (locked_until is null or locked_until < ${iso(opts.now)}::timestamptz)
              order by next_attempt_at limit ${opts.limit}
              for update skip locked) due
        where k.key = due.key
        returning k.key, k.attempts, k.in_flight_through, k.last_sequence`,
  );
  return rows.map((r) => ({
    key: r.key,
    attempts: Number(r.attempts),
    inFlightThrough: r.in_flight_through === null ? null : Number(r.in_flight_through),
    lastSequence: Number(r.last_sequence),
  }));
}

/** Each key's oldest pending events, up to `perKey` (or exactly those through its in-flight sequence). */
export async function headEvents(db: Executor, keys: ClaimedKey[], perKey: number): Promise<PendingEvent[]> {
  if (keys.length === 0) return [];
  const values = sql.join(
    keys.map((k) => sql`(${k.key}::text, ${k.inFlightThrough}::bigint)`),
    sql`, `,
  );
  const rows = await rawRows<{
    id: string;
    key: string;
    sequence: string | number;
    body: OrderEvent | string;
    pending_since: string | Date;
    created_at: string | Date;
  }>(
    db,
    sql`select e.id, e.key, e.sequence, e.body, e.pending_since, e.created_at
        from (values ${values}) as k(key, through)
        cross join lateral (
          select * from order_events e
          where e.key = k.key and e.state = 'pending' and (k.through is null or e.sequence <= k.through)
          order by e.sequence limit ${perKey}) e
        order by e.key, e.sequence`,
  );
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    sequence: Number(r.sequence),
    body: typeof r.body === 'string' ? (JSON.parse(r.body) as OrderEvent) : r.body,
    pendingSince: new Date(r.pending_since),
    createdAt: new Date(r.created_at),
  }));
}

/** Records, before sending, the last sequence each key goes out with (see order_event_keys.inFlightThrough). */
export async function markInFlight(db: Executor, through: Map<string, number>, workerId: string): Promise<void> {
  if (through.size === 0) return;
  const values = sql.join(
    [...through].map(([k, s]) => sql`(${k}::text, ${s}::bigint)`),
    sql`, `,
  );
  await db.execute(sql`update order_event_keys k set in_flight_through = v.through
      from (values ${values}) as v(key, through) where k.key = v.key and k.locked_by = ${workerId}`);
}

/**
 * The batch reached the receiver: its events are delivered; each key is due again at once if events were
 * added behind the batch (last_sequence, re-read under the row lock, says so), idle otherwise.
 */
export async function markDelivered(
  db: Executor,
  events: PendingEvent[],
  through: Map<string, number>,
  workerId: string,
  now: Date,
): Promise<void> {
  const ids = sql.join(
    events.map((e) => sql`${e.id}::uuid`),
    sql`, `,
  );
  const values = sql.join(
    [...through].map(([k, s]) => sql`(${k}::text, ${s}::bigint)`),
    sql`, `,
  );
  await db.transaction(async (tx) => {
    await tx.execute(sql`update order_events set state = 'delivered', delivered_at = ${iso(now)}::timestamptz,
        attempts = attempts + 1, last_error = null where id in (${ids})`);
    await tx.execute(sql`update order_event_keys k set
          next_attempt_at = case when k.last_sequence <= v.through then null else ${iso(now)}::timestamptz end,
          attempts = 0, in_flight_through = null, locked_by = null, locked_until = null
        from (values ${values}) as v(key, through) where k.key = v.key and k.locked_by = ${workerId}`);
  });
}

/**
 * The batch was refused or timed out: the keys wait `delayMs`, or — past the retry window — their in-flight
 * events are dead and the key is blocked until `events retry --dead`.
 */
export async function markFailed(
  db: Executor,
  events: PendingEvent[],
  workerId: string,
  now: Date,
  error: string,
  opts: { delayMs: (attempts: number) => number; retryMs: number },
): Promise<{ dead: number; keys: { key: string; dead: boolean }[] }> {
  const byKey = new Map<string, PendingEvent[]>();
  for (const e of events) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
  const claimed = await rawRows<{ key: string; attempts: number }>(
    db,
    sql`select key, attempts from order_event_keys where key in (${sql.join(
      [...byKey.keys()].map((k) => sql`${k}`),
      sql`, `,
    )}) and locked_by = ${workerId}`,
  );
  let dead = 0;
  const outcome: { key: string; dead: boolean }[] = [];
  await db.transaction(async (tx) => {
    for (const row of claimed) {
      const list = byKey.get(row.key)!;
      const ids = sql.join(
        list.map((e) => sql`${e.id}::uuid`),
        sql`, `,
      );
      const expired = now.getTime() - list[0]!.pendingSince.getTime() >= opts.retryMs;
      await tx.execute(sql`update order_events set attempts = attempts + 1, last_error = ${error.slice(0, 500)},
          state = ${expired ? 'dead' : 'pending'}::order_event_state where id in (${ids})`);
      const attempts = Number(row.attempts) + 1;
      const next = expired ? null : iso(new Date(now.getTime() + opts.delayMs(attempts)));
      await tx.execute(sql`update order_event_keys set attempts = ${attempts}, blocked = ${expired},
          next_attempt_at = ${next}::timestamptz, locked_by = null, locked_until = null
          where key = ${row.key} and locked_by = ${workerId}`);
      if (expired) dead += list.length;
      outcome.push({ key: row.key, dead: expired });
    }
  });
  return { dead, keys: outcome };
}

/**
 * Gives back claimed keys that had nothing to send: due again at once only if an event was added since the
 * claim (the last sequence, re-read under the row lock, moved past the one seen then).
 */
export async function idleKeys(db: Executor, keys: ClaimedKey[], workerId: string, now: Date): Promise<void> {
  if (keys.length === 0) return;
  const values = sql.join(
    keys.map((k) => sql`(${k.key}::text, ${k.lastSequence}::bigint)`),
    sql`, `,
  );
  await db.execute(sql`update order_event_keys k set in_flight_through = null, locked_by = null, locked_until = null,
        next_attempt_at = case when k.last_sequence > v.seen then ${iso(now)}::timestamptz else null end
      from (values ${values}) as v(key, seen) where k.key = v.key and k.locked_by = ${workerId}`);
}

/** Gives keys back unsent (a stopping process). */
export async function releaseKeys(db: Executor, keys: string[], workerId: string): Promise<void> {
  if (keys.length === 0) return;
  await db.execute(sql`update order_event_keys set locked_by = null, locked_until = null
      where key in (${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )}) and locked_by = ${workerId}`);
}

/** `events retry --dead`: dead events are pending again with a fresh retry window; their keys unblocked. */
export async function retryDead(db: Executor, now: Date): Promise<{ events: number; keys: number }> {
  return db.transaction(async (tx) => {
    const events = await rawRows<{ key: string }>(
      tx,
      sql`update order_events set state = 'pending', attempts = 0, pending_since = ${iso(now)}::timestamptz
          where state = 'dead' returning key`,
    );
    const keys = [...new Set(events.map((e) => e.key))];
    if (keys.length > 0)
      await tx.execute(sql`update order_event_keys set blocked = false, attempts = 0,
          next_attempt_at = ${iso(now)}::timestamptz where key in (${sql.join(
            keys.map((k) => sql`${k}`),
            sql`, `,
          )})`);
    return { events: events.length, keys: keys.length };
  });
}

/** Delivered events older than the keep window are removed (R-EVENT keeps dead ones). */
export async function purgeDelivered(db: Executor, before: Date, limit = 5000): Promise<number> {
  const rows = await rawRows<{ id: string }>(
    db,
    sql`delete from order_events where id in (
          select id from order_events where state = 'delivered' and delivered_at < ${iso(before)}::timestamptz
          limit ${limit}) returning id`,
  );
  return rows.length;
}

export interface EventCounts {
  pending: number;
  delivered: number;
  dead: number;
}

export async function eventCounts(db: Executor): Promise<EventCounts> {
  const rows = await rawRows<{ state: string; n: string | number }>(
    db,
    sql`select state, count(*) as n from order_events group by state`,
  );
  const counts: EventCounts = { pending: 0, delivered: 0, dead: 0 };
  for (const r of rows) counts[r.state as keyof EventCounts] = Number(r.n);
  return counts;
}
