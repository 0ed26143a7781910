// The two main menus of the portal and the start screen, as pure views, plus «where am I» (home):
// the screen a user returns to after /menu, «Выход», or a stale button.
import { Markup } from 'telegraf';
import type { BotContext } from '../../src/bot/context.js';
import { phone } from '../../src/bot/format.js';
import { routeButton, grid, type View } from '../../src/bot/keyboards.js';
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
          routeButton(l.clientInfo, 'ci', 'show'),
          routeButton(l.payments, 'pay', 'list'),
          routeButton(l.invoices, 'inv', 'list'),
          routeButton(l.installments, 'inst', 'client'),
          routeButton(l.chooseSubscriber, 'pick', 'start'),
          routeButton(l.feedback, 'fb', 'menu'),
        ],
        2,
      ),
      [routeButton(l.rename, 'ren', 'start')],
      [routeButton(l.bulkServices, 'bulk', 'start')],
      [routeButton(l.contactSpecialist, 'fb', 'handover')],
      [routeButton(l.exit, 'start', 'exit')],
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
        routeButton(l.personalInfo, 'si', 'show', id),
        routeButton(l.serviceOperations, 'ops', 'menu', id),
        routeButton(l.installments, 'inst', 'sub', id),
        routeButton(l.tariffChange, 'tp', 'list', id),
        routeButton(l.charges, 'chg', 'show', id),
        routeButton(l.details, 'det', 'periods', id),
      ],
      2,
    ),
  ];
  if (asAdmin) rows.push([routeButton(l.chooseSubscriber, 'pick', 'start'), routeButton(l.adminMenu, 'menu', 'admin')]);
  rows.push([routeButton(l.feedback, 'fb', 'menu', id), routeButton(l.contactSpecialist, 'fb', 'handover', id)]);
  if (asAdmin) rows.push([routeButton(l.unlinkTelegram, 'sm', 'unlink', id)]);
  rows.push([routeButton(l.exit, 'start', 'exit')]);
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
        ? routeButton(roleLabel(t, r), 'role', 'adm', r.clientId)
        : r.kind === 'subscriber'
          ? routeButton(roleLabel(t, r), 'role', 'sub', r.subscriberId)
          : routeButton(roleLabel(t, r), 'role', 'sup'),
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
