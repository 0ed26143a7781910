// Texts for jobs, which have no Telegraf context: the language the requester last wrote with.
import type { Executor } from '../../db/client.js';
import { userLanguageCode } from '../../domain/access/sign-in.js';
import { langOf, type Texts, textsFor } from '../../bot/texts/index.js';

export async function requesterTexts(ex: Executor, telegramId: number | null | undefined): Promise<Texts> {
  return textsFor(langOf((await userLanguageCode(ex, telegramId)) ?? undefined));
}
