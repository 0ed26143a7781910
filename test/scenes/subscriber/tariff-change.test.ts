// «Смена ТП» through the bot, on the demo data: R-TARIFF (fee rules, once a day, blocked) with R-IDEMP.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { clients, subscribers, tariffChanges } from '../../../src/db/schema/index.js';
import { DEMO_BLOCKED_MSISDN, DEMO_CLIENT_UNP, DEMO_SUBSCRIBER_MSISDN } from '../../../src/db/seed/identities.js';
import { createHarness, expectText, textsOf } from '../../helpers/bot.js';
import { minsk } from '../../helpers/deps.js';
import { linkAdmin } from '../../helpers/fixtures.js';

const h = await createHarness({ demo: true, now: '2026-11-30T12:00' });
const db = h.deps.db;
const row = async (msisdn: string) => (await db.select().from(subscribers).where(eq(subscribers.msisdn, msisdn)))[0]!;

describe('R-TARIFF: «Смена ТП» for the demo subscriber', () => {
  it('offers the open plans with their fee and the fee of this change; a change up is confirmed free', async () => {
    const u = h.user(7301);
    await u.shareContact(DEMO_SUBSCRIBER_MSISDN);
    const list = await u.press('Смена ТП');
    const text = textsOf(list).join('\n');
    expect(text).toContain('Текущий тарифный план: «Бизнес Оптимальный», абонентская плата 24,90 руб. в месяц.');
    expect(text).toContain('«Бизнес Максимальный» — 44,90 руб./мес., смена: бесплатно');
    expect(text).toContain('«Бизнес Мини» — 7,90 руб./мес., смена: 3,30 руб.');
    expect(text).not.toContain('Архив');
    expect(u.buttons().flat()).toEqual(expect.arrayContaining(['Бизнес Максимальный', 'Бизнес Мини', '« Назад']));

    const confirm = await u.press('Бизнес Максимальный');
    expectText(confirm, 'Сменить тарифный план «Бизнес Оптимальный» на «Бизнес Максимальный»?');
    expectText(confirm, 'Стоимость смены: бесплатно.');
    const done = await u.press('Подтвердить');
    expectText(done, 'Тарифный план изменен на «Бизнес Максимальный»');
    expectText(done, 'Баланс: 500,00 руб.');

    // The same confirmation pressed again changes nothing twice (R-IDEMP).
    const okData = confirm.find((c) => c.method === 'editMessageText')!.payload.reply_markup.inline_keyboard[0][0]
      .callback_data;
    // The screen already shows the same result, so the bot does not even edit it.
    await u.pressData(okData);
    expect(u.lastMenu()!.text).toContain('Тарифный план изменен на «Бизнес Максимальный»');
    const me = await row(DEMO_SUBSCRIBER_MSISDN);
    expect(await db.select().from(tariffChanges).where(eq(tariffChanges.subscriberId, me.id))).toHaveLength(1);
    expect(me.balance).toBe(50000);
  });

  it('a second change the same day is refused with the reason; the next day it is paid', async () => {
    const u = h.user(7301);
    const planBefore = (await row(DEMO_SUBSCRIBER_MSISDN)).tariffPlanId;
    await u.sendText('/menu');
    const list = await u.press('Смена ТП');
    expectText(list, 'Сегодня ТП уже менялся');
    const refused = await u.press('Бизнес Старт');
    expectText(refused, 'не чаще одного раза в день');
    expect(textsOf(refused).join('\n')).not.toContain('Сменить тарифный план');
    expect((await row(DEMO_SUBSCRIBER_MSISDN)).tariffPlanId).toBe(planBefore);

    // 1 December in Minsk: a new day and a new month — the first change down of the month is paid.
    h.deps.clock.set(minsk('2026-12-01T00:05'));
    await u.sendText('/menu');
    await u.press('Смена ТП');
    const confirm = await u.press('Бизнес Старт');
    expectText(confirm, 'Стоимость смены: 3,30 руб.');
    const done = await u.press('Подтвердить');
    expectText(done, 'Баланс: 496,70 руб.');
    expect((await row(DEMO_SUBSCRIBER_MSISDN)).balance).toBe(49670);
  });

  it('a blocked number is refused, shown before any choice', async () => {
    const [client] = await db.select().from(clients).where(eq(clients.unp, DEMO_CLIENT_UNP));
    await linkAdmin(db, 7401, client!.id);
    const admin = h.user(7401);
    await admin.sendText('/start');
    const blocked = await row(DEMO_BLOCKED_MSISDN);
    const list = await admin.pressData(`tp:list:${blocked.id}`);
    expectText(list, 'Номер заблокирован: смена ТП недоступна.');
    expect(admin.buttons().flat()).toEqual(['« Назад']);
    const forced = await admin.pressData(
      `tp:ok:${blocked.id}:${(await row(DEMO_SUBSCRIBER_MSISDN)).tariffPlanId}:${admin.issuedNonce()}`,
    );
    expectText(forced, 'Номер заблокирован');
    expect((await row(DEMO_BLOCKED_MSISDN)).tariffPlanId).toBe(blocked.tariffPlanId);
  });
});
