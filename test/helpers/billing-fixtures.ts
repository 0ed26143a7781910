// Builders for the money sections' tests (payments, invoices, installments, bank accounts). Kept apart
// from fixtures.ts so this area's builders commit without touching lines other areas are adding.
import type { Executor } from '../../src/db/client.js';
import { bankAccounts, installments, invoiceLines, invoices, payments } from '../../src/db/schema/index.js';

let seq = 0;
const next = () => ++seq;
const at = new Date('2026-01-01T00:00:00Z');

export async function makeBankAccount(
  db: Executor,
  clientId: number,
  over: Partial<typeof bankAccounts.$inferInsert> = {},
) {
  const [row] = await db
    .insert(bankAccounts)
    .values({
      clientId,
      iban: 'BY13NBRB3600900000002Z00AB00',
      bankName: 'ОАО «Белагропромбанк»',
      bic: 'BAPBBY2X',
      ...over,
    })
    .returning();
  return row!;
}

export async function makePayment(db: Executor, clientId: number, over: Partial<typeof payments.$inferInsert> = {}) {
  const n = next();
  const [row] = await db
    .insert(payments)
    .values({
      clientId,
      documentNumber: `П-${n}`,
      paidOn: '2026-11-01',
      amount: 10000,
      status: 'unconfirmed',
      createdAt: at,
      ...over,
    })
    .returning();
  return row!;
}

/** An invoice of `period` ('YYYY-MM-01') whose amount and VAT are the sums of `lines` (kopecks). */
export async function makeInvoice(
  db: Executor,
  clientId: number,
  period: string,
  lines: { description: string; amount: number }[] = [{ description: 'Абонентская плата', amount: 12000 }],
  over: Partial<typeof invoices.$inferInsert> = {},
) {
  const n = next();
  const amount = lines.reduce((s, l) => s + l.amount, 0);
  const [row] = await db
    .insert(invoices)
    .values({
      clientId,
      period,
      number: `СЧ-${period.slice(0, 7)}-${n}`,
      amount,
      vat: 0,
      issuedAt: new Date(`${period}T00:00:00Z`),
      ...over,
    })
    .returning();
  if (lines.length > 0) {
    await db
      .insert(invoiceLines)
      .values(
        lines.map((l, i) => ({ invoiceId: row!.id, position: i + 1, description: l.description, amount: l.amount })),
      );
  }
  return row!;
}

export async function makeInstallment(
  db: Executor,
  clientId: number,
  over: Partial<typeof installments.$inferInsert> = {},
) {
  const n = next();
  const [row] = await db
    .insert(installments)
    .values({
      clientId,
      item: `Смартфон ${n}`,
      totalPayments: 12,
      remainingPayments: 5,
      monthlyPayment: 4500,
      payoffDate: '2027-04-30',
      remainingSum: 22500,
      ...over,
    })
    .returning();
  return row!;
}
