// «Заявки» in the administrator's menu (R-ORDER): the client's orders, newest first, filtered by state
// and paginated; the domain refuses anyone but an administrator.
import { actions, button } from '../../../src/bot/actions.js';
import { arg, args } from '../../../src/bot/args.js';
import { show } from '../../../src/bot/render.js';
import { type Section, section } from '../../../src/bot/sections.js';
import { listOrders } from '../../../src/domain/orders/list.js';
import { adminMenu } from '../../shared/menu/section.js';
import { ordersView, STATE_FILTERS } from '../../subscriber/orders/views.js';

const aord = actions('aord', { scope: 'role', roles: ['admin'] });

export const clientOrders = aord.action('list', {
  args: args([arg.oneOf(STATE_FILTERS), arg.int(0, 9999)]),
  changes: false,
  handler: async (ctx, [filter, page]) => {
    const deps = ctx.services.deps;
    const result = await listOrders(deps, ctx.actor, {
      state: filter === 'all' ? undefined : filter,
      page,
      pageSize: deps.settings.pageSize,
    });
    await show(
      ctx,
      ordersView(
        ctx.t,
        ctx.t.orders.titleClient,
        result,
        filter,
        (label, state, p) => button(label, clientOrders, state, p),
        button(ctx.t.core.labels.back, adminMenu),
      ),
    );
  },
});

export const sections: Section[] = [section(aord)];
