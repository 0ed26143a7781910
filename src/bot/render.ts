// Menus edit one message in place: answer the callback query, then edit; skip edits that change
// nothing (Telegram answers 400 "message is not modified"). Typed input gets a new message.
import { isNotModified } from '../telegram/policy.js';
import type { BotContext } from './context.js';
import type { View } from './keyboards.js';

function sameMarkup(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? { inline_keyboard: [] }) === JSON.stringify(b ?? { inline_keyboard: [] });
}

/** Keeps the last five screens shown and messages typed, for the handover context (R-HANDOVER). */
export function remember(ctx: BotContext, kind: 'screens' | 'messages', text: string): void {
  if (!ctx.session) return;
  ctx.session.recent ??= { screens: [], messages: [] };
  const list = ctx.session.recent[kind];
  list.push(text.slice(0, 300));
  if (list.length > 5) list.splice(0, list.length - 5);
}

/** Answers the pending callback query once (later calls are no-ops). */
export async function answerOnce(ctx: BotContext, text?: string, alert = false): Promise<void> {
  if (!ctx.callbackQuery || ctx.state.answered) return;
  ctx.state.answered = true;
  await ctx
    .answerCbQuery(text, { show_alert: alert })
    .catch((error) => ctx.log.debug({ err: error }, 'answerCbQuery failed'));
}

/** Shows a screen: edits the pressed message in place, or sends a new one. */
export async function show(ctx: BotContext, view: View, options: { newMessage?: boolean } = {}): Promise<void> {
  remember(ctx, 'screens', view.text);
  const reply_markup = { inline_keyboard: view.keyboard ?? [] };
  const extra = {
    reply_markup,
    ...(view.html ? { parse_mode: 'HTML' as const } : {}),
    link_preview_options: { is_disabled: true },
  };
  const message = ctx.callbackQuery?.message;
  if (message && !options.newMessage && 'text' in message) {
    await answerOnce(ctx);
    if (!view.html && message.text === view.text && sameMarkup(message.reply_markup, reply_markup)) return;
    try {
      await ctx.editMessageText(view.text, extra);
      return;
    } catch (error) {
      if (isNotModified(error)) return;
      const description = String((error as { description?: string }).description ?? (error as Error).message);
      if (!/message to edit not found|message can't be edited|there is no text in the message/.test(description))
        throw error;
    }
  }
  await answerOnce(ctx);
  await ctx.reply(view.text, extra);
}

/** A short notice under the pressed button (or a message when the update is typed text). */
export async function notice(ctx: BotContext, text: string, alert = false): Promise<void> {
  if (ctx.callbackQuery && !ctx.state.answered) return answerOnce(ctx, text.slice(0, 200), alert || text.length > 60);
  await ctx.reply(text);
}
