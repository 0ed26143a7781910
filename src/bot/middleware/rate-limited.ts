// What a user over their rate sees (finding 4 of issue 22): once per window «Слишком много действий,
// подождите немного» and one audit row; every other refused update is dropped without a word, a row or a
// Bot API call. The bucket itself is taken by the chat lock (src/session/rate-limit.ts).
import type { Context } from 'telegraf';
import { audit } from '../../domain/audit.js';
import type { RateLimited } from '../../session/rate-limit.js';
import type { BotContext } from '../context.js';
import { notice } from '../render.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: forged data may carry them; jsonb refuses \u0000.
const CONTROL = /[\u0000-\u001f\u007f]/g;

export async function answerRateLimited(context: Context, limited: RateLimited): Promise<void> {
  const ctx = context as BotContext;
  if (!limited.notify) return;
  ctx.log.warn({ userId: limited.userId }, 'rate limited');
  const query = ctx.callbackQuery;
  const data = query && 'data' in query && typeof query.data === 'string' ? query.data.slice(0, 64) : null;
  try {
    await audit(ctx.services.deps.db, { kind: 'user', telegramId: limited.userId }, ctx.services.deps.clock.now(), {
      action: 'security.rateLimited',
      // The kind of update only (and a button's data, as refused presses are audited), never typed text.
      after: { update: ctx.updateType, data: data?.replace(CONTROL, '?') ?? null },
    });
  } catch (error) {
    ctx.log.warn({ err: error }, 'rate limit not audited');
  }
  await notice(ctx, ctx.t.core.errors.tooFast, true);
}
