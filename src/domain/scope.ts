// R-SCOPE: the one place that decides whether an actor may touch a subscriber or a client.
// Every domain function that takes an id from the user loads it through here.
import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { subscribers } from '../db/schema/index.js';
import type { Actor } from './actor.js';
import { DomainError } from './errors.js';

export type SubscriberRow = typeof subscribers.$inferSelect;

/** The subscriber, if `actor` may act on it; otherwise DomainError('access.forbidden'). */
export async function subscriberInScope(
  tx: Executor,
  actor: Actor,
  subscriberId: number,
  opts: { forUpdate?: boolean } = {},
): Promise<SubscriberRow> {
  if (!Number.isSafeInteger(subscriberId) || subscriberId <= 0) throw new DomainError('access.forbidden');
  if (actor.kind === 'subscriber' && actor.subscriberId !== subscriberId) throw new DomainError('access.forbidden');
  if (actor.kind === 'support') throw new DomainError('access.forbidden');
  const query = tx
    .select()
    .from(subscribers)
    .where(and(eq(subscribers.id, subscriberId), ne(subscribers.status, 'terminated')));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw new DomainError('access.forbidden');
  if ((actor.kind === 'admin' || actor.kind === 'subscriber') && row.clientId !== actor.clientId) {
    throw new DomainError('access.forbidden');
  }
  return row;
}

/** The client id an administrator acts for; anyone else is refused. */
export function adminClientId(actor: Actor): number {
  if (actor.kind !== 'admin') throw new DomainError('access.forbidden');
  return actor.clientId;
}
