import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { outboxEmails } from '../../src/db/schema/index.js';
import { orderInvoice } from '../../src/domain/invoices/index.js';
import { makeInvoiceHandler } from '../../src/jobs/handlers/invoices.js';
import { makeMailHandler } from '../../src/jobs/handlers/mail.js';
import { JobRunner } from '../../src/jobs/runner.js';
import type { Notifier } from '../../src/jobs/types.js';
import { createLogger } from '../../src/logger.js';
import { enqueueMailSweep, queueMail } from '../../src/mail/outbox.js';
import { pdfText } from '../documents/pdf-text.js';
import { makeInvoice } from '../helpers/billing-fixtures.js';
import { createTestDeps } from '../helpers/deps.js';
import { adminActor, makeClient } from '../helpers/fixtures.js';
import { pdfAttachment, startSmtpSink } from './smtp-sink.js';

const deps = await createTestDeps('2026-11-10T10:00');
const smtp = await startSmtpSink();
afterAll(() => smtp.close());

const silentNotifier: Notifier = {
  sendText: async () => undefined,
  editText: async () => {},
  sendDocument: async () => undefined,
  deleteMessage: async () => {},
};

/** Runs jobs until none is due (a runner that was never started returns after each job). */
async function drain(r: JobRunner): Promise<void> {
  while ((await r.runDue()) > 0);
}

function runner(smtpUrl: string | undefined) {
  return new JobRunner({
    deps,
    notifier: silentNotifier,
    logger: createLogger('silent'),
    handlers: [makeInvoiceHandler(), makeMailHandler({ smtpUrl, from: 'Portal Bot <noreply@portal.test>' })],
  });
}

describe('R-INV-ORDER: an e-mail order reaches a real SMTP server with the PDF attached', () => {
  it('sends through nodemailer to SMTP_URL and marks the outbox row sent', async () => {
    const client = await makeClient(deps.db, { name: 'ООО «Почта»', billDeliveryAddress: 'buh@pochta.by' });
    const invoice = await makeInvoice(deps.db, client.id, '2026-10-01');
    const ordered = await orderInvoice(
      deps,
      adminActor(client.id),
      { invoiceId: invoice.id, delivery: 'email', chatId: 1 },
      { smtpConfigured: true },
    );
    expect(ordered).toMatchObject({ email: 'buh@pochta.by', waitsInOutbox: false });
    await drain(runner(smtp.url));

    const mail = smtp.received.find((m) => m.to.includes('buh@pochta.by'));
    expect(mail).toBeDefined();
    expect(mail!.from).toBe('noreply@portal.test');
    const pdf = pdfAttachment(mail!.raw);
    expect(pdf).not.toBeNull();
    expect(pdf!.filename).toMatch(/\.pdf$/);
    expect(pdf!.content.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdfText(pdf!.content)).toContain('ООО «Почта»');
    const [row] = await deps.db.select().from(outboxEmails).where(eq(outboxEmails.recipient, 'buh@pochta.by'));
    expect(row).toMatchObject({ status: 'sent', attempts: 1, sentAt: deps.clock.now() });
  });

  it('mail queued while SMTP was not configured is sent by a sweep once it is, exactly once', async () => {
    const at = deps.clock.now();
    await deps.db.transaction((tx) =>
      queueMail(tx, at, { recipient: 'late@firm.by', subject: 'Счет', body: 'Во вложении счет' }),
    );
    await drain(runner(undefined));
    expect(smtp.received.filter((m) => m.to.includes('late@firm.by'))).toEqual([]);
    const [waiting] = await deps.db.select().from(outboxEmails).where(eq(outboxEmails.recipient, 'late@firm.by'));
    expect(waiting!.status).toBe('queued');

    await enqueueMailSweep(deps.db, deps.clock.now());
    await drain(runner(smtp.url));
    await enqueueMailSweep(deps.db, deps.clock.now());
    await drain(runner(smtp.url));
    expect(smtp.received.filter((m) => m.to.includes('late@firm.by'))).toHaveLength(1);
  });

  it('an unreachable SMTP server leaves the mail queued with the error, for a later retry', async () => {
    const at = deps.clock.now();
    await deps.db.transaction((tx) => queueMail(tx, at, { recipient: 'retry@firm.by', subject: 'Счет', body: '…' }));
    await drain(runner('smtp://127.0.0.1:1'));
    const [row] = await deps.db.select().from(outboxEmails).where(eq(outboxEmails.recipient, 'retry@firm.by'));
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row!.lastError).toBeTruthy();
  });
});
