// R-EVENT: the webhook sender. Each round claims due keys, packs their oldest pending events into signed
// batches of at most 100 (a key in one batch only, its events in sequence order), POSTs them, and marks
// them delivered on a 2xx; anything else, or no answer within the timeout, backs the keys off
// exponentially with jitter (1 s … 10 min) until the retry window ends and the events are dead. A key
// retried (or left in flight by a killed process) is sent alone with exactly its last batch, so the
// receiver sees the same `webhook-id` again. Every bot process and `npm run worker` runs one.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.js';
import { type Clock, systemClock } from '../domain/clock.js';
import { PollLoop } from '../jobs/poll-loop.js';
import type { Logger } from '../logger.js';
import {
  type ClaimedKey,
  claimKeys,
  headEvents,
  idleKeys,
  markDelivered,
  markFailed,
  markInFlight,
  type PendingEvent,
  purgeDelivered,
  releaseKeys,
} from './outbox.js';
import { type SigningSecrets, webhookHeaders } from './sign.js';

export const MAX_BATCH = 100;

export interface DeliveryOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Absent: events wait in the table (only the purge runs). */
  url?: string;
  secrets?: SigningSecrets;
  retryHours: number;
  keepDays: number;
  timeoutMs?: number;
  /** Keys claimed per round. */
  keysPerRound?: number;
  /** Batches of one round sent at once. */
  concurrency?: number;
  lockMs?: number;
  pollMs?: number;
  workerId?: string;
  /** The webhook-timestamp's clock: the receiver compares it with its own (not the demo's BOT_NOW). */
  wallClock?: Clock;
  /** Backoff before the n-th retry, ms (tests shorten it). */
  backoffMs?: (attempt: number) => number;
  /** Hooks the metrics in (src/orders/metrics.ts). */
  observe?: DeliveryObserver;
}

export interface DeliveryObserver {
  delivered(events: PendingEvent[], now: Date): void;
  retried(events: number): void;
  dead(events: number): void;
}

/** 1 s, 2 s, 4 s … capped at 10 minutes, each with jitter between half and all of it. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(600_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.max(1000, Math.round(base / 2 + (random() * base) / 2));
}

interface Batch {
  events: PendingEvent[];
  through: Map<string, number>;
}

/** Packs the keys' events into batches: a key's events stay together, retrying keys go alone. */
export function packBatches(keys: ClaimedKey[], events: PendingEvent[], max = MAX_BATCH): Batch[] {
  const byKey = new Map<string, PendingEvent[]>();
  for (const e of events) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
  const batches: Batch[] = [];
  let open: Batch | undefined;
  for (const k of keys) {
    const list = byKey.get(k.key);
    if (!list || list.length === 0) continue;
    if (k.inFlightThrough !== null) {
      batches.push({ events: list, through: new Map([[k.key, list.at(-1)!.sequence]]) });
      continue;
    }
    if (!open || open.events.length >= max) {
      open = { events: [], through: new Map() };
      batches.push(open);
    }
    const taken = list.slice(0, max - open.events.length);
    open.events.push(...taken);
    open.through.set(k.key, taken.at(-1)!.sequence);
  }
  return batches;
}

export class OrderDelivery {
  readonly workerId: string;
  private readonly loop: PollLoop;
  private lastPurge = 0;

  constructor(private readonly options: DeliveryOptions) {
    this.workerId = options.workerId ?? `d-${process.pid}-${randomBytes(3).toString('hex')}`;
    this.loop = new PollLoop(
      () => this.runDue(),
      options.pollMs ?? 500,
      (error) => options.logger.error({ err: error }, 'order delivery step failed'),
    );
  }

  get enabled(): boolean {
    return Boolean(this.options.url && this.options.secrets);
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Sends rounds until nothing is due now; returns how many events were delivered. */
  async runDue(): Promise<number> {
    await this.purge();
    if (!this.enabled) return 0;
    let delivered = 0;
    for (;;) {
      const round = await this.round();
      delivered += round.delivered;
      if (round.claimed === 0 || this.loop.stopRequested) return delivered;
    }
  }

  /** One round: claim, pack, send, record. */
  async round(): Promise<{ claimed: number; delivered: number }> {
    const o = this.options;
    const lockMs = o.lockMs ?? 60_000;
    const keys = await claimKeys(o.db, {
      workerId: this.workerId,
      now: o.clock.now(),
      lockMs,
      limit: o.keysPerRound ?? 500,
    });
    if (keys.length === 0) return { claimed: 0, delivered: 0 };
    const events = await headEvents(o.db, keys, MAX_BATCH);
    const batches = packBatches(keys, events);
    const sent = new Set(batches.flatMap((b) => [...b.through.keys()]));
    // Keys claimed with nothing left to send (delivered meanwhile) are given back.
    const empty = keys.filter((k) => !sent.has(k.key));
    await idleKeys(
      o.db,
      keys.filter((k) => !sent.has(k.key)),
      this.workerId,
      o.clock.now(),
    );
    await markInFlight(o.db, new Map(batches.flatMap((b) => [...b.through])), this.workerId);
    let delivered = 0;
    const queue = [...batches];
    const workers = Array.from({ length: Math.min(o.concurrency ?? 16, queue.length) }, async () => {
      for (let batch = queue.shift(); batch; batch = queue.shift()) {
        if (this.loop.stopRequested) {
          await releaseKeys(o.db, [...batch.through.keys()], this.workerId);
          continue;
        }
        if (await this.send(batch)) delivered += batch.events.length;
      }
    });
    await Promise.all(workers);
    return { claimed: keys.length, delivered };
  }

  private async send(batch: Batch): Promise<boolean> {
    const o = this.options;
    const body = JSON.stringify({ events: batch.events.map((e) => e.body) });
    const headers = webhookHeaders(o.secrets!, batch.events[0]!.id, (o.wallClock ?? systemClock).now(), body);
    let error: string | null = null;
    try {
      const response = await fetch(o.url!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
        redirect: 'manual',
      });
      await response.body?.cancel().catch(() => {});
      if (response.status < 200 || response.status > 299) error = `HTTP ${response.status}`;
    } catch (e) {
      const err = e as Error;
      error = err.name === 'TimeoutError' ? 'timeout' : (err.name ?? 'Error');
    }
    const now = o.clock.now();
    if (error === null) {
      await markDelivered(o.db, batch.events, batch.through, this.workerId, now);
      o.observe?.delivered(batch.events, now);
      return true;
    }
    const failed = await markFailed(o.db, batch.events, this.workerId, now, error, {
      delayMs: o.backoffMs ?? ((n) => backoffMs(n)),
      retryMs: o.retryHours * 3_600_000,
    });
    o.observe?.retried(batch.events.length - failed.dead);
    if (failed.dead > 0) o.observe?.dead(failed.dead);
    o.logger.warn(
      { webhookId: batch.events[0]!.id, events: batch.events.length, error, dead: failed.dead },
      'order events not delivered',
    );
    return false;
  }

  private async purge(): Promise<void> {
    const now = this.options.clock.now();
    if (now.getTime() - this.lastPurge < 3_600_000) return;
    this.lastPurge = now.getTime();
    const removed = await purgeDelivered(this.options.db, new Date(now.getTime() - this.options.keepDays * 86_400_000));
    if (removed > 0) this.options.logger.info({ removed }, 'delivered order events purged');
  }
}
