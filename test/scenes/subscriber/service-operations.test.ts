// «Операции с услугами» through the bot: the submenu in the portal's order, as a subscriber and as an
// administrator on a chosen subscriber; forged ids of another client are refused (R-SCOPE).
import { describe, expect, it } from 'vitest';
import { createHarness, expectText } from '../../helpers/bot.js';
import { linkAdmin, makeClient, makeSubscriber } from '../../helpers/fixtures.js';

const h = await createHarness();
const db = h.deps.db;
const client = await makeClient(db, { name: 'ООО «Тест»' });
const sub = await makeSubscriber(db, { clientId: client.id, msisdn: '375291000001', displayName: 'Иванов И.' });
const foreign = await makeSubscriber(db, { msisdn: '375291000002' });
await linkAdmin(db, 6001, client.id);

const OPS_LABELS = [
  'Услуги абонента',
  'Смена номера',
  'Мобильный интернет',
  'Настройки',
  'Пауза',
  'Переадресация звонков',
  'Голосовая почта (пакет «Плюс»)',
  // The bot's own addition (R-ORDER): the subscriber's orders, after the portal's seven screens.
  'Мои заявки',
  '« Назад',
];

describe('«Операции с услугами»: the submenu', () => {
  it('a subscriber sees the seven screens in the portal’s order, then «Назад» to the subscriber menu', async () => {
    const u = h.user(5001);
    await u.shareContact('375291000001');
    const calls = await u.press('Операции с услугами');
    expectText(calls, /Операции с услугами\n\+375 29 100-00-01/);
    expect(u.buttons().map((r) => r[0])).toEqual(OPS_LABELS);
    expect(u.findButton('Смена номера').data).toBe(`num:show:${sub.id}`);
    const back = await u.press('« Назад');
    expectText(back, 'Главное меню абонента');
  });

  it('an administrator reaches it on a chosen subscriber', async () => {
    const a = h.user(6001);
    await a.sendText('/start');
    await a.press('Выбор абонента');
    await a.sendText('291000001');
    await a.press('+375 29 100-00-01 · Иванов И.');
    const calls = await a.press('Операции с услугами');
    expectText(calls, '+375 29 100-00-01');
    expect(a.buttons().map((r) => r[0])).toEqual(OPS_LABELS);
  });

  it('R-SCOPE: a forged button with another client’s subscriber is refused as a stale menu', async () => {
    const a = h.user(6001);
    await a.sendText('/start');
    for (const data of [
      `ops:menu:${foreign.id}`,
      `svc:list:${foreign.id}`,
      `pause:ok:${foreign.id}:20261120:abcdefgh`,
      `fwd:cxok:${foreign.id}:all:abcdefgh`,
    ]) {
      const calls = await a.pressData(data);
      expectText(calls, 'Меню устарело');
    }
  });
});
