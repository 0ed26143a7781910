// Shared pieces of the «Операции с услугами» screens: reading button arguments (untrusted: malformed
// data is a stale button), the «Назад» row back to the submenu, confirmation rows, and the screen header.
import { idArg } from '../../../src/bot/callback-data.js';
import type { BotContext } from '../../../src/bot/context.js';
import { phone } from '../../../src/bot/format.js';
import { routeButton, type InlineButton } from '../../../src/bot/keyboards.js';
import { StaleButtonError } from '../../../src/bot/sections.js';
import type { Texts } from '../../../src/bot/texts/index.js';

export const OPS = 'ops';

/** The subscriber the dispatcher re-authorized for this press. */
export function sid(ctx: BotContext): number {
  if (!ctx.subscriberId) throw new StaleButtonError('no subscriber');
  return ctx.subscriberId;
}

export function idOf(value: string | undefined): number {
  const id = idArg(value);
  if (id === undefined) throw new StaleButtonError('bad id');
  return id;
}

/** A nonce as the screens put it into buttons (ctx.services.nonce(): 8 base64url characters). */
export function nonceOf(value: string | undefined): string {
  if (!value || !/^[\w-]{4,40}$/.test(value)) throw new StaleButtonError('bad nonce');
  return value;
}

/** «« Назад» to the «Операции с услугами» submenu. */
export function backRow(t: Texts, subscriberId: number): InlineButton[] {
  return [routeButton(t.core.labels.back, OPS, 'menu', subscriberId)];
}

/** «Подтвердить» / «Отмена»: the confirm button carries the change and its one-time nonce. */
export function confirmRows(
  t: Texts,
  confirm: InlineButton['callback_data'],
  cancel: InlineButton['callback_data'],
): InlineButton[][] {
  return [
    [
      { text: t.core.labels.confirm, callback_data: confirm },
      { text: t.core.labels.cancel, callback_data: cancel },
    ],
  ];
}

/** Title, number and intro, preceded by the outcome of the last change when there is one. */
export function header(title: string, msisdn: string, intro: string, outcome?: string): string {
  return [outcome, `${title}\n${phone(msisdn)}`, intro].filter(Boolean).join('\n\n');
}

/** The outcome line of a confirmed change; a replayed confirmation says nothing changed again. */
export function outcome(t: Texts, result: { replayed: boolean }, done: string): string {
  return result.replayed ? t.services.common.replayed : done;
}
