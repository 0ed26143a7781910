// «Смена номера» through the bot, as a new user would try it: R-NUM-MASK, R-NUM-ATTEMPTS, R-NUM-OFFER,
// R-NUM-CATEGORY, R-FEE, R-IDEMP; stale and forged buttons.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { numberChangeRequests, numberPool, subscribers, telegramRoles } from '../../../src/db/schema/index.js';
import { chargesForPeriods } from '../../../src/domain/charges.js';
import { textsFor } from '../../../src/bot/texts/index.js';
import { numberChangeScreen } from '../../../src/domain/numbers/index.js';
import { numberChangeView } from '../../../scenes/subscriber/number-change/views.js';
import { createHarness, expectText, textsOf } from '../../helpers/bot.js';
import { minsk } from '../../helpers/deps.js';
import {
  linkAdmin,
  makeCategories,
  makeClient,
  makePoolNumber,
  makeSubscriber,
  subscriberActor,
} from '../../helpers/fixtures.js';

const h = await createHarness({ now: '2026-11-10T10:00' });
const db = h.deps.db;
const categories = await makeCategories(db);
const client = await makeClient(db, { name: 'ООО «Тест»', paymentForm: 'credit', creditLimit: 10000 });
const other = await makeClient(db, { name: 'ООО «Чужой»' });
const demo = await makeSubscriber(db, {
  clientId: client.id,
  msisdn: '375291000001',
  displayName: 'Иванов И.',
  balance: 50000,
});

const POOL_77 = ['375297770077', '375441234577', '375292345677', '375449990077'];
const POOL_OTHER = ['375297771234', '375441234568', '375292223344', '375443334455', '375291112221'];
for (const msisdn of [...POOL_77, ...POOL_OTHER]) await makePoolNumber(db, categories, msisdn);

/** A subscriber of the test client, signed in, on the «Смена номера» screen. */
async function onScreen(userId: number, msisdn: string, balance = 50000) {
  const s = msisdn === demo.msisdn ? demo : await makeSubscriber(db, { clientId: client.id, msisdn, balance });
  const u = h.user(userId);
  await u.shareContact(msisdn);
  const calls = await u.pressData(`num:show:${s.id}`);
  return { u, s, calls };
}

const offerLabels = (labels: string[][]) => labels.flat().filter((l) => l.startsWith('+375'));

describe('R-NUM-MASK / R-NUM-ATTEMPTS: the screen as the portal shows it', () => {
  it('shows the mask, the hint, the category and the attempts, with the portal’s buttons', async () => {
    const { u, calls } = await onScreen(7001, demo.msisdn);
    for (const line of [
      'Маска номера: +375 %',
      'Используйте % для цифр, выбор которых может быть произвольным',
      'Категория номера: Все',
      'Осталось попыток подбора номера: 5',
    ]) {
      expectText(calls, line);
    }
    const labels = u.buttons().flat();
    expect(labels).toEqual(
      expect.arrayContaining([
        'Все',
        'Простой',
        'Бронзовый',
        'Серебряный',
        'Золотой',
        'Платиновый',
        'Условия смены номера',
        'Подобрать номер',
        'Оставить заявку',
        'В меню',
      ]),
    );
  });

  it('«Условия смены номера» lists each category’s fee, the reservation time and the quarantine', async () => {
    const { u } = await onScreen(7001, demo.msisdn);
    const calls = await u.press('Условия смены номера');
    for (const line of [
      'Простой — 8,87 руб.',
      'Бронзовый — 37,87 руб.',
      'Серебряный — 77,56 руб.',
      'Золотой — 115,60 руб.',
      'Платиновый — 207,29 руб.',
      '15 мин',
      '90 дн',
    ]) {
      expectText(calls, line);
    }
    await u.press('« Назад');
    expect(u.lastMenu()!.text).toContain('Осталось попыток подбора номера: 5');
  });

  it('a typed mask is normalised and shown; a bad one is refused and the user stays', async () => {
    const { u } = await onScreen(7002, '375291000002');
    const bad = await u.sendText('29abc');
    expectText(bad, 'только цифры');
    const good = await u.sendText('+375 29 777-%');
    expectText(good, 'Маска номера: +375 29777%');
  });
});

describe('R-NUM-OFFER: «Подобрать номер» offers matching free numbers as buttons', () => {
  it('`%77` with «Все» offers only numbers ending in 77, with category and fee; the counter drops to 4', async () => {
    const { u } = await onScreen(7003, '375291000003');
    await u.sendText('%77');
    const calls = await u.press('Подобрать номер');
    expectText(calls, 'Осталось попыток подбора номера: 4');
    const offered = offerLabels(u.buttons());
    expect(offered.length).toBe(POOL_77.length);
    expect(offered.every((l) => /^\+375 \d\d \d{3}-\d\d-77 · /.test(l))).toBe(true);
    expect(offered).toContain('+375 29 777-00-77 · Золотой · 115,60 руб.');
    await u.press('« Назад');
    expect(u.lastMenu()!.text).toContain('Осталось попыток подбора номера: 4');
    expect(u.lastMenu()!.text).toContain('Маска номера: +375 %77');
  });

  it('a category button filters the offers (R-NUM-CATEGORY)', async () => {
    const { u } = await onScreen(7004, '375291000004');
    const chosen = await u.press('Золотой');
    expectText(chosen, 'Категория номера: Золотой');
    await u.press('Подобрать номер');
    const offered = offerLabels(u.buttons());
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((l) => l.includes('· Золотой ·'))).toBe(true);
  });

  it('the 6th search of a day is refused; a request can still be left; the counter is back after Minsk midnight', async () => {
    h.deps.clock.set(minsk('2026-11-10T23:50'));
    const { u, s } = await onScreen(7005, '375291000005');
    for (let i = 4; i >= 0; i--) {
      await u.press('Подобрать номер');
      expect(u.lastMenu()!.text).toContain(`Осталось попыток подбора номера: ${i}`);
      await u.press('« Назад');
    }
    expect(u.buttons().flat()).not.toContain('Подобрать номер');
    expect(u.lastMenu()!.text).toContain('Попытки подбора на сегодня закончились');
    const refused = await u.pressData(`num:find:${s.id}:all:%`); // the button of an older screen
    expectText(refused, 'Попытки подбора номера на сегодня закончились');

    await u.sendText('29777%');
    const request = await u.press('Оставить заявку');
    expectText(request, 'Заявка на смену номера принята: маска +375 29777%, категория Все');
    const [row] = await db.select().from(numberChangeRequests).where(eq(numberChangeRequests.subscriberId, s.id));
    expect(row).toMatchObject({ mask: '29777%', categoryId: null, requestedByTelegramId: 7005 });

    h.deps.clock.set(minsk('2026-11-11T00:01'));
    await u.press('« Назад');
    expect(u.lastMenu()!.text).toContain('Осталось попыток подбора номера: 5');
    h.deps.clock.set(minsk('2026-11-10T10:00'));
  });
});

describe('R-NUM-OFFER + R-FEE + R-IDEMP: reserve, confirm with the fee, the new number everywhere', () => {
  it('a reserved number is offered to nobody else; the holder confirms once, pays the fee, keeps the Telegram link', async () => {
    h.deps.clock.set(minsk('2026-11-10T11:00'));
    const { u } = await onScreen(7010, demo.msisdn);
    await u.sendText('%77');
    await u.press('Подобрать номер');
    const picked = await u.press('+375 29 777-00-77 · Золотой · 115,60 руб.');
    for (const line of [
      'Новый номер: +375 29 777-00-77',
      'Категория: Золотой',
      '115,60 руб.',
      '+375 29 100-00-01',
      '11:15',
    ])
      expectText(picked, line);
    const confirmData = u.findButton('Подтвердить').data;

    // Someone else searching the same mask does not see the reserved number.
    const rival = await onScreen(7011, '375291000011');
    await rival.u.sendText('%77');
    await rival.u.press('Подобрать номер');
    expect(offerLabels(rival.u.buttons())).not.toContain('+375 29 777-00-77 · Золотой · 115,60 руб.');
    expect(offerLabels(rival.u.buttons())).toHaveLength(POOL_77.length - 1);

    const done = await u.pressData(confirmData);
    expectText(done, 'Ваш новый номер: +375 29 777-00-77');
    expectText(done, 'Списано: 115,60 руб.');
    // A double press (the same button again) changes nothing twice and shows no error.
    const again = await u.pressData(confirmData);
    expect(textsOf(again).filter((t) => /ошибка|Бронь|Недостаточно/.test(t))).toEqual([]);
    expect(u.lastMenu()!.text).toContain('Ваш новый номер: +375 29 777-00-77');

    const [after] = await db.select().from(subscribers).where(eq(subscribers.id, demo.id));
    expect(after).toMatchObject({ msisdn: '375297770077', balance: 50000 - 11560 });
    const periods = await chargesForPeriods(h.deps, subscriberActor(demo), demo.id);
    const fees = periods.find((p) => p.current)!.lines.filter((l) => l.kind === 'fee');
    expect(fees).toEqual([
      expect.objectContaining({ amount: 11560, description: expect.stringContaining('+375 29 777-00-77') }),
    ]);
    const [old] = await db.select().from(numberPool).where(eq(numberPool.msisdn, '375291000001'));
    expect(old).toMatchObject({ status: 'quarantine' });

    // The Telegram account stays linked: «Персональная информация» and the menu show the new number.
    const [link] = await db.select().from(telegramRoles).where(eq(telegramRoles.subscriberId, demo.id));
    expect(link).toMatchObject({ telegramId: 7010 });
    const menu = await u.sendText('/menu');
    expectText(menu, '+375 29 777-00-77');
    const card = await u.press('Персональная информация');
    expectText(card, '+375 29 777-00-77');
  });

  it('an expired reservation cannot be confirmed', async () => {
    h.deps.clock.set(minsk('2026-11-10T12:00'));
    const { u } = await onScreen(7012, '375291000012');
    await u.sendText('%4568');
    await u.press('Подобрать номер');
    await u.press(/^\+375 44 123-45-68/);
    h.deps.clock.set(minsk('2026-11-10T12:16'));
    const late = await u.press('Подтвердить');
    expectText(late, 'Бронь номера истекла');
  });

  it('a fee the balance and credit cannot cover is refused and nothing changes', async () => {
    h.deps.clock.set(minsk('2026-11-10T13:00'));
    const poor = await makeClient(db, { paymentForm: 'advance', creditLimit: 0 });
    const s = await makeSubscriber(db, { clientId: poor.id, msisdn: '375291000020', balance: 100 });
    const u = h.user(7020);
    await u.shareContact(s.msisdn);
    await u.pressData(`num:show:${s.id}`);
    await u.sendText('%3344');
    await u.press('Подобрать номер');
    await u.press(/^\+375 29 222-33-44/);
    const refused = await u.press('Подтвердить');
    expectText(refused, 'Недостаточно средств');
    const [row] = await db.select().from(subscribers).where(eq(subscribers.id, s.id));
    expect(row).toMatchObject({ msisdn: '375291000020', balance: 100 });
  });
});

describe('R-NUM-MASK: the screen in English', () => {
  it('an English-speaking user gets the same screen in English, categories by their English names', async () => {
    const s = await makeSubscriber(db, { clientId: client.id, msisdn: '375291000040' });
    const u = h.user(7050, { lang: 'en' });
    await u.shareContact(s.msisdn);
    const calls = await u.pressData(`num:show:${s.id}`);
    expectText(calls, 'Number mask: +375 %');
    expectText(calls, 'Number searches left: 5');
    expect(u.buttons().flat()).toEqual(
      expect.arrayContaining(['All', 'Gold', 'Platinum', 'Find a number', 'Leave a request']),
    );
  });
});

describe('R-CHARGES × R-FEE: the fee line the bot wrote, in the reader’s language', () => {
  it('an English-speaking subscriber reads the number-change fee in English in «Начисления за период»', async () => {
    h.deps.clock.set(minsk('2026-11-10T12:00'));
    const s = await makeSubscriber(db, { clientId: client.id, msisdn: '375291000042', balance: 50000 });
    const u = h.user(7052, { lang: 'en' });
    await u.shareContact(s.msisdn);
    await u.pressData(`num:show:${s.id}`);
    await u.press('Find a number');
    const offer = offerLabels(u.buttons())[0];
    expect(offer).toBeDefined();
    await u.press(offer ?? '');
    await u.press('Confirm');
    const [after] = await db.select().from(subscribers).where(eq(subscribers.id, s.id));
    const shown = textsOf(await u.pressData(`chg:show:${s.id}`)).join('\n');
    const line = shown.split('\n').find((l) => l.includes('Number change to'));
    expect(line, shown).toMatch(/^• Number change to \+375 \d\d \d{3}-\d\d-\d\d, category “[A-Za-z ]+” — /);
    expect(line).toContain(after?.msisdn.slice(-2));
    expect(shown).not.toContain('Смена номера');
    // The same line reads in Russian for a Russian reader (the stored description stays as it was).
    const periods = await chargesForPeriods(h.deps, subscriberActor(s), s.id);
    const fee = periods.find((p) => p.current)?.lines.find((l) => l.kind === 'fee');
    expect(fee?.description).toMatch(/^Смена номера на \+375/);
    expect(fee?.text?.code).toBe('numbers.change');
  });
});

describe('R-SCOPE: forged and stale buttons', () => {
  it('a number that was not offered cannot be picked by forged data', async () => {
    const { u, s } = await onScreen(7030, '375291000030');
    const calls = await u.pressData(`num:pick:${s.id}:375443334455`);
    expectText(calls, 'Меню устарело');
    const [row] = await db.select().from(numberPool).where(eq(numberPool.msisdn, '375443334455'));
    expect(row!.reservedBySubscriberId).toBeNull();
  });

  it('another client’s subscriber id is refused', async () => {
    const stranger = await makeSubscriber(db, { clientId: other.id, msisdn: '375291000031' });
    const { u } = await onScreen(7031, '375291000032');
    const calls = await u.pressData(`num:show:${stranger.id}`);
    expectText(calls, 'Меню устарело');
    expect(textsOf(calls).some((t) => t.includes('Маска номера'))).toBe(false);
  });

  it('an administrator reaches the screen of a chosen subscriber of their client', async () => {
    const s = await makeSubscriber(db, { clientId: client.id, msisdn: '375291000033' });
    await linkAdmin(db, 7040, client.id);
    const admin = h.user(7040);
    await admin.sendText('/start');
    const calls = await admin.pressData(`num:show:${s.id}`);
    expectText(calls, 'Осталось попыток подбора номера: 5');
    await admin.press('В меню');
    expect(admin.lastMenu()!.text).toContain('+375 29 100-00-33');
  });
});

describe('R-NUM-MASK: every button fits Telegram’s 64 bytes at the longest mask', () => {
  it('the longest mask (nine digits between ten %) and a long subscriber id still fit', async () => {
    const screen = await numberChangeScreen(h.deps, subscriberActor(demo), demo.id);
    const view = numberChangeView(
      textsFor('ru'),
      'ru',
      { ...screen, subscriberId: 999_999_999_999 },
      '%2%9%7%7%7%0%0%7%7%',
      'platinum',
    );
    for (const b of view.keyboard!.flat()) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
  });
});
