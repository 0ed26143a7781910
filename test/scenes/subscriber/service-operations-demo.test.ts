// «Операции с услугами» on the demo data, as a new user would try it (issue «Done when»): the subscriber
// +375 29 100-00-01 and the demo administrator on that number; a blocked and a paused number of the demo client.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { clients, subscribers } from '../../../src/db/schema/index.js';
import {
  DEMO_BLOCKED_MSISDN,
  DEMO_CLIENT_UNP,
  DEMO_PAUSED_MSISDN,
  DEMO_SUBSCRIBER_MSISDN,
} from '../../../src/db/seed/identities.js';
import { isPaused } from '../../../src/domain/services/pause-window.js';
import { today } from '../../../src/domain/clock.js';
import { createHarness, expectText } from '../../helpers/bot.js';
import { linkAdmin } from '../../helpers/fixtures.js';

const h = await createHarness({ demo: true, now: '2026-11-10T10:00' });
const db = h.deps.db;
const [demoClient] = await db.select().from(clients).where(eq(clients.unp, DEMO_CLIENT_UNP));
const [demoSub] = await db.select().from(subscribers).where(eq(subscribers.msisdn, DEMO_SUBSCRIBER_MSISDN));
await linkAdmin(db, 6001, demoClient!.id);

describe('«Операции с услугами» on the demo data', () => {
  it('the demo subscriber walks every screen: services, internet, settings, pause started and ended early, forwarding, voicemail', async () => {
    const u = h.user(5001);
    await u.shareContact('+375 29 100-00-01');
    await u.press('Операции с услугами');

    const services = await u.press('Услуги абонента');
    expectText(services, 'Можно подключить:');
    await u.press('➕ АнтиАОН');
    await u.press('Подтвердить');
    expectText(await u.press('➕ СуперАОН'), 'нельзя подключить вместе с услугой «АнтиАОН»');
    await u.press('« Назад');

    const internet = await u.press('Мобильный интернет');
    expectText(internet, 'Пакеты вашего тарифного плана:');
    await u.press('« Назад');

    await u.press('Настройки');
    const settings = await u.press('Мобильный интернет');
    expectText(settings, 'Точка доступа (APN): internet');
    await u.press('« Назад');

    await u.press('Пауза');
    await u.press('7 дней');
    expectText(await u.press('Подтвердить'), '✅ Пауза оформлена: с 11.11.2026 по 17.11.2026.');
    h.deps.clock.set(new Date(h.deps.clock.now().getTime() + 2 * 86_400_000));
    await u.press('« Назад');
    expectText(await u.press('Пауза'), 'Номер на паузе с 11.11.2026 по 17.11.2026');
    await u.press('Завершить паузу досрочно');
    expectText(await u.press('Подтвердить'), '✅ Пауза завершена');
    expect(await isPaused(db, demoSub!.id, today(h.deps.clock))).toBe(false);
    await u.press('« Назад');

    await u.press('Переадресация звонков');
    await u.press('Если занято');
    await u.press('Установить');
    await u.sendText('+375 29 765-43-21');
    expectText(await u.press('Подтвердить'), '✓ Если занято: на +375 29 765-43-21');
    await u.press('« Назад');

    const vm = await u.press('Голосовая почта (пакет «Плюс»)');
    expectText(vm, 'Голосовая почта (пакет «Плюс») — 1,90 руб./мес');
  });

  it('the demo administrator reaches the same screens on +375 29 100-00-01', async () => {
    const a = h.user(6001);
    await a.sendText('/start');
    await a.press('Выбор абонента');
    await a.sendText('291000001');
    await a.press(/\+375 29 100-00-01/);
    await a.press('Операции с услугами');
    const services = await a.press('Услуги абонента');
    expectText(services, /Подключены:[\s\S]*АнтиАОН/);
    await a.press('➖ АнтиАОН');
    expectText(await a.press('Подтвердить'), '✅ Услуга «АнтиАОН» отключена.');
  });

  it('the demo’s blocked number connects nothing; its paused number is told why and can end the pause', async () => {
    const a = h.user(6001);
    await a.sendText('/start');
    for (const [msisdn, text] of [
      [DEMO_BLOCKED_MSISDN, 'Номер заблокирован: подключение услуг недоступно.'],
      [DEMO_PAUSED_MSISDN, 'Номер на паузе: подключение услуг недоступно.'],
    ] as const) {
      await a.press('Выбор абонента');
      await a.sendText(msisdn.slice(3));
      await a.press(new RegExp(msisdn.slice(-2)));
      await a.press('Операции с услугами');
      const calls = await a.press('Услуги абонента');
      expectText(calls, text);
      expect(
        a
          .buttons()
          .flat()
          .some((l) => l.startsWith('➕')),
      ).toBe(false);
      if (msisdn === DEMO_PAUSED_MSISDN) expect(a.buttons().flat()).toContain('Пауза');
      await a.press('« Назад');
      await a.press('« Назад');
      await a.press('Меню администратора');
    }
  });
});
