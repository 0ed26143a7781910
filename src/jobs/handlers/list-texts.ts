// Texts for list jobs and screens: the requester's language (jobs have no Telegraf context) and a
// line's refusal reason as words — services.*/fees.* from their areas, lists.*/renames.*/bulk.* from lists.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { telegramUsers } from '../../db/schema/index.js';
import { DomainError } from '../../domain/errors.js';
import type { LineReason } from '../../domain/lists/types.js';
import { errorText, langOf, type Texts, textsFor } from '../../bot/texts/index.js';

export async function requesterTexts(ex: Executor, telegramId: number | null | undefined): Promise<Texts> {
  if (!telegramId) return textsFor('ru');
  const [user] = await ex
    .select({ lang: telegramUsers.languageCode })
    .from(telegramUsers)
    .where(eq(telegramUsers.telegramId, telegramId));
  return textsFor(langOf(user?.lang ?? undefined));
}

export function lineReasonText(t: Texts, reason: LineReason | null): string {
  if (!reason) return '';
  const error = new DomainError(reason.code, reason.params ?? {});
  const own = errorText(t, error);
  if (own !== undefined) return own;
  const message = t.lists.errors[reason.code.split('.', 2)[1] ?? ''];
  if (message !== undefined) return typeof message === 'function' ? message(reason.params ?? {}) : message;
  return reason.code;
}
