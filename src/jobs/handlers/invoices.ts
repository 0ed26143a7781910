// Job handler for an ordered invoice (R-INV-ORDER): renders the PDF off the update's path, then sends
// it into the administrator's chat (download) or puts a mail with it attached into the outbox (e-mail).
import { z } from 'zod';
import type { Config } from '../../config.js';
import { renderInvoicePdf } from '../../documents/invoice-pdf.js';
import { invoiceTexts } from '../../documents/invoice-texts.js';
import {
  INVOICE_RENDER_JOB,
  loadInvoiceDocument,
  loadInvoiceOrder,
  settleInvoiceOrder,
} from '../../domain/invoices/index.js';
import { queueMail } from '../../mail/outbox.js';
import { defineJob } from '../define.js';
import type { JobHandler } from '../types.js';
import { makeMailHandler } from './mail.js';

export interface InvoiceHandlerOptions {
  /** Replaces the PDF renderer (tests of failure paths). */
  render?: typeof renderInvoicePdf;
}

export function makeInvoiceHandler(options: InvoiceHandlerOptions = {}): JobHandler {
  const render = options.render ?? renderInvoicePdf;
  return defineJob({
    kind: INVOICE_RENDER_JOB,
    payload: z.object({ orderId: z.number().int().positive() }),
    maxAttempts: 5,
    async run({ orderId }, ctx) {
      const { db, clock, settings } = ctx.deps;
      const order = await loadInvoiceOrder(db, orderId);
      if (order?.status !== 'pending') return;
      const markOrder = (status: 'done' | 'failed') => settleInvoiceOrder(db, order.id, status, clock.now());

      const document = await loadInvoiceDocument(db, order.invoiceId, settings);
      if (
        !document ||
        (order.delivery === 'download' && order.chatId == null) ||
        (order.delivery === 'email' && !order.email)
      ) {
        await markOrder('failed');
        return;
      }
      const pdf = await render(document);
      await ctx.heartbeat();
      const filename = invoiceTexts.filename(document.number, document.period);

      if (order.delivery === 'download') {
        await ctx.notifier.sendDocument(
          order.chatId!,
          { content: pdf, filename },
          invoiceTexts.caption(document.number, document.period),
        );
        await markOrder('done');
        return;
      }
      // The order is marked and the mail queued together: a retried job finds the order done.
      await db.transaction(async (tx) => {
        if (!(await settleInvoiceOrder(tx, order.id, 'done', clock.now()))) return;
        await queueMail(tx, clock.now(), {
          recipient: order.email!,
          subject: invoiceTexts.mailSubject(document.number, document.period),
          body: invoiceTexts.mailBody(document.client.name, document.number, document.period),
          attachment: { filename, content: pdf },
        });
      });
    },
  });
}

/** The money sections' job handlers for the composition root: invoice rendering and outbox mail. */
export function billingJobHandlers(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>): JobHandler[] {
  return [makeInvoiceHandler(), makeMailHandler({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM })];
}
