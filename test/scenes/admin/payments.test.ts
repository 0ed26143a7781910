// «Платежи» through the bot: R-PAY-HIST (newest first, keyset pages) and R-PAY-REG (the form, each
// wrong value refused on its own step, duplicates, confirmation once).
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { payments } from '../../../src/db/schema/index.js';
import { createHarness, expectText, textsOf } from '../../helpers/bot.js';
import { makePayment } from '../../helpers/billing-fixtures.js';
import { minsk } from '../../helpers/deps.js';
import { linkAdmin, makeClient, makeSubscriber } from '../../helpers/fixtures.js';

const h = await createHarness({ now: '2026-11-10T10:00' });
const db = h.deps.db;
const client = await makeClient(db, { name: 'ООО «Платежи»' });
const other = await makeClient(db, { name: 'ООО «Чужие платежи»' });
for (let day = 1; day <= 12; day++) {
  await makePayment(db, client.id, {
    documentNumber: `D-${day}`,
    paidOn: `2026-10-${String(day).padStart(2, '0')}`,
    amount: day * 100,
    status: day % 2 ? 'confirmed' : 'unconfirmed',
  });
}
await makePayment(db, other.id, { documentNumber: 'FOREIGN-1', paidOn: '2026-11-09' });
await linkAdmin(db, 6101, client.id);

let userId = 6101;
/** A fresh chat of the same administrator for each test keeps menus apart. */
async function admin() {
  const id = ++userId;
  await linkAdmin(db, id, client.id);
  const u = h.user(id);
  await u.sendText('/start');
  await u.press('Платежи');
  return u;
}

describe('R-PAY-HIST: «Платежи» lists payments newest first, paginated', () => {
  it('shows date, amount, document number and status, ten per page, and pages both ways', async () => {
    const u = await admin();
    const first = u.lastMenu()!.text!;
    expect(first).toContain('Платежи');
    expect(first).toContain('12.10.2026 · 12,00 руб.\n   № D-12 · неподтвержденный');
    expect(first).toContain('№ D-11 · подтвержденный');
    expect(first.indexOf('D-12')).toBeLessThan(first.indexOf('D-11'));
    expect(first).not.toContain('D-2 ');
    expect(first).not.toContain('FOREIGN');
    await u.press('Далее ›');
    const second = u.lastMenu()!.text!;
    expect(second).toContain('№ D-2 ·');
    expect(second).toContain('№ D-1 ·');
    expect(second).not.toContain('D-12');
    expect(u.buttons().flat()).not.toContain('Далее ›');
    await u.press('‹ Назад');
    expect(u.lastMenu()!.text).toContain('D-12');
  });

  it('a forged cursor is answered «Меню устарело»', async () => {
    const u = await admin();
    const calls = await u.pressData('pay:older:not-a-cursor');
    expectText(calls, 'Меню устарело');
  });
});

describe('R-PAY-REG: registering an unconfirmed payment step by step', () => {
  it('document → date → amount → confirmation → saved as «неподтвержденный» and listed', async () => {
    const u = await admin();
    expectText(await u.press('Зарегистрировать неподтвержденный платеж'), 'Введите номер платежного документа');
    expectText(await u.sendText('  ПП-2026/15 '), 'Шаг 2 из 3');
    expect(u.buttons().flat()).toEqual(expect.arrayContaining(['Сегодня', 'Вчера']));
    expectText(await u.press('Вчера'), 'Дата: 09.11.2026');
    const confirm = await u.sendText('123,45');
    expectText(confirm, 'Номер документа: ПП-2026/15\nДата: 09.11.2026\nСумма: 123,45 руб.');
    const saved = await u.press('Подтвердить');
    expectText(saved, 'зарегистрирован со статусом «неподтвержденный»');
    expectText(saved, '09.11.2026 · 123,45 руб.\n   № ПП-2026/15 · неподтвержденный');
    const [row] = await db.select().from(payments).where(eq(payments.documentNumber, 'ПП-2026/15'));
    expect(row).toMatchObject({ clientId: client.id, amount: 12345, paidOn: '2026-11-09', status: 'unconfirmed' });
  });

  it('each wrong value gets its own message and the user stays on that step', async () => {
    const u = await admin();
    await u.press('Зарегистрировать неподтвержденный платеж');
    expectText(await u.sendText('№ 5 и 6'), 'Номер документа не распознан');
    expectText(await u.sendText('X'.repeat(33)), 'Номер документа не распознан');
    expectText(await u.sendText('W-1'), 'Шаг 2 из 3');
    expectText(await u.sendText('31.02.2026'), 'Дата не распознана');
    expectText(await u.sendText('11.11.2026'), 'не может быть в будущем');
    expectText(await u.sendText('10.10.2026'), 'старше 30 дней');
    expectText(await u.sendText('11.10.2026'), 'Шаг 3 из 3');
    expectText(await u.sendText('0'), 'больше нуля');
    expectText(await u.sendText('12,345'), 'Сумма не распознана');
    expectText(await u.sendText('-5'), 'Сумма не распознана');
    const confirm = await u.sendText('99.5');
    expectText(confirm, 'Дата: 11.10.2026\nСумма: 99,50 руб.');
    expectText(await u.press('Подтвердить'), '№ W-1 · неподтвержденный');
  });

  it('«Сегодня» takes the Minsk date, even just after midnight', async () => {
    h.deps.clock.set(minsk('2026-11-10T00:20'));
    try {
      const u = await admin();
      await u.press('Зарегистрировать неподтвержденный платеж');
      await u.sendText('MIDNIGHT-1');
      expectText(await u.press('Сегодня'), 'Дата: 10.11.2026');
    } finally {
      h.deps.clock.set(minsk('2026-11-10T10:00'));
    }
  });

  it('a document number already registered is refused with the reason, at the first step and at the end', async () => {
    const u = await admin();
    await u.press('Зарегистрировать неподтвержденный платеж');
    expectText(await u.sendText('D-3'), 'Платеж с номером документа D-3 уже зарегистрирован');
    // Still on the first step: a new number goes on.
    await u.sendText('RACE-9');
    await u.press('Сегодня');
    await u.sendText('10');
    // Someone registers the same number meanwhile: the confirmation is refused by the database's rule.
    await makePayment(db, client.id, { documentNumber: 'RACE-9' });
    expectText(await u.press('Подтвердить'), 'RACE-9 уже зарегистрирован');
    expect(await db.select().from(payments).where(eq(payments.documentNumber, 'RACE-9'))).toHaveLength(1);
  });

  it('R-IDEMP: the confirmation pressed twice registers one payment', async () => {
    const u = await admin();
    await u.press('Зарегистрировать неподтвержденный платеж');
    await u.sendText('TWICE-1');
    await u.press('Сегодня');
    await u.sendText('5');
    const { data, message } = u.findButton('Подтвердить');
    await u.pressData(data, message);
    const again = await u.pressData(data, message);
    expect(textsOf(again).join('\n')).not.toContain('уже зарегистрирован');
    expect(await db.select().from(payments).where(eq(payments.documentNumber, 'TWICE-1'))).toHaveLength(1);
  });

  it('«Отмена» leaves the form; a stale confirmation is answered «Меню устарело»', async () => {
    const u = await admin();
    await u.press('Зарегистрировать неподтвержденный платеж');
    await u.press('Отмена');
    expect(u.lastMenu()!.text).toContain('Платежи');
    const calls = await u.pressData('pay:ok:forgedNonce');
    expectText(calls, 'Меню устарело');
  });
});

describe('R-SCOPE: «Платежи» belong to the administrator', () => {
  it('a subscriber pressing a payments button is answered «Меню устарело»', async () => {
    const s = await makeSubscriber(db, { clientId: client.id, msisdn: '375291110001' });
    const u = h.user(6190);
    await u.shareContact(s.msisdn);
    expectText(await u.pressData('pay:list'), 'Меню устарело');
  });
});
