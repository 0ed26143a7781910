// R-SUB-INFO: the subscriber's «Персональная информация» card and the SIM codes shown on an extra press.
import { eq } from 'drizzle-orm';
import { personalAccounts, tariffPlans } from '../db/schema/index.js';
import type { Actor } from './actor.js';
import { audit } from './audit.js';
import { today } from './clock.js';
import type { DomainDeps } from './deps.js';
import { DomainError } from './errors.js';
import { subscriberInScope } from './scope.js';
import { decryptSecret, encryptSecret, subscriberBinding } from './secrets.js';
import { isPaused } from './services/pause-window.js';

/** «Пауза» is not a stored status: it is shown when a pause is in force today (R-PAUSE). */
export type SubscriberShownStatus = 'active' | 'blocked' | 'paused';

export interface SubscriberCard {
  subscriberId: number;
  /** `375XXXXXXXXX`. */
  msisdn: string;
  fullName: string;
  displayName: string;
  personalAccount: string;
  tariffPlan: { id: number; name: string; monthlyFee: number };
  /** Kopecks. */
  balance: number;
  status: SubscriberShownStatus;
  /** The closed user group the number belongs to, or null when it is in none. */
  closedUserGroup: string | null;
  /** Whether «Показать PIN/PUK» has anything to show. */
  hasSimCodes: boolean;
}

export interface SimCodes {
  pin1: string;
  puk1: string;
  pin2: string;
  puk2: string;
}

export const SIM_CODE_KEYS = ['pin1', 'puk1', 'pin2', 'puk2'] as const;

/**
 * The plaintext that is encrypted into `subscribers.sim_codes_encrypted` (seed and import use this), bound
 * to the subscriber's id so the ciphertext opens on its own row only.
 */
export function sealSimCodes(codes: SimCodes, key: Buffer, subscriberId: number): string {
  return encryptSecret(
    JSON.stringify({ pin1: codes.pin1, puk1: codes.puk1, pin2: codes.pin2, puk2: codes.puk2 }),
    key,
    subscriberBinding(subscriberId),
  );
}

export function openSimCodes(sealed: string, key: Buffer, subscriberId: number): SimCodes {
  const parsed = JSON.parse(decryptSecret(sealed, key, subscriberBinding(subscriberId))) as Record<string, unknown>;
  const codes = {} as SimCodes;
  for (const k of SIM_CODE_KEYS) {
    const v = parsed[k];
    if (typeof v !== 'string' || !/^\d{4,8}$/.test(v)) throw new Error('malformed SIM codes');
    codes[k] = v;
  }
  return codes;
}

export async function subscriberCard(deps: DomainDeps, actor: Actor, subscriberId: number): Promise<SubscriberCard> {
  const sub = await subscriberInScope(deps.db, actor, subscriberId);
  const [plan] = await deps.db
    .select({ id: tariffPlans.id, name: tariffPlans.name, monthlyFee: tariffPlans.monthlyFee })
    .from(tariffPlans)
    .where(eq(tariffPlans.id, sub.tariffPlanId));
  const [account] = await deps.db
    .select({ number: personalAccounts.number })
    .from(personalAccounts)
    .where(eq(personalAccounts.id, sub.personalAccountId));
  // A blocked number stays «заблокирован» even inside a pause window: the block is what the user must act on.
  const status: SubscriberShownStatus =
    sub.status === 'blocked' ? 'blocked' : (await isPaused(deps.db, sub.id, today(deps.clock))) ? 'paused' : 'active';
  return {
    subscriberId: sub.id,
    msisdn: sub.msisdn,
    fullName: sub.fullName,
    displayName: sub.displayName,
    personalAccount: account?.number ?? '',
    tariffPlan: plan!,
    balance: sub.balance,
    status,
    closedUserGroup: sub.cugName ?? null,
    hasSimCodes: sub.simCodesEncrypted != null,
  };
}

/**
 * Decrypts PIN1/PUK1/PIN2/PUK2 for an explicit «Показать PIN/PUK». The view is audited without the
 * codes; the codes themselves are only returned, never logged or stored elsewhere.
 */
export async function revealSimCodes(deps: DomainDeps, actor: Actor, subscriberId: number): Promise<SimCodes> {
  return deps.db.transaction(async (tx) => {
    const sub = await subscriberInScope(tx, actor, subscriberId);
    if (!sub.simCodesEncrypted) throw new DomainError('subscriberInfo.noSimCodes');
    const codes = openSimCodes(sub.simCodesEncrypted, deps.secretsKey, sub.id);
    await audit(tx, actor, deps.clock.now(), {
      action: 'subscriber.simCodes.view',
      clientId: sub.clientId,
      subscriberId: sub.id,
      after: { msisdn: sub.msisdn },
    });
    return codes;
  });
}
