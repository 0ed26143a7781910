// «Мои заявки» in «Операции с услугами» (R-ORDER): the subscriber's orders, newest first
// (`myord:list:<subscriberId>:<state|all>:<page>`; the dispatcher re-checks the subscriber id).
import type { BotContext } from '../../../src/bot/context.js';
import { phone } from '../../../src/bot/format.js';
import { button } from '../../../src/bot/keyboards.js';
import { show } from '../../../src/bot/render.js';
import type { Section } from '../../../src/bot/sections.js';
import { listOrders } from '../../../src/domain/orders/list.js';
import { subscriberSummary } from '../../../src/domain/subscribers/search.js';
import { ordersView, stateFilterOf } from './views.js';

export const MY_ORDERS = 'myord';

async function list(ctx: BotContext, [state, page]: string[]): Promise<void> {
  const deps = ctx.services.deps;
  const subscriberId = ctx.subscriberId!;
  const filter = stateFilterOf(state);
  const s = await subscriberSummary(deps, ctx.actor!, subscriberId);
  const result = await listOrders(deps, ctx.actor!, {
    subscriberId,
    state: filter === 'all' ? undefined : filter,
    page: Number.parseInt(page ?? '0', 10) || 0,
    pageSize: deps.settings.pageSize,
  });
  await show(
    ctx,
    ordersView(
      ctx.t,
      ctx.t.orders.titleMine(phone(s.msisdn)),
      result,
      filter,
      { area: MY_ORDERS, action: 'list', args: [subscriberId] },
      button(ctx.t.core.labels.back, 'ops', 'menu', subscriberId),
    ),
  );
}

export const sections: Section[] = [
  { area: MY_ORDERS, roles: ['admin', 'subscriber'], subscriberScoped: true, actions: { list } },
];
