// «Настройки» through the bot (R-SETTINGS): Internet, MMS and streaming-video settings sent in the chat.
import { describe, expect, it } from 'vitest';
import { createHarness, expectText } from '../../helpers/bot.js';
import { makeSubscriber } from '../../helpers/fixtures.js';
import { makeSettingsTexts } from '../../domain/services/builders.js';

const h = await createHarness();
await makeSettingsTexts(h.deps.db);
await makeSubscriber(h.deps.db, { msisdn: '375291000001' });

describe('R-SETTINGS: «Настройки» in the bot', () => {
  it('offers the three kinds and sends each as a message in the chat, keeping the menu', async () => {
    const u = h.user(5001);
    await u.shareContact('375291000001');
    await u.press('Операции с услугами');
    await u.press('Настройки');
    expect(u.buttons().flat()).toEqual(['Мобильный интернет', 'MMS', 'Потоковое видео', '« Назад']);
    const calls = await u.press('MMS');
    const sent = calls.find((c) => c.method === 'sendMessage');
    expect(sent?.payload.text).toBe('MMS\n\nAPN: mms');
    expectText(calls, 'Настройки отправлены в чат.');
    expect((await u.press('Потоковое видео')).find((c) => c.method === 'sendMessage')?.payload.text).toContain(
      'APN: rtsp',
    );
  });
});
