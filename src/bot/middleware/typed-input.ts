// The one boundary typed text passes before any form or rule sees it. On every update: lone UTF-16
// surrogates become U+FFFD (PostgreSQL's jsonb refuses them, so an audit row of such text would fail) and
// NUL is dropped (PostgreSQL text refuses it); Telegram sends neither, a forged webhook body might. Then,
// for the form field the user is typing into (src/bot/scene-form.ts): other control characters dropped
// (line breaks and tabs kept), spaces around trimmed, and the text cut to the length the field declares.
import type { MiddlewareFn } from 'telegraf';
import { CONTROL_CHARACTERS_IN_LINES } from '../../domain/text.js';
import type { BotContext } from '../context.js';

export function wellFormedText(text: string): string {
  return text.replace(/\p{Cs}/gu, '\ufffd').replaceAll(String.fromCharCode(0), '');
}

/** A typed form field: the longest text it takes (longer input is cut, whole characters kept). */
export interface FormField {
  readonly maxLength: number;
}

export function field(maxLength: number): FormField {
  return { maxLength };
}

/** Typed text as a form field receives it. */
export function fieldText(text: string, into: FormField): string {
  const clean = wellFormedText(text).replace(CONTROL_CHARACTERS_IN_LINES, '').trim();
  const chars = [...clean];
  return chars.length > into.maxLength ? chars.slice(0, into.maxLength).join('').trimEnd() : clean;
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
