// «Выбор абонента» (R-SUB-SEARCH): a typed mask, a personal account, or «Показать все»; results are
// paginated buttons that open the subscriber menu. The domain scopes every query to the client.
import { actions, type RoleContext } from '../../../src/bot/actions.js';
import { arg, args, noArgs } from '../../../src/bot/args.js';
import { field } from '../../../src/bot/middleware/typed-input.js';
import { show } from '../../../src/bot/render.js';
import { formScene } from '../../../src/bot/scene-form.js';
import { type Section, StaleButtonError, section } from '../../../src/bot/sections.js';
import { DomainError } from '../../../src/domain/errors.js';
import { listPersonalAccounts, searchSubscribers } from '../../../src/domain/subscribers/search.js';
import { pickPromptView, pickResultsView } from './views.js';

const AREA = 'pick';
/** The typed mask or number. */
const MASK = field(64);
/** «Далее» continues after this number. */
const cursor = arg.token(/^375\d{9}$/, 12);

const pick = actions(AREA, { scope: 'role', roles: ['admin'] });

async function byMask(ctx: RoleContext, mask: string, after?: string, newMessage = false): Promise<void> {
  const page = await searchSubscribers(ctx.services.deps, ctx.actor, { mask, after });
  ctx.session.pickMask = mask;
  await show(ctx, pickResultsView(ctx.t, page, { title: ctx.t.core.pick.results(mask, 1), source: { kind: 'mask' } }), {
    newMessage,
  });
}

async function byAccount(ctx: RoleContext, accountId: number | undefined, after?: string): Promise<void> {
  // Another client's account would only find nothing; refuse it like any forged id (R-SCOPE, audited).
  if (
    accountId !== undefined &&
    !(await listPersonalAccounts(ctx.services.deps, ctx.actor)).some((a) => a.id === accountId)
  ) {
    throw new DomainError('access.forbidden');
  }
  const page = await searchSubscribers(ctx.services.deps, ctx.actor, { personalAccountId: accountId, after });
  const title = ctx.t.core.pick.results('', 1);
  await show(
    ctx,
    pickResultsView(ctx.t, page, {
      title,
      source: accountId ? { kind: 'account', accountId } : { kind: 'all' },
    }),
  );
}

export const chooseSubscriberStart = pick.action('start', {
  args: noArgs,
  changes: false,
  handler: async (ctx) => {
    ctx.session.subscriberId = undefined;
    const accounts = await listPersonalAccounts(ctx.services.deps, ctx.actor);
    await show(ctx, pickPromptView(ctx.t, accounts));
  },
});

export const byMaskPage = pick.action('mask', {
  args: args([cursor.optional()]),
  changes: false,
  handler: async (ctx, [after]) => {
    if (ctx.session.pickMask === undefined) throw new StaleButtonError('no mask in session');
    await byMask(ctx, ctx.session.pickMask, after);
  },
});

export const byAccountPage = pick.action('acc', {
  args: args([arg.id, cursor.optional()]),
  changes: false,
  handler: async (ctx, [accountId, after]) => byAccount(ctx, accountId, after),
});

export const everyonePage = pick.action('all', {
  args: args([cursor.optional()]),
  changes: false,
  handler: async (ctx, [after]) => byAccount(ctx, undefined, after),
});

const scene = formScene(AREA, {
  text: async (ctx, input) => byMask(ctx, input.read(MASK), undefined, true),
});

export const sections: Section[] = [section(pick, { scene })];
