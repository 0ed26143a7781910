// The one formatting module: `12,34 руб.`, `ДД.ММ.ГГГГ`, `+375 29 123-45-67`, Minsk times, HTML escaping.
import { formatMoney } from '../domain/money.js';
import { formatPhone } from '../domain/phone.js';
import { MINSK_OFFSET_MS } from '../domain/time.js';

export { formatMoney as money, formatPhone as phone };

/** 'YYYY-MM-DD' → 'ДД.ММ.ГГГГ'. */
export function date(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** An instant as 'ДД.ММ.ГГГГ ЧЧ:ММ' in Europe/Minsk. */
export function dateTime(at: Date): string {
  const local = new Date(at.getTime() + MINSK_OFFSET_MS).toISOString();
  return `${date(local)} ${local.slice(11, 16)}`;
}

/** An instant as 'ЧЧ:ММ:СС' in Europe/Minsk. */
export function time(at: Date): string {
  return new Date(at.getTime() + MINSK_OFFSET_MS).toISOString().slice(11, 19);
}

/** Typed 'ДД.ММ.ГГГГ' (or 'Д.М.ГГГГ') → 'YYYY-MM-DD', or undefined. */
export function parseDate(input: string): string | undefined {
  const m = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$/.exec(input);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Russian month name in the nominative with the year: 'ноябрь 2026'. */
export function monthName(iso: string, lang: 'ru' | 'en' = 'ru'): string {
  const d = new Date(`${iso.slice(0, 7)}-01T00:00:00Z`);
  return d
    .toLocaleString(lang === 'en' ? 'en-GB' : 'ru-RU', { month: 'long', year: 'numeric', timeZone: 'UTC' })
    .replace(' г.', '');
}
