// R-ORDER, R-EVENT: orders and their events in the change's transaction, delivered to a real loopback
// receiver that checks the Standard Webhooks signature; backoff, timeout, per-key order across two
// processes, redelivery after a process dies mid-batch, dead events blocking their key until retried.
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/db/client.js';
import { orderEvents, orders } from '../../src/db/schema/index.js';
import { recordOrder } from '../../src/domain/orders/record.js';
import type { OrderEvent } from '../../src/domain/orders/types.js';
import { connectVoicemail } from '../../src/domain/services/voicemail.js';
import { createLogger } from '../../src/logger.js';
import { backoffMs, type DeliveryOptions, OrderDelivery } from '../../src/orders/delivery.js';
import { eventCounts, retryDead } from '../../src/orders/outbox.js';
import { createTestDeps } from '../helpers/deps.js';
import { makeService, makeSubscriber, subscriberActor } from '../helpers/fixtures.js';
import {
  type Receiver,
  startReceiver,
  TEST_WEBHOOK_SECRET,
  TEST_WEBHOOK_SECRET_OLD,
} from '../helpers/webhook-receiver.js';

const deps = await createTestDeps();
await makeService(deps.db, { kind: 'voicemail', code: 'vm_plus', name: 'Плюс', monthlyFee: 190, connectFee: 0 });
const logger = createLogger('silent');
let receiver: Receiver;
let counter = 0;

beforeEach(async () => {
  // Every test starts with an empty outbox and a fresh receiver.
  await deps.db.execute(sql`delete from order_events`);
  await deps.db.execute(sql`delete from order_event_keys`);
  receiver = await startReceiver();
});
afterEach(() => receiver.close());
afterAll(() => deps.database.close());

function delivery(over: Partial<DeliveryOptions> = {}): OrderDelivery {
  return new OrderDelivery({
    db: deps.db,
    clock: deps.clock,
    logger,
    url: receiver.url,
    secrets: { current: TEST_WEBHOOK_SECRET },
    retryHours: 24,
    keepDays: 30,
    timeoutMs: 2000,
    ...over,
  });
}

/** A change for one subscriber, as any domain service records it. */
async function change(sub: { id: number; clientId: number }, email = `u${++counter}@example.by`) {
  return deps.db.transaction((tx) =>
    recordOrder(tx, subscriberActor(sub), deps.clock.now(), {
      type: 'voicemail.email',
      payload: { email },
      clientId: sub.clientId,
      subscriberId: sub.id,
    }),
  );
}

const sequences = (events: OrderEvent[]) => events.map((e) => e.sequence);

describe('R-ORDER / R-EVENT: a change is an order with its events, written in its transaction', () => {
  it('connecting voicemail records a completed voicemail.connect order and delivers accepted then completed, signed', async () => {
    const sub = await makeSubscriber(deps.db);
    await connectVoicemail(deps, subscriberActor(sub), { subscriberId: sub.id, nonce: 'vm-order-1' });
    const [order] = await deps.db.select().from(orders).where(eq(orders.subscriberId, sub.id));
    expect(order).toMatchObject({
      type: 'voicemail.connect',
      state: 'completed',
      fee: 0,
      requestedByRole: 'subscriber',
    });
    const d = delivery({ secrets: { current: TEST_WEBHOOK_SECRET, previous: TEST_WEBHOOK_SECRET_OLD } });
    expect(await d.runDue()).toBe(2);
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(got!.verified).toBe(true);
    expect(got!.signature.split(' ')).toHaveLength(2);
    expect(got!.webhookId).toBe(got!.events[0]!.id);
    expect(got!.events.map((e) => [e.type, e.sequence, e.order.state])).toEqual([
      ['order.accepted', 1, 'accepted'],
      ['order.completed', 2, 'completed'],
    ]);
    expect(got!.events[0]!.order).toMatchObject({
      id: order!.id,
      type: 'voicemail.connect',
      payload: {},
      fee: '0.00',
      subscriber: { msisdn: sub.msisdn },
      requestedBy: { role: 'subscriber', telegramId: 2001 },
      reason: null,
      externalId: null,
    });
    // The receiver of the previous secret verifies the same request too (rotation).
    const old = await startReceiver(TEST_WEBHOOK_SECRET_OLD);
    await change(sub);
    await delivery({
      url: old.url,
      secrets: { current: TEST_WEBHOOK_SECRET, previous: TEST_WEBHOOK_SECRET_OLD },
    }).runDue();
    expect(old.received[0]!.verified).toBe(true);
    await old.close();
    expect(await eventCounts(deps.db)).toMatchObject({ pending: 0, delivered: 4, dead: 0 });
  });

  it('a refused change records no order and no event (same transaction)', async () => {
    const sub = await makeSubscriber(deps.db);
    const before = await deps.db.select().from(orders);
    await expect(
      connectVoicemail(deps, subscriberActor(sub, 2002), { subscriberId: sub.id + 10_000, nonce: 'vm-order-x' }),
    ).rejects.toThrow();
    expect(await deps.db.select().from(orders)).toHaveLength(before.length);
    expect(await deps.db.select().from(orderEvents)).toHaveLength(0);
  });
});

describe('R-EVENT: retries', () => {
  it('backs off exponentially with jitter after refusals, then delivers the same batch', async () => {
    const sub = await makeSubscriber(deps.db);
    await change(sub);
    receiver.script.push(500, 503, 429);
    const d = delivery();
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await d.runDue();
      const [key] = await rawRows<{ next_attempt_at: string }>(
        deps.db,
        sql`select next_attempt_at from order_event_keys`,
      );
      waits.push(new Date(key!.next_attempt_at).getTime() - deps.clock.now().getTime());
      await d.runDue(); // not due yet: nothing is sent
      deps.clock.advance(waits.at(-1)!);
    }
    expect(receiver.received).toHaveLength(3);
    for (const [i, w] of waits.entries()) {
      const base = 1000 * 2 ** i;
      expect(w).toBeGreaterThanOrEqual(Math.max(1000, base / 2));
      expect(w).toBeLessThanOrEqual(base);
    }
    expect(await d.runDue()).toBe(2);
    expect(new Set(receiver.received.map((r) => r.webhookId)).size).toBe(1);
    expect(sequences(receiver.accepted())).toEqual([1, 2]);
  });

  it('caps the backoff at 10 minutes', () => {
    expect(backoffMs(1, () => 0)).toBe(1000);
    expect(backoffMs(30, () => 1)).toBe(600_000);
    expect(backoffMs(30, () => 0)).toBe(300_000);
  });

  it('an answer slower than the timeout counts as not delivered and the batch is sent again', async () => {
    const sub = await makeSubscriber(deps.db);
    await change(sub);
    receiver.script.push({ slowMs: 800 });
    const d = delivery({ timeoutMs: 300 });
    expect(await d.runDue()).toBe(0);
    const [event] = await deps.db.select().from(orderEvents).limit(1);
    expect(event).toMatchObject({ state: 'pending', lastError: 'timeout', attempts: 1 });
    deps.clock.advance(2000);
    expect(await d.runDue()).toBe(2);
    expect(receiver.received.map((r) => r.webhookId)).toEqual([
      receiver.received[0]!.webhookId,
      receiver.received[0]!.webhookId,
    ]);
  });
});

describe('R-EVENT: order per key', () => {
  it('two delivery processes over one key never reorder it, while changes keep coming and tries fail', async () => {
    const sub = await makeSubscriber(deps.db);
    const other = await makeSubscriber(deps.db);
    receiver.script.push(500, 200, 500, 200, 200, 500);
    const a = delivery({ workerId: 'a', backoffMs: () => 0 });
    const b = delivery({ workerId: 'b', backoffMs: () => 0 });
    for (let round = 0; round < 8; round++) {
      await Promise.all([change(sub), change(other), change(sub)]);
      await Promise.all([a.runDue(), b.runDue(), change(sub)]);
    }
    await Promise.all([a.runDue(), b.runDue()]);
    await a.runDue();
    const accepted = receiver.accepted();
    const bySub = accepted.filter((e) => e.order.subscriber?.msisdn === sub.msisdn);
    expect(bySub).toHaveLength(8 * 3 * 2);
    expect(sequences(bySub)).toEqual(bySub.map((_, i) => i + 1));
    const byOther = accepted.filter((e) => e.order.subscriber?.msisdn === other.msisdn);
    expect(sequences(byOther)).toEqual(byOther.map((_, i) => i + 1));
    // Never two batches of one key in flight at once: every request's key events follow the previous accepted one.
    expect(await eventCounts(deps.db)).toMatchObject({ pending: 0, dead: 0 });
  });

  it('a process killed mid-batch loses nothing: another process sends the same batch again', async () => {
    const sub = await makeSubscriber(deps.db);
    await change(sub);
    receiver.script.push('hang');
    const dying = delivery({ workerId: 'dying', lockMs: 1000, timeoutMs: 60_000 });
    const inFlight = dying.runDue();
    while (receiver.received.length === 0) await new Promise((r) => setTimeout(r, 10));
    // The dying process never answers back; its claim runs out.
    deps.clock.advance(1500);
    const survivor = delivery({ workerId: 'survivor' });
    expect(await survivor.runDue()).toBe(2);
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.webhookId).toBe(receiver.received[0]!.webhookId);
    expect(receiver.received[1]!.events.map((e) => e.id)).toEqual(receiver.received[0]!.events.map((e) => e.id));
    // The dead process's late failure changes nothing that the survivor recorded.
    for (const res of receiver.hung) res.destroy();
    await inFlight;
    expect(await eventCounts(deps.db)).toMatchObject({ pending: 0, delivered: 2 });
  });

  it('a dead event holds its key back until `events retry --dead` sends it and the ones behind it', async () => {
    const sub = await makeSubscriber(deps.db);
    const free = await makeSubscriber(deps.db);
    await change(sub);
    const d = delivery({ retryHours: 1, backoffMs: () => 60_000 });
    receiver.script.push(500, 500);
    await d.runDue();
    deps.clock.advance(61 * 60_000);
    await d.runDue(); // past the retry window: dead
    expect(await eventCounts(deps.db)).toMatchObject({ dead: 2, pending: 0 });
    await change(sub);
    await change(free);
    const before = receiver.received.length;
    await d.runDue();
    // Only the other key's events went out.
    expect(receiver.received.slice(before).flatMap((r) => r.events.map((e) => e.order.subscriber?.msisdn))).toEqual([
      free.msisdn,
      free.msisdn,
    ]);
    expect(await retryDead(deps.db, deps.clock.now())).toEqual({ events: 2, keys: 1 });
    await d.runDue();
    await d.runDue();
    const mine = receiver.accepted().filter((e) => e.order.subscriber?.msisdn === sub.msisdn);
    expect(sequences(mine)).toEqual([1, 2, 3, 4]);
    expect(await eventCounts(deps.db)).toMatchObject({ pending: 0, dead: 0 });
  });
});
