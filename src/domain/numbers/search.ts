// «Подобрать номер» (R-NUM-MASK, R-NUM-ATTEMPTS, R-NUM-OFFER): spends one attempt and offers free
// numbers of the pool that match the mask and category, in random order.
import { sql } from 'drizzle-orm';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import { today } from '../clock.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { parseMask } from '../phone.js';
import { subscriberInScope } from '../scope.js';
import { type Executor, rawRows } from '../../db/client.js';
import type { Category } from './catalog.js';
import { type OfferRow, offerQuery } from './offer-query.js';

/** Uniform in [0,1); injected so tests can pin the random start point. */
export type RandomSource = () => number;

export interface SearchInput {
  subscriberId: number;
  /** As typed: normalised and checked by parseMask. */
  mask: string;
  /** null is «Все». */
  categoryCode: string | null;
}

export interface Offer {
  msisdn: string;
  categoryCode: string;
  categoryName: string;
  categoryNameEn: string;
  /** Kopecks. */
  fee: number;
}

export interface SearchResult {
  mask: string;
  categoryCode: string | null;
  attemptsLeft: number;
  offers: Offer[];
}

type OfferCategory = Pick<Category, 'id' | 'code' | 'name' | 'nameEn' | 'fee'>;

export function toOffer(msisdn: string, category: Pick<Category, 'code' | 'name' | 'nameEn' | 'fee'>): Offer {
  return {
    msisdn,
    categoryCode: category.code,
    categoryName: category.name,
    categoryNameEn: category.nameEn,
    fee: category.fee,
  };
}

export async function searchNumbers(
  deps: DomainDeps,
  actor: Actor,
  input: SearchInput,
  random: RandomSource = Math.random,
): Promise<SearchResult> {
  const { mask, like } = parseMask(input.mask);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    // The subscriber row lock serialises this subscriber's searches, so the count and the new attempt
    // row cannot race: with one attempt left, exactly one of two concurrent searches gets it.
    const subscriber = await subscriberInScope(tx, actor, input.subscriberId, { forUpdate: true });
    if (subscriber.status === 'blocked') throw new DomainError('numbers.blocked');
    const { categories, used } = await spendAttempt(tx, {
      subscriberId: subscriber.id,
      day: today(deps.clock),
      mask,
      categoryCode: input.categoryCode,
      now,
    });
    const category = input.categoryCode === null ? null : categories.find((c) => c.code === input.categoryCode);
    // Either refusal rolls the whole transaction back, the attempt row with it.
    if (category === undefined) throw new DomainError('numbers.unknownCategory');
    const left = Math.max(0, deps.settings.numberAttemptsPerDay - used);
    if (left <= 0) throw new DomainError('numbers.noAttemptsLeft');
    const start = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
    const rows = await rawRows<OfferRow>(
      tx,
      offerQuery({
        like,
        categoryId: category?.id ?? null,
        subscriberId: subscriber.id,
        currentMsisdn: subscriber.msisdn,
        now,
        start,
        limit: deps.settings.numberOffers,
      }),
    );
    const byId = new Map(categories.map((c) => [c.id, c]));
    const offers = rows.map((r) => toOffer(r.msisdn, byId.get(Number(r.category_id))!));
    await audit(tx, actor, now, {
      action: 'numbers.search',
      clientId: subscriber.clientId,
      subscriberId: subscriber.id,
      after: { mask, category: category?.code ?? null, offered: offers.length },
    });
    return { mask, categoryCode: category?.code ?? null, attemptsLeft: left - 1, offers };
  });
}

/**
 * One statement: records the attempt (R-NUM-ATTEMPTS) and reads the categories with the attempts used
 * today before this one (a data-modifying WITH is not seen by its own query). The caller refuses, and so
 * rolls the row back, when none was left or the category is unknown. One round trip instead of four.
 *
 * It also sets the rest of the transaction: nothing here needs to wait for the disk — a search changes
 * only its attempt and audit rows, and a database crash within the WAL writer's delay (well under a
 * second) could at worst lose those, one attempt given back; the wait for the WAL flush is most of a
 * search's time on a busy disk (bench/). And the offer query reads a few thousand index entries at most:
 * parallel workers or JIT would only add their start-up time to it.
 */
async function spendAttempt(
  tx: Executor,
  a: { subscriberId: number; day: string; mask: string; categoryCode: string | null; now: Date },
): Promise<{ categories: OfferCategory[]; used: number }> {
  const rows = await rawRows<{
    id: number;
    code: string;
    name: string;
    name_en: string;
    fee: number | string;
    used: number | string;
  }>(
    tx,
    sql`with settings as materialized (
        select set_config('synchronous_commit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)),
      spent as (
        insert into number_search_attempts (subscriber_id, day, mask, category_id, created_at)
        values (${a.subscriberId}, ${a.day}, ${a.mask}, (select id from number_categories where code = ${a.categoryCode}), ${a.now.toISOString()}::timestamptz)
        returning id)
      select c.id, c.code, c.name, c.name_en, c.fee,
             (select count(*) from number_search_attempts s where s.subscriber_id = ${a.subscriberId} and s.day = ${a.day}) as used
      from number_categories c cross join settings order by c.rank`,
  );
  const categories = rows.map((r) => ({
    id: Number(r.id),
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    fee: Number(r.fee),
  }));
  return { categories, used: Number(rows[0]?.used ?? 0) };
}
