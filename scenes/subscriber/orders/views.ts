// «Мои заявки» / «Заявки» (R-ORDER): a page of orders with number, type, date, state and reason, a filter
// by state and a pager — one view for both screens (the buttons' route differs).
import { dateTime } from '../../../src/bot/format.js';
import { button, type InlineButton, pagerRow, type View } from '../../../src/bot/keyboards.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import type { OrdersPage } from '../../../src/domain/orders/list.js';
import { ORDER_STATES, type OrderState } from '../../../src/domain/orders/types.js';

export type StateFilter = OrderState | 'all';

/** The route of the screen's own buttons: area, action and the arguments before `<state>:<page>`. */
export interface OrdersRoute {
  area: string;
  action: string;
  args: (string | number)[];
}

export function stateFilterOf(value: string | undefined): StateFilter {
  return (ORDER_STATES as readonly string[]).includes(value ?? '') ? (value as OrderState) : 'all';
}

export function ordersView(
  t: Texts,
  title: string,
  result: OrdersPage,
  filter: StateFilter,
  route: OrdersRoute,
  back: InlineButton,
): View {
  const o = t.orders;
  const go = (state: StateFilter, page: number) =>
    button('', route.area, route.action, ...route.args, state, page).callback_data;
  const lines = result.lines.map((l) =>
    [
      o.line(l.id, o.types[l.type] ?? l.type, dateTime(l.createdAt), o.states[l.state]),
      ...(l.reason ? [o.reason(l.reason)] : []),
    ].join('\n'),
  );
  const body = lines.length ? lines.join('\n') : o.empty;
  const pageLine = result.pages > 1 ? `\n\n${o.page(result.page + 1, result.pages)}` : '';
  const filters = (['all', ...ORDER_STATES] as StateFilter[]).map((s) => {
    const label = s === 'all' ? o.labels.all : o.states[s];
    return button(s === filter ? `• ${label}` : label, route.area, route.action, ...route.args, s, 0);
  });
  const pager = pagerRow(
    t.core.labels,
    result.page > 0 ? go(filter, result.page - 1) : undefined,
    result.page + 1 < result.pages ? go(filter, result.page + 1) : undefined,
  );
  return {
    text: `${title}\n\n${body}${pageLine}`,
    keyboard: [filters.slice(0, 3), filters.slice(3), ...(pager.length ? [pager] : []), [back]],
  };
}
