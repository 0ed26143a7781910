// «Услуги абонента» through the bot (R-SVC, R-FEE, R-IDEMP): fees on the list, a confirmation before any
// change, refusals with their reason, and a double-pressed confirmation changing nothing twice.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { charges, subscriberServices } from '../../../src/db/schema/index.js';
import { createHarness, expectText, textsOf } from '../../helpers/bot.js';
import { linkAdmin, makeClient, makeService, makeSubscriber, makeTariff } from '../../helpers/fixtures.js';
import { exclude, makePause } from '../../domain/services/builders.js';

const h = await createHarness({ now: '2026-11-10T10:00' });
const db = h.deps.db;
const client = await makeClient(db);
const tariff = await makeTariff(db);
const roaming = await makeService(db, { name: 'Роуминг', connectFee: 250, monthlyFee: 190 }, [tariff.id]);
const roamingMax = await makeService(db, { name: 'Роуминг Макс', monthlyFee: 990 }, [tariff.id]);
await makeService(db, { name: 'Чужая услуга' }, []);
await exclude(db, roaming.id, roamingMax.id);
const sub = await makeSubscriber(db, {
  clientId: client.id,
  tariffPlanId: tariff.id,
  msisdn: '375291000001',
  balance: 50000,
});
const paused = await makeSubscriber(db, { clientId: client.id, tariffPlanId: tariff.id, msisdn: '375291000007' });
await makePause(db, paused.id, '2026-11-05', '2026-11-20');
await linkAdmin(db, 6001, client.id);

const connected = async (subscriberId: number) =>
  (await db.select().from(subscriberServices).where(eq(subscriberServices.subscriberId, subscriberId))).map(
    (r) => r.serviceId,
  );

async function openServices(userId: number, msisdn: string) {
  const u = h.user(userId);
  await u.shareContact(msisdn);
  await u.press('Операции с услугами');
  const calls = await u.press('Услуги абонента');
  return { u, calls };
}

describe('R-SVC: «Услуги абонента» in the bot', () => {
  it('lists what can be connected with its fees; a confirmation shows the fee before anything changes; confirming connects', async () => {
    const { u, calls } = await openServices(5001, '375291000001');
    expectText(calls, 'Подключенных услуг нет.');
    expectText(calls, /Роуминг — 1,90 руб\.\/мес, подключение 2,50 руб\./);
    expect(textsOf(calls).join('\n')).not.toContain('Чужая услуга');
    const ask = await u.press('➕ Роуминг');
    expectText(ask, /Подключить услугу «Роуминг»\?\nПлата: 2,50 руб\./);
    expect(await connected(sub.id)).toEqual([]);
    const confirm = u.findButton('Подтвердить');
    const done = await u.pressData(confirm.data, confirm.message);
    expectText(done, '✅ Услуга «Роуминг» подключена.');
    expectText(done, /Подключены:\n• Роуминг/);
    expect(await connected(sub.id)).toEqual([roaming.id]);

    // R-IDEMP: the same confirmation pressed again changes nothing and charges nothing more.
    const again = await u.pressData(confirm.data, confirm.message);
    expectText(again, 'уже выполнено');
    const fees = await db
      .select()
      .from(charges)
      .where(and(eq(charges.subscriberId, sub.id), eq(charges.kind, 'fee')));
    expect(fees.map((f) => f.amount)).toEqual([250]);
  });

  it('an excluded service is refused with the reason naming the other service', async () => {
    const { u } = await openServices(5001, '375291000001');
    const calls = await u.press('➕ Роуминг Макс');
    expectText(calls, 'нельзя подключить вместе с услугой «Роуминг»');
    expect(await connected(sub.id)).toEqual([roaming.id]);
  });

  it('disconnecting asks first, then the screen shows the new state', async () => {
    const { u } = await openServices(5001, '375291000001');
    expectText(await u.press('➖ Роуминг'), 'Отключить услугу «Роуминг»?');
    const done = await u.press('Подтвердить');
    expectText(done, '✅ Услуга «Роуминг» отключена.');
    expect(await connected(sub.id)).toEqual([]);
  });

  it('while a pause runs nothing can be connected, and the pause is one press away', async () => {
    const { u, calls } = await openServices(5007, '375291000007');
    expectText(calls, 'Номер на паузе');
    expect(
      u
        .buttons()
        .flat()
        .some((l) => l.startsWith('➕')),
    ).toBe(false);
    const forged = await u.pressData(`svc:on:${paused.id}:${roaming.id}`);
    expectText(forged, 'Номер на паузе');
    expectText(await u.press('Пауза'), 'Номер на паузе с 05.11.2026 по 20.11.2026');
  });

  it('an administrator connects a service on a chosen subscriber', async () => {
    const a = h.user(6001);
    await a.sendText('/start');
    await a.press('Выбор абонента');
    await a.sendText('291000001');
    await a.press(/\+375 29 100-00-01/);
    await a.press('Операции с услугами');
    await a.press('Услуги абонента');
    await a.press('➕ Роуминг Макс');
    expectText(await a.press('Подтвердить'), '✅ Услуга «Роуминг Макс» подключена.');
    expect(await connected(sub.id)).toEqual([roamingMax.id]);
  });
});
