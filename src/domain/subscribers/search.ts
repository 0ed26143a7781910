// R-SUB-SEARCH: «Выбор абонента» by a number mask, by personal account, or «Показать все» — always
// led by the administrator's client (R-SCOPE), keyset-paginated by msisdn, without COUNT(*); the index
// for each mask is chosen by mask-strategy.ts.
import { and, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { personalAccounts, subscribers, tariffPlans } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { COUNTRY_CODE, parseMask } from '../phone.js';
import { adminClientId, type SubscriberRow } from '../scope.js';
import { maskStrategy, nextPrefix } from './mask-strategy.js';

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
  const rows = await subscriberPageQuery(deps.db, clientId, query, limit + 1);
  const items = rows.slice(0, limit);
  return { items, nextAfter: rows.length > limit ? items[items.length - 1]!.msisdn : undefined };
}

/** The statement of one page (up to `rows` rows) of the client's numbers; exported for EXPLAIN tests. */
export function subscriberPageQuery(db: Executor, clientId: number, query: SearchQuery, rows: number) {
  const msisdn = subscribers.msisdn;
  const conditions: SQL[] = [eq(subscribers.clientId, clientId), sql`${subscribers.status} <> 'terminated'`];
  if (query.mask !== undefined) {
    const { like } = parseMask(query.mask);
    const strategy = maskStrategy(like);
    if (strategy.kind === 'exact') conditions.push(eq(msisdn, strategy.msisdn));
    else {
      // The mask itself, written so that no index takes it as its condition: the trigram index would
      // (badly: `375` is in every number), and the strategy's own range below is the better one.
      if (like !== `${COUNTRY_CODE}%`) conditions.push(sql`(${msisdn} || '') like ${like}`);
      if (strategy.kind === 'ordered' && strategy.prefix.length > COUNTRY_CODE.length) {
        conditions.push(sql`${msisdn} ~>=~ ${strategy.prefix} and ${msisdn} ~<~ ${nextPrefix(strategy.prefix)}`);
      } else if (strategy.kind === 'suffix') {
        const reversed = [...strategy.suffix].reverse().join('');
        conditions.push(sql`reverse(${msisdn}) ~>=~ ${reversed} and reverse(${msisdn}) ~<~ ${nextPrefix(reversed)}`);
      } else if (strategy.kind === 'trigram') {
        conditions.push(sql`${msisdn} like ${`%${strategy.run}%`}`);
      }
    }
  }
  if (query.personalAccountId !== undefined)
    conditions.push(eq(subscribers.personalAccountId, query.personalAccountId));
  // Byte order (~>~, ~<~) is the order of the client's text_pattern_ops index, so a page is read off it in
  // order; for 12-digit numbers it is the same order as any collation's.
  if (query.after !== undefined) conditions.push(sql`${msisdn} ~>~ ${query.after}`);
  return db
    .select({ id: subscribers.id, msisdn, displayName: subscribers.displayName, status: subscribers.status })
    .from(subscribers)
    .where(and(...conditions))
    .orderBy(sql`${msisdn} using ~<~`)
    .limit(rows);
}

export async function listPersonalAccounts(deps: DomainDeps, actor: Actor) {
  const clientId = adminClientId(actor);
  return deps.db
    .select({ id: personalAccounts.id, number: personalAccounts.number, name: personalAccounts.name })
    .from(personalAccounts)
    .where(eq(personalAccounts.clientId, clientId))
    .orderBy(personalAccounts.number);
}

/** The card's one statement, built once per database: drizzle spends ~0.5 ms of CPU building a select each time (bench/). */
const summaryStatements = new WeakMap<Db, ReturnType<typeof prepareSummary>>();

function prepareSummary(db: Db) {
  return db
    .select({ subscriber: subscribers, tariffName: tariffPlans.name })
    .from(subscribers)
    .leftJoin(tariffPlans, eq(tariffPlans.id, subscribers.tariffPlanId))
    .where(and(eq(subscribers.id, sql.placeholder('id')), ne(subscribers.status, 'terminated')))
    .prepare('subscriber_summary');
}

/**
 * The short card used by the subscriber menu header and the basic «Персональная информация». Every menu
 * press shows it, so it is ONE prepared statement (the row subscriberInScope loads, joined with its plan's
 * name; bench/ counts statements and CPU per press) and applies subscriberInScope's rules to that row (R-SCOPE).
 */
export async function subscriberSummary(
  deps: DomainDeps,
  actor: Actor,
  subscriberId: number,
): Promise<SubscriberRow & { tariffName: string }> {
  if (!Number.isSafeInteger(subscriberId) || subscriberId <= 0) throw new DomainError('access.forbidden');
  if (actor.kind === 'subscriber' && actor.subscriberId !== subscriberId) throw new DomainError('access.forbidden');
  if (actor.kind === 'support') throw new DomainError('access.forbidden');
  let statement = summaryStatements.get(deps.db);
  if (!statement) {
    statement = prepareSummary(deps.db);
    summaryStatements.set(deps.db, statement);
  }
  const [row] = await statement.execute({ id: subscriberId });
  if (!row) throw new DomainError('access.forbidden');
  if ((actor.kind === 'admin' || actor.kind === 'subscriber') && row.subscriber.clientId !== actor.clientId)
    throw new DomainError('access.forbidden');
  return { ...row.subscriber, tariffName: row.tariffName ?? '' };
}
