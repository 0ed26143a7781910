// The «Смена номера» screen's data: attempts left today, the categories with fees, and the conditions
// («Условия смены номера»: reservation time and quarantine) — R-NUM-ATTEMPTS, R-NUM-OFFER.
import { and, eq, gt } from 'drizzle-orm';
import { numberPool } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import type { DomainDeps } from '../deps.js';
import { subscriberInScope } from '../scope.js';
import { attemptsLeft } from './attempts.js';
import { type Category, loadCategories } from './catalog.js';
import type { Reservation } from './reserve.js';
import { toOffer } from './search.js';

export interface NumberChangeScreen {
  subscriberId: number;
  msisdn: string;
  blocked: boolean;
  attemptsLeft: number;
  attemptsPerDay: number;
  /** Lowest rank first: «Простой» … «Платиновый». */
  categories: Pick<Category, 'code' | 'name' | 'nameEn' | 'rank' | 'fee'>[];
  reservationMinutes: number;
  quarantineDays: number;
  /** The subscriber's live reservation, if any (to go back to its confirmation). */
  reservation: Reservation | null;
}

export async function numberChangeScreen(
  deps: DomainDeps,
  actor: Actor,
  subscriberId: number,
): Promise<NumberChangeScreen> {
  const subscriber = await subscriberInScope(deps.db, actor, subscriberId);
  const now = deps.clock.now();
  const [categories, left, reserved] = await Promise.all([
    loadCategories(deps.db),
    attemptsLeft(deps.db, deps, subscriber.id),
    deps.db
      .select({ msisdn: numberPool.msisdn, until: numberPool.reservedUntil, categoryId: numberPool.categoryId })
      .from(numberPool)
      .where(
        and(
          eq(numberPool.reservedBySubscriberId, subscriber.id),
          eq(numberPool.status, 'free'),
          gt(numberPool.reservedUntil, now),
        ),
      )
      .limit(1),
  ]);
  const held = reserved[0];
  const heldCategory = held && categories.find((c) => c.id === held.categoryId);
  const reservation =
    held?.until && heldCategory ? { ...toOffer(held.msisdn, heldCategory), reservedUntil: held.until } : null;
  return {
    subscriberId: subscriber.id,
    msisdn: subscriber.msisdn,
    blocked: subscriber.status === 'blocked',
    attemptsLeft: left,
    attemptsPerDay: deps.settings.numberAttemptsPerDay,
    categories: categories.map(({ code, name, nameEn, rank, fee }) => ({ code, name, nameEn, rank, fee })),
    reservationMinutes: deps.settings.numberReservationMinutes,
    quarantineDays: deps.settings.numberQuarantineDays,
    reservation,
  };
}
