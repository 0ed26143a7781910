// The facts the R-SVC decisions of ./connect-rules.ts look at, read from the database: for one subscriber
// (a single change) or for a batch of subscribers in a handful of set-based queries (the lists of R-BULK).
// Both readers fill the same shape, so a line of a list is decided exactly like a single change.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { pauses, subscriberServices } from '../../db/schema/index.js';
import { today } from '../clock.js';
import type { DomainDeps } from '../deps.js';
import type { SubscriberRow } from '../scope.js';
import type { IsoDate } from '../time.js';
import {
  anyId,
  connectedServices,
  connectedServicesOf,
  exclusionsOf,
  isAllowedOnTariff,
  type ServiceRow,
  tariffsAllowing,
} from './catalog.js';
import type { ConnectFacts } from './connect-rules.js';
import { isPaused, runningOn } from './pause-window.js';

type Subscriber = Pick<SubscriberRow, 'id' | 'status' | 'tariffPlanId'>;

/** The facts about one subscriber (four reads). */
export async function connectFacts(
  tx: Executor,
  deps: Pick<DomainDeps, 'clock'>,
  subscriber: Subscriber,
  service: ServiceRow,
): Promise<ConnectFacts> {
  return {
    blocked: subscriber.status === 'blocked',
    paused: await isPaused(tx, subscriber.id, today(deps.clock)),
    connected: await connectedServices(tx, subscriber.id),
    allowedOnTariff: await isAllowedOnTariff(tx, subscriber.tariffPlanId, service.id),
    excludingIds: (await exclusionsOf(tx, [service.id])).get(service.id) ?? [],
  };
}

/** What is the same for every line of a list: the service's tariffs and exclusions (two reads). */
export interface ServiceRuleContext {
  service: ServiceRow;
  tariffsAllowing: Set<number>;
  excludingIds: number[];
}

export async function serviceRuleContext(ex: Executor, service: ServiceRow): Promise<ServiceRuleContext> {
  return {
    service,
    tariffsAllowing: await tariffsAllowing(ex, service.id),
    excludingIds: (await exclusionsOf(ex, [service.id])).get(service.id) ?? [],
  };
}

/** Subscribers per set-based read: one statement for a batch of the worker, two for a 10 000-line preview. */
const CHUNK = 5000;

/**
 * The facts about each of `subscribers` (two reads per 5 000 subscribers), by subscriber id, for
 * deciding `context.service` only.
 */
export async function connectFactsOf(
  ex: Executor,
  day: IsoDate,
  subscribers: Subscriber[],
  context: ServiceRuleContext,
): Promise<Map<number, ConnectFacts>> {
  const facts = new Map<number, ConnectFacts>();
  // Of the connected services only those connectRefusal can look at for this service: itself, the ones
  // excluding it, and for an internet package the other packages (a list reads a tenth of the rows).
  const { service } = context;
  const relevant = {
    serviceIds: [service.id, ...context.excludingIds],
    kind: service.kind === 'mobile_internet' ? service.kind : undefined,
  };
  for (let i = 0; i < subscribers.length; i += CHUNK) {
    const chunk = subscribers.slice(i, i + CHUNK);
    const ids = chunk.map((s) => s.id);
    const paused = await pausedAmong(ex, ids, day);
    const connected = await connectedServicesOf(ex, ids, relevant);
    for (const s of chunk) {
      facts.set(s.id, {
        blocked: s.status === 'blocked',
        paused: paused.has(s.id),
        connected: connected.get(s.id) ?? [],
        allowedOnTariff: context.tariffsAllowing.has(s.tariffPlanId),
        excludingIds: context.excludingIds,
      });
    }
  }
  return facts;
}

/** Which of `subscriberIds` are paused on `day` (the same predicate as isPaused). */
async function pausedAmong(ex: Executor, subscriberIds: number[], day: IsoDate): Promise<Set<number>> {
  if (subscriberIds.length === 0) return new Set();
  const rows = await ex
    .selectDistinct({ id: pauses.subscriberId })
    .from(pauses)
    .where(and(anyId(pauses.subscriberId, subscriberIds), runningOn(day)));
  return new Set(rows.map((r) => r.id));
}

/** Which of `subscriberIds` have the service connected (what a disconnection's rule looks at). */
export async function connectedAmong(ex: Executor, serviceId: number, subscriberIds: number[]): Promise<Set<number>> {
  const found = new Set<number>();
  for (let i = 0; i < subscriberIds.length; i += CHUNK) {
    const rows = await ex
      .select({ id: subscriberServices.subscriberId })
      .from(subscriberServices)
      .where(
        and(
          eq(subscriberServices.serviceId, serviceId),
          anyId(subscriberServices.subscriberId, subscriberIds.slice(i, i + CHUNK)),
        ),
      );
    for (const r of rows) found.add(r.id);
  }
  return found;
}
