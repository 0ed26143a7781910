// R-MI «Мобильный интернет»: the active package and the packages the tariff allows; connect, disconnect,
// or change — one package at a time, so a change is the old one's disconnection and the new one's
// connection in one transaction (either both happen or neither).
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import { recordOrder } from '../orders/record.js';
import { today } from '../clock.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { subscriberInScope } from '../scope.js';
import { allowedServices, connectedServices, type ServiceView, serviceById, serviceView } from './catalog.js';
import { type Confirmed, confirmationKey, runConfirmed } from './confirm.js';
import { assertAffordable } from './funds.js';
import { isPaused } from './pause-window.js';
import {
  assertConnectable,
  connectService,
  connectServiceTx,
  disconnectService,
  disconnectServiceTx,
  type ServiceChange,
} from './services.js';

export interface MobileInternet {
  subscriberId: number;
  msisdn: string;
  blocked: boolean;
  paused: boolean;
  active: ServiceView | null;
  /** Packages the tariff allows (the active one included). */
  packages: ServiceView[];
}

export async function mobileInternetOverview(
  deps: DomainDeps,
  actor: Actor,
  subscriberId: number,
): Promise<MobileInternet> {
  const subscriber = await subscriberInScope(deps.db, actor, subscriberId);
  const [active] = await connectedServices(deps.db, subscriber.id, 'mobile_internet');
  return {
    subscriberId: subscriber.id,
    msisdn: subscriber.msisdn,
    blocked: subscriber.status === 'blocked',
    paused: await isPaused(deps.db, subscriber.id, today(deps.clock)),
    active: active ? serviceView(active) : null,
    packages: (await allowedServices(deps.db, subscriber.tariffPlanId, 'mobile_internet')).map(serviceView),
  };
}

export type PackageAction = 'connect' | 'change' | 'disconnect';

/** What a confirmation changes: the package dropped, the one connected, or both. */
export type PackagePreview = {
  /** Kopecks debited on confirmation (the new package's connection fee). */
  fee: number;
} & (
  | { action: 'disconnect'; from: ServiceView; to: null }
  | { action: 'connect'; from: null; to: ServiceView }
  | { action: 'change'; from: ServiceView; to: ServiceView }
);

async function internetPackage(deps: DomainDeps, serviceId: number) {
  const service = await serviceById(deps.db, serviceId);
  if (service?.kind !== 'mobile_internet') throw new DomainError('services.notAPackage');
  return service;
}

/**
 * What pressing a package does: connect it (none active), change to it (another active) or disconnect it
 * (it is the active one) — refused here already when a rule forbids it.
 */
export async function packagePreview(
  deps: DomainDeps,
  actor: Actor,
  input: { subscriberId: number; serviceId: number; disconnect?: boolean },
): Promise<PackagePreview> {
  const subscriber = await subscriberInScope(deps.db, actor, input.subscriberId);
  const target = await internetPackage(deps, input.serviceId);
  const [active] = await connectedServices(deps.db, subscriber.id, 'mobile_internet');
  if (input.disconnect || active?.id === target.id) {
    if (active?.id !== target.id) throw new DomainError('services.notConnected', { service: target.name });
    return { action: 'disconnect', from: serviceView(active), to: null, fee: 0 };
  }
  await assertConnectable(deps.db, deps, subscriber, target, { replacing: active?.id });
  await assertAffordable(deps.db, subscriber, target.connectFee);
  const to = serviceView(target);
  return active
    ? { action: 'change', from: serviceView(active), to, fee: target.connectFee }
    : { action: 'connect', from: null, to, fee: target.connectFee };
}

/** Connects a package when none is active (otherwise `services.onePackage`). */
export async function connectPackage(
  deps: DomainDeps,
  actor: Actor,
  input: { subscriberId: number; serviceId: number; nonce: string },
) {
  await internetPackage(deps, input.serviceId);
  return connectService(deps, actor, input);
}

export async function disconnectPackage(
  deps: DomainDeps,
  actor: Actor,
  input: { subscriberId: number; serviceId: number; nonce: string },
) {
  await internetPackage(deps, input.serviceId);
  return disconnectService(deps, actor, input);
}

export interface PackageChanged extends ServiceChange {
  from: ServiceView | null;
}

/** Replaces the active package with another in one transaction (or just connects it when none is active). */
export async function changePackage(
  deps: DomainDeps,
  actor: Actor,
  input: { subscriberId: number; serviceId: number; nonce: string },
): Promise<Confirmed<PackageChanged>> {
  await internetPackage(deps, input.serviceId);
  return runConfirmed(deps, confirmationKey('mi', input.subscriberId, input.nonce), async (tx, now) => {
    const subscriber = await subscriberInScope(tx, actor, input.subscriberId, { forUpdate: true });
    const [active] = await connectedServices(tx, subscriber.id, 'mobile_internet');
    if (active?.id === input.serviceId) throw new DomainError('services.alreadyConnected', { service: active.name });
    // Both steps share the transaction: a refused connection (blocked, paused, tariff, fee) rolls the
    // old package's disconnection back too.
    if (active) await disconnectServiceTx(tx, deps, actor, { subscriberId: subscriber.id, serviceId: active.id });
    const change = await connectServiceTx(tx, deps, actor, { subscriberId: subscriber.id, serviceId: input.serviceId });
    await audit(tx, actor, now, {
      action: active ? 'mobileInternet.change' : 'services.connect',
      clientId: change.clientId,
      subscriberId: change.subscriberId,
      before: active ? { serviceId: active.id, code: active.code } : null,
      after: { serviceId: change.service.id, code: change.service.code, fee: change.fee },
    });
    await recordOrder(tx, actor, now, {
      type: 'mobileInternet.change',
      payload: { from: active?.code ?? null, to: change.service.code },
      fee: change.fee,
      clientId: change.clientId,
      subscriberId: change.subscriberId,
    });
    return { ...change, from: active ? serviceView(active) : null };
  });
}
