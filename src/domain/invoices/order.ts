// R-INV-ORDER: an administrator orders the invoice of a closed month by e-mail or as a download.
// The order row and its render job are written in one transaction; the PDF is made off the update's
// path by the job handler (src/jobs/handlers/invoices.ts).
import { and, count, eq } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import { clients, invoiceOrders, invoices } from '../../db/schema/index.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { once } from '../idempotency.js';
import { adminClientId } from '../scope.js';
import type { IsoDate } from '../time.js';
import { assertOutsideBillingPeriod, currentPeriod } from './billing-period.js';
import { isValidEmail, validEmail } from './email.js';

/** Job kind of the render step; its payload is `{ orderId }`. */
export const INVOICE_RENDER_JOB = 'invoice.render';

export type InvoiceDeliveryChoice = 'email' | 'download';

export interface OrderInvoiceInput {
  invoiceId: number;
  delivery: InvoiceDeliveryChoice;
  /** A typed address; when absent an e-mail order goes to the client's bill delivery address. */
  email?: string | null;
  /** Where a download is sent (the administrator's chat). */
  chatId: number;
  /** The confirmation's one-time nonce (R-IDEMP): a double press orders once. */
  nonce?: string;
}

export interface InvoiceOrdered {
  orderId: number;
  delivery: InvoiceDeliveryChoice;
  email: string | null;
  invoice: { number: string; period: IsoDate };
  /** True when no SMTP server is configured: the mail waits in the outbox and the user is told so. */
  waitsInOutbox: boolean;
}

export async function orderInvoice(
  deps: DomainDeps,
  actor: Actor,
  input: OrderInvoiceInput,
  mail: { smtpConfigured: boolean } = { smtpConfigured: false },
): Promise<InvoiceOrdered> {
  const clientId = adminClientId(actor);
  assertOutsideBillingPeriod(deps);
  if (input.delivery !== 'email' && input.delivery !== 'download') throw new DomainError('invoices.invalidDelivery');
  if (!Number.isSafeInteger(input.invoiceId) || input.invoiceId <= 0) throw new DomainError('access.forbidden');
  if (!Number.isSafeInteger(input.chatId)) throw new DomainError('invoices.invalidDelivery');
  const typed = input.delivery === 'email' && input.email ? validEmail(input.email) : null;
  const now = deps.clock.now();

  const order = async (tx: Tx): Promise<InvoiceOrdered> => {
    const [invoice] = await tx
      .select({ id: invoices.id, number: invoices.number, period: invoices.period })
      .from(invoices)
      .where(and(eq(invoices.id, input.invoiceId), eq(invoices.clientId, clientId)));
    if (!invoice) throw new DomainError('access.forbidden');
    if (invoice.period >= currentPeriod(deps.clock)) throw new DomainError('invoices.notClosed');
    let email: string | null = null;
    if (input.delivery === 'email') {
      const [client] = await tx
        .select({ address: clients.billDeliveryAddress })
        .from(clients)
        .where(eq(clients.id, clientId));
      email = typed ?? (isValidEmail(client?.address) ? client!.address!.trim() : null);
      if (!email) throw new DomainError('invoices.emailRequired');
    }
    // Forged or frantic presses must not queue unbounded rendering work (finding 3 of issue 22).
    const [waiting] = await tx
      .select({ n: count() })
      .from(invoiceOrders)
      .where(and(eq(invoiceOrders.clientId, clientId), eq(invoiceOrders.status, 'pending')));
    const pending = waiting?.n ?? 0;
    if (pending >= deps.settings.pendingDocumentsMax) throw new DomainError('invoices.tooManyPending', { pending });
    const [row] = await tx
      .insert(invoiceOrders)
      .values({
        invoiceId: invoice.id,
        clientId,
        delivery: input.delivery,
        email,
        chatId: input.chatId,
        status: 'pending',
        requestedByTelegramId: actor.kind === 'admin' ? actor.telegramId : null,
        createdAt: now,
      })
      .returning({ id: invoiceOrders.id });
    await enqueueJob(tx, INVOICE_RENDER_JOB, { orderId: row!.id }, now);
    await audit(tx, actor, now, {
      action: 'invoice.order',
      clientId,
      after: { orderId: row!.id, invoiceId: invoice.id, period: invoice.period, delivery: input.delivery, email },
    });
    return {
      orderId: row!.id,
      delivery: input.delivery,
      email,
      invoice: { number: invoice.number, period: invoice.period },
      waitsInOutbox: input.delivery === 'email' && !mail.smtpConfigured,
    };
  };

  return deps.db.transaction(async (tx) => {
    if (!input.nonce) return order(tx);
    // Scoped by client and object: a nonce answers only for this client's order of this invoice this way.
    const key = `invoices:${clientId}:${input.invoiceId}:${input.delivery}:${input.nonce}`;
    return (await once(tx, key, now, () => order(tx))).result;
  });
}

/**
 * Settles a pending order (the job rendered it, or found it cannot be): true when this call settled it,
 * false when it was no longer pending (a retried job finds it done).
 */
export async function settleInvoiceOrder(
  ex: Executor,
  orderId: number,
  status: 'done' | 'failed',
  now: Date,
): Promise<boolean> {
  const rows = await ex
    .update(invoiceOrders)
    .set({ status, doneAt: now })
    .where(and(eq(invoiceOrders.id, orderId), eq(invoiceOrders.status, 'pending')))
    .returning({ id: invoiceOrders.id });
  return rows.length > 0;
}
