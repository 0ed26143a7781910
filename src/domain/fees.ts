// R-FEE: a fee the bot charges is debited from the subscriber's balance in the change's own transaction
// and appears as a line of the current month in «Начисления за период». Shared by every paid change.
import { and, eq, gte, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { charges, clients, subscribers } from '../db/schema/index.js';
import type { DomainDeps } from './deps.js';
import type { ChargeText } from './charge-texts.js';
import { DomainError } from './errors.js';
import { monthStart } from './time.js';
import { today } from './clock.js';

export interface FeeCharged {
  /** Kopecks after the debit. */
  balanceAfter: number;
  /** The `charges` line, or null for a zero fee (nothing to show). */
  chargeId: number | null;
}

/**
 * The lowest balance a subscriber may reach: 0 for advance-payment clients, minus the credit limit for
 * credit clients.
 */
export async function balanceFloor(tx: Executor, clientId: number): Promise<number> {
  const [client] = await tx
    .select({ paymentForm: clients.paymentForm, creditLimit: clients.creditLimit })
    .from(clients)
    .where(eq(clients.id, clientId));
  if (!client) throw new DomainError('access.forbidden');
  return client.paymentForm === 'credit' ? -client.creditLimit : 0;
}

/**
 * Debits `amountKopecks` (VAT included) and writes the `charges` line (kind 'fee', period = this Minsk
 * month). Call inside the change's transaction: a refusal throws DomainError('fees.insufficientFunds')
 * and the caller's transaction rolls back with it. The debit is one conditional UPDATE, so two
 * concurrent fees can never together push the balance below the floor.
 */
export async function chargeFee(
  tx: Executor,
  deps: Pick<DomainDeps, 'clock'>,
  subscriber: { id: number; clientId: number },
  amountKopecks: number,
  description: string,
  text?: ChargeText,
): Promise<FeeCharged> {
  if (!Number.isSafeInteger(amountKopecks) || amountKopecks < 0) throw new Error(`invalid fee ${amountKopecks}`);
  const floor = await balanceFloor(tx, subscriber.clientId);
  const [row] = await tx
    .update(subscribers)
    .set({ balance: sql`${subscribers.balance} - ${amountKopecks}` })
    .where(and(eq(subscribers.id, subscriber.id), gte(sql`${subscribers.balance} - ${amountKopecks}`, floor)))
    .returning({ balance: subscribers.balance });
  if (!row) throw new DomainError('fees.insufficientFunds', { fee: amountKopecks });
  if (amountKopecks === 0) return { balanceAfter: row.balance, chargeId: null };
  const now = deps.clock.now();
  const day = today(deps.clock);
  const [line] = await tx
    .insert(charges)
    .values({
      subscriberId: subscriber.id,
      period: monthStart(day),
      chargedOn: day,
      kind: 'fee',
      description,
      textCode: text?.code ?? null,
      textParams: text?.params ?? null,
      amount: amountKopecks,
      createdAt: now,
    })
    .returning({ id: charges.id });
  if (!line) throw new Error('the charge line was not written');
  return { balanceAfter: row.balance, chargeId: line.id };
}
