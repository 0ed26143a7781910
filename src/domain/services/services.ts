// R-SVC «Услуги абонента»: connected services, what can be connected, and connecting/disconnecting one
// service with every refusal named. Two layers: `connectServiceTx`/`disconnectServiceTx` apply the rules
// inside a caller's transaction (R-BULK applies list lines through them); `connectService`/
// `disconnectService` are the confirmed single changes (one transaction, nonce, audit).
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { subscriberServices, voicemailSettings } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import { today } from '../clock.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { chargeFee } from '../fees.js';
import { type SubscriberRow, subscriberInScope } from '../scope.js';
import {
  allowedServices,
  connectedServices,
  exclusionsOf,
  type ServiceRow,
  type ServiceView,
  serviceById,
  serviceView,
} from './catalog.js';
import { type Confirmed, confirmationKey, runConfirmed } from './confirm.js';
import { connectFacts } from './connect-facts.js';
import { connectRefusal } from './connect-rules.js';
import { assertAffordable } from './funds.js';
import { isPaused } from './pause-window.js';
import { recordOrder } from '../orders/record.js';
import { serviceOrder } from '../orders/service-orders.js';

type Deps = Pick<DomainDeps, 'clock'>;

export interface ServiceTarget {
  subscriberId: number;
  serviceId: number;
}

export interface ServiceChange {
  subscriberId: number;
  clientId: number;
  msisdn: string;
  service: ServiceView;
  /** Kopecks debited now (the connection fee; 0 for a disconnection). */
  fee: number;
  balanceAfter: number;
}

/**
 * Every refusal of a connection, in the order the user would meet them. Throws DomainError:
 * `services.blocked`, `services.paused`, `services.alreadyConnected`, `services.notAllowed` (tariff),
 * `services.onePackage` (another package is active), `services.excluded` (names the connected
 * service that excludes it). `replacing` is a connected service treated as already gone (a package change).
 * The facts of one subscriber, then the pure decision that lists of R-BULK use for a whole batch.
 */
export async function assertConnectable(
  tx: Executor,
  deps: Deps,
  subscriber: SubscriberRow,
  service: ServiceRow,
  opts: { replacing?: number } = {},
): Promise<void> {
  const refusal = connectRefusal(service, await connectFacts(tx, deps, subscriber, service), opts);
  if (refusal) throw new DomainError(refusal.code, refusal.params);
}

/** The `charges` line of a connection fee (R-FEE): the same words for a single change and a list. */
export function connectFeeDescription(service: Pick<ServiceRow, 'name'>): string {
  return `Подключение услуги «${service.name}»`;
}

async function loadService(tx: Executor, serviceId: number): Promise<ServiceRow> {
  const service = await serviceById(tx, serviceId);
  if (!service) throw new DomainError('services.notFound');
  return service;
}

/** Connects one service inside `tx` (subscriber row locked), charging its connection fee (R-FEE). */
export async function connectServiceTx(
  tx: Executor,
  deps: Deps,
  actor: Actor,
  target: ServiceTarget,
): Promise<ServiceChange> {
  const subscriber = await subscriberInScope(tx, actor, target.subscriberId, { forUpdate: true });
  const service = await loadService(tx, target.serviceId);
  await assertConnectable(tx, deps, subscriber, service);
  await tx
    .insert(subscriberServices)
    .values({ subscriberId: subscriber.id, serviceId: service.id, connectedAt: deps.clock.now() });
  const fee = service.connectFee;
  const balanceAfter =
    fee > 0
      ? (
          await chargeFee(tx, deps, subscriber, fee, connectFeeDescription(service), {
            code: 'services.connect',
            params: { service: service.name },
          })
        ).balanceAfter
      : subscriber.balance;
  return {
    subscriberId: subscriber.id,
    clientId: subscriber.clientId,
    msisdn: subscriber.msisdn,
    service: serviceView(service),
    fee,
    balanceAfter,
  };
}

/**
 * Disconnects one service inside `tx`. Allowed for blocked and paused numbers too (only connections are
 * refused). Disconnecting the voicemail package also drops its duplicate e-mail (R-VM keeps it only
 * while the package is connected).
 */
export async function disconnectServiceTx(
  tx: Executor,
  _deps: Deps,
  actor: Actor,
  target: ServiceTarget,
): Promise<ServiceChange> {
  const subscriber = await subscriberInScope(tx, actor, target.subscriberId, { forUpdate: true });
  const service = await loadService(tx, target.serviceId);
  const removed = await tx
    .delete(subscriberServices)
    .where(and(eq(subscriberServices.subscriberId, subscriber.id), eq(subscriberServices.serviceId, service.id)))
    .returning({ id: subscriberServices.serviceId });
  if (removed.length === 0) throw new DomainError('services.notConnected', { service: service.name });
  if (service.kind === 'voicemail')
    await tx.delete(voicemailSettings).where(eq(voicemailSettings.subscriberId, subscriber.id));
  return {
    subscriberId: subscriber.id,
    clientId: subscriber.clientId,
    msisdn: subscriber.msisdn,
    service: serviceView(service),
    fee: 0,
    balanceAfter: subscriber.balance,
  };
}

/** The confirmed connection: one transaction, once per nonce, audited. */
export async function connectService(
  deps: DomainDeps,
  actor: Actor,
  input: ServiceTarget & { nonce: string },
): Promise<Confirmed<ServiceChange>> {
  const key = confirmationKey('svc', input.subscriberId, input.nonce);
  return runConfirmed(deps, key, async (tx, now) => {
    const change = await connectServiceTx(tx, deps, actor, input);
    await audit(tx, actor, now, {
      action: 'services.connect',
      clientId: change.clientId,
      subscriberId: change.subscriberId,
      before: null,
      after: { serviceId: change.service.id, code: change.service.code, fee: change.fee },
    });
    await recordOrder(tx, actor, now, serviceOrder(change.service, 'connect', change));
    return change;
  });
}

/** The confirmed disconnection: one transaction, once per nonce, audited. */
export async function disconnectService(
  deps: DomainDeps,
  actor: Actor,
  input: ServiceTarget & { nonce: string },
): Promise<Confirmed<ServiceChange>> {
  const key = confirmationKey('svc', input.subscriberId, input.nonce);
  return runConfirmed(deps, key, async (tx, now) => {
    const change = await disconnectServiceTx(tx, deps, actor, input);
    await audit(tx, actor, now, {
      action: 'services.disconnect',
      clientId: change.clientId,
      subscriberId: change.subscriberId,
      before: { serviceId: change.service.id, code: change.service.code },
      after: null,
    });
    await recordOrder(tx, actor, now, serviceOrder(change.service, 'disconnect', change));
    return change;
  });
}

export interface ConnectableService extends ServiceView {
  /** The name of a connected service that excludes this one (shown as the reason it cannot be connected). */
  excludedBy: string | null;
}

export interface SubscriberServices {
  subscriberId: number;
  msisdn: string;
  blocked: boolean;
  paused: boolean;
  /** Every connected service (additional ones, the internet package, voicemail). */
  connected: ServiceView[];
  /** Additional services the tariff allows and that are not connected. */
  connectable: ConnectableService[];
}

/** «Услуги абонента»: what is connected and what could be, with fees and exclusions. */
export async function subscriberServicesOverview(
  deps: DomainDeps,
  actor: Actor,
  subscriberId: number,
): Promise<SubscriberServices> {
  const db = deps.db;
  const subscriber = await subscriberInScope(db, actor, subscriberId);
  const connected = await connectedServices(db, subscriber.id);
  const connectedIds = new Set(connected.map((s) => s.id));
  const allowed = (await allowedServices(db, subscriber.tariffPlanId, 'additional')).filter(
    (s) => !connectedIds.has(s.id),
  );
  const exclusions = await exclusionsOf(
    db,
    allowed.map((s) => s.id),
  );
  const nameOf = new Map(connected.map((s) => [s.id, s.name]));
  return {
    subscriberId: subscriber.id,
    msisdn: subscriber.msisdn,
    blocked: subscriber.status === 'blocked',
    paused: await isPaused(db, subscriber.id, today(deps.clock)),
    connected: connected.map(serviceView),
    connectable: allowed.map((s) => {
      const other = (exclusions.get(s.id) ?? []).find((id) => nameOf.has(id));
      return { ...serviceView(s), excludedBy: other ? nameOf.get(other)! : null };
    }),
  };
}

/**
 * The confirmation screen's data: the service, its fees, and whether it is a connection or a
 * disconnection. A connection that the rules would refuse is refused here already, before any confirmation.
 */
export async function serviceChangePreview(
  deps: DomainDeps,
  actor: Actor,
  input: ServiceTarget & { action: 'connect' | 'disconnect' },
): Promise<{ service: ServiceView; action: 'connect' | 'disconnect'; fee: number }> {
  const subscriber = await subscriberInScope(deps.db, actor, input.subscriberId);
  const service = await loadService(deps.db, input.serviceId);
  if (input.action === 'connect') {
    await assertConnectable(deps.db, deps, subscriber, service);
    await assertAffordable(deps.db, subscriber, service.connectFee);
    return { service: serviceView(service), action: 'connect', fee: service.connectFee };
  }
  const connected = await connectedServices(deps.db, subscriber.id);
  if (!connected.some((s) => s.id === service.id))
    throw new DomainError('services.notConnected', { service: service.name });
  return { service: serviceView(service), action: 'disconnect', fee: 0 };
}
