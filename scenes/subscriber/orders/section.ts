// «Мои заявки» in «Операции с услугами» (R-ORDER): the subscriber's orders, newest first, filtered by
// state and paginated; the dispatcher re-checks the subscriber id.
import { actions, button } from '../../../src/bot/actions.js';
import { arg, args } from '../../../src/bot/args.js';
import { phone } from '../../../src/bot/format.js';
import { show } from '../../../src/bot/render.js';
import { type Section, section } from '../../../src/bot/sections.js';
import { listOrders } from '../../../src/domain/orders/list.js';
import { subscriberSummary } from '../../../src/domain/subscribers/search.js';
import { serviceOperations } from '../service-operations/section.js';
import { ordersView, STATE_FILTERS } from './views.js';

const myord = actions('myord', { scope: 'subscriber', roles: ['admin', 'subscriber'] });

export const myOrders = myord.action('list', {
  args: args([arg.oneOf(STATE_FILTERS), arg.int(0, 9999)]),
  changes: false,
  handler: async (ctx, [filter, page]) => {
    const deps = ctx.services.deps;
    const subscriberId = ctx.subscriberId;
    const s = await subscriberSummary(deps, ctx.actor, subscriberId);
    const result = await listOrders(deps, ctx.actor, {
      subscriberId,
      state: filter === 'all' ? undefined : filter,
      page,
      pageSize: deps.settings.pageSize,
    });
    await show(
      ctx,
      ordersView(
        ctx.t,
        ctx.t.orders.titleMine(phone(s.msisdn)),
        result,
        filter,
        (label, state, p) => button(label, myOrders, subscriberId, state, p),
        button(ctx.t.core.labels.back, serviceOperations, subscriberId),
      ),
    );
  },
});

export const sections: Section[] = [section(myord)];
