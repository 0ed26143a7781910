// «Операции с услугами»: the submenu (area `ops`) in the portal's order. Each screen is a section of its
// own (services, mobile-internet, settings, pause, forwarding, voicemail; «Смена номера» is number-change).
import { actions } from '../../../src/bot/actions.js';
import { noArgs } from '../../../src/bot/args.js';
import { show } from '../../../src/bot/render.js';
import { type Section, section } from '../../../src/bot/sections.js';
import { subscriberSummary } from '../../../src/domain/subscribers/search.js';
import { opsMenuView } from './views.js';

const ops = actions('ops', { scope: 'subscriber', roles: ['admin', 'subscriber'] });

export const serviceOperations = ops.action('menu', {
  args: noArgs,
  changes: false,
  handler: async (ctx) => {
    const s = await subscriberSummary(ctx.services.deps, ctx.actor, ctx.subscriberId);
    await show(ctx, opsMenuView(ctx.t, { id: s.id, msisdn: s.msisdn }));
  },
});

export const sections: Section[] = [section(ops)];
