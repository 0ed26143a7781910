// «Операции с услугами»: the submenu in the portal's order. «Смена номера» belongs to its own section
// (area `num`); this menu only routes to it.
import type { BotContext } from '../../../src/bot/context.js';
import { phone } from '../../../src/bot/format.js';
import { routeButton, type View } from '../../../src/bot/keyboards.js';
import { show } from '../../../src/bot/render.js';
import { type Section, legacySection } from '../../../src/bot/sections.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import { subscriberSummary } from '../../../src/domain/subscribers/search.js';
import { OPS, sid } from './common.js';
import { subscriberMenu } from '../../shared/menu/section.js';
import { button } from '../../../src/bot/actions.js';

export function opsMenuView(t: Texts, subscriber: { id: number; msisdn: string }): View {
  const l = t.services.labels;
  const id = subscriber.id;
  return {
    text: t.services.ops.title(phone(subscriber.msisdn)),
    keyboard: [
      [routeButton(l.services, 'svc', 'list', id)],
      [routeButton(l.numberChange, 'num', 'show', id)],
      [routeButton(l.mobileInternet, 'mi', 'show', id)],
      [routeButton(l.settings, 'set', 'menu', id)],
      [routeButton(l.pause, 'pause', 'show', id)],
      [routeButton(l.forwarding, 'fwd', 'show', id)],
      [routeButton(l.voicemail, 'vm', 'show', id)],
      [button(t.core.labels.back, subscriberMenu, id)],
    ],
  };
}

async function menu(ctx: BotContext): Promise<void> {
  const s = await subscriberSummary(ctx.services.deps, ctx.actor!, sid(ctx));
  await show(ctx, opsMenuView(ctx.t, { id: s.id, msisdn: s.msisdn }));
}

export const opsSection: Section = legacySection({
  area: OPS,
  roles: ['admin', 'subscriber'],
  subscriberScoped: true,
  actions: { menu },
});
