// R-TARIFF: «Смена ТП» — the plans open from the current one, the fee of a change, and the change itself.
import { and, count, eq, gte, lte } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { subscribers, tariffChanges, tariffPlans, tariffTransitions } from '../db/schema/index.js';
import type { Actor } from './actor.js';
import { audit } from './audit.js';
import { today } from './clock.js';
import type { DomainDeps } from './deps.js';
import { DomainError } from './errors.js';
import { chargeFee } from './fees.js';
import { once } from './idempotency.js';
import { subscriberInScope } from './scope.js';
import { type IsoDate, monthStart } from './time.js';
import { recordOrder } from './orders/record.js';

export interface TariffPlanSummary {
  id: number;
  name: string;
  description: string;
  /** Kopecks per month. */
  monthlyFee: number;
}

export interface TariffOption extends TariffPlanSummary {
  /** Kopecks this change would cost if confirmed now. */
  changeFee: number;
}

export interface TariffOptions {
  current: TariffPlanSummary;
  options: TariffOption[];
  /** A change was already made today (one per day): the options are shown but cannot be confirmed. */
  changedToday: boolean;
  blocked: boolean;
}

export interface TariffChangeResult {
  fromPlanId: number;
  toPlanId: number;
  toPlanName: string;
  fee: number;
  balanceAfter: number;
  day: IsoDate;
}

const planColumns = {
  id: tariffPlans.id,
  name: tariffPlans.name,
  description: tariffPlans.description,
  monthlyFee: tariffPlans.monthlyFee,
};

/**
 * The fee rule: the first change of a calendar month to a higher subscription fee is free; the first to
 * a lower (or equal) one is paid; every further change in that month is paid.
 */
export function tariffChangeFee(changesThisMonth: number, fromFee: number, toFee: number, fee: number): number {
  if (changesThisMonth === 0 && toFee > fromFee) return 0;
  return fee;
}

async function changesInMonth(
  ex: Executor,
  subscriberId: number,
  day: IsoDate,
): Promise<{ thisMonth: number; today: number }> {
  const [month] = await ex
    .select({ n: count() })
    .from(tariffChanges)
    .where(
      and(
        eq(tariffChanges.subscriberId, subscriberId),
        gte(tariffChanges.day, monthStart(day)),
        lte(tariffChanges.day, day),
      ),
    );
  const [onDay] = await ex
    .select({ n: count() })
    .from(tariffChanges)
    .where(and(eq(tariffChanges.subscriberId, subscriberId), eq(tariffChanges.day, day)));
  return { thisMonth: Number(month?.n ?? 0), today: Number(onDay?.n ?? 0) };
}

/** Plans reachable from `fromPlanId` by the allowed-change graph, closed plans left out. */
async function openTargets(ex: Executor, fromPlanId: number): Promise<TariffPlanSummary[]> {
  return ex
    .select(planColumns)
    .from(tariffTransitions)
    .innerJoin(tariffPlans, eq(tariffPlans.id, tariffTransitions.toPlanId))
    .where(and(eq(tariffTransitions.fromPlanId, fromPlanId), eq(tariffPlans.openForChange, true)))
    .orderBy(tariffPlans.monthlyFee, tariffPlans.name);
}

export async function tariffOptions(deps: DomainDeps, actor: Actor, subscriberId: number): Promise<TariffOptions> {
  const sub = await subscriberInScope(deps.db, actor, subscriberId);
  const [current] = await deps.db.select(planColumns).from(tariffPlans).where(eq(tariffPlans.id, sub.tariffPlanId));
  const targets = await openTargets(deps.db, sub.tariffPlanId);
  const counts = await changesInMonth(deps.db, sub.id, today(deps.clock));
  return {
    current: current!,
    options: targets.map((t) => ({
      ...t,
      changeFee: tariffChangeFee(counts.thisMonth, current!.monthlyFee, t.monthlyFee, deps.settings.tariffChangeFee),
    })),
    changedToday: counts.today > 0,
    blocked: sub.status === 'blocked',
  };
}

/** The plan's code, the operator's identifier of it (R-ORDER payloads). */
async function planCode(tx: Executor, id: number): Promise<string> {
  const [row] = await tx.select({ code: tariffPlans.code }).from(tariffPlans).where(eq(tariffPlans.id, id));
  return row!.code;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/**
 * Changes the plan after a confirmation: one change per Minsk day (the unique constraint backs the
 * check), the fee of R-TARIFF debited by R-FEE, refused for a blocked number, audited, idempotent by nonce.
 */
export async function changeTariff(
  deps: DomainDeps,
  actor: Actor,
  input: { subscriberId: number; toPlanId: number; nonce: string },
): Promise<TariffChangeResult> {
  return deps.db.transaction(async (tx) => {
    // Scope first, even for a replayed nonce; the row lock serialises concurrent changes of one number,
    // so the per-day check below is exact. The key carries the number, so a nonce from another number's
    // button never replays that number's result.
    const sub = await subscriberInScope(tx, actor, input.subscriberId, { forUpdate: true });
    const done = await once(tx, `tariff:${sub.id}:${input.nonce}`, deps.clock.now(), async () => {
      if (sub.status === 'blocked') throw new DomainError('tariffs.blocked');
      const day = today(deps.clock);
      const target = (await openTargets(tx, sub.tariffPlanId)).find((t) => t.id === input.toPlanId);
      if (!target) throw new DomainError('tariffs.notOffered');
      const counts = await changesInMonth(tx, sub.id, day);
      if (counts.today > 0) throw new DomainError('tariffs.oncePerDay');
      const [from] = await tx.select(planColumns).from(tariffPlans).where(eq(tariffPlans.id, sub.tariffPlanId));
      const fee = tariffChangeFee(counts.thisMonth, from!.monthlyFee, target.monthlyFee, deps.settings.tariffChangeFee);
      const charged = await chargeFee(tx, deps, sub, fee, `Смена тарифного плана: «${from!.name}» → «${target.name}»`, {
        code: 'tariffs.change',
        params: { from: from!.name, to: target.name },
      });
      try {
        await tx.insert(tariffChanges).values({
          subscriberId: sub.id,
          fromPlanId: from!.id,
          toPlanId: target.id,
          day,
          fee,
          changedAt: deps.clock.now(),
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError('tariffs.oncePerDay');
        throw error;
      }
      await tx.update(subscribers).set({ tariffPlanId: target.id }).where(eq(subscribers.id, sub.id));
      await audit(tx, actor, deps.clock.now(), {
        action: 'tariff.change',
        clientId: sub.clientId,
        subscriberId: sub.id,
        before: { tariffPlanId: from!.id, balance: sub.balance },
        after: { tariffPlanId: target.id, balance: charged.balanceAfter, fee },
      });
      await recordOrder(tx, actor, deps.clock.now(), {
        type: 'tariff.change',
        payload: { from: await planCode(tx, from!.id), to: await planCode(tx, target.id) },
        fee,
        clientId: sub.clientId,
        subscriberId: sub.id,
      });
      const result: TariffChangeResult = {
        fromPlanId: from!.id,
        toPlanId: target.id,
        toPlanName: target.name,
        fee,
        balanceAfter: charged.balanceAfter,
        day,
      };
      return result;
    });
    return done.result;
  });
}
