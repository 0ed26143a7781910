// R-CHARGES with R-MONEY: «Начисления за период» — the current month and the previous ones, itemised,
// with the VAT part of every line and totals that are sums of the lines.
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { charges, tariffPlans, usageRecords } from '../db/schema/index.js';
import type { Actor } from './actor.js';
import { today } from './clock.js';
import type { DomainDeps } from './deps.js';
import { vatPart } from './money.js';
import { type ChargeText, readChargeText } from './charge-texts.js';
import type { UsageKind } from './details.js';
import { subscriberInScope } from './scope.js';
import { addMonths, type IsoDate, monthStart, startOfMinskDay } from './time.js';

const optionalText = (text: ChargeText | undefined) => (text ? { text } : {});

export type ChargeLineKind = 'subscription' | 'service' | 'usage' | 'fee';

export interface ChargeLine {
  kind: ChargeLineKind;
  /** The stored description (Russian); for lines summed from call records, empty and `usageKind` says what. */
  description: string;
  /** What the line says in each language, for lines the bot wrote with a code. */
  text?: ChargeText;
  usageKind?: UsageKind;
  /** Day the line was charged (Minsk). */
  chargedOn: IsoDate;
  /** Kopecks, VAT included. */
  amount: number;
  /** The VAT part of this line, rounded half-up to the kopeck (R-MONEY). */
  vat: number;
  /**
   * True for a line the bill does not hold yet and that is computed on reading: the current month's
   * subscription fee of the current plan, or calls/SMS summed from the call records.
   */
  computed: boolean;
}

export interface ChargePeriod {
  /** First day of the month. */
  period: IsoDate;
  current: boolean;
  lines: ChargeLine[];
  total: number;
  vatTotal: number;
}

/** The months of «Начисления за период», oldest first: settings.chargeMonths previous ones and the current. */
export function chargeMonths(day: IsoDate, previous: number): IsoDate[] {
  const current = monthStart(day);
  const months: IsoDate[] = [];
  for (let i = previous; i >= 0; i--) months.push(addMonths(current, -i));
  return months;
}

/**
 * Calls and SMS of a month summed per kind from the call records, for months whose bill holds no usage
 * line (the current month before billing closes it). Half-open instant range [from, to).
 */
async function usageTotals(
  ex: Executor,
  subscriberId: number,
  from: Date,
  to: Date,
): Promise<{ kind: UsageKind; amount: number }[]> {
  const rows = await ex
    .select({ kind: usageRecords.kind, amount: sql<string>`coalesce(sum(${usageRecords.cost}), 0)` })
    .from(usageRecords)
    .where(
      and(
        eq(usageRecords.subscriberId, subscriberId),
        gte(usageRecords.occurredAt, from),
        lt(usageRecords.occurredAt, to),
      ),
    )
    .groupBy(usageRecords.kind)
    .orderBy(usageRecords.kind);
  return rows.map((r) => ({ kind: r.kind, amount: Number(r.amount) })).filter((r) => r.amount !== 0);
}

export async function chargesForPeriods(deps: DomainDeps, actor: Actor, subscriberId: number): Promise<ChargePeriod[]> {
  const sub = await subscriberInScope(deps.db, actor, subscriberId);
  const day = today(deps.clock);
  const vatPercent = deps.settings.vatPercent;
  const months = chargeMonths(day, deps.settings.chargeMonths);
  const stored = await deps.db
    .select()
    .from(charges)
    .where(and(eq(charges.subscriberId, sub.id), inArray(charges.period, months)))
    .orderBy(asc(charges.chargedOn), asc(charges.id));
  const [plan] = await deps.db
    .select({ name: tariffPlans.name, monthlyFee: tariffPlans.monthlyFee })
    .from(tariffPlans)
    .where(eq(tariffPlans.id, sub.tariffPlanId));
  const line = (l: Omit<ChargeLine, 'vat'>): ChargeLine => ({ ...l, vat: vatPart(l.amount, vatPercent) });

  const result: ChargePeriod[] = [];
  for (const period of months) {
    const isCurrent = period === monthStart(day);
    const lines: ChargeLine[] = stored
      .filter((c) => c.period === period)
      .map((c) =>
        line({
          kind: c.kind,
          description: c.description,
          ...optionalText(readChargeText(c.textCode, c.textParams)),
          chargedOn: c.chargedOn,
          amount: c.amount,
          computed: false,
        }),
      );
    // The subscription fee is part of the month even before billing writes it (R-CHARGES).
    if (isCurrent && !lines.some((l) => l.kind === 'subscription') && plan && plan.monthlyFee > 0) {
      lines.unshift(
        line({
          kind: 'subscription',
          description: `Абонентская плата «${plan.name}»`,
          chargedOn: period,
          amount: plan.monthlyFee,
          computed: true,
        }),
      );
    }
    if (!lines.some((l) => l.kind === 'usage')) {
      const to = isCurrent ? deps.clock.now() : startOfMinskDay(addMonths(period, 1));
      for (const u of await usageTotals(deps.db, sub.id, startOfMinskDay(period), to)) {
        lines.push(
          line({
            kind: 'usage',
            description: '',
            usageKind: u.kind,
            chargedOn: period,
            amount: u.amount,
            computed: true,
          }),
        );
      }
    }
    result.push({
      period,
      current: isCurrent,
      lines,
      total: lines.reduce((s, l) => s + l.amount, 0),
      vatTotal: lines.reduce((s, l) => s + l.vat, 0),
    });
  }
  return result;
}
