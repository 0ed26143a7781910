// R-INSTALL: «Информация по рассрочке» — equipment bought in installments, for the whole client
// (administrator) or for one number (subscriber menu, re-checked by R-SCOPE).
import { asc, eq } from 'drizzle-orm';
import { installments, subscribers } from '../db/schema/index.js';
import type { Actor } from './actor.js';
import type { DomainDeps } from './deps.js';
import { adminClientId, subscriberInScope } from './scope.js';
import type { IsoDate } from './time.js';

export interface InstallmentView {
  id: number;
  item: string;
  /** The number the equipment was bought for; null when bought for the client as a whole. */
  msisdn: string | null;
  totalPayments: number;
  remainingPayments: number;
  /** Kopecks. */
  monthlyPayment: number;
  payoffDate: IsoDate;
  remainingSum: number;
}

export interface InstallmentSummary {
  items: InstallmentView[];
  /** Kopecks still owed across the items, and due per month. */
  remainingSum: number;
  monthlyPayment: number;
}

const view = {
  id: installments.id,
  item: installments.item,
  msisdn: subscribers.msisdn,
  totalPayments: installments.totalPayments,
  remainingPayments: installments.remainingPayments,
  monthlyPayment: installments.monthlyPayment,
  payoffDate: installments.payoffDate,
  remainingSum: installments.remainingSum,
};

function summarize(items: InstallmentView[]): InstallmentSummary {
  const open = items.filter((i) => i.remainingPayments > 0);
  return {
    items,
    remainingSum: items.reduce((s, i) => s + i.remainingSum, 0),
    monthlyPayment: open.reduce((s, i) => s + i.monthlyPayment, 0),
  };
}

/** Every installment of the administrator's client, soonest payoff first. */
export async function clientInstallments(deps: Pick<DomainDeps, 'db'>, actor: Actor): Promise<InstallmentSummary> {
  const clientId = adminClientId(actor);
  const rows = await deps.db
    .select(view)
    .from(installments)
    .leftJoin(subscribers, eq(subscribers.id, installments.subscriberId))
    .where(eq(installments.clientId, clientId))
    .orderBy(asc(installments.payoffDate), asc(installments.id));
  return summarize(rows);
}

/** Installments bought for one number (with that number); the subscriber id is untrusted and re-checked. */
export async function subscriberInstallments(
  deps: Pick<DomainDeps, 'db'>,
  actor: Actor,
  subscriberId: number,
): Promise<InstallmentSummary & { msisdn: string }> {
  const subscriber = await subscriberInScope(deps.db, actor, subscriberId);
  const rows = await deps.db
    .select(view)
    .from(installments)
    .leftJoin(subscribers, eq(subscribers.id, installments.subscriberId))
    .where(eq(installments.subscriberId, subscriber.id))
    .orderBy(asc(installments.payoffDate), asc(installments.id));
  return { ...summarize(rows), msisdn: subscriber.msisdn };
}
