// Issue 25 item 7: the bot's profile texts exist in ru and en and fit Telegram's limits (description at
// most 512 characters, short description at most 120); registerProfile sends both for ru, en and default.
import { Telegram } from 'telegraf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerProfile } from '../../src/bot/profile.js';
import { catalogs } from '../../src/bot/texts/index.js';
import { FakeBotApi } from '../helpers/fake-bot-api.js';
import { BOT_INFO } from '../helpers/telegram-fake.js';

const api = new FakeBotApi();
beforeAll(() => api.start());
afterAll(() => api.stop());

describe("the bot's profile", () => {
  it.each(['ru', 'en'] as const)('%s texts fit Telegram’s limits', (lang) => {
    const { description, shortDescription } = catalogs[lang].core.profile;
    expect(description.length).toBeGreaterThan(50);
    expect(description.length).toBeLessThanOrEqual(512);
    expect(shortDescription.length).toBeGreaterThan(20);
    expect(shortDescription.length).toBeLessThanOrEqual(120);
  });

  it('the English texts have no Cyrillic', () => {
    const { description, shortDescription } = catalogs.en.core.profile;
    expect(`${description}${shortDescription}`).not.toMatch(/\p{Script=Cyrillic}/u);
  });

  it('registerProfile sets both texts for the default language, ru and en', async () => {
    const telegram = new Telegram(`${BOT_INFO.id}:PROFILE-TOKEN-abcdefghijklmnopqrstuvwxyz`, { apiRoot: api.url });
    await registerProfile(telegram, { ru: catalogs.ru.core.profile, en: catalogs.en.core.profile });
    const sent = api.telegram.calls.map((c) => [
      c.method,
      c.payload.language_code ?? '',
      c.payload.description ?? c.payload.short_description,
    ]);
    expect(sent).toEqual([
      ['setMyDescription', '', catalogs.ru.core.profile.description],
      ['setMyShortDescription', '', catalogs.ru.core.profile.shortDescription],
      ['setMyDescription', 'ru', catalogs.ru.core.profile.description],
      ['setMyShortDescription', 'ru', catalogs.ru.core.profile.shortDescription],
      ['setMyDescription', 'en', catalogs.en.core.profile.description],
      ['setMyShortDescription', 'en', catalogs.en.core.profile.shortDescription],
    ]);
  });
});
