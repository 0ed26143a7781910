// The bot's profile: what a user reads in the empty chat before pressing Start (setMyDescription) and on
// the bot's page and in shares (setMyShortDescription), in Russian (also the default for every other
// language) and English. Set once at start, like the command list.
import type { Telegram } from 'telegraf';
import type { Lang } from './texts/index.js';

export interface ProfileTexts {
  description: string;
  shortDescription: string;
}

export async function registerProfile(telegram: Telegram, texts: Record<Lang, ProfileTexts>): Promise<void> {
  const languages: [string | undefined, ProfileTexts][] = [
    [undefined, texts.ru],
    ['ru', texts.ru],
    ['en', texts.en],
  ];
  for (const [language, t] of languages) {
    await telegram.setMyDescription(t.description, language);
    await telegram.setMyShortDescription(t.shortDescription, language);
  }
}
