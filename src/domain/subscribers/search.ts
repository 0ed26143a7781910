// R-SUB-SEARCH: «Выбор абонента» by a number mask, by personal account, or «Показать все» — always
// led by the administrator's client (R-SCOPE), keyset-paginated by msisdn, without COUNT(*).
import { and, asc, eq, gt, like, ne, sql } from 'drizzle-orm';
import { personalAccounts, subscribers, tariffPlans } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { maskShape, parseMask } from '../phone.js';
import { adminClientId, type SubscriberRow } from '../scope.js';

export interface SubscriberListItem {
  id: number;
  msisdn: string;
  displayName: string;
  status: string;
}

export interface SubscriberPage {
  items: SubscriberListItem[];
  /** msisdn to continue after, when there is a next page. */
  nextAfter?: string;
}

export interface SearchQuery {
  /** Typed mask (R-PHONE normalised here); absent for «Показать все». */
  mask?: string;
  personalAccountId?: number;
  /** Keyset cursor: the last msisdn of the previous page. */
  after?: string;
  limit?: number;
}

export async function searchSubscribers(deps: DomainDeps, actor: Actor, query: SearchQuery): Promise<SubscriberPage> {
  const clientId = adminClientId(actor);
  const limit = query.limit ?? deps.settings.pageSize;
  const conditions = [eq(subscribers.clientId, clientId), sql`${subscribers.status} <> 'terminated'`];
  if (query.mask !== undefined) {
    const mask = parseMask(query.mask);
    const shape = maskShape(mask.mask);
    if (shape === 'exact') conditions.push(eq(subscribers.msisdn, mask.like));
    else if (shape === 'suffix') {
      // reverse(msisdn) LIKE reverse(pattern) lets the reverse() index serve a leading wildcard.
      conditions.push(sql`reverse(${subscribers.msisdn}) like reverse(${mask.like})`);
    } else if (shape !== 'all') conditions.push(like(subscribers.msisdn, mask.like));
  }
  if (query.personalAccountId !== undefined) conditions.push(eq(subscribers.personalAccountId, query.personalAccountId));
  if (query.after !== undefined) conditions.push(gt(subscribers.msisdn, query.after));
  const rows = await deps.db
    .select({ id: subscribers.id, msisdn: subscribers.msisdn, displayName: subscribers.displayName, status: subscribers.status })
    .from(subscribers)
    .where(and(...conditions))
    .orderBy(asc(subscribers.msisdn))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  return { items, nextAfter: rows.length > limit ? items[items.length - 1]!.msisdn : undefined };
}

export async function listPersonalAccounts(deps: DomainDeps, actor: Actor) {
  const clientId = adminClientId(actor);
  return deps.db
    .select({ id: personalAccounts.id, number: personalAccounts.number, name: personalAccounts.name })
    .from(personalAccounts)
    .where(eq(personalAccounts.clientId, clientId))
    .orderBy(personalAccounts.number);
}

/**
 * The short card used by the subscriber menu header and the basic «Персональная информация». Every menu
 * press shows it, so it is ONE statement (the row subscriberInScope loads, joined with its plan's name;
 * bench/ counts statements per press) and applies subscriberInScope's rules to that row (R-SCOPE).
 */
export async function subscriberSummary(deps: DomainDeps, actor: Actor, subscriberId: number): Promise<SubscriberRow & { tariffName: string }> {
  if (!Number.isSafeInteger(subscriberId) || subscriberId <= 0) throw new DomainError('access.forbidden');
  if (actor.kind === 'subscriber' && actor.subscriberId !== subscriberId) throw new DomainError('access.forbidden');
  if (actor.kind === 'support') throw new DomainError('access.forbidden');
  const [row] = await deps.db
    .select({ subscriber: subscribers, tariffName: tariffPlans.name })
    .from(subscribers)
    .leftJoin(tariffPlans, eq(tariffPlans.id, subscribers.tariffPlanId))
    .where(and(eq(subscribers.id, subscriberId), ne(subscribers.status, 'terminated')));
  if (!row) throw new DomainError('access.forbidden');
  if ((actor.kind === 'admin' || actor.kind === 'subscriber') && row.subscriber.clientId !== actor.clientId) throw new DomainError('access.forbidden');
  return { ...row.subscriber, tariffName: row.tariffName ?? '' };
}
