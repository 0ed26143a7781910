// «Информация по рассрочке» for the client, from the administrator menu (R-INSTALL).
import { describe, expect, it } from 'vitest';
import { createHarness, expectText } from '../../helpers/bot.js';
import { makeInstallment } from '../../helpers/billing-fixtures.js';
import { linkAdmin, makeClient, makeSubscriber } from '../../helpers/fixtures.js';

const h = await createHarness({ now: '2026-11-10T10:00' });
const db = h.deps.db;
const client = await makeClient(db, { name: 'ООО «Рассрочка»' });
const s = await makeSubscriber(db, { clientId: client.id, msisdn: '375291000021' });
await makeInstallment(db, client.id, {
  item: 'Маршрутизатор Huawei B535',
  totalPayments: 12,
  remainingPayments: 4,
  monthlyPayment: 1490,
  payoffDate: '2027-03-31',
  remainingSum: 5960,
});
await makeInstallment(db, client.id, {
  subscriberId: s.id,
  item: 'Смартфон Samsung Galaxy A55',
  totalPayments: 24,
  remainingPayments: 19,
  monthlyPayment: 4290,
  payoffDate: '2028-06-30',
  remainingSum: 81510,
});
await makeInstallment(db, (await makeClient(db)).id, { item: 'Чужой планшет' });
await linkAdmin(db, 6601, client.id);

describe('R-INSTALL: «Информация по рассрочке» for the client', () => {
  it('lists item, remaining payments, monthly payment, payoff date and remaining sum', async () => {
    const u = h.user(6601);
    await u.sendText('/start');
    const calls = await u.press('Информация по рассрочке');
    expectText(
      calls,
      '1. Маршрутизатор Huawei B535\n   Осталось платежей: 4 из 12\n   Ежемесячный платеж: 14,90 руб.\n   Срок погашения: 31.03.2027\n   Остаток к оплате: 59,60 руб.',
    );
    expectText(calls, '2. Смартфон Samsung Galaxy A55 (+375 29 100-00-21)');
    expectText(calls, 'Итого остаток: 874,70 руб.\nИтого в месяц: 57,80 руб.');
    expect(u.lastMenu()!.text).not.toContain('Чужой');
    await u.press('« Назад');
    expect(u.lastMenu()!.text).toContain('Главное меню администратора');
  });
});
