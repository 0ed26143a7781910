import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { charges, subscribers } from '../../../src/db/schema/index.js';
import { chargeFee } from '../../../src/domain/fees.js';
import { createTestDeps } from '../../helpers/deps.js';
import { makeClient, makeSubscriber } from '../../helpers/fixtures.js';

const deps = await createTestDeps('2026-11-10T10:00');

async function balanceOf(id: number) {
  const [row] = await deps.db.select({ balance: subscribers.balance }).from(subscribers).where(eq(subscribers.id, id));
  return row!.balance;
}

describe('R-FEE: a fee is debited with a line of the current month, within balance or credit', () => {
  it('debits the balance and writes a fee line of this Minsk month', async () => {
    const s = await makeSubscriber(deps.db, { balance: 1000 });
    const charged = await deps.db.transaction((tx) => chargeFee(tx, deps, s, 887, 'Смена номера'));
    expect(charged.balanceAfter).toBe(113);
    expect(await balanceOf(s.id)).toBe(113);
    const lines = await deps.db.select().from(charges).where(eq(charges.subscriberId, s.id));
    expect(lines).toMatchObject([
      { kind: 'fee', amount: 887, period: '2026-11-01', chargedOn: '2026-11-10', description: 'Смена номера' },
    ]);
  });

  it('an advance-payment client may not go below zero', async () => {
    const client = await makeClient(deps.db, { paymentForm: 'advance', creditLimit: 0 });
    const s = await makeSubscriber(deps.db, { clientId: client.id, balance: 500 });
    await expect(deps.db.transaction((tx) => chargeFee(tx, deps, s, 501, 'x'))).rejects.toThrow(
      'fees.insufficientFunds',
    );
    await deps.db.transaction((tx) => chargeFee(tx, deps, s, 500, 'x'));
    expect(await balanceOf(s.id)).toBe(0);
  });

  it('a credit client may go down to minus the credit limit, not further', async () => {
    const client = await makeClient(deps.db, { paymentForm: 'credit', creditLimit: 10000 });
    const s = await makeSubscriber(deps.db, { clientId: client.id, balance: 500 });
    await expect(deps.db.transaction((tx) => chargeFee(tx, deps, s, 10501, 'x'))).rejects.toThrow(
      'fees.insufficientFunds',
    );
    expect(await balanceOf(s.id)).toBe(500);
    await deps.db.transaction((tx) => chargeFee(tx, deps, s, 10500, 'x'));
    expect(await balanceOf(s.id)).toBe(-10000);
    const lines = await deps.db.select().from(charges).where(eq(charges.subscriberId, s.id));
    expect(lines).toHaveLength(1);
  });
});
