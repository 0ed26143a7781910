// The issue's «Done when», tried on the demo data as a new user would: the demo subscriber
// +375 29 100-00-01 changes their number (R-NUM-MASK, R-NUM-ATTEMPTS, R-NUM-OFFER, R-FEE, R-IDEMP).
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { subscribers, telegramRoles } from '../../../src/db/schema/index.js';
import { DEMO_SUBSCRIBER_BALANCE, DEMO_SUBSCRIBER_MSISDN } from '../../../src/db/seed/identities.js';
import { chargesForPeriods } from '../../../src/domain/charges.js';
import { formatPhone } from '../../../src/domain/phone.js';
import { createHarness, expectText } from '../../helpers/bot.js';

const h = await createHarness({ now: '2026-11-10T10:00', demo: true });
const db = h.deps.db;
const offers = (labels: string[][]) => labels.flat().filter((l) => l.startsWith('+375'));

describe('R-NUM-OFFER on the demo data: the demo subscriber changes their number', () => {
  it('screen, `%77` search, the 6th search refused, a reservation nobody else sees, one paid change', async () => {
    const u = h.user(9101);
    await u.shareContact(DEMO_SUBSCRIBER_MSISDN);
    await u.press('Операции с услугами');
    const screen = await u.press('Смена номера');
    for (const line of ['Маска номера: +375 %', 'Категория номера: Все', 'Осталось попыток подбора номера: 5'])
      expectText(screen, line);

    await u.sendText('%77');
    const found = await u.press('Подобрать номер');
    expectText(found, 'Осталось попыток подбора номера: 4');
    const first = offers(u.buttons());
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThanOrEqual(10);
    expect(first.every((l) => /^\+375 \d\d \d{3}-\d\d-77 · \S+ · [\d\u00a0]+,\d\d руб\.$/.test(l))).toBe(true);

    // Four more searches use the day up; the 6th is refused.
    for (let i = 0; i < 4; i++) {
      await u.press('« Назад');
      await u.press('Подобрать номер');
    }
    // The button of the screen shown before the 5th search (it still offered «Подобрать номер»).
    const sixth = await u.press('Подобрать номер');
    expectText(sixth, 'Попытки подбора номера на сегодня закончились');

    // Reserve the first offer of the last search; a colleague searching for exactly it finds nothing.
    const label = offers(u.buttons())[0]!;
    const msisdn = `375${label.slice(5, 17).replace(/\D/g, '')}`;
    const confirm = await u.press(label);
    expectText(confirm, `Новый номер: ${formatPhone(msisdn)}`);
    const fee = /Стоимость смены номера: ([\d\u00a0]+,\d\d руб\.)/.exec(u.lastMenu()!.text!)![1]!;

    const rival = h.user(9102);
    await rival.shareContact('375291000002');
    await rival.press('Операции с услугами');
    await rival.press('Смена номера');
    await rival.sendText(msisdn.slice(3));
    await rival.press('Подобрать номер');
    expect(offers(rival.buttons())).toEqual([]);

    const done = await u.press('Подтвердить');
    expectText(done, `Ваш новый номер: ${formatPhone(msisdn)}`);
    expectText(done, `Списано: ${fee}`);
    const [me] = await db.select().from(subscribers).where(eq(subscribers.msisdn, msisdn));
    const kopecks = Math.round(Number(fee.replace(/[^\d,]/g, '').replace(',', '.')) * 100);
    expect(me!.balance).toBe(DEMO_SUBSCRIBER_BALANCE - kopecks);
    // «Начисления за период»: the fee is a line of the current month.
    const periods = await chargesForPeriods(
      h.deps,
      { kind: 'subscriber', telegramId: 9101, clientId: me!.clientId, subscriberId: me!.id },
      me!.id,
    );
    expect(
      periods
        .find((p) => p.current)!
        .lines.filter((l) => l.kind === 'fee')
        .map((l) => l.amount),
    ).toEqual([kopecks]);

    // The Telegram account stays linked; the new number shows in the menu and «Персональная информация».
    const [link] = await db.select().from(telegramRoles).where(eq(telegramRoles.subscriberId, me!.id));
    expect(link!.telegramId).toBe(9101);
    const menu = await u.sendText('/menu');
    expectText(menu, formatPhone(msisdn));
    const card = await u.press('Персональная информация');
    expectText(card, formatPhone(msisdn));
  });
});
