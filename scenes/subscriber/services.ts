// «Услуги абонента» (R-SVC): connected services and those the tariff allows, each with its fees;
// connect/disconnect after a confirmation that shows the fee; refusals (tariff, exclusion, blocked,
// paused, funds) come from the domain with their reason, before the confirmation and again at it.
import { cb } from '../../src/bot/callback-data.js';
import type { BotContext } from '../../src/bot/context.js';
import { money } from '../../src/bot/format.js';
import { routeButton, type Keyboard, type View } from '../../src/bot/keyboards.js';
import { show } from '../../src/bot/render.js';
import { type Section, legacySection } from '../../src/bot/sections.js';
import type { Texts } from '../../src/bot/texts/index.js';
import type { ServiceView } from '../../src/domain/services/catalog.js';
import {
  connectService,
  disconnectService,
  type SubscriberServices,
  serviceChangePreview,
  subscriberServicesOverview,
} from '../../src/domain/services/services.js';
import { backRow, confirmRows, header, idOf, nonceOf, outcome, sid } from './service-operations/common.js';

const AREA = 'svc';

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
      keyboard.push([routeButton(s.connectButton(svc.name), AREA, 'on', data.subscriberId, svc.id)]);
  for (const svc of data.connected.filter((x) => x.kind === 'additional'))
    keyboard.push([routeButton(s.disconnectButton(svc.name), AREA, 'off', data.subscriberId, svc.id)]);
  if (data.paused) keyboard.push([routeButton(c.toPause, 'pause', 'show', data.subscriberId)]);
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
  const ok = routeButton(
    t.core.labels.confirm,
    AREA,
    preview.action === 'connect' ? 'onok' : 'offok',
    subscriberId,
    service.id,
    nonce,
  );
  return {
    text: lines.filter(Boolean).join('\n'),
    keyboard: confirmRows(t, ok.callback_data, cb(AREA, 'list', subscriberId)),
  };
}

async function list(ctx: BotContext, done?: string): Promise<void> {
  await show(ctx, servicesView(ctx.t, await subscriberServicesOverview(ctx.services.deps, ctx.actor!, sid(ctx)), done));
}

async function ask(ctx: BotContext, [id]: string[], action: 'connect' | 'disconnect'): Promise<void> {
  const preview = await serviceChangePreview(ctx.services.deps, ctx.actor!, {
    subscriberId: sid(ctx),
    serviceId: idOf(id),
    action,
  });
  await show(ctx, serviceConfirmView(ctx.t, sid(ctx), preview, ctx.services.nonce()));
}

async function apply(ctx: BotContext, [id, nonce]: string[], action: 'connect' | 'disconnect'): Promise<void> {
  const input = { subscriberId: sid(ctx), serviceId: idOf(id), nonce: nonceOf(nonce) };
  const s = ctx.t.services.svc;
  const result =
    action === 'connect'
      ? await connectService(ctx.services.deps, ctx.actor!, input)
      : await disconnectService(ctx.services.deps, ctx.actor!, input);
  await list(
    ctx,
    outcome(
      ctx.t,
      result,
      action === 'connect' ? s.connected1(result.service.name) : s.disconnected1(result.service.name),
    ),
  );
}

export const servicesSection: Section = legacySection({
  area: AREA,
  roles: ['admin', 'subscriber'],
  subscriberScoped: true,
  actions: {
    list: (ctx) => list(ctx),
    on: (ctx, args) => ask(ctx, args, 'connect'),
    off: (ctx, args) => ask(ctx, args, 'disconnect'),
    onok: (ctx, args) => apply(ctx, args, 'connect'),
    offok: (ctx, args) => apply(ctx, args, 'disconnect'),
  },
});

export const sections: Section[] = [servicesSection];
