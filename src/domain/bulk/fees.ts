// R-FEE for a batch of a list: what chargeFee (src/domain/fees.ts) does for one subscriber, set-based —
// one conditional UPDATE debits every balance that stays at or above the client's floor, and one INSERT
// writes their `charges` lines (kind 'fee', period = this Minsk month), in the batch's own transaction.
import { sql } from 'drizzle-orm';
import { rawRows, type Executor } from '../../db/client.js';
import { charges, subscribers } from '../../db/schema/index.js';
import { today } from '../clock.js';
import type { DomainDeps } from '../deps.js';
import { balanceFloor } from '../fees.js';
import { monthStart } from '../time.js';

export interface FeeItem {
  subscriberId: number;
  /** Kopecks, VAT included; > 0. */
  amount: number;
  description: string;
}

/**
 * Debits each item (one per subscriber) unless it would take that balance below the floor; returns the
 * ids of the subscribers charged. The rest are refused by the caller as `fees.insufficientFunds`.
 */
export async function chargeFeesOf(
  tx: Executor,
  deps: Pick<DomainDeps, 'clock'>,
  clientId: number,
  items: FeeItem[],
): Promise<Set<number>> {
  const charged = new Set<number>();
  if (items.length === 0) return charged;
  for (const item of items) {
    if (!Number.isSafeInteger(item.amount) || item.amount <= 0) throw new Error(`invalid fee ${item.amount}`);
  }
  const floor = await balanceFloor(tx, clientId);
  const values = sql.join(
    items.map((i) => sql`(${i.subscriberId}::int, ${i.amount}::bigint)`),
    sql`, `,
  );
  const rows = await rawRows<{ id: number }>(
    tx,
    sql`update ${subscribers} s set balance = s.balance - v.amount from (values ${values}) as v(id, amount)
        where s.id = v.id and s.balance - v.amount >= ${floor} returning s.id`,
  );
  for (const r of rows) charged.add(Number(r.id));
  const day = today(deps.clock);
  const now = deps.clock.now();
  const lines = items
    .filter((i) => charged.has(i.subscriberId))
    .map((i) => ({
      subscriberId: i.subscriberId,
      period: monthStart(day),
      chargedOn: day,
      kind: 'fee' as const,
      description: i.description,
      amount: i.amount,
      createdAt: now,
    }));
  if (lines.length > 0) await tx.insert(charges).values(lines);
  return charged;
}
