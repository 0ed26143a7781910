// «Голосовая почта (пакет «Плюс»)» through the bot (R-VM): connect with the monthly fee shown, set and
// cancel the duplicate e-mail (validated), disconnect.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { subscriberServices, voicemailSettings } from '../../../src/db/schema/index.js';
import { createHarness, expectText } from '../../helpers/bot.js';
import { makeService, makeSubscriber } from '../../helpers/fixtures.js';

const h = await createHarness();
const db = h.deps.db;
await makeService(db, {
  kind: 'voicemail',
  code: 'voicemail_plus',
  name: 'Голосовая почта (пакет «Плюс»)',
  monthlyFee: 190,
});
const sub = await makeSubscriber(db, { msisdn: '375291000001' });
const emailOf = async () =>
  (await db.select().from(voicemailSettings).where(eq(voicemailSettings.subscriberId, sub.id)))[0]?.email ?? null;

describe('R-VM: «Голосовая почта (пакет «Плюс»)» in the bot', () => {
  it('connects the package, sets a validated e-mail, cancels it and disconnects', async () => {
    const u = h.user(5001);
    await u.shareContact('375291000001');
    await u.press('Операции с услугами');
    const screen = await u.press('Голосовая почта (пакет «Плюс»)');
    expectText(screen, 'Голосовая почта (пакет «Плюс») — 1,90 руб./мес\nСостояние: не подключен');
    expectText(
      await u.press('Подключить пакет'),
      'Подключение: Голосовая почта (пакет «Плюс»)\nАбонентская плата: 1,90 руб./мес',
    );
    expectText(await u.press('Подтвердить'), 'Состояние: подключен\nДублирование на e-mail: не установлено');

    await u.press('Указать e-mail');
    expectText(await u.sendText('ivanov@'), 'Адрес e-mail не распознан');
    expectText(await u.sendText('Ivanov@Example.BY'), 'Дублировать сообщения голосового ящика на Ivanov@example.by?');
    expect(await emailOf()).toBeNull();
    expectText(await u.press('Подтвердить'), 'Дублирование на e-mail: Ivanov@example.by');
    expect(await emailOf()).toBe('Ivanov@example.by');

    expectText(await u.press('Отменить дублирование'), 'Отменить дублирование сообщений на Ivanov@example.by?');
    expectText(await u.press('Подтвердить'), 'Дублирование на e-mail: не установлено');

    expectText(await u.press('Отключить пакет'), 'Дублирование сообщений на e-mail тоже будет отменено');
    expectText(await u.press('Подтвердить'), 'Состояние: не подключен');
    expect(await db.select().from(subscriberServices).where(eq(subscriberServices.subscriberId, sub.id))).toEqual([]);
  });
});
