// «Информация по рассрочке» (R-INSTALL): `inst:client` lists the client's equipment for the
// administrator; `inst:sub:<id>` one number's, in the subscriber menu (the id is re-checked by the domain).
import { actions, callbackOf } from '../../../src/bot/actions.js';
import { arg, args, noArgs } from '../../../src/bot/args.js';
import { phone } from '../../../src/bot/format.js';
import { show } from '../../../src/bot/render.js';
import { type Section, section } from '../../../src/bot/sections.js';
import { clientInstallments, subscriberInstallments } from '../../../src/domain/installments.js';
import { adminMenu, subscriberMenu } from '../menu/section.js';
import { installmentsView } from './views.js';

const inst = actions('inst', { scope: 'role', roles: ['admin', 'subscriber'] });

export const clientInstallmentList = inst.action('client', {
  args: noArgs,
  changes: false,
  roles: ['admin'],
  handler: async (ctx) => {
    // clientInstallments refuses anyone but an administrator (R-SCOPE).
    const summary = await clientInstallments(ctx.services.deps, ctx.actor);
    const title = ctx.t.billing.installments.title;
    await show(ctx, installmentsView(ctx.t, title, summary, callbackOf(adminMenu), true));
  },
});

/** A subscriber's own list, or the chosen subscriber's for an administrator. */
export const subscriberInstallmentList = inst.action('sub', {
  args: args([arg.id]),
  changes: false,
  handler: async (ctx, [subscriberId]) => {
    const summary = await subscriberInstallments(ctx.services.deps, ctx.actor, subscriberId);
    if (ctx.role.kind === 'admin') ctx.session.subscriberId = subscriberId;
    const title = ctx.t.billing.installments.titleFor(phone(summary.msisdn));
    await show(ctx, installmentsView(ctx.t, title, summary, callbackOf(subscriberMenu, subscriberId), false));
  },
});

export const sections: Section[] = [section(inst)];
