// «Голосовая почта (пакет «Плюс»)» as pure views: the package and its e-mail, and the confirmations.
import { button, callbackOf } from '../../../src/bot/actions.js';
import { money } from '../../../src/bot/format.js';
import type { Keyboard, View } from '../../../src/bot/keyboards.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import type { VoicemailState } from '../../../src/domain/services/voicemail.js';
import { backRow, confirmRows, header } from '../service-operations/views.js';
import { feesLine } from '../services/views.js';
import {
  askCancelEmail,
  askConnect,
  askDisconnect,
  askEmail,
  confirmCancelEmail,
  confirmConnect,
  confirmDisconnect,
  confirmEmail,
  voicemailScreen,
} from './section.js';

export function voicemailView(t: Texts, data: VoicemailState, done?: string): View {
  const v = t.services.vm;
  const lines = [
    v.package(data.package.name, feesLine(t, data.package)),
    data.connected ? v.connected : v.disconnected,
  ];
  const keyboard: Keyboard = [];
  if (data.connected) {
    lines.push(data.email ? v.email(data.email) : v.emailNone);
    keyboard.push([button(data.email ? v.changeEmail : v.setEmail, askEmail, data.subscriberId)]);
    if (data.email) keyboard.push([button(v.cancelEmail, askCancelEmail, data.subscriberId)]);
    keyboard.push([button(v.disconnect, askDisconnect, data.subscriberId)]);
  } else {
    keyboard.push([button(v.connect, askConnect, data.subscriberId)]);
  }
  keyboard.push(backRow(t, data.subscriberId));
  return { text: [header(v.title, data.msisdn, v.intro, done), lines.join('\n')].join('\n\n'), keyboard };
}

export function packageConfirmView(
  t: Texts,
  subscriberId: number,
  preview: { action: 'connect' | 'disconnect'; service: { name: string; monthlyFee: number }; fee: number },
  nonce: string,
): View {
  const v = t.services.vm;
  const c = t.services.common;
  const lines =
    preview.action === 'connect'
      ? [
          v.confirmConnect(preview.service.name, c.perMonth(money(preview.service.monthlyFee))),
          preview.fee > 0 ? c.fee(money(preview.fee)) : '',
        ]
      : [v.confirmDisconnect(preview.service.name)];
  const ok = callbackOf(preview.action === 'connect' ? confirmConnect : confirmDisconnect, subscriberId, nonce);
  return {
    text: lines.filter(Boolean).join('\n'),
    keyboard: confirmRows(t, ok, callbackOf(voicemailScreen, subscriberId)),
  };
}

export function askEmailView(t: Texts, subscriberId: number): View {
  return { text: t.services.vm.askEmail, keyboard: [[button(t.core.labels.cancel, voicemailScreen, subscriberId)]] };
}

export function emailConfirmView(t: Texts, subscriberId: number, email: string, nonce: string): View {
  return {
    text: t.services.vm.confirmEmail(email),
    keyboard: confirmRows(t, callbackOf(confirmEmail, subscriberId, nonce), callbackOf(voicemailScreen, subscriberId)),
  };
}

export function cancelEmailConfirmView(t: Texts, subscriberId: number, email: string, nonce: string): View {
  return {
    text: t.services.vm.confirmCancelEmail(email),
    keyboard: confirmRows(
      t,
      callbackOf(confirmCancelEmail, subscriberId, nonce),
      callbackOf(voicemailScreen, subscriberId),
    ),
  };
}
