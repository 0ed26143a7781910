// «Операции с услугами» as pure views: the submenu, and the pieces every screen of it shares — the
// «Назад» row back to the submenu, confirmation rows, the screen header, the outcome of a change.
import { button } from '../../../src/bot/actions.js';
import { phone } from '../../../src/bot/format.js';
import { type InlineButton, type View } from '../../../src/bot/keyboards.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import { subscriberMenu } from '../../shared/menu/section.js';
import { serviceOperations } from './section.js';
import { servicesList } from '../services/section.js';
import { mobileInternetScreen } from '../mobile-internet/section.js';
import { settingsMenu } from '../settings/section.js';
import { pauseScreen } from '../pause/section.js';
import { forwardingScreen } from '../forwarding/section.js';
import { voicemailScreen } from '../voicemail/section.js';
import { numberChange } from '../number-change/section.js';
import { myOrders } from '../orders/section.js';

export function opsMenuView(t: Texts, subscriber: { id: number; msisdn: string }): View {
  const l = t.services.labels;
  const id = subscriber.id;
  return {
    text: t.services.ops.title(phone(subscriber.msisdn)),
    keyboard: [
      [button(l.services, servicesList, id)],
      [button(l.numberChange, numberChange, id)],
      [button(l.mobileInternet, mobileInternetScreen, id)],
      [button(l.settings, settingsMenu, id)],
      [button(l.pause, pauseScreen, id)],
      [button(l.forwarding, forwardingScreen, id)],
      [button(l.voicemail, voicemailScreen, id)],
      [button(t.orders.labels.mine, myOrders, id, 'all', 0)],
      [button(t.core.labels.back, subscriberMenu, id)],
    ],
  };
}

/** «« Назад» to the «Операции с услугами» submenu. */
export function backRow(t: Texts, subscriberId: number): InlineButton[] {
  return [button(t.core.labels.back, serviceOperations, subscriberId)];
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
