// «Счета» through the bot, as the demo administrator: R-INV-ORDER (refused on the 1st–3rd, a real PDF
// in the chat, an e-mail with the PDF reaching a real local SMTP server) and R-INV-DELIVERY.
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { clients, invoiceOrders, invoices } from '../../../src/db/schema/index.js';
import { DEMO_CLIENT_UNP, DEMO_SECOND_CLIENT_UNP } from '../../../src/db/seed/identities.js';
import { pdfText } from '../../documents/pdf-text.js';
import { createHarness, expectText } from '../../helpers/bot.js';
import { minsk } from '../../helpers/deps.js';
import { linkAdmin } from '../../helpers/fixtures.js';
import { pdfAttachment, startSmtpSink } from '../../mail/smtp-sink.js';

const smtp = await startSmtpSink();
afterAll(() => smtp.close());
const h = await createHarness({
  now: '2026-11-10T10:00',
  demo: true,
  env: { SMTP_URL: smtp.url, MAIL_FROM: 'Портал <noreply@portal.test>' },
});
const db = h.deps.db;
const [demo] = await db.select().from(clients).where(eq(clients.unp, DEMO_CLIENT_UNP));
const [second] = await db.select().from(clients).where(eq(clients.unp, DEMO_SECOND_CLIENT_UNP));

let userId = 6300;
async function demoAdmin() {
  const id = ++userId;
  await linkAdmin(db, id, demo!.id);
  const u = h.user(id);
  await u.sendText('/start');
  await u.press('Счета');
  return u;
}

/** Runs the background jobs the way the worker loop would, until none is due. */
async function runJobs() {
  while ((await h.app.runner.runDue()) > 0);
}

const at = (local: string) => h.deps.clock.set(minsk(local));

describe('R-INV-ORDER: «Счета» lists closed months with amount and paid/unpaid', () => {
  it('shows the closed months of the demo client, newest first, and the current delivery', async () => {
    at('2026-11-10T10:00');
    const u = await demoAdmin();
    expect(u.lastMenu()!.text).toContain('Доставка счетов: электронная почта (buh@demo-telecom.by)');
    const rows = u
      .buttons()
      .flat()
      .filter((l) => / · .*оплачен/.test(l));
    expect(rows[0]).toMatch(/^октябрь 2026 · [\d\s\u00a0]+,\d\d руб\. · не оплачен$/);
    expect(rows[1]).toMatch(/^сентябрь 2026 · .* · оплачен$/);
    expect(rows.some((r) => r.startsWith('ноябрь 2026'))).toBe(false);
  });
});

describe('R-INV-ORDER: refused from the 1st to the 3rd of the month, with the reason', () => {
  for (const day of ['2026-11-01T09:00', '2026-11-02T10:00', '2026-11-03T23:30']) {
    it(`on ${day.slice(0, 10)} ordering is refused with the billing-period reason`, async () => {
      at(day);
      try {
        const u = await demoAdmin();
        expect(u.lastMenu()!.text).toContain('С 1 по 3 число месяца идет формирование счетов');
        await u.press(/^сентябрь 2026/);
        const before = await db.select().from(invoiceOrders);
        const calls = await u.press('Загрузить');
        expectText(calls, 'Заказ счетов недоступен с 1 по 3 число каждого месяца');
        expectText(await u.press('На другой e-mail'), 'Заказ счетов недоступен');
        expect(await db.select().from(invoiceOrders)).toHaveLength(before.length);
      } finally {
        at('2026-11-10T10:00');
      }
    });
  }

  it('on the 4th ordering works again', async () => {
    at('2026-11-04T00:10');
    try {
      const u = await demoAdmin();
      await u.press(/^октябрь 2026/);
      expectText(await u.press('Загрузить'), 'Счет формируется');
    } finally {
      at('2026-11-10T10:00');
    }
  });
});

describe('R-INV-ORDER: the invoice as a PDF in the chat, or by e-mail', () => {
  it('«Загрузить» sends a real PDF that opens and shows Cyrillic text', async () => {
    at('2026-11-10T10:00');
    const u = await demoAdmin();
    await u.press(/^октябрь 2026/);
    expectText(await u.press('Загрузить'), 'Счет формируется — файл PDF придет в этот чат');
    const before = h.telegram.calls.length;
    await runJobs();
    const sent = h.telegram.calls
      .slice(before)
      .filter((c) => c.method === 'sendDocument' && Number(c.payload.chat_id) === u.chatId);
    expect(sent).toHaveLength(1);
    const pdf = sent[0]!.files.document!.content;
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(sent[0]!.files.document!.filename).toMatch(/\.pdf$/);
    expect(String(sent[0]!.payload.caption)).toContain('октябрь 2026');
    const text = pdfText(pdf);
    expect(text).toContain('Счет №');
    expect(text).toContain(demo!.name);
    expect(text).toContain(`УНП: ${DEMO_CLIENT_UNP}`);
    expect(text).toContain('Расчетный период: октябрь 2026');
    expect(text).toContain('в том числе НДС 20%');
  });

  it('an order to the delivery e-mail reaches the local SMTP server with the PDF attached', async () => {
    at('2026-11-10T10:00');
    const u = await demoAdmin();
    await u.press(/^сентябрь 2026/);
    expectText(
      await u.press('На e-mail buh@demo-telecom.by'),
      'Счет формируется и будет отправлен на buh@demo-telecom.by',
    );
    await runJobs();
    const mail = smtp.received.find((m) => m.to.includes('buh@demo-telecom.by'));
    expect(mail).toBeDefined();
    const pdf = pdfAttachment(mail!.raw);
    expect(pdf!.content.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdfText(pdf!.content)).toContain('Расчетный период: сентябрь 2026');
  });

  it('a typed e-mail is validated; a wrong one gets its message and the user stays', async () => {
    at('2026-11-10T10:00');
    const u = await demoAdmin();
    await u.press(/^август 2026/);
    expectText(await u.press('На другой e-mail'), 'Введите адрес электронной почты');
    expectText(await u.sendText('boss@'), 'Адрес электронной почты не распознан');
    expectText(await u.sendText('boss@demo-telecom.by'), 'будет отправлен на boss@demo-telecom.by');
    await runJobs();
    const mail = smtp.received.find((m) => m.to.includes('boss@demo-telecom.by'));
    expect(pdfAttachment(mail!.raw)?.filename).toMatch(/\.pdf$/);
  });

  it('R-IDEMP: «Загрузить» pressed twice orders once', async () => {
    const u = await demoAdmin();
    await u.press(/^июль 2026/);
    const { data, message } = u.findButton('Загрузить');
    const before = (await db.select().from(invoiceOrders)).length;
    await u.pressData(data, message);
    await u.pressData(data, message);
    expect(await db.select().from(invoiceOrders)).toHaveLength(before + 1);
  });

  it('R-SCOPE: another client’s invoice id in a button is refused', async () => {
    const [theirs] = await db.select().from(invoices).where(eq(invoices.clientId, second!.id));
    const u = await demoAdmin();
    expectText(await u.pressData(`inv:show:${theirs!.id}`), 'Меню устарело');
    expectText(await u.pressData(`inv:dl:${theirs!.id}:abcdefgh`), 'Меню устарело');
    expect((await db.select().from(invoiceOrders).where(eq(invoiceOrders.invoiceId, theirs!.id))).length).toBe(0);
  });
});

describe('R-INV-DELIVERY: the delivery method and address can be changed', () => {
  it('e-mail (validated), post (address and the monthly fee stated) and portal only', async () => {
    const u = await demoAdmin();
    await u.press('Изменить доставку счетов');
    expect(u.buttons().flat()).toEqual(
      expect.arrayContaining(['Электронная почта', 'Почта (5,10 руб./мес.)', 'Только в личном кабинете']),
    );
    await u.press('Электронная почта');
    expectText(await u.sendText('not an email'), 'Адрес электронной почты не распознан');
    expectText(await u.sendText('finance@demo-telecom.by'), 'электронная почта, адрес: finance@demo-telecom.by');

    await u.press('Счета');
    await u.press('Изменить доставку счетов');
    await u.press('Почта (5,10 руб./мес.)');
    expectText(await u.sendText('abc'), 'от 5 до 200 символов');
    const post = await u.sendText('220030, г. Минск, ул. Ленина, 5, бухгалтерия');
    expectText(post, 'почта, адрес: 220030, г. Минск, ул. Ленина, 5, бухгалтерия');
    expectText(post, 'Стоимость доставки по почте: 5,10 руб. в месяц.');

    await u.press('Счета');
    await u.press('Изменить доставку счетов');
    expectText(await u.press('Только в личном кабинете'), 'только в личном кабинете');
    const [row] = await db.select().from(clients).where(eq(clients.id, demo!.id));
    expect(row).toMatchObject({ billDeliveryMethod: 'portal', billDeliveryAddress: null });
  });
});
