// Invoices of the closed months (lines with VAT), payments confirmed and not, and installments for the
// client and for single numbers — the data behind «Счета», «Платежи» and «Информация по рассрочке».
import type { Executor } from '../client.js';
import { installments, invoiceLines, invoices, payments } from '../schema/index.js';
import { vatPart } from '../../domain/money.js';
import type { Settings } from '../../domain/settings.js';
import { addDays, addMonths, type IsoDate, monthEnd, monthStart, startOfMinskDay } from '../../domain/time.js';
import type { SeededSubscriber } from './demo-clients.js';
import type { ChargeLine } from './demo-usage.js';
import * as id from './identities.js';

const LINE_TITLES: Record<ChargeLine['kind'], string> = {
  subscription: 'Абонентская плата по тарифным планам',
  service: 'Дополнительные услуги и пакеты',
  usage: 'Звонки и SMS',
  fee: 'Разовые платежи',
};

interface ClientRef {
  id: number;
  unp: string;
}

const at = (day: IsoDate, hour: number) => new Date(startOfMinskDay(day).getTime() + hour * 3_600_000);

/** Invoices for every closed month of the last six; the last month only once its billing period is over. */
async function seedInvoices(
  tx: Executor,
  client: ClientRef,
  lines: ChargeLine[],
  today: IsoDate,
  now: Date,
  settings: Settings,
) {
  const m0 = monthStart(today);
  const lastClosed = Number(today.slice(8, 10)) > settings.billingPeriodLastDay ? addMonths(m0, -1) : addMonths(m0, -2);
  const issued: { period: IsoDate; amount: number; issuedOn: IsoDate }[] = [];
  for (let period = addMonths(m0, -6); period <= lastClosed; period = addMonths(period, 1)) {
    const perKind = new Map<ChargeLine['kind'], number>();
    for (const l of lines)
      if (l.clientId === client.id && l.period === period) perKind.set(l.kind, (perKind.get(l.kind) ?? 0) + l.amount);
    const invoiceLinesOf = (['subscription', 'service', 'usage', 'fee'] as const)
      .filter((k) => (perKind.get(k) ?? 0) > 0)
      .map((k, i) => ({ position: i + 1, description: LINE_TITLES[k], amount: perKind.get(k)! }));
    const amount = invoiceLinesOf.reduce((s, l) => s + l.amount, 0);
    const vat = invoiceLinesOf.reduce((s, l) => s + vatPart(l.amount, settings.vatPercent), 0);
    const issuedOn = addDays(addMonths(period, 1), settings.billingPeriodLastDay);
    const issuedAt = at(issuedOn, 9) < now ? at(issuedOn, 9) : now;
    const [row] = await tx
      .insert(invoices)
      .values({
        clientId: client.id,
        period,
        number: `СФ-${client.unp}-${period.slice(0, 4)}${period.slice(5, 7)}`,
        amount,
        vat,
        paid: period < lastClosed,
        issuedAt,
      })
      .returning({ id: invoices.id });
    await tx.insert(invoiceLines).values(invoiceLinesOf.map((l) => ({ ...l, invoiceId: row!.id })));
    issued.push({ period, amount, issuedOn });
  }
  return issued;
}

/** A confirmed payment for each paid invoice, and for the demo client two still unconfirmed ones. */
async function seedPayments(
  tx: Executor,
  client: ClientRef,
  issued: { amount: number; issuedOn: IsoDate }[],
  firstDocument: number,
  today: IsoDate,
  now: Date,
  withUnconfirmed: boolean,
) {
  const rows: (typeof payments.$inferInsert)[] = [];
  let doc = firstDocument;
  for (const inv of issued.slice(0, -1)) {
    const paidOn = addDays(inv.issuedOn, 6);
    rows.push({
      clientId: client.id,
      documentNumber: String(doc++),
      paidOn,
      amount: inv.amount,
      status: 'confirmed',
      createdAt: at(paidOn, 12),
      confirmedAt: at(addDays(paidOn, 1), 10),
    });
  }
  if (withUnconfirmed) {
    const last = issued.at(-1);
    // Paid after the last invoice was issued, and within the 30 days a registration may reach back.
    const afterInvoice = last ? addDays(last.issuedOn, 1) : today;
    const latest = [afterInvoice, addDays(today, -9)].sort()[1]!;
    const early = latest > today ? today : latest;
    rows.push({
      clientId: client.id,
      documentNumber: String(doc++),
      paidOn: early,
      amount: last?.amount ?? 15_000,
      status: 'unconfirmed',
      createdAt: early === today ? now : at(early, 15),
    });
    const recent = addDays(today, -2);
    rows.push({
      clientId: client.id,
      documentNumber: String(doc++),
      paidOn: recent,
      amount: 15_000,
      status: 'unconfirmed',
      createdAt: at(recent, 11),
    });
  }
  if (rows.length > 0) await tx.insert(payments).values(rows);
}

/** Equipment in installments; remaining payments follow from the months passed since the purchase. */
function installment(
  clientId: number,
  subscriberId: number | null,
  item: string,
  total: number,
  monthly: number,
  boughtMonthsAgo: number,
  today: IsoDate,
) {
  const m0 = monthStart(today);
  const remaining = Math.max(0, total - boughtMonthsAgo);
  return {
    clientId,
    subscriberId,
    item,
    totalPayments: total,
    remainingPayments: remaining,
    monthlyPayment: monthly,
    payoffDate: monthEnd(addMonths(m0, remaining)),
    remainingSum: remaining * monthly,
  };
}

export async function seedBilling(
  tx: Executor,
  refs: { demo: ClientRef; second: ClientRef; subscribers: SeededSubscriber[] },
  lines: ChargeLine[],
  today: IsoDate,
  now: Date,
  settings: Settings,
): Promise<void> {
  const demoInvoices = await seedInvoices(tx, refs.demo, lines, today, now, settings);
  const secondInvoices = await seedInvoices(tx, refs.second, lines, today, now, settings);
  await seedPayments(tx, refs.demo, demoInvoices, 1201, today, now, true);
  await seedPayments(tx, refs.second, secondInvoices, 3305, today, now, false);

  const sub = (msisdn: string) => refs.subscribers.find((s) => s.msisdn === msisdn)!.id;
  await tx
    .insert(installments)
    .values([
      installment(refs.demo.id, null, 'Маршрутизатор Huawei B535-232', 12, 1_490, 8, today),
      installment(refs.demo.id, null, 'IP-АТС Yeastar S20', 24, 4_590, 3, today),
      installment(
        refs.demo.id,
        sub(id.DEMO_SUBSCRIBER_MSISDN),
        'Смартфон Samsung Galaxy A55 5G 8/256GB',
        24,
        4_290,
        5,
        today,
      ),
      installment(refs.demo.id, sub('375291000002'), 'Смартфон Apple iPhone 15 128GB', 24, 11_990, 14, today),
      installment(refs.demo.id, sub('375441000007'), 'Планшет Lenovo Tab M10 LTE', 12, 1_890, 10, today),
      installment(
        refs.second.id,
        sub(id.DEMO_SECOND_SUBSCRIBER_MSISDN),
        'Смартфон Xiaomi Redmi Note 13',
        12,
        2_490,
        2,
        today,
      ),
    ]);
}
