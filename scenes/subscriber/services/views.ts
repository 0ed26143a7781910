// «Услуги абонента» as pure views: connected and connectable services with their fees, and the
// confirmation of a connection or disconnection.
import { button, callbackOf } from '../../../src/bot/actions.js';
import { money } from '../../../src/bot/format.js';
import type { Keyboard, View } from '../../../src/bot/keyboards.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import type { ServiceView } from '../../../src/domain/services/catalog.js';
import type { SubscriberServices } from '../../../src/domain/services/services.js';
import { pauseScreen } from '../pause/section.js';
import { backRow, confirmRows, header } from '../service-operations/views.js';
import { askConnect, askDisconnect, confirmConnect, confirmDisconnect, servicesList } from './section.js';

/** `1,90 руб./мес, подключение 2,50 руб.` */
export function feesLine(t: Texts, s: Pick<ServiceView, 'monthlyFee' | 'connectFee'>): string {
  const c = t.services.common;
  const parts = [s.monthlyFee > 0 ? c.perMonth(money(s.monthlyFee)) : c.free];
  if (s.connectFee > 0) parts.push(c.connectFee(money(s.connectFee)));
  return parts.join(', ');
}

export function servicesView(t: Texts, data: SubscriberServices, done?: string): View {
  const s = t.services.svc;
  const c = t.services.common;
  const lines: string[] = [];
  if (data.blocked) lines.push(c.blockedNote);
  else if (data.paused) lines.push(c.pausedNote);
  lines.push(data.connected.length ? s.connected : s.connectedNone);
  for (const svc of data.connected) lines.push(`• ${svc.name} — ${feesLine(t, svc)}`);
  lines.push('', data.connectable.length ? s.connectable : s.connectableNone);
  for (const svc of data.connectable)
    lines.push(`• ${svc.name} — ${feesLine(t, svc)}${svc.excludedBy ? ` (${s.excludedBy(svc.excludedBy)})` : ''}`);
  const keyboard: Keyboard = [];
  // Every connectable service gets its button, also an excluded one: the press names the reason.
  if (!data.blocked && !data.paused)
    for (const svc of data.connectable)
      keyboard.push([button(s.connectButton(svc.name), askConnect, data.subscriberId, svc.id)]);
  for (const svc of data.connected.filter((x) => x.kind === 'additional'))
    keyboard.push([button(s.disconnectButton(svc.name), askDisconnect, data.subscriberId, svc.id)]);
  if (data.paused) keyboard.push([button(c.toPause, pauseScreen, data.subscriberId)]);
  keyboard.push(backRow(t, data.subscriberId));
  return { text: [header(s.title, data.msisdn, s.intro, done), lines.join('\n')].join('\n\n'), keyboard };
}

export function serviceConfirmView(
  t: Texts,
  subscriberId: number,
  preview: { service: ServiceView; action: 'connect' | 'disconnect'; fee: number },
  nonce: string,
): View {
  const s = t.services.svc;
  const c = t.services.common;
  const { service } = preview;
  const lines =
    preview.action === 'connect'
      ? [
          s.confirmConnect(service.name),
          preview.fee > 0 ? c.fee(money(preview.fee)) : c.noFee,
          service.monthlyFee > 0 ? c.perMonth(money(service.monthlyFee)) : '',
        ]
      : [s.confirmDisconnect(service.name)];
  const ok = callbackOf(
    preview.action === 'connect' ? confirmConnect : confirmDisconnect,
    subscriberId,
    service.id,
    nonce,
  );
  return {
    text: lines.filter(Boolean).join('\n'),
    keyboard: confirmRows(t, ok, callbackOf(servicesList, subscriberId)),
  };
}
