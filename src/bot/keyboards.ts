// Inline keyboard builders: handlers never write button arrays by hand.
import type { InlineButton } from '../jobs/types.js';
import { cb } from './callback-data.js';

export type { InlineButton };
export type Keyboard = InlineButton[][];

/** A button by area and action name, for sections not yet declared with typed actions (src/bot/actions.ts). */
export function routeButton(text: string, area: string, action: string, ...args: (string | number)[]): InlineButton {
  return { text, callback_data: cb(area, action, ...args) };
}

/** One button per row. */
export function column(buttons: InlineButton[]): Keyboard {
  return buttons.map((b) => [b]);
}

/** Buttons laid out `perRow` to a row. */
export function grid(buttons: InlineButton[], perRow: number): Keyboard {
  const rows: Keyboard = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return rows;
}

/** ‹ Назад / Далее › row for keyset or numbered pages; empty when there is nothing to page. */
export function pagerRow(
  labels: { prev: string; next: string },
  prev: InlineButton['callback_data'] | undefined,
  next: InlineButton['callback_data'] | undefined,
): InlineButton[] {
  const row: InlineButton[] = [];
  if (prev) row.push({ text: labels.prev, callback_data: prev });
  if (next) row.push({ text: labels.next, callback_data: next });
  return row;
}

export interface View {
  text: string;
  keyboard?: Keyboard;
  /** Text is HTML (escape user data with escapeHtml). */
  html?: boolean;
}

/** The old name of routeButton, kept for src/support/buttons.ts (owned elsewhere) until it uses typed actions. */
export const button = routeButton;
