// Seven months of calls and SMS (usage_records) and of charges (subscription, services, usage, fees)
// for every demo subscriber, so «Начисления за период» and «Просмотр детализации» have data.
import type { Executor } from '../client.js';
import { charges, usageRecords } from '../schema/index.js';
import { addDays, addMonths, type IsoDate, monthEnd, monthStart, startOfMinskDay } from '../../domain/time.js';
import { insertBatches } from './batch.js';
import { SERVICES, TARIFF_PLANS } from './catalog.js';
import type { SeededSubscriber } from './demo-clients.js';
import type { Prng } from './prng.js';

/** Rates with four decimals of a rouble, i.e. in 1/100 of a kopeck (R-MONEY). */
const RATE_CALL_DOMESTIC = 950;
const RATE_CALL_INTERNATIONAL = 12_000;
const RATE_SMS = 500;

type UsageKind = (typeof usageRecords.$inferInsert)['kind'];
type ChargeKind = (typeof charges.$inferInsert)['kind'];

export interface ChargeLine {
  subscriberId: number;
  clientId: number;
  period: IsoDate;
  kind: ChargeKind;
  amount: number;
}

/** Kopecks for `units` at a 4-decimal rate, rounded half-up. */
const priced = (units: number, rate: number) => Math.floor((units * rate + 50) / 100);

function otherParty(rnd: Prng, colleagues: string[]): { number: string; international: boolean } {
  const roll = rnd.next();
  if (roll < 0.3 && colleagues.length > 0) return { number: rnd.pick(colleagues), international: false };
  if (roll < 0.33) return { number: rnd.pick(['7495', '4930', '4822', '3705']) + rnd.digits(7), international: true };
  if (roll < 0.45) return { number: `37517${rnd.digits(7)}`, international: false };
  return { number: `375${rnd.pick(['29', '33', '44', '25'])}${rnd.digits(7)}`, international: false };
}

function pausedOn(sub: SeededSubscriber, day: IsoDate): boolean {
  return sub.pauses.some((p) => p.startsOn <= day && day <= p.endsOn);
}

/** Writes usage and charges; returns every charge line for the invoices. */
export async function seedUsageAndCharges(
  tx: Executor,
  subs: SeededSubscriber[],
  rnd: Prng,
  today: IsoDate,
  now: Date,
): Promise<ChargeLine[]> {
  const m0 = monthStart(today);
  const firstMonth = addMonths(m0, -6);
  const yesterday = addDays(today, -1);
  const usage: (typeof usageRecords.$inferInsert)[] = [];
  const usageCost = new Map<string, number>();

  for (const sub of subs) {
    const colleagues = subs.filter((x) => x.clientId === sub.clientId && x.id !== sub.id).map((x) => x.msisdn);
    for (let day = firstMonth; day <= yesterday; day = addDays(day, 1)) {
      if ((sub.quietFrom && day >= sub.quietFrom) || pausedOn(sub, day)) continue;
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      const base = weekday === 0 || weekday === 6 ? sub.activity / 3 : sub.activity;
      const count = Math.floor(rnd.next() * 2 * base + 0.5);
      const dayStart = startOfMinskDay(day).getTime();
      for (let k = 0; k < count; k++) {
        const roll = rnd.next();
        const kind: UsageKind = roll < 0.4 ? 'call_out' : roll < 0.7 ? 'call_in' : roll < 0.88 ? 'sms_out' : 'sms_in';
        const party = otherParty(rnd, colleagues);
        const seconds = kind.startsWith('call') ? Math.max(3, Math.round(-Math.log(1 - rnd.next()) * 150)) : 1;
        const cost =
          kind === 'call_out'
            ? priced(Math.ceil(seconds / 60), party.international ? RATE_CALL_INTERNATIONAL : RATE_CALL_DOMESTIC)
            : kind === 'sms_out'
              ? priced(1, RATE_SMS)
              : 0;
        const occurredAt = new Date(dayStart + (8 * 3600 + rnd.int(0, 13 * 3600)) * 1000);
        usage.push({ subscriberId: sub.id, occurredAt, kind, otherParty: party.number, quantity: seconds, cost });
        const key = `${sub.id}:${monthStart(day)}`;
        usageCost.set(key, (usageCost.get(key) ?? 0) + cost);
      }
    }
  }
  usage.sort((a, b) => (a.occurredAt as Date).getTime() - (b.occurredAt as Date).getTime());
  await insertBatches(tx, usageRecords, usage, 2000);

  const lines: ChargeLine[] = [];
  const rows: (typeof charges.$inferInsert)[] = [];
  const add = (
    sub: SeededSubscriber,
    period: IsoDate,
    chargedOn: IsoDate,
    kind: ChargeKind,
    description: string,
    amount: number,
  ) => {
    if (amount === 0) return;
    lines.push({ subscriberId: sub.id, clientId: sub.clientId, period, kind, amount });
    rows.push({ subscriberId: sub.id, period, chargedOn, kind, description, amount, createdAt: now });
  };
  for (const sub of subs) {
    const plan = TARIFF_PLANS.find((p) => p.code === sub.tariffCode)!;
    for (let month = firstMonth; month <= m0; month = addMonths(month, 1)) {
      if (sub.quietFrom && month > sub.quietFrom) continue;
      add(sub, month, month, 'subscription', `Абонентская плата по ТП «${plan.name}»`, plan.monthlyFee);
      for (const s of sub.services.filter((x) => x.since <= month)) {
        const service = SERVICES.find((x) => x.code === s.code)!;
        const label = service.kind === 'mobile_internet' ? 'Пакет' : 'Услуга';
        add(sub, month, month, 'service', `${label} «${service.name}»`, service.monthlyFee);
      }
      const lastDay = month === m0 ? yesterday : monthEnd(month);
      if (lastDay >= month) add(sub, month, lastDay, 'usage', 'Звонки и SMS', usageCost.get(`${sub.id}:${month}`) ?? 0);
      for (const p of sub.pauses.filter((x) => monthStart(x.createdOn) === month)) {
        add(sub, month, p.createdOn, 'fee', 'Плата за подключение услуги «Пауза»', p.fee);
      }
    }
  }
  await insertBatches(tx, charges, rows);
  return lines;
}
