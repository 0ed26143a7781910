// «Счета» without SMTP_URL: an e-mail order waits in the outbox with the PDF, and the user is told so.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outboxEmails } from '../../../src/db/schema/index.js';
import { createHarness, expectText } from '../../helpers/bot.js';
import { makeInvoice } from '../../helpers/billing-fixtures.js';
import { linkAdmin, makeClient } from '../../helpers/fixtures.js';

const h = await createHarness({ now: '2026-11-10T10:00' });
const db = h.deps.db;
const client = await makeClient(db, {
  name: 'ООО «Очередь»',
  billDeliveryMethod: 'email',
  billDeliveryAddress: 'buh@ochered.by',
});
await makeInvoice(db, client.id, '2026-10-01', [{ description: 'Абонентская плата', amount: 4200 }]);
await linkAdmin(db, 6401, client.id);

describe('R-INV-ORDER: without an SMTP server the mail waits in the outbox', () => {
  it('tells the administrator the mail is queued, and keeps it queued with the PDF attached', async () => {
    const u = h.user(6401);
    await u.sendText('/start');
    await u.press('Счета');
    await u.press(/^октябрь 2026/);
    const calls = await u.press('На e-mail buh@ochered.by');
    expectText(calls, 'Письмо со счетом на buh@ochered.by поставлено в очередь');
    while ((await h.app.runner.runDue()) > 0);
    const [mail] = await db.select().from(outboxEmails).where(eq(outboxEmails.recipient, 'buh@ochered.by'));
    expect(mail).toMatchObject({ status: 'queued', sentAt: null });
    expect(mail!.attachment!.subarray(0, 4).toString('latin1')).toBe('%PDF');
  });
});
