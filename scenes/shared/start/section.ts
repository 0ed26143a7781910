// Sign-in and roles (R-AUTH-SUB, R-AUTH-ADM, R-ROLES): /start with or without an invite, the shared
// contact, the choice of role, «Выход», /logout with a confirmation, /menu, /help, /invite.
import { Markup, type MiddlewareFn } from 'telegraf';
import { actions, button } from '../../../src/bot/actions.js';
import { arg, args, noArgs } from '../../../src/bot/args.js';
import type { BotContext } from '../../../src/bot/context.js';
import { phone } from '../../../src/bot/format.js';
import { claimOf } from '../../../src/bot/middleware/identity.js';
import { answerOnce, show } from '../../../src/bot/render.js';
import { type Section, StaleButtonError, section } from '../../../src/bot/sections.js';
import { actorFor, loadIdentity, type Role } from '../../../src/domain/access/identity.js';
import { issueInvite, redeemInvite } from '../../../src/domain/access/invites.js';
import { logoutEverywhere, signInByContact } from '../../../src/domain/access/sign-in.js';
import { DomainError } from '../../../src/domain/errors.js';
import { showHome, showStart } from '../menu/section.js';

/** Makes `role` the session's role and shows its menu. */
async function enterRole(ctx: BotContext, role: Role): Promise<void> {
  if (ctx.scene?.current) await ctx.scene.leave();
  ctx.session.role = claimOf(role);
  ctx.session.subscriberId = undefined;
  ctx.role = role;
  ctx.actor = actorFor(telegramId(ctx), role);
  await showHome(ctx);
}

/** Every update this section answers comes from a user (the identity middleware loaded them). */
function sender(ctx: BotContext) {
  if (!ctx.from) throw new StaleButtonError('no sender');
  return ctx.from;
}

const telegramId = (ctx: BotContext) => sender(ctx).id;

async function reloadIdentity(ctx: BotContext): Promise<void> {
  ctx.identity = await loadIdentity(ctx.services.deps.db, telegramId(ctx));
}

/** /start [invite]: an invite signs an administrator in; otherwise the start screen or the only role. */
async function start(ctx: BotContext): Promise<void> {
  const payload = ctx.message && 'text' in ctx.message ? ctx.message.text.split(/\s+/)[1]?.trim() : undefined;
  if (payload) {
    const from = sender(ctx);
    const result = await redeemInvite(
      ctx.services.deps,
      { telegramId: from.id, firstName: from.first_name, username: from.username, languageCode: from.language_code },
      payload,
    );
    await reloadIdentity(ctx);
    const role = ctx.identity.roles.find((r) => r.kind === 'admin' && r.clientId === result.clientId);
    if (role?.kind !== 'admin') throw new DomainError('access.inviteUnknown');
    await ctx.reply(ctx.t.core.start.signedInAdmin(role.clientName), Markup.removeKeyboard());
    return enterRole(ctx, role);
  }
  ctx.session.role = undefined;
  ctx.role = undefined;
  const [only, ...others] = ctx.identity.roles;
  if (only && others.length === 0) return enterRole(ctx, only);
  return showStart(ctx);
}

/** A shared contact: R-AUTH-SUB. */
const contactHandler: MiddlewareFn<BotContext> = async (ctx, next) => {
  const message = ctx.message;
  if (!message || !('contact' in message) || ctx.chat?.type !== 'private') return next();
  const from = sender(ctx);
  const linked = await signInByContact(
    ctx.services.deps,
    { telegramId: from.id, firstName: from.first_name, username: from.username, languageCode: from.language_code },
    { userId: message.contact.user_id, phoneNumber: message.contact.phone_number },
  );
  await reloadIdentity(ctx);
  const role = ctx.identity.roles.find((r) => r.kind === 'subscriber' && r.subscriberId === linked.subscriberId);
  if (!role) throw new DomainError('access.contactUnknown');
  await ctx.reply(ctx.t.core.start.signedInSubscriber(phone(linked.msisdn)), Markup.removeKeyboard());
  await enterRole(ctx, role);
};

function roleFromPress(ctx: BotContext, kind: string, id: number | undefined): Role {
  const role = ctx.identity.roles.find(
    (r) =>
      (kind === 'adm' && r.kind === 'admin' && r.clientId === id) ||
      (kind === 'sub' && r.kind === 'subscriber' && r.subscriberId === id) ||
      (kind === 'sup' && r.kind === 'support'),
  );
  if (!role) throw new StaleButtonError('role not held');
  return role;
}

const roleArea = actions('role', { scope: 'public', roles: ['admin', 'subscriber', 'support'] });

export const chooseAdmin = roleArea.action('adm', {
  args: args([arg.id]),
  changes: false,
  handler: async (ctx, [id]) => enterRole(ctx, roleFromPress(ctx, 'adm', id)),
});
export const chooseSubscriber = roleArea.action('sub', {
  args: args([arg.id]),
  changes: false,
  handler: async (ctx, [id]) => enterRole(ctx, roleFromPress(ctx, 'sub', id)),
});
export const chooseSupport = roleArea.action('sup', {
  args: noArgs,
  changes: false,
  handler: async (ctx) => enterRole(ctx, roleFromPress(ctx, 'sup', undefined)),
});

async function exit(ctx: BotContext): Promise<void> {
  if (ctx.scene?.current) await ctx.scene.leave();
  ctx.session.role = undefined;
  ctx.session.subscriberId = undefined;
  ctx.session.nonces = undefined;
  ctx.role = undefined;
  ctx.actor = undefined;
  await show(ctx, { text: ctx.t.core.start.exited, keyboard: [] });
}

async function askLogout(ctx: BotContext): Promise<void> {
  const l = ctx.t.core.labels;
  await show(
    ctx,
    {
      text: ctx.t.core.start.logoutConfirm,
      keyboard: [[button(l.yes, logoutYes), button(l.no, logoutNo)]],
    },
    { newMessage: !ctx.callbackQuery },
  );
}

const startArea = actions('start', { scope: 'public', roles: ['admin', 'subscriber', 'support'] });

export const exitPortal = startArea.action('exit', { args: noArgs, changes: false, handler: exit });
export const home = startArea.action('home', { args: noArgs, changes: false, handler: showHome });
export const logout = startArea.action('logout', { args: noArgs, changes: false, handler: askLogout });
export const logoutYes = startArea.action('logoutYes', {
  args: noArgs,
  changes: true,
  handler: async (ctx) => {
    await logoutEverywhere(ctx.services.deps, telegramId(ctx));
    if (ctx.scene?.current) await ctx.scene.leave();
    ctx.session.role = undefined;
    ctx.session.subscriberId = undefined;
    ctx.role = undefined;
    await show(ctx, { text: ctx.t.core.start.logoutDone, keyboard: [] });
  },
});
export const logoutNo = startArea.action('logoutNo', {
  args: noArgs,
  changes: false,
  handler: async (ctx) => {
    await answerOnce(ctx, ctx.t.core.start.logoutCancelled);
    await showHome(ctx);
  },
});

const commands: Section['commands'] = {
  start,
  menu: showHome,
  help: async (ctx) => {
    await ctx.reply(ctx.t.core.start.help);
  },
  logout: askLogout,
  /** An administrator issues a one-time invite for another administrator of their client (R-AUTH-ADM). */
  invite: async (ctx) => {
    if (ctx.role?.kind !== 'admin' || !ctx.actor) throw new DomainError('access.notAdmin');
    const code = await issueInvite(ctx.services.deps, ctx.actor, ctx.role.clientId);
    const username = ctx.botInfo?.username ?? 'bot';
    await ctx.reply(
      ctx.t.core.start.inviteIssued(
        `https://t.me/${username}?start=${code}`,
        ctx.services.deps.settings.inviteTtlHours,
      ),
    );
  },
};

export const sections: Section[] = [section(startArea, { commands, middleware: contactHandler }), section(roleArea)];
