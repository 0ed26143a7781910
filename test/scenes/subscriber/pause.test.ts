// «Пауза» through the bot (R-PAUSE, R-FEE, R-IDEMP): the end date by buttons or typed, a confirmation with
// start, end and fee before anything changes, the yearly limit, early end, and the day-before notice.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { charges, pauses, subscribers } from '../../../src/db/schema/index.js';
import { isPaused } from '../../../src/domain/services/pause-window.js';
import { createHarness, expectText } from '../../helpers/bot.js';
import { minsk } from '../../helpers/deps.js';
import { linkAdmin, makeClient, makeSubscriber } from '../../helpers/fixtures.js';
import { makePause } from '../../domain/services/builders.js';

const h = await createHarness({ now: '2026-11-10T10:00' });
const db = h.deps.db;
const client = await makeClient(db);
const sub = await makeSubscriber(db, { clientId: client.id, msisdn: '375291000001', balance: 50000 });
const limited = await makeSubscriber(db, { clientId: client.id, msisdn: '375291000004' });
await makePause(db, limited.id, '2026-02-01', '2026-02-10');
await makePause(db, limited.id, '2026-06-01', '2026-06-10');
const blocked = await makeSubscriber(db, { clientId: client.id, msisdn: '375291000013', status: 'blocked' });
await linkAdmin(db, 6001, client.id);

async function openPause(userId: number, msisdn: string) {
  const u = h.user(userId);
  await u.shareContact(msisdn);
  await u.press('Операции с услугами');
  const calls = await u.press('Пауза');
  return { u, calls };
}
const pausesOf = (id: number) => db.select().from(pauses).where(eq(pauses.subscriberId, id));

describe('R-PAUSE: «Пауза» in the bot', () => {
  it('shows the rules and the length buttons; a button leads to a confirmation with dates and fee, nothing changed yet', async () => {
    h.deps.clock.set(minsk('2026-11-10T10:00'));
    const { u, calls } = await openPause(5001, '375291000001');
    expectText(calls, /Пауза начинается завтра \(11\.11\.2026\) и длится от 7 до 90 дней/);
    expectText(calls, 'Плата: 3,00 руб. единовременно');
    expect(u.buttons().flat()).toEqual(expect.arrayContaining(['7 дней', '14 дней', '30 дней', '60 дней', '90 дней']));
    const ask = await u.press('14 дней');
    expectText(
      ask,
      /Начало: 11\.11\.2026\nОкончание: 24\.11\.2026 \(включительно\)\nДлительность: 14 дн\.\nПлата: 3,00 руб\./,
    );
    expect(await pausesOf(sub.id)).toHaveLength(0);
    await u.press('Отмена');
    expect(await pausesOf(sub.id)).toHaveLength(0);
  });

  it('a typed end date outside 7–90 days is refused with the limits; a good one is confirmed once, however often pressed', async () => {
    h.deps.clock.set(minsk('2026-11-10T10:00'));
    const { u } = await openPause(5001, '375291000001');
    expectText(await u.sendText('16.11.2026'), 'Самая ранняя дата окончания — 17.11.2026');
    expectText(await u.sendText('10.02.2027'), 'Самая поздняя дата окончания — 08.02.2027');
    expectText(await u.sendText('послезавтра'), 'Дата не распознана');
    const ask = await u.sendText('17.11.2026');
    expectText(ask, 'Окончание: 17.11.2026');
    const confirm = u.findButton('Подтвердить');
    const done = await u.pressData(confirm.data, confirm.message);
    expectText(done, '✅ Пауза оформлена: с 11.11.2026 по 17.11.2026.');
    expectText(done, 'Оформлена пауза с 11.11.2026 по 17.11.2026 включительно.');
    expectText(await u.pressData(confirm.data, confirm.message), 'уже выполнено');
    expect(await pausesOf(sub.id)).toHaveLength(1);
    expect((await db.select().from(charges).where(eq(charges.subscriberId, sub.id))).map((c) => c.amount)).toEqual([
      300,
    ]);
    expect((await db.select().from(subscribers).where(eq(subscribers.id, sub.id)))[0]!.balance).toBe(49700);
  });

  it('a pause started and ended early leaves the number active', async () => {
    h.deps.clock.set(minsk('2026-11-12T10:00'));
    const { u, calls } = await openPause(5001, '375291000001');
    expectText(
      calls,
      'Номер на паузе с 11.11.2026 по 17.11.2026 включительно. Услуги связи снова заработают 18.11.2026.',
    );
    expectText(await u.press('Завершить паузу досрочно'), 'Плата за паузу не возвращается');
    const done = await u.press('Подтвердить');
    expectText(done, '✅ Пауза завершена: номер активен с 12.11.2026.');
    expect(await isPaused(db, sub.id, '2026-11-12')).toBe(false);
    expect(u.buttons().flat()).toContain('7 дней');
  });

  it('the day-before notice reaches the subscriber’s chat', async () => {
    h.deps.clock.set(minsk('2026-11-20T10:00'));
    const { u } = await openPause(5001, '375291000001');
    await u.press('7 дней'); // 21.11–27.11
    await u.press('Подтвердить');
    h.deps.clock.set(minsk('2026-11-26T10:00'));
    while ((await h.app.runner.runDue()) > 0);
    expect(u.lastMessage()!.text).toBe(
      'Пауза номера +375 29 100-00-01 заканчивается 27.11.2026. С 28.11.2026 услуги связи снова работают.',
    );
  });

  it('the third pause of a calendar year is refused; a blocked number gets no pause buttons', async () => {
    h.deps.clock.set(minsk('2026-11-10T10:00'));
    const { u } = await openPause(5004, '375291000004');
    expectText(await u.press('30 дней'), 'Лимит пауз на 2026 год исчерпан');
    const b = await openPause(5013, '375291000013');
    expectText(b.calls, 'Номер заблокирован: пауза недоступна.');
    expect(b.u.buttons().flat()).not.toContain('7 дней');
    expect(blocked.status).toBe('blocked');
  });

  it('an administrator pauses a chosen subscriber (its two 2026 pauses are used up; a pause ordered on 31 December counts in 2027)', async () => {
    h.deps.clock.set(minsk('2026-12-10T10:00'));
    const a = h.user(6001);
    await a.sendText('/start');
    await a.press('Выбор абонента');
    await a.sendText('291000001');
    await a.press(/\+375 29 100-00-01/);
    await a.press('Операции с услугами');
    await a.press('Пауза');
    expectText(await a.sendText('30'), 'Лимит пауз на 2026 год исчерпан');
    h.deps.clock.set(minsk('2026-12-31T10:00'));
    await a.sendText('30');
    expectText(await a.press('Подтвердить'), '✅ Пауза оформлена: с 01.01.2027 по 30.01.2027.');
  });
});
