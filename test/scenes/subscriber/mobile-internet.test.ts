// «Мобильный интернет» through the bot (R-MI): the tariff's packages with the active one; connect,
// change (one package at a time, shown before the change) and disconnect, each after a confirmation.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { subscriberServices } from '../../../src/db/schema/index.js';
import { createHarness, expectText, textsOf } from '../../helpers/bot.js';
import { makeClient, makeService, makeSubscriber, makeTariff } from '../../helpers/fixtures.js';

const h = await createHarness();
const db = h.deps.db;
const tariff = await makeTariff(db);
const small = await makeService(db, { kind: 'mobile_internet', name: '1 ГБ', volumeMb: 1024, monthlyFee: 390 }, [
  tariff.id,
]);
const big = await makeService(
  db,
  { kind: 'mobile_internet', name: '10 ГБ', volumeMb: 10240, monthlyFee: 990, connectFee: 100 },
  [tariff.id],
);
await makeService(db, { kind: 'mobile_internet', name: 'Безлимит' }, []);
const client = await makeClient(db);
const sub = await makeSubscriber(db, { clientId: client.id, tariffPlanId: tariff.id, msisdn: '375291000001' });
const active = async () =>
  (await db.select().from(subscriberServices).where(eq(subscriberServices.subscriberId, sub.id))).map(
    (r) => r.serviceId,
  );

describe('R-MI: «Мобильный интернет» in the bot', () => {
  it('connects a package of the tariff, then changes it in one step, then disconnects it', async () => {
    const u = h.user(5001);
    await u.shareContact('375291000001');
    await u.press('Операции с услугами');
    const screen = await u.press('Мобильный интернет');
    expectText(screen, 'Действующий пакет: не подключен');
    expectText(screen, '• 1 ГБ (1 ГБ) — 3,90 руб./мес');
    expect(textsOf(screen).join('\n')).not.toContain('Безлимит');

    expectText(await u.press('Подключить «1 ГБ»'), 'Подключить пакет «1 ГБ»?');
    expect(await active()).toEqual([]);
    const connected = await u.press('Подтвердить');
    expectText(connected, 'Действующий пакет: 1 ГБ (1 ГБ)');
    expect(await active()).toEqual([small.id]);

    const ask = await u.press('Сменить на «10 ГБ»');
    expectText(ask, /Сменить пакет «1 ГБ» на «10 ГБ»\?[\s\S]*Плата: 1,00 руб\./);
    expectText(await u.press('Подтвердить'), 'Действующий пакет: 10 ГБ (10 ГБ)');
    expect(await active()).toEqual([big.id]);

    await u.press('Отключить «10 ГБ»');
    expectText(await u.press('Подтвердить'), 'Действующий пакет: не подключен');
    expect(await active()).toEqual([]);
  });
});
