import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { invoiceOrders, outboxEmails } from '../../../src/db/schema/index.js';
import { orderInvoice } from '../../../src/domain/invoices/index.js';
import { makeInvoiceHandler } from '../../../src/jobs/handlers/invoices.js';
import { makeMailHandler } from '../../../src/jobs/handlers/mail.js';
import { JobRunner } from '../../../src/jobs/runner.js';
import type { Notifier } from '../../../src/jobs/types.js';
import { createLogger } from '../../../src/logger.js';
import { pdfText } from '../../documents/pdf-text.js';
import { makeInvoice } from '../../helpers/billing-fixtures.js';
import { createTestDeps } from '../../helpers/deps.js';
import { adminActor, makeClient } from '../../helpers/fixtures.js';

const deps = await createTestDeps('2026-11-10T10:00');

function recordingNotifier() {
  const documents: { chatId: number; filename: string; content: Buffer; caption?: string }[] = [];
  const notifier: Notifier = {
    sendText: async () => ({ messageId: 1 }),
    editText: async () => {},
    deleteMessage: async () => {},
    sendDocument: async (chatId, file, caption) => {
      documents.push({ chatId, ...file, caption });
      return { messageId: 2 };
    },
  };
  return { notifier, documents };
}

/** Runs jobs until none is due (a runner that was never started returns after each job). */
async function drain(r: JobRunner): Promise<void> {
  while ((await r.runDue()) > 0);
}

function runner(notifier: Notifier, smtpUrl?: string) {
  return new JobRunner({
    deps,
    notifier,
    logger: createLogger('silent'),
    handlers: [makeInvoiceHandler(), makeMailHandler({ smtpUrl, from: 'Portal Bot <noreply@portal.test>' })],
  });
}

describe('R-INV-ORDER: the ordered invoice is rendered by a job, off the update’s path', () => {
  it('a download arrives in the administrator’s chat as a PDF document', async () => {
    const client = await makeClient(deps.db, { name: 'ООО «Загрузка»' });
    const invoice = await makeInvoice(deps.db, client.id, '2026-10-01');
    const ordered = await orderInvoice(deps, adminActor(client.id), {
      invoiceId: invoice.id,
      delivery: 'download',
      chatId: 424242,
    });
    const { notifier, documents } = recordingNotifier();
    expect(documents).toEqual([]); // nothing rendered while ordering
    await drain(runner(notifier));
    const sent = documents.filter((d) => d.chatId === 424242);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.filename).toMatch(/\.pdf$/);
    expect(sent[0]!.caption).toContain('октябрь 2026');
    expect(sent[0]!.content.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdfText(sent[0]!.content)).toContain('ООО «Загрузка»');
    const [order] = await deps.db.select().from(invoiceOrders).where(eq(invoiceOrders.id, ordered.orderId));
    expect(order!.status).toBe('done');
    // A second run finds nothing left to send.
    await drain(runner(notifier));
    expect(documents.filter((d) => d.chatId === 424242)).toHaveLength(1);
  });

  it('a failed send is retried by the job, not lost', async () => {
    const client = await makeClient(deps.db);
    const invoice = await makeInvoice(deps.db, client.id, '2026-09-01');
    const ordered = await orderInvoice(deps, adminActor(client.id), {
      invoiceId: invoice.id,
      delivery: 'download',
      chatId: 515151,
    });
    const failing: Notifier = {
      ...recordingNotifier().notifier,
      sendDocument: async () => Promise.reject(new Error('Telegram is down')),
    };
    await drain(runner(failing));
    const [order] = await deps.db.select().from(invoiceOrders).where(eq(invoiceOrders.id, ordered.orderId));
    expect(order!.status).toBe('pending');
  });

  it('without SMTP_URL an e-mail order waits in the outbox with the PDF attached, and the user was told so', async () => {
    const client = await makeClient(deps.db, { name: 'ООО «Очередь»', billDeliveryAddress: 'queue@firm.by' });
    const invoice = await makeInvoice(deps.db, client.id, '2026-10-01');
    const ordered = await orderInvoice(
      deps,
      adminActor(client.id),
      { invoiceId: invoice.id, delivery: 'email', chatId: 1 },
      { smtpConfigured: false },
    );
    expect(ordered.waitsInOutbox).toBe(true);
    await drain(runner(recordingNotifier().notifier));
    const [mail] = await deps.db.select().from(outboxEmails).where(eq(outboxEmails.recipient, 'queue@firm.by'));
    expect(mail).toMatchObject({ status: 'queued', sentAt: null, attachmentName: expect.stringMatching(/\.pdf$/) });
    expect(mail!.attachment!.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(mail!.subject).toContain(invoice.number);
    // The e-mailed copy is the complete invoice: supplier's account, one total, the due date.
    const text = pdfText(mail!.attachment!);
    expect(text).toContain(deps.settings.supplier.iban);
    expect(text).toContain('до 25.11.2026');
    expect(text.match(/Итого к оплате/g)).toHaveLength(1);
  });
});
