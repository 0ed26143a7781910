// «Смена ТП» (R-TARIFF): plans open from the current one with their fee and the fee of this change, a
// confirmation carrying a one-time nonce, and the change; refusals come back as the domain's reasons.
import { idArg } from '../../src/bot/callback-data.js';
import type { BotContext } from '../../src/bot/context.js';
import { show } from '../../src/bot/render.js';
import { legacySection, type Section, StaleButtonError } from '../../src/bot/sections.js';
import { DomainError } from '../../src/domain/errors.js';
import { changeTariff, tariffOptions } from '../../src/domain/tariffs.js';
import { confirmView, doneView, optionsView } from './tariff-change/view.js';

async function list(ctx: BotContext): Promise<void> {
  const deps = ctx.services.deps;
  const options = await tariffOptions(deps, ctx.actor!, ctx.subscriberId!);
  await show(ctx, optionsView(ctx.t, ctx.subscriberId!, options, deps.settings.tariffChangeFee));
}

async function pick(ctx: BotContext, [plan]: string[]): Promise<void> {
  const planId = idArg(plan);
  if (planId === undefined) throw new StaleButtonError('bad plan id');
  const options = await tariffOptions(ctx.services.deps, ctx.actor!, ctx.subscriberId!);
  // Refuse before the confirmation, with the reason; changeTariff checks all of it again.
  if (options.blocked) throw new DomainError('tariffs.blocked');
  if (options.changedToday) throw new DomainError('tariffs.oncePerDay');
  const option = options.options.find((o) => o.id === planId);
  if (!option) throw new DomainError('tariffs.notOffered');
  await show(ctx, confirmView(ctx.t, ctx.subscriberId!, options.current, option, ctx.services.nonce()));
}

async function confirm(ctx: BotContext, [plan, nonce]: string[]): Promise<void> {
  const planId = idArg(plan);
  if (planId === undefined || !nonce) throw new StaleButtonError('bad confirmation');
  const result = await changeTariff(ctx.services.deps, ctx.actor!, {
    subscriberId: ctx.subscriberId!,
    toPlanId: planId,
    nonce,
  });
  await show(ctx, doneView(ctx.t, ctx.subscriberId!, result));
}

export const sections: Section[] = [
  legacySection({
    area: 'tp',
    roles: ['admin', 'subscriber'],
    subscriberScoped: true,
    actions: { list, pick, ok: confirm },
  }),
];
