// «Счета»: the client's invoices for closed months, newest first, with amount and paid/unpaid.
import { and, asc, desc, eq, gt, lt } from 'drizzle-orm';
import { invoices } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import type { DomainDeps } from '../deps.js';
import { adminClientId } from '../scope.js';
import { type IsoDate, isValidIsoDate } from '../time.js';
import { currentPeriod } from './billing-period.js';

export interface InvoiceView {
  id: number;
  /** First day of the billed month. */
  period: IsoDate;
  number: string;
  /** Kopecks, VAT included. */
  amount: number;
  vat: number;
  paid: boolean;
}

export interface InvoicePage {
  items: InvoiceView[];
  /** `YYYYMM` of the last period shown; null on the last page. */
  nextCursor: string | null;
  /** `YYYYMM` of the first period shown, to page back with direction 'newer'; null on the first page. */
  prevCursor: string | null;
}

const view = {
  id: invoices.id,
  period: invoices.period,
  number: invoices.number,
  amount: invoices.amount,
  vat: invoices.vat,
  paid: invoices.paid,
};

function decodeCursor(cursor: string): IsoDate | null {
  const m = /^(\d{4})(\d{2})$/.exec(cursor);
  const period = m ? `${m[1]}-${m[2]}-01` : '';
  return isValidIsoDate(period) ? period : null;
}

const cursorOf = (period: IsoDate) => period.slice(0, 7).replace('-', '');

/** Closed months only (period before the current Minsk month); one row per period, keyset paged. */
export async function listInvoices(
  deps: Pick<DomainDeps, 'db' | 'clock'>,
  actor: Actor,
  input: { cursor?: string | null; direction?: 'older' | 'newer'; limit: number },
): Promise<InvoicePage> {
  const clientId = adminClientId(actor);
  const limit = Math.max(1, Math.min(100, Math.trunc(input.limit)));
  const open = currentPeriod(deps.clock);
  const at = (input.cursor && decodeCursor(input.cursor)) || null;
  if (at && input.direction === 'newer') {
    const rows = await deps.db
      .select(view)
      .from(invoices)
      .where(and(eq(invoices.clientId, clientId), gt(invoices.period, at), lt(invoices.period, open)))
      .orderBy(asc(invoices.period))
      .limit(limit + 1);
    const items = rows.slice(0, limit).reverse();
    return {
      items,
      prevCursor: rows.length > limit && items[0] ? cursorOf(items[0].period) : null,
      nextCursor: items.at(-1) ? cursorOf(items.at(-1)!.period) : null,
    };
  }
  const before = at && at < open ? at : open;
  const rows = await deps.db
    .select(view)
    .from(invoices)
    .where(and(eq(invoices.clientId, clientId), lt(invoices.period, before)))
    .orderBy(desc(invoices.period))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? cursorOf(last.period) : null,
    prevCursor: at && items[0] ? cursorOf(items[0].period) : null,
  };
}

/** One invoice of the administrator's client, or null (another client's id looks like no invoice). */
export async function findInvoice(
  deps: Pick<DomainDeps, 'db'>,
  actor: Actor,
  invoiceId: number,
): Promise<InvoiceView | null> {
  const clientId = adminClientId(actor);
  if (!Number.isSafeInteger(invoiceId) || invoiceId <= 0) return null;
  const [row] = await deps.db
    .select(view)
    .from(invoices)
    .where(and(eq(invoices.id, invoiceId), eq(invoices.clientId, clientId)));
  return row ?? null;
}
