// What an invoice document shows (R-INV-ORDER, R-MONEY): the supplier (the operator, from configuration),
// the client's requisites, contract, period, lines with their VAT part (per line, half-up), totals that are
// sums of the lines, and the day it is due.
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bankAccounts, clients, invoiceLines, invoiceOrders, invoices } from '../../db/schema/index.js';
import { vatPart } from '../money.js';
import type { Settings, Supplier } from '../settings.js';
import { type IsoDate, minskDate } from '../time.js';
import { invoiceDueDate } from './due-date.js';

export interface InvoiceDocumentLine {
  position: number;
  /** null: the invoice has no itemised lines and this one line stands for the month's services. */
  description: string | null;
  /** Kopecks, VAT included. */
  amount: number;
  vat: number;
}

export interface InvoiceDocument {
  number: string;
  period: IsoDate;
  issuedOn: IsoDate;
  /** The day it is to be paid by (src/domain/invoices/due-date.ts). */
  dueOn: IsoDate;
  supplier: Supplier;
  client: {
    name: string;
    unp: string;
    okpo: string | null;
    address: string | null;
    bankAccounts: { iban: string; bankName: string; bic: string }[];
  };
  contract: { number: string; date: IsoDate };
  vatPercent: number;
  lines: InvoiceDocumentLine[];
  total: number;
  vatTotal: number;
  paid: boolean;
}

export async function loadInvoiceDocument(
  ex: Executor,
  invoiceId: number,
  settings: Pick<Settings, 'vatPercent' | 'supplier' | 'invoiceDueDay'>,
): Promise<InvoiceDocument | null> {
  const { vatPercent } = settings;
  const [invoice] = await ex.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!invoice) return null;
  const [client] = await ex.select().from(clients).where(eq(clients.id, invoice.clientId));
  if (!client) return null;
  const accounts = await ex
    .select({ iban: bankAccounts.iban, bankName: bankAccounts.bankName, bic: bankAccounts.bic })
    .from(bankAccounts)
    .where(eq(bankAccounts.clientId, client.id))
    .orderBy(asc(bankAccounts.id));
  const stored = await ex
    .select({ position: invoiceLines.position, description: invoiceLines.description, amount: invoiceLines.amount })
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoice.id))
    .orderBy(asc(invoiceLines.position), asc(invoiceLines.id));
  const source: { position: number; description: string | null; amount: number }[] =
    stored.length > 0 ? stored : [{ position: 1, description: null, amount: invoice.amount }];
  const lines = source.map((l) => ({ ...l, vat: vatPart(l.amount, vatPercent) }));
  return {
    number: invoice.number,
    period: invoice.period,
    issuedOn: minskDate(invoice.issuedAt),
    dueOn: invoiceDueDate(invoice.period, settings.invoiceDueDay, invoice.dueDate),
    supplier: settings.supplier,
    client: {
      name: client.name,
      unp: client.unp,
      okpo: client.okpo,
      address: client.legalAddress,
      bankAccounts: accounts,
    },
    contract: { number: client.contractNumber, date: client.contractDate },
    vatPercent,
    lines,
    total: lines.reduce((s, l) => s + l.amount, 0),
    vatTotal: lines.reduce((s, l) => s + l.vat, 0),
    paid: invoice.paid,
  };
}

export type InvoiceOrderRow = typeof invoiceOrders.$inferSelect;

export async function loadInvoiceOrder(ex: Executor, orderId: number): Promise<InvoiceOrderRow | null> {
  const [row] = await ex.select().from(invoiceOrders).where(eq(invoiceOrders.id, orderId));
  return row ?? null;
}
