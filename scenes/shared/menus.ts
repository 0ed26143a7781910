// The two main menus of the portal and the start screen, as pure views, plus «where am I» (home):
// the screen a user returns to after /menu, «Выход», or a stale button.
import { Markup } from 'telegraf';
import type { BotContext } from '../../src/bot/context.js';
import { phone } from '../../src/bot/format.js';
import { button, grid, type View } from '../../src/bot/keyboards.js';
import { answerOnce, show } from '../../src/bot/render.js';
import type { Texts } from '../../src/bot/texts/index.js';
import type { Role } from '../../src/domain/access/identity.js';
import { subscriberSummary } from '../../src/domain/subscribers/search.js';

/** «Главное меню администратора»: the nine sections of the portal, in its order. */
export function adminMenuView(t: Texts, clientName: string): View {
  const l = t.core.labels;
  return {
    text: t.core.menus.admin(clientName),
    keyboard: [
      ...grid(
        [
          button(l.clientInfo, 'ci', 'show'),
          button(l.payments, 'pay', 'list'),
          button(l.invoices, 'inv', 'list'),
          button(l.installments, 'inst', 'client'),
          button(l.chooseSubscriber, 'pick', 'start'),
          button(l.feedback, 'fb', 'menu'),
        ],
        2,
      ),
      [button(l.rename, 'ren', 'start')],
      [button(l.bulkServices, 'bulk', 'start')],
      [button(l.contactSpecialist, 'fb', 'handover')],
      [button(t.orders.labels.client, 'aord', 'list', 'all', 0)],
      [button(l.exit, 'start', 'exit')],
    ],
  };
}

/** «Главное меню абонента»; «Выбор абонента», «Меню администратора» and «Отвязать Telegram» for administrators. */
export function subscriberMenuView(
  t: Texts,
  subscriber: { id: number; msisdn: string; name: string },
  asAdmin: boolean,
): View {
  const l = t.core.labels;
  const id = subscriber.id;
  const rows = [
    ...grid(
      [
        button(l.personalInfo, 'si', 'show', id),
        button(l.serviceOperations, 'ops', 'menu', id),
        button(l.installments, 'inst', 'sub', id),
        button(l.tariffChange, 'tp', 'list', id),
        button(l.charges, 'chg', 'show', id),
        button(l.details, 'det', 'periods', id),
      ],
      2,
    ),
  ];
  if (asAdmin) rows.push([button(l.chooseSubscriber, 'pick', 'start'), button(l.adminMenu, 'menu', 'admin')]);
  rows.push([button(l.feedback, 'fb', 'menu', id), button(l.contactSpecialist, 'fb', 'handover', id)]);
  if (asAdmin) rows.push([button(l.unlinkTelegram, 'sm', 'unlink', id)]);
  rows.push([button(l.exit, 'start', 'exit')]);
  return { text: t.core.menus.subscriber(phone(subscriber.msisdn), subscriber.name), keyboard: rows };
}

export function roleLabel(t: Texts, role: Role): string {
  if (role.kind === 'admin') return t.core.start.roleAdmin(role.clientName);
  if (role.kind === 'subscriber') return t.core.start.roleSubscriber(phone(role.msisdn));
  return t.core.start.roleSupport;
}

export function roleChoiceView(t: Texts, roles: Role[]): View {
  return {
    text: t.core.start.chooseRole,
    keyboard: roles.map((r) => [
      r.kind === 'admin'
        ? button(roleLabel(t, r), 'role', 'adm', r.clientId)
        : r.kind === 'subscriber'
          ? button(roleLabel(t, r), 'role', 'sub', r.subscriberId)
          : button(roleLabel(t, r), 'role', 'sup'),
    ]),
  };
}

/** Shows the subscriber menu for `subscriberId` (scope checked by the domain). */
export async function showSubscriberMenu(ctx: BotContext, subscriberId: number): Promise<void> {
  const s = await subscriberSummary(ctx.services.deps, ctx.actor!, subscriberId);
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
  if (role.kind === 'admin') return show(ctx, adminMenuView(ctx.t, role.clientName));
  if (role.kind === 'subscriber')
    return show(ctx, subscriberMenuView(ctx.t, { id: role.subscriberId, msisdn: role.msisdn, name: role.name }, false));
  await answerOnce(ctx);
  await ctx.reply(ctx.t.core.start.supportHint);
}
