// Picks the catalog by the user's Telegram language (ru by default) and turns a DomainError into its text.
import type { DomainError } from '../../domain/errors.js';
import { en } from './en/index.js';
import type { Message } from './message.js';
import { ru, type Texts } from './ru/index.js';

export type { Texts };
export type Lang = 'ru' | 'en';
export const catalogs: Record<Lang, Texts> = { ru, en };

export function langOf(languageCode: string | undefined): Lang {
  return languageCode?.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

export function textsFor(lang: Lang): Texts {
  return catalogs[lang];
}

/** `texts.<area>.errors.<reason>` for `area.reason`, or undefined when the catalog has no such text. */
export function errorText(texts: Texts, error: DomainError): string | undefined {
  const [area, reason] = error.code.split('.', 2);
  const areaTexts = (texts as unknown as Record<string, { errors?: Record<string, Message> }>)[area ?? ''];
  const message = reason ? areaTexts?.errors?.[reason] : undefined;
  if (message === undefined) return undefined;
  return typeof message === 'function' ? message(error.params) : message;
}
