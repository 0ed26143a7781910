// The one boundary typed text passes before any scene or rule sees it: lone UTF-16 surrogates become
// U+FFFD (PostgreSQL's jsonb refuses them, so an audit row of such text would fail) and NUL is dropped
// (PostgreSQL text refuses it). Telegram does not send either; a forged webhook body might.
import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from '../context.js';

export function wellFormedText(text: string): string {
  return text.replace(/\p{Cs}/gu, '\ufffd').replaceAll(String.fromCharCode(0), '');
}

export function typedInputBoundary(): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    const message = (ctx.message ?? ctx.editedMessage) as { text?: string; caption?: string } | undefined;
    if (message) {
      if (typeof message.text === 'string') message.text = wellFormedText(message.text);
      if (typeof message.caption === 'string') message.caption = wellFormedText(message.caption);
    }
    return next();
  };
}
