// R-FEE before a confirmation: a preview refuses early when the fee would take the balance below the
// client's floor, so the user learns it before pressing «Подтвердить» (chargeFee re-checks at the change).
import type { Executor } from '../../db/client.js';
import { DomainError } from '../errors.js';
import { balanceFloor } from '../fees.js';

export async function assertAffordable(
  tx: Executor,
  subscriber: { clientId: number; balance: number },
  fee: number,
): Promise<void> {
  if (fee <= 0) return;
  if (subscriber.balance - fee < (await balanceFloor(tx, subscriber.clientId))) {
    throw new DomainError('fees.insufficientFunds', { fee });
  }
}
