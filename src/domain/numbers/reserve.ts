// R-NUM-OFFER: picking an offered number reserves it for the subscriber for N minutes. The reservation
// is one conditional UPDATE, so two users can never hold one number; a subscriber holds at most one.
import { and, eq, isNull, lte, ne, or } from 'drizzle-orm';
import { numberCategories, numberPool } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { normalizePhone } from '../phone.js';
import { subscriberInScope } from '../scope.js';
import type { Offer } from './search.js';

export interface Reservation extends Offer {
  reservedUntil: Date;
}

export async function reserveNumber(
  deps: DomainDeps,
  actor: Actor,
  input: { subscriberId: number; msisdn: string },
): Promise<Reservation> {
  const msisdn = normalizePhone(input.msisdn);
  const now = deps.clock.now();
  const until = new Date(now.getTime() + deps.settings.numberReservationMinutes * 60_000);
  return deps.db.transaction(async (tx) => {
    // Locking the subscriber serialises their own reservations: at most one is ever held.
    const subscriber = await subscriberInScope(tx, actor, input.subscriberId, { forUpdate: true });
    if (subscriber.status === 'blocked') throw new DomainError('numbers.blocked');
    if (msisdn === subscriber.msisdn) throw new DomainError('numbers.notAvailable');
    const [taken] = await tx
      .update(numberPool)
      .set({ reservedBySubscriberId: subscriber.id, reservedUntil: until })
      .where(
        and(
          eq(numberPool.msisdn, msisdn),
          eq(numberPool.status, 'free'),
          or(
            isNull(numberPool.reservedBySubscriberId),
            isNull(numberPool.reservedUntil),
            lte(numberPool.reservedUntil, now),
            eq(numberPool.reservedBySubscriberId, subscriber.id),
          ),
        ),
      )
      .returning({ msisdn: numberPool.msisdn, categoryId: numberPool.categoryId });
    if (!taken) throw new DomainError('numbers.notAvailable');
    const released = await tx
      .update(numberPool)
      .set({ reservedBySubscriberId: null, reservedUntil: null })
      .where(and(eq(numberPool.reservedBySubscriberId, subscriber.id), ne(numberPool.msisdn, msisdn)))
      .returning({ msisdn: numberPool.msisdn });
    const [category] = await tx.select().from(numberCategories).where(eq(numberCategories.id, taken.categoryId));
    await audit(tx, actor, now, {
      action: 'numbers.reserve',
      clientId: subscriber.clientId,
      subscriberId: subscriber.id,
      before: released.length ? { reserved: released.map((r) => r.msisdn) } : null,
      after: { reserved: msisdn, until: until.toISOString() },
    });
    return {
      msisdn,
      categoryCode: category!.code,
      categoryName: category!.name,
      categoryNameEn: category!.nameEn,
      fee: category!.fee,
      reservedUntil: until,
    };
  });
}
