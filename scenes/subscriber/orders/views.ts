// «Мои заявки» / «Заявки» (R-ORDER): a page of orders with number, type, date, state and reason, a filter
// by state and a pager — one view for both screens (the buttons' route differs).
import { dateTime } from '../../../src/bot/format.js';
import { type InlineButton, pagerRow, type View } from '../../../src/bot/keyboards.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import type { OrdersPage } from '../../../src/domain/orders/list.js';
import { ORDER_STATES, type OrderState } from '../../../src/domain/orders/types.js';

export type StateFilter = OrderState | 'all';

/** The filters a screen offers, as its buttons carry them. */
export const STATE_FILTERS = ['all', ...ORDER_STATES] as const satisfies readonly StateFilter[];

/** The screen's own buttons (filter and pager) for a state and a page: each screen builds them from its action. */
export type OrdersRoute = (label: string, state: StateFilter, page: number) => InlineButton;

export function ordersView(
  t: Texts,
  title: string,
  result: OrdersPage,
  filter: StateFilter,
  route: OrdersRoute,
  back: InlineButton,
): View {
  const o = t.orders;
  const go = (state: StateFilter, page: number) => route('', state, page).callback_data;
  const lines = result.lines.map((l) =>
    [
      o.line(l.id, o.types[l.type] ?? l.type, dateTime(l.createdAt), o.states[l.state]),
      ...(l.reason ? [o.reason(l.reason)] : []),
    ].join('\n'),
  );
  const body = lines.length ? lines.join('\n') : o.empty;
  const pageLine = result.pages > 1 ? `\n\n${o.page(result.page + 1, result.pages)}` : '';
  const filters = STATE_FILTERS.map((s) => {
    const label = s === 'all' ? o.labels.all : o.states[s];
    return route(s === filter ? `• ${label}` : label, s, 0);
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
