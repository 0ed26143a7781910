// R-SVC as pure decisions: given the facts about one subscriber (read by ./connect-facts.ts, one at a time
// for a single change or a batch at a time for a list), whether a service may be connected or
// disconnected, or the refusal a user would meet first. No I/O here, so «Операции с услугами» and the
// lists of R-BULK (preview and apply) decide with the very same code.
import type { ServiceKind } from './catalog.js';

/** The service being connected or disconnected, as far as the rules look at it. */
export interface RuleService {
  id: number;
  kind: ServiceKind;
  name: string;
  /** Kopecks debited on connection (R-FEE). */
  connectFee: number;
}

/** A service the subscriber has, as far as the rules look at it. */
export interface ConnectedService {
  id: number;
  kind: ServiceKind;
  name: string;
}

/** What a connection's rules need to know about one subscriber, as of now. */
export interface ConnectFacts {
  blocked: boolean;
  /** A pause runs today (R-PAUSE). */
  paused: boolean;
  /**
   * The connected services, in catalog order (the first excluding one is the one named). A batch reads
   * only those the rules below look at for the service decided: itself, those excluding it, internet packages.
   */
  connected: ConnectedService[];
  /** tariff_services lists the service for the subscriber's plan. */
  allowedOnTariff: boolean;
  /** Ids of the services that exclude this one (service_exclusions, either side of the pair). */
  excludingIds: number[];
}

/** What the fee rule (R-FEE) needs: the balance and the client's floor (0 advance, -creditLimit credit). */
export interface FeeFacts {
  balance: number;
  floor: number;
}

/** A refusal as data: the DomainError code and its text parameters. */
export interface Refusal {
  code: string;
  params: Record<string, string | number>;
}

/**
 * Every refusal of a connection except the fee, in the order the user would meet them: blocked, paused,
 * already connected, not on the tariff, another internet package, excluded by a connected service.
 * `replacing` is a connected service treated as already gone (a package change).
 */
export function connectRefusal(
  service: RuleService,
  facts: ConnectFacts,
  opts: { replacing?: number } = {},
): Refusal | null {
  const p = { service: service.name };
  if (facts.blocked) return { code: 'services.blocked', params: p };
  if (facts.paused) return { code: 'services.paused', params: p };
  const connected = facts.connected.filter((s) => s.id !== opts.replacing);
  if (connected.some((s) => s.id === service.id)) return { code: 'services.alreadyConnected', params: p };
  // The voicemail package «Плюс» is offered on every plan (SPEC R-VM names no tariff limit); additional
  // services and internet packages only where tariff_services lists them.
  if (service.kind !== 'voicemail' && !facts.allowedOnTariff) return { code: 'services.notAllowed', params: p };
  if (service.kind === 'mobile_internet') {
    const active = connected.find((s) => s.kind === 'mobile_internet');
    if (active) return { code: 'services.onePackage', params: { ...p, other: active.name } };
  }
  const excluding = connected.find((s) => facts.excludingIds.includes(s.id));
  if (excluding) return { code: 'services.excluded', params: { ...p, other: excluding.name } };
  return null;
}

/** R-FEE: a fee that would take the balance below the client's floor is refused (a zero fee never is). */
export function feeRefusal(fee: number, facts: FeeFacts): Refusal | null {
  if (fee <= 0) return null;
  return facts.balance - fee < facts.floor ? insufficientFunds(fee) : null;
}

/** The refusal chargeFee throws (its debit is conditional on the same floor). */
export function insufficientFunds(fee: number): Refusal {
  return { code: 'fees.insufficientFunds', params: { fee } };
}

/** The whole decision on a connection: the service rules first, then whether the fee is covered. */
export function decideConnect(service: RuleService, facts: ConnectFacts & FeeFacts): Refusal | null {
  return connectRefusal(service, facts) ?? feeRefusal(service.connectFee, facts);
}

/** A disconnection is refused only when the service is not connected (blocked and paused numbers may). */
export function decideDisconnect(service: Pick<RuleService, 'name'>, connected: boolean): Refusal | null {
  return connected ? null : { code: 'services.notConnected', params: { service: service.name } };
}
