// «Заявки» in the administrator's menu (R-ORDER): the client's orders, newest first, paginated, filtered
// by state (`aord:list:<state|all>:<page>`); the domain refuses anyone but an administrator.
import type { BotContext } from '../../../src/bot/context.js';
import { button } from '../../../src/bot/keyboards.js';
import { show } from '../../../src/bot/render.js';
import type { Section } from '../../../src/bot/sections.js';
import { listOrders } from '../../../src/domain/orders/list.js';
import { ordersView, stateFilterOf } from '../../subscriber/orders/views.js';

export const CLIENT_ORDERS = 'aord';

async function list(ctx: BotContext, [state, page]: string[]): Promise<void> {
  const deps = ctx.services.deps;
  const filter = stateFilterOf(state);
  const result = await listOrders(deps, ctx.actor!, {
    state: filter === 'all' ? undefined : filter,
    page: Number.parseInt(page ?? '0', 10) || 0,
    pageSize: deps.settings.pageSize,
  });
  await show(
    ctx,
    ordersView(
      ctx.t,
      ctx.t.orders.titleClient,
      result,
      filter,
      { area: CLIENT_ORDERS, action: 'list', args: [] },
      button(ctx.t.core.labels.back, 'menu', 'admin'),
    ),
  );
}

export const sections: Section[] = [{ area: CLIENT_ORDERS, roles: ['admin'], actions: { list } }];
