// «Персональная информация» of the client (R-CLIENT-INFO), for its administrator.
import { actions } from '../../../src/bot/actions.js';
import { noArgs } from '../../../src/bot/args.js';
import { show } from '../../../src/bot/render.js';
import { type Section, section } from '../../../src/bot/sections.js';
import { clientInfo } from '../../../src/domain/client-info.js';
import { clientInfoView } from './views.js';

const ci = actions('ci', { scope: 'role', roles: ['admin'] });

export const clientInfoCard = ci.action('show', {
  args: noArgs,
  changes: false,
  handler: async (ctx) => show(ctx, clientInfoView(ctx.t, await clientInfo(ctx.services.deps, ctx.actor))),
});

export const sections: Section[] = [section(ci)];
