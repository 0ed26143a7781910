// «Мои заявки» / «Заявки» (R-ORDER): a page of orders, newest first, optionally of one state — a
// subscriber's own (or, for an administrator, the chosen subscriber's), or the administrator's client's.
import { and, count, desc, eq } from 'drizzle-orm';
import { orders } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import type { DomainDeps } from '../deps.js';
import { adminClientId, subscriberInScope } from '../scope.js';
import type { OrderState, OrderType } from './types.js';

export interface OrderLine {
  id: number;
  type: OrderType;
  msisdn: string | null;
  state: OrderState;
  reason: string | null;
  createdAt: Date;
}

export interface OrdersPage {
  lines: OrderLine[];
  total: number;
  page: number;
  pages: number;
}

export async function listOrders(
  deps: DomainDeps,
  actor: Actor,
  input: { subscriberId?: number; state?: OrderState; page: number; pageSize: number },
): Promise<OrdersPage> {
  const owner = input.subscriberId
    ? eq(orders.subscriberId, (await subscriberInScope(deps.db, actor, input.subscriberId)).id)
    : eq(orders.clientId, adminClientId(actor));
  const where = and(owner, input.state ? eq(orders.state, input.state) : undefined);
  const [{ n } = { n: 0 }] = await deps.db.select({ n: count() }).from(orders).where(where);
  const pages = Math.max(1, Math.ceil(Number(n) / input.pageSize));
  const page = Math.min(Math.max(0, input.page), pages - 1);
  const rows = await deps.db
    .select({
      id: orders.id,
      type: orders.type,
      msisdn: orders.msisdn,
      state: orders.state,
      reason: orders.reason,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .where(where)
    .orderBy(desc(orders.id))
    .offset(page * input.pageSize)
    .limit(input.pageSize);
  return { lines: rows.map((r) => ({ ...r, type: r.type as OrderType })), total: Number(n), page, pages };
}
