// «Операции с услугами»: the submenu in the portal's order. «Смена номера» belongs to its own section
// (area `num`); this menu only routes to it.
import type { BotContext } from '../../../src/bot/context.js';
import { phone } from '../../../src/bot/format.js';
import { button, type View } from '../../../src/bot/keyboards.js';
import { show } from '../../../src/bot/render.js';
import type { Section } from '../../../src/bot/sections.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import { subscriberSummary } from '../../../src/domain/subscribers/search.js';
import { OPS, sid } from './common.js';

export function opsMenuView(t: Texts, subscriber: { id: number; msisdn: string }): View {
  const l = t.services.labels;
  const id = subscriber.id;
  return {
    text: t.services.ops.title(phone(subscriber.msisdn)),
    keyboard: [
      [button(l.services, 'svc', 'list', id)],
      [button(l.numberChange, 'num', 'show', id)],
      [button(l.mobileInternet, 'mi', 'show', id)],
      [button(l.settings, 'set', 'menu', id)],
      [button(l.pause, 'pause', 'show', id)],
      [button(l.forwarding, 'fwd', 'show', id)],
      [button(l.voicemail, 'vm', 'show', id)],
      [button(t.orders.labels.mine, 'myord', 'list', id, 'all', 0)],
      [button(t.core.labels.back, 'sm', 'show', id)],
    ],
  };
}

async function menu(ctx: BotContext): Promise<void> {
  const s = await subscriberSummary(ctx.services.deps, ctx.actor!, sid(ctx));
  await show(ctx, opsMenuView(ctx.t, { id: s.id, msisdn: s.msisdn }));
}

export const opsSection: Section = {
  area: OPS,
  roles: ['admin', 'subscriber'],
  subscriberScoped: true,
  actions: { menu },
};
