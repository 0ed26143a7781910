// «Смена ТП» (R-TARIFF): plans open from the current one with their fee and the fee of this change, a
// confirmation carrying a one-time nonce, and the change; refusals come back as the domain's reasons.
import { actions } from '../../../src/bot/actions.js';
import { arg, args, noArgs } from '../../../src/bot/args.js';
import { show } from '../../../src/bot/render.js';
import { type Section, section } from '../../../src/bot/sections.js';
import { DomainError } from '../../../src/domain/errors.js';
import { changeTariff, tariffOptions } from '../../../src/domain/tariffs.js';
import { confirmView, doneView, optionsView } from './views.js';
import { issueNonce } from '../../../src/bot/nonces.js';

const tp = actions('tp', { scope: 'subscriber', roles: ['admin', 'subscriber'] });

export const tariffList = tp.action('list', {
  args: noArgs,
  changes: false,
  handler: async (ctx) => {
    const deps = ctx.services.deps;
    const options = await tariffOptions(deps, ctx.actor, ctx.subscriberId);
    await show(ctx, optionsView(ctx.t, ctx.subscriberId, options, deps.settings.tariffChangeFee));
  },
});

export const tariffPick = tp.action('pick', {
  args: args([arg.id]),
  changes: false,
  handler: async (ctx, [planId]) => {
    const options = await tariffOptions(ctx.services.deps, ctx.actor, ctx.subscriberId);
    // Refuse before the confirmation, with the reason; changeTariff checks all of it again.
    if (options.blocked) throw new DomainError('tariffs.blocked');
    if (options.changedToday) throw new DomainError('tariffs.oncePerDay');
    const option = options.options.find((o) => o.id === planId);
    if (!option) throw new DomainError('tariffs.notOffered');
    await show(ctx, confirmView(ctx.t, ctx.subscriberId, options.current, option, issueNonce(ctx)));
  },
});

export const tariffConfirm = tp.action('ok', {
  args: args([arg.id, arg.nonce]),
  changes: true,
  handler: async (ctx, [toPlanId, nonce]) => {
    const result = await changeTariff(ctx.services.deps, ctx.actor, {
      subscriberId: ctx.subscriberId,
      toPlanId,
      nonce,
    });
    await show(ctx, doneView(ctx.t, ctx.subscriberId, result));
  },
});

export const sections: Section[] = [section(tp)];
