// «Выбор абонента» (R-SUB-SEARCH): a typed mask, a personal account, or «Показать все»; results are
// paginated buttons that open the subscriber menu. The domain scopes every query to the client.
import { Scenes } from 'telegraf';
import { idArg } from '../../src/bot/callback-data.js';
import type { BotContext } from '../../src/bot/context.js';
import { phone } from '../../src/bot/format.js';
import { routeButton, type Keyboard, pagerRow, type View } from '../../src/bot/keyboards.js';
import { show } from '../../src/bot/render.js';
import { type Section, StaleButtonError, legacySection } from '../../src/bot/sections.js';
import type { Texts } from '../../src/bot/texts/index.js';
import { DomainError } from '../../src/domain/errors.js';
import { listPersonalAccounts, type SubscriberPage, searchSubscribers } from '../../src/domain/subscribers/search.js';
import { adminMenu, subscriberMenu } from './menu/section.js';
import { button } from '../../src/bot/actions.js';

const AREA = 'pick';

export function pickPromptView(t: Texts, accounts: { id: number; number: string; name: string }[]): View {
  const l = t.core.labels;
  return {
    text: t.core.pick.prompt,
    keyboard: [
      ...accounts.map((a) => [routeButton(t.core.pick.account(a.number, a.name), AREA, 'acc', a.id)]),
      [routeButton(l.showAll, AREA, 'all')],
      [button(l.back, adminMenu)],
    ],
  };
}

/** Results: the number first, then the name; «Далее» continues after the last number (keyset). */
export function pickResultsView(
  t: Texts,
  page: SubscriberPage,
  opts: { title: string; nextAction: string; nextArgs: (string | number)[] },
): View {
  const l = t.core.labels;
  const rows: Keyboard = page.items.map((s) => [button(`${phone(s.msisdn)} · ${s.displayName}`, subscriberMenu, s.id)]);
  const next = page.nextAfter
    ? routeButton(l.next, AREA, opts.nextAction, ...opts.nextArgs, page.nextAfter).callback_data
    : undefined;
  const pager = pagerRow(l, undefined, next);
  if (pager.length) rows.push(pager);
  rows.push([routeButton(l.back, AREA, 'start')]);
  return { text: page.items.length ? opts.title : t.core.pick.none, keyboard: rows };
}

function cursor(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^375\d{9}$/.test(value)) throw new StaleButtonError('bad cursor');
  return value;
}

async function prompt(ctx: BotContext): Promise<void> {
  const accounts = await listPersonalAccounts(ctx.services.deps, ctx.actor!);
  await show(ctx, pickPromptView(ctx.t, accounts));
}

async function byMask(ctx: BotContext, mask: string, after?: string, newMessage = false): Promise<void> {
  const page = await searchSubscribers(ctx.services.deps, ctx.actor!, { mask, after });
  ctx.session.pickMask = mask;
  await show(
    ctx,
    pickResultsView(ctx.t, page, { title: ctx.t.core.pick.results(mask, 1), nextAction: 'mask', nextArgs: [] }),
    { newMessage },
  );
}

async function byAccount(ctx: BotContext, accountId: number | undefined, after?: string): Promise<void> {
  // Another client's account would only find nothing; refuse it like any forged id (R-SCOPE, audited).
  if (
    accountId !== undefined &&
    !(await listPersonalAccounts(ctx.services.deps, ctx.actor!)).some((a) => a.id === accountId)
  ) {
    throw new DomainError('access.forbidden');
  }
  const page = await searchSubscribers(ctx.services.deps, ctx.actor!, { personalAccountId: accountId, after });
  const title = ctx.t.core.pick.results('', 1);
  await show(
    ctx,
    pickResultsView(
      ctx.t,
      page,
      accountId ? { title, nextAction: 'acc', nextArgs: [accountId] } : { title, nextAction: 'all', nextArgs: [] },
    ),
  );
}

const scene = new Scenes.BaseScene<BotContext>(AREA);
scene.on('text', async (ctx, next) => {
  const text = ctx.message.text;
  if (text.startsWith('/')) return next();
  await byMask(ctx, text.slice(0, 64), undefined, true);
});

export const chooseSubscriberSection: Section = legacySection({
  area: AREA,
  roles: ['admin'],
  scene,
  actions: {
    start: async (ctx) => {
      ctx.session.subscriberId = undefined;
      await prompt(ctx);
    },
    mask: async (ctx, [after]) => {
      if (ctx.session.pickMask === undefined) throw new StaleButtonError('no mask in session');
      await byMask(ctx, ctx.session.pickMask, cursor(after));
    },
    acc: async (ctx, [id, after]) => {
      const accountId = idArg(id);
      if (!accountId) throw new StaleButtonError('bad account');
      await byAccount(ctx, accountId, cursor(after));
    },
    all: async (ctx, [after]) => byAccount(ctx, undefined, cursor(after)),
  },
});

export const sections: Section[] = [chooseSubscriberSection];
