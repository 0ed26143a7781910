// R-IDEMP for «Операции с услугами»: every confirmed change runs in one transaction under a one-time
// nonce, so a double press or a redelivered update changes nothing twice (the second gets the first result).
import type { Tx } from '../../db/client.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { once } from '../idempotency.js';
import { isNonce } from '../nonce.js';

export type Confirmed<T> = T & {
  /** True when this nonce had already been used: nothing changed now. */ replayed: boolean;
};

/** The idempotency key of a confirmation: area, subscriber and the nonce the screen carried. */
export function confirmationKey(area: string, subscriberId: number, nonce: string): string {
  if (!isNonce(nonce)) throw new DomainError('services.invalidNonce');
  return `${area}:${subscriberId}:${nonce}`;
}

/** Runs `change` once per key, in one transaction; the result must be plain JSON (it is stored with the key). */
export async function runConfirmed<T extends object>(
  deps: Pick<DomainDeps, 'db' | 'clock'>,
  key: string,
  change: (tx: Tx, now: Date) => Promise<T>,
): Promise<Confirmed<T>> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const outcome = await once(tx, key, now, () => change(tx, now));
    return { ...outcome.result, replayed: !outcome.fresh };
  });
}
