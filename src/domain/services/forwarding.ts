// R-FWD «Переадресация звонков»: the four conditions with their state; set one (target normalised, delay
// for «нет ответа» from settings.forwardDelays) or cancel one or all, each a confirmed change. An active
// unconditional forwarding overrides the conditional ones: they keep their settings but are shown as overridden.
import { and, eq } from 'drizzle-orm';
import { callForwarding } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { subscriberInScope } from '../scope.js';
import { type Confirmed, confirmationKey, runConfirmed } from './confirm.js';
import { normalizeForwardTarget } from './forwarding-target.js';
import { recordOrder } from '../orders/record.js';
import { forwardingCondition } from '../orders/types.js';

export const FORWARD_CONDITIONS = ['unconditional', 'busy', 'no_reply', 'unreachable'] as const;
export type ForwardCondition = (typeof FORWARD_CONDITIONS)[number];

export function isForwardCondition(value: string): value is ForwardCondition {
  return (FORWARD_CONDITIONS as readonly string[]).includes(value);
}

export interface ForwardingLine {
  condition: ForwardCondition;
  active: boolean;
  target: string | null;
  delaySeconds: number | null;
  /** Set but not in force, because an unconditional forwarding is active. */
  overridden: boolean;
}

export interface ForwardingState {
  subscriberId: number;
  msisdn: string;
  lines: ForwardingLine[];
  unconditionalActive: boolean;
}

export async function forwardingState(deps: DomainDeps, actor: Actor, subscriberId: number): Promise<ForwardingState> {
  const subscriber = await subscriberInScope(deps.db, actor, subscriberId);
  const rows = await deps.db.select().from(callForwarding).where(eq(callForwarding.subscriberId, subscriber.id));
  const unconditionalActive = rows.some((r) => r.condition === 'unconditional');
  return {
    subscriberId: subscriber.id,
    msisdn: subscriber.msisdn,
    unconditionalActive,
    lines: FORWARD_CONDITIONS.map((condition) => {
      const row = rows.find((r) => r.condition === condition);
      return {
        condition,
        active: !!row,
        target: row?.target ?? null,
        delaySeconds: row?.delaySeconds ?? null,
        overridden: !!row && condition !== 'unconditional' && unconditionalActive,
      };
    }),
  };
}

export interface ForwardingRequest {
  subscriberId: number;
  condition: ForwardCondition;
  /** As typed. */
  target: string;
  /** «нет ответа» only; default settings.forwardDefaultDelay. */
  delaySeconds?: number | null;
}

export interface ForwardingPreview {
  condition: ForwardCondition;
  /** International digits. */
  target: string;
  delaySeconds: number | null;
  /** What the condition had before (null when it was not set). */
  previous: { target: string; delaySeconds: number | null } | null;
}

function checkDelay(deps: DomainDeps, condition: ForwardCondition, delay: number | null | undefined): number | null {
  if (condition !== 'no_reply') return null;
  const value = delay ?? deps.settings.forwardDefaultDelay;
  if (!deps.settings.forwardDelays.includes(value))
    throw new DomainError('services.fwdInvalidDelay', { delays: deps.settings.forwardDelays.join(', ') });
  return value;
}

/** Validates a request and shows what will change, before the confirmation. */
export async function forwardingPreview(
  deps: DomainDeps,
  actor: Actor,
  input: ForwardingRequest,
): Promise<ForwardingPreview> {
  if (!isForwardCondition(input.condition)) throw new DomainError('services.fwdInvalidCondition');
  const subscriber = await subscriberInScope(deps.db, actor, input.subscriberId);
  const target = normalizeForwardTarget(input.target, subscriber.msisdn);
  const delaySeconds = checkDelay(deps, input.condition, input.delaySeconds);
  const [row] = await deps.db
    .select()
    .from(callForwarding)
    .where(and(eq(callForwarding.subscriberId, subscriber.id), eq(callForwarding.condition, input.condition)));
  return {
    condition: input.condition,
    target,
    delaySeconds,
    previous: row ? { target: row.target, delaySeconds: row.delaySeconds } : null,
  };
}

/** Sets (or replaces) one condition's forwarding. */
export async function setForwarding(
  deps: DomainDeps,
  actor: Actor,
  input: ForwardingRequest & { nonce: string },
): Promise<Confirmed<ForwardingPreview>> {
  if (!isForwardCondition(input.condition)) throw new DomainError('services.fwdInvalidCondition');
  return runConfirmed(deps, confirmationKey('fwd', input.subscriberId, input.nonce), async (tx, now) => {
    const subscriber = await subscriberInScope(tx, actor, input.subscriberId, { forUpdate: true });
    const target = normalizeForwardTarget(input.target, subscriber.msisdn);
    const delaySeconds = checkDelay(deps, input.condition, input.delaySeconds);
    const [row] = await tx
      .select()
      .from(callForwarding)
      .where(and(eq(callForwarding.subscriberId, subscriber.id), eq(callForwarding.condition, input.condition)));
    const previous = row ? { target: row.target, delaySeconds: row.delaySeconds } : null;
    await tx
      .insert(callForwarding)
      .values({ subscriberId: subscriber.id, condition: input.condition, target, delaySeconds, updatedAt: now })
      .onConflictDoUpdate({
        target: [callForwarding.subscriberId, callForwarding.condition],
        set: { target, delaySeconds, updatedAt: now },
      });
    await audit(tx, actor, now, {
      action: 'forwarding.set',
      clientId: subscriber.clientId,
      subscriberId: subscriber.id,
      before: previous ? { condition: input.condition, ...previous } : null,
      after: { condition: input.condition, target, delaySeconds },
    });
    await recordOrder(tx, actor, now, {
      type: 'forwarding.set',
      payload: {
        condition: forwardingCondition(input.condition),
        target,
        ...(delaySeconds != null ? { delaySeconds } : {}),
      },
      clientId: subscriber.clientId,
      subscriberId: subscriber.id,
    });
    return { condition: input.condition, target, delaySeconds, previous };
  });
}

/** Cancels one condition, or every one with 'all'. Refused when there is nothing to cancel. */
export async function cancelForwarding(
  deps: DomainDeps,
  actor: Actor,
  input: { subscriberId: number; condition: ForwardCondition | 'all'; nonce: string },
): Promise<Confirmed<{ cancelled: ForwardCondition[] }>> {
  if (input.condition !== 'all' && !isForwardCondition(input.condition))
    throw new DomainError('services.fwdInvalidCondition');
  return runConfirmed(deps, confirmationKey('fwd', input.subscriberId, input.nonce), async (tx, now) => {
    const subscriber = await subscriberInScope(tx, actor, input.subscriberId, { forUpdate: true });
    const removed = await tx
      .delete(callForwarding)
      .where(
        and(
          eq(callForwarding.subscriberId, subscriber.id),
          input.condition === 'all' ? undefined : eq(callForwarding.condition, input.condition),
        ),
      )
      .returning();
    if (removed.length === 0)
      throw new DomainError(input.condition === 'all' ? 'services.fwdNoneSet' : 'services.fwdNotSet');
    await audit(tx, actor, now, {
      action: 'forwarding.cancel',
      clientId: subscriber.clientId,
      subscriberId: subscriber.id,
      before: removed.map((r) => ({ condition: r.condition, target: r.target, delaySeconds: r.delaySeconds })),
      after: null,
    });
    await recordOrder(tx, actor, now, {
      type: 'forwarding.cancel',
      payload: { condition: input.condition === 'all' ? 'all' : forwardingCondition(input.condition) },
      clientId: subscriber.clientId,
      subscriberId: subscriber.id,
    });
    const cancelled = FORWARD_CONDITIONS.filter((c) => removed.some((r) => r.condition === c));
    return { cancelled };
  });
}
