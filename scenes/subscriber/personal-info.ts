// «Персональная информация» of a subscriber (R-SUB-INFO): number, name, tariff, balance, status, CUG.
// (PIN/PUK and the rest of the section come with its own issue.)
import type { BotContext } from '../../src/bot/context.js';
import { money, phone } from '../../src/bot/format.js';
import { button } from '../../src/bot/keyboards.js';
import { show } from '../../src/bot/render.js';
import type { Section } from '../../src/bot/sections.js';
import { subscriberSummary } from '../../src/domain/subscribers/search.js';

async function showCard(ctx: BotContext): Promise<void> {
  const s = await subscriberSummary(ctx.services.deps, ctx.actor!, ctx.subscriberId!);
  const c = ctx.t.core.subscriberCard;
  const text = [
    c.title,
    '',
    `${c.number}: ${phone(s.msisdn)}`,
    `${c.name}: ${s.fullName}`,
    `${c.tariff}: ${s.tariffName}`,
    `${c.balance}: ${money(s.balance)}`,
    `${c.status}: ${c.statuses[s.status] ?? s.status}`,
    `${c.cug}: ${s.cugName ?? c.cugNone}`,
  ].join('\n');
  await show(ctx, { text, keyboard: [[button(ctx.t.core.labels.back, 'sm', 'show', s.id)]] });
}

export const sections: Section[] = [
  { area: 'si', roles: ['admin', 'subscriber'], subscriberScoped: true, actions: { show: showCard } },
];
