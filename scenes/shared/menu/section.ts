// The two main menus (areas `menu` and `sm`) and «where am I» (home): the screen a user returns to after
// /menu, «Выход», or a stale button; «Отвязать Telegram» for an administrator.
import { Markup } from 'telegraf';
import { actions } from '../../../src/bot/actions.js';
import { noArgs } from '../../../src/bot/args.js';
import type { BotContext } from '../../../src/bot/context.js';
import { phone } from '../../../src/bot/format.js';
import { answerOnce, show } from '../../../src/bot/render.js';
import { type Section, section } from '../../../src/bot/sections.js';
import type { Actor } from '../../../src/domain/actor.js';
import { unlinkSubscriberTelegram } from '../../../src/domain/access/sign-in.js';
import { subscriberSummary } from '../../../src/domain/subscribers/search.js';
import { adminMenuView, roleChoiceView, subscriberMenuView } from './views.js';

const menuArea = actions('menu', { scope: 'role', roles: ['admin'] });

export const adminMenu = menuArea.action('admin', {
  args: noArgs,
  changes: false,
  handler: async (ctx) => {
    if (ctx.role.kind !== 'admin') return;
    ctx.session.subscriberId = undefined;
    await show(ctx, adminMenuView(ctx.t, ctx.role));
  },
});

const smArea = actions('sm', { scope: 'subscriber', roles: ['admin', 'subscriber'] });

export const subscriberMenu = smArea.action('show', {
  args: noArgs,
  changes: false,
  handler: async (ctx) => showSubscriberMenu(ctx, ctx.actor, ctx.subscriberId),
});

export const unlinkTelegram = smArea.action('unlink', {
  args: noArgs,
  changes: true,
  handler: async (ctx) => {
    const result = await unlinkSubscriberTelegram(ctx.services.deps, ctx.actor, ctx.subscriberId);
    const t = ctx.t.core.start;
    await answerOnce(
      ctx,
      result.unlinked ? t.unlinked(phone(result.msisdn)) : t.unlinkNone(phone(result.msisdn)),
      true,
    );
    await showSubscriberMenu(ctx, ctx.actor, ctx.subscriberId);
  },
});

/** Shows the subscriber menu for `subscriberId` (scope checked by the domain). */
export async function showSubscriberMenu(ctx: BotContext, actor: Actor, subscriberId: number): Promise<void> {
  const s = await subscriberSummary(ctx.services.deps, actor, subscriberId);
  await show(
    ctx,
    subscriberMenuView(ctx.t, { id: s.id, msisdn: s.msisdn, name: s.displayName }, ctx.role?.kind === 'admin'),
  );
}

/** The start screen for a user without an active role: contact button, or the choice of roles. */
export async function showStart(ctx: BotContext): Promise<void> {
  const roles = ctx.identity?.roles ?? [];
  if (roles.length > 0) {
    await show(ctx, roleChoiceView(ctx.t, roles));
    return;
  }
  await answerOnce(ctx);
  await ctx.reply(
    ctx.t.core.start.welcome,
    Markup.keyboard([[Markup.button.contactRequest(ctx.t.core.labels.shareContact)]])
      .resize()
      .oneTime(),
  );
}

/** Where the user is: their role's main menu, or the start screen. */
export async function showHome(ctx: BotContext): Promise<void> {
  if (ctx.scene?.current) await ctx.scene.leave();
  const role = ctx.role;
  if (!role) return showStart(ctx);
  if (role.kind === 'admin') return show(ctx, adminMenuView(ctx.t, role));
  if (role.kind === 'subscriber')
    return show(ctx, subscriberMenuView(ctx.t, { id: role.subscriberId, msisdn: role.msisdn, name: role.name }, false));
  await answerOnce(ctx);
  await ctx.reply(ctx.t.core.start.supportHint);
}

export const sections: Section[] = [section(menuArea), section(smArea)];
