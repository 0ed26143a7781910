// R-NUM-OFFER + R-FEE + R-IDEMP: confirming a reserved number debits the category fee, gives the
// subscriber the new number and sends the old one to quarantine — once per nonce, in one transaction.
// The Telegram link (telegram_roles by subscriber_id) is untouched, so it follows the subscriber.
import { and, eq, gt, ne } from 'drizzle-orm';
import { numberChanges, numberPool, subscribers } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { chargeFee } from '../fees.js';
import { once } from '../idempotency.js';
import { isNonce } from '../nonce.js';
import { formatPhone, normalizePhone } from '../phone.js';
import { subscriberInScope } from '../scope.js';
import { classifyNumber } from './categories.js';
import { loadClassifier } from './catalog.js';
import { bookQuarantineRelease } from './quarantine.js';
import type { RandomSource } from './search.js';
import { recordOrder } from '../orders/record.js';

export interface ConfirmInput {
  subscriberId: number;
  msisdn: string;
  /** One-time nonce of the confirmation screen. */
  nonce: string;
}

export interface NumberChanged {
  oldMsisdn: string;
  newMsisdn: string;
  categoryCode: string;
  categoryName: string;
  categoryNameEn: string;
  /** Kopecks. */
  fee: number;
  balanceAfter: number;
  /** ISO time the old number leaves quarantine. */
  quarantineUntil: string;
  /** True when this nonce had already made the change (double press, redelivered update). */
  repeated: boolean;
}

export async function confirmNumberChange(
  deps: DomainDeps,
  actor: Actor,
  input: ConfirmInput,
  random: RandomSource = Math.random,
): Promise<NumberChanged> {
  const msisdn = normalizePhone(input.msisdn);
  if (!isNonce(input.nonce)) throw new DomainError('numbers.reservationExpired');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const subscriber = await subscriberInScope(tx, actor, input.subscriberId, { forUpdate: true });
    const done = await once(tx, `numbers:change:${subscriber.id}:${input.nonce}`, now, async () => {
      if (subscriber.status === 'blocked') throw new DomainError('numbers.blocked');
      const [reserved] = await tx
        .select({ msisdn: numberPool.msisdn, categoryId: numberPool.categoryId })
        .from(numberPool)
        .where(
          and(
            eq(numberPool.msisdn, msisdn),
            eq(numberPool.status, 'free'),
            eq(numberPool.reservedBySubscriberId, subscriber.id),
            gt(numberPool.reservedUntil, now),
          ),
        )
        .for('update');
      if (!reserved) throw new DomainError('numbers.reservationExpired');
      const [holder] = await tx
        .select({ id: subscribers.id })
        .from(subscribers)
        .where(and(eq(subscribers.msisdn, msisdn), ne(subscribers.status, 'terminated')));
      if (holder) throw new DomainError('numbers.notAvailable');

      const { categories, compiled } = await loadClassifier(tx);
      const category = categories.find((c) => c.id === reserved.categoryId)!;
      const charged = await chargeFee(
        tx,
        deps,
        subscriber,
        category.fee,
        `Смена номера на ${formatPhone(msisdn)}, категория «${category.name}»`,
        { code: 'numbers.change', params: { msisdn, category: category.name, categoryEn: category.nameEn } },
      );

      // Recorded before the number moves, so the order names the subscriber by the number the operator knows.
      await recordOrder(tx, actor, now, {
        type: 'number.change',
        payload: { from: subscriber.msisdn, to: msisdn, category: category.code },
        fee: category.fee,
        clientId: subscriber.clientId,
        subscriberId: subscriber.id,
      });
      await tx.update(subscribers).set({ msisdn }).where(eq(subscribers.id, subscriber.id));
      await tx
        .update(numberPool)
        .set({ status: 'taken', reservedBySubscriberId: null, reservedUntil: null, quarantineUntil: null })
        .where(eq(numberPool.msisdn, msisdn));

      const oldMsisdn = subscriber.msisdn;
      const oldCategory = categories.find((c) => c.code === classifyNumber(oldMsisdn, compiled))!;
      const quarantineUntil = new Date(now.getTime() + deps.settings.numberQuarantineDays * 86_400_000);
      const quarantined = {
        status: 'quarantine' as const,
        categoryId: oldCategory.id,
        reservedBySubscriberId: null,
        reservedUntil: null,
        quarantineUntil,
      };
      await tx
        .insert(numberPool)
        .values({ msisdn: oldMsisdn, randomKey: random(), ...quarantined })
        .onConflictDoUpdate({ target: numberPool.msisdn, set: quarantined });

      await bookQuarantineRelease(tx, now, quarantineUntil);
      await tx
        .insert(numberChanges)
        .values({ subscriberId: subscriber.id, oldMsisdn, newMsisdn: msisdn, fee: category.fee, changedAt: now });
      await audit(tx, actor, now, {
        action: 'numbers.change',
        clientId: subscriber.clientId,
        subscriberId: subscriber.id,
        before: { msisdn: oldMsisdn, balance: subscriber.balance },
        after: { msisdn, category: category.code, fee: category.fee, balance: charged.balanceAfter },
      });
      return {
        oldMsisdn,
        newMsisdn: msisdn,
        categoryCode: category.code,
        categoryName: category.name,
        categoryNameEn: category.nameEn,
        fee: category.fee,
        balanceAfter: charged.balanceAfter,
        quarantineUntil: quarantineUntil.toISOString(),
      };
    });
    return { ...done.result, repeated: !done.fresh };
  });
}
