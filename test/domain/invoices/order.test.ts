import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, invoiceOrders, jobs } from '../../../src/db/schema/index.js';
import { INVOICE_RENDER_JOB, orderInvoice } from '../../../src/domain/invoices/index.js';
import { makeInvoice } from '../../helpers/billing-fixtures.js';
import { createTestDeps, minsk } from '../../helpers/deps.js';
import { adminActor, makeClient, makeSubscriber, subscriberActor } from '../../helpers/fixtures.js';

const deps = await createTestDeps('2026-11-10T10:00');

async function setup(clientOver: Parameters<typeof makeClient>[1] = {}) {
  const client = await makeClient(deps.db, clientOver);
  const october = await makeInvoice(deps.db, client.id, '2026-10-01');
  return { client, october, admin: adminActor(client.id, 7001) };
}

const download = (invoiceId: number) => ({ invoiceId, delivery: 'download' as const, chatId: 7001 });

describe('R-INV-ORDER: no orders while billing forms invoices (1st–3rd, Europe/Minsk)', () => {
  const cases: [string, string, boolean][] = [
    ['the last day of the previous month', '2026-10-31T23:59', true],
    ['the 1st just after midnight', '2026-11-01T00:05', false],
    ['the 2nd', '2026-11-02T10:00', false],
    ['the 3rd late in the evening', '2026-11-03T23:59', false],
    ['the 4th just after midnight', '2026-11-04T00:00', true],
  ];
  for (const [name, at, allowed] of cases) {
    it(`${allowed ? 'accepts' : 'refuses'} an order on ${name}`, async () => {
      const { client, october, admin } = await setup();
      // On Oct 31 the closed months end with September; order September then.
      const septemberId = (await makeInvoice(deps.db, client.id, '2026-09-01')).id;
      deps.clock.set(minsk(at));
      const invoiceId = at.startsWith('2026-10') ? septemberId : october.id;
      const order = orderInvoice(deps, admin, download(invoiceId));
      if (allowed) await expect(order).resolves.toMatchObject({ delivery: 'download' });
      else await expect(order).rejects.toMatchObject({ code: 'invoices.billingPeriod', params: { lastDay: 3 } });
    });
  }

  it('reads the day in Minsk, not UTC: 22:30 UTC on the 3rd is already the 4th', async () => {
    const { october, admin } = await setup();
    deps.clock.set(new Date('2026-11-03T22:30:00Z'));
    await expect(orderInvoice(deps, admin, download(october.id))).resolves.toBeTruthy();
    deps.clock.set(new Date('2026-10-31T21:30:00Z'));
    await expect(orderInvoice(deps, admin, download(october.id))).rejects.toThrow('invoices.billingPeriod');
  });

  it('takes the last day of the billing period from settings', async () => {
    const { october, admin } = await setup();
    deps.clock.set(minsk('2026-11-04T12:00'));
    const longer = { ...deps, settings: { ...deps.settings, billingPeriodLastDay: 5 } };
    await expect(orderInvoice(longer, admin, download(october.id))).rejects.toMatchObject({ params: { lastDay: 5 } });
  });

  it('a refused order leaves no order row and no job', async () => {
    const { client, october, admin } = await setup();
    deps.clock.set(minsk('2026-11-02T10:00'));
    await expect(orderInvoice(deps, admin, download(october.id))).rejects.toThrow('invoices.billingPeriod');
    expect(await deps.db.select().from(invoiceOrders).where(eq(invoiceOrders.clientId, client.id))).toEqual([]);
  });
});

describe('R-INV-ORDER: a closed month of the own client, by e-mail or download', () => {
  it('creates the order and its render job in one transaction, and audits it', async () => {
    deps.clock.set(minsk('2026-11-10T10:00'));
    const { client, october, admin } = await setup();
    const result = await orderInvoice(deps, admin, download(october.id));
    expect(result).toMatchObject({
      delivery: 'download',
      email: null,
      waitsInOutbox: false,
      invoice: { number: october.number, period: '2026-10-01' },
    });
    const [order] = await deps.db.select().from(invoiceOrders).where(eq(invoiceOrders.id, result.orderId));
    expect(order).toMatchObject({
      clientId: client.id,
      invoiceId: october.id,
      delivery: 'download',
      chatId: 7001,
      status: 'pending',
      requestedByTelegramId: 7001,
    });
    const queued = await deps.db.select().from(jobs).where(eq(jobs.kind, INVOICE_RENDER_JOB));
    expect(queued.filter((j) => j.payload.orderId === result.orderId)).toHaveLength(1);
    const logged = await deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'invoice.order'), eq(auditLog.clientId, client.id)));
    expect(logged).toHaveLength(1);
  });

  it('refuses the current month (not closed yet)', async () => {
    deps.clock.set(minsk('2026-11-10T10:00'));
    const { client, admin } = await setup();
    const november = await makeInvoice(deps.db, client.id, '2026-11-01');
    await expect(orderInvoice(deps, admin, download(november.id))).rejects.toThrow('invoices.notClosed');
  });

  it('R-SCOPE: refuses another client’s invoice id and non-administrators', async () => {
    deps.clock.set(minsk('2026-11-10T10:00'));
    const { admin } = await setup();
    const { october: theirs, client: other } = await setup();
    await expect(orderInvoice(deps, admin, download(theirs.id))).rejects.toThrow('access.forbidden');
    await expect(orderInvoice(deps, admin, download(987654321))).rejects.toThrow('access.forbidden');
    const s = await makeSubscriber(deps.db, { clientId: other.id });
    await expect(orderInvoice(deps, subscriberActor(s), download(theirs.id))).rejects.toThrow('access.forbidden');
  });

  it('sends an e-mail order to a typed, validated address or else to the delivery address', async () => {
    deps.clock.set(minsk('2026-11-10T10:00'));
    const { october, admin } = await setup({ billDeliveryMethod: 'email', billDeliveryAddress: 'buh@romashka.by' });
    const typed = await orderInvoice(deps, admin, {
      invoiceId: october.id,
      delivery: 'email',
      email: ' boss@romashka.by ',
      chatId: 7001,
    });
    expect(typed).toMatchObject({ email: 'boss@romashka.by', waitsInOutbox: true });
    const fallback = await orderInvoice(
      deps,
      admin,
      { invoiceId: october.id, delivery: 'email', chatId: 7001 },
      { smtpConfigured: true },
    );
    expect(fallback).toMatchObject({ email: 'buh@romashka.by', waitsInOutbox: false });
    for (const bad of ['not-an-email', 'a@', '@b.by', 'a b@c.by']) {
      await expect(
        orderInvoice(deps, admin, { invoiceId: october.id, delivery: 'email', email: bad, chatId: 7001 }),
      ).rejects.toThrow('invoices.invalidEmail');
    }
  });

  it('asks for an address when the client has no e-mail to deliver to', async () => {
    deps.clock.set(minsk('2026-11-10T10:00'));
    const { october, admin } = await setup({
      billDeliveryMethod: 'post',
      billDeliveryAddress: 'г. Минск, ул. Ленина, 1',
    });
    await expect(orderInvoice(deps, admin, { invoiceId: october.id, delivery: 'email', chatId: 7001 })).rejects.toThrow(
      'invoices.emailRequired',
    );
  });

  it('R-IDEMP: the same confirmation twice orders once', async () => {
    deps.clock.set(minsk('2026-11-10T10:00'));
    const { client, october, admin } = await setup();
    const first = await orderInvoice(deps, admin, { ...download(october.id), nonce: 'once-1' });
    const second = await orderInvoice(deps, admin, { ...download(october.id), nonce: 'once-1' });
    expect(second.orderId).toBe(first.orderId);
    expect(await deps.db.select().from(invoiceOrders).where(eq(invoiceOrders.clientId, client.id))).toHaveLength(1);
  });
});
