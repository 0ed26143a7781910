// «Информация по рассрочке» in the subscriber menu (R-INSTALL per subscriber, R-SCOPE on the id).
import { describe, expect, it } from 'vitest';
import { createHarness, expectText } from '../../helpers/bot.js';
import { makeInstallment } from '../../helpers/billing-fixtures.js';
import { linkAdmin, makeClient, makeSubscriber } from '../../helpers/fixtures.js';

const h = await createHarness({ now: '2026-11-10T10:00' });
const db = h.deps.db;
const client = await makeClient(db, { name: 'ООО «Рассрочка»' });
const me = await makeSubscriber(db, { clientId: client.id, msisdn: '375291000031', displayName: 'Петров П.' });
const colleague = await makeSubscriber(db, { clientId: client.id, msisdn: '375291000032' });
const stranger = await makeSubscriber(db, { clientId: (await makeClient(db)).id, msisdn: '375291000033' });
await makeInstallment(db, client.id, {
  subscriberId: me.id,
  item: 'Смартвотч Galaxy Watch',
  totalPayments: 12,
  remainingPayments: 2,
  monthlyPayment: 2500,
  payoffDate: '2027-01-31',
  remainingSum: 5000,
});
await makeInstallment(db, client.id, { subscriberId: colleague.id, item: 'Наушники коллеги' });
await makeInstallment(db, client.id, { item: 'Роутер офиса' });
await linkAdmin(db, 6701, client.id);

describe('R-INSTALL: per subscriber, in the subscriber menu', () => {
  it('a subscriber sees only their own number’s installments', async () => {
    const u = h.user(6702);
    await u.shareContact(me.msisdn);
    const calls = await u.press('Информация по рассрочке');
    expectText(calls, 'Информация по рассрочке\n+375 29 100-00-31');
    expectText(
      calls,
      '1. Смартвотч Galaxy Watch\n   Осталось платежей: 2 из 12\n   Ежемесячный платеж: 25,00 руб.\n   Срок погашения: 31.01.2027\n   Остаток к оплате: 50,00 руб.',
    );
    const text = u.lastMenu()!.text!;
    expect(text).not.toContain('Наушники');
    expect(text).not.toContain('Роутер');
    await u.press('« Назад');
    expect(u.lastMenu()!.text).toContain('Главное меню абонента');
  });

  it('a colleague’s or another client’s id in the button is refused (R-SCOPE)', async () => {
    const u = h.user(6703);
    await u.shareContact(me.msisdn);
    expectText(await u.pressData(`inst:sub:${colleague.id}`), 'Меню устарело');
    expectText(await u.pressData(`inst:sub:${stranger.id}`), 'Меню устарело');
    expectText(await u.pressData('inst:client'), 'Меню устарело');
  });

  it('an administrator reaches it through «Выбор абонента»; a number with none says so', async () => {
    const u = h.user(6701);
    await u.sendText('/start');
    await u.pressData(`sm:show:${colleague.id}`);
    const calls = await u.press('Информация по рассрочке');
    expectText(calls, 'Наушники коллеги');
    await u.pressData(`sm:show:${me.id}`);
    expectText(await u.press('Информация по рассрочке'), 'Смартвотч');
    expectText(await u.pressData(`inst:sub:${stranger.id}`), 'Меню устарело');
    const empty = await makeSubscriber(db, { clientId: client.id, msisdn: '375291000034' });
    expectText(await u.pressData(`inst:sub:${empty.id}`), 'Оборудования в рассрочке нет.');
  });
});
