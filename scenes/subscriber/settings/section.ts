// «Настройки» (R-SETTINGS): the Mobile Internet, MMS and streaming-video settings, each sent as its own
// message in the chat; the menu stays where it is.
import { actions } from '../../../src/bot/actions.js';
import { arg, args, noArgs } from '../../../src/bot/args.js';
import { answerOnce, show } from '../../../src/bot/render.js';
import { type Section, section } from '../../../src/bot/sections.js';
import { SETTINGS_KINDS, settingsText } from '../../../src/domain/services/settings.js';
import { subscriberSummary } from '../../../src/domain/subscribers/search.js';
import { settingsMenuView } from './views.js';

const set = actions('set', { scope: 'subscriber', roles: ['admin', 'subscriber'] });

export const settingsMenu = set.action('menu', {
  args: noArgs,
  changes: false,
  handler: async (ctx) => {
    const s = await subscriberSummary(ctx.services.deps, ctx.actor, ctx.subscriberId);
    await show(ctx, settingsMenuView(ctx.t, { id: s.id, msisdn: s.msisdn }));
  },
});

export const sendSettings = set.action('send', {
  args: args([arg.oneOf(SETTINGS_KINDS)]),
  changes: false,
  handler: async (ctx, [kind]) => {
    const text = await settingsText(ctx.services.deps, ctx.actor, ctx.subscriberId, kind);
    await answerOnce(ctx, ctx.t.services.set.sent);
    await ctx.reply(`${text.title}\n\n${text.body}`, { link_preview_options: { is_disabled: true } });
  },
});

export const sections: Section[] = [section(set)];
