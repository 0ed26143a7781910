import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { charges, subscribers } from '../../src/db/schema/index.js';
import { chargeFee } from '../../src/domain/fees.js';
import { createTestDeps } from '../helpers/deps.js';
import { makeClient, makeSubscriber } from '../helpers/fixtures.js';

const deps = await createTestDeps('2026-11-30T23:30');

const balanceOf = async (id: number) =>
  (await deps.db.select().from(subscribers).where(eq(subscribers.id, id)))[0]!.balance;
const linesOf = (id: number) => deps.db.select().from(charges).where(eq(charges.subscriberId, id));
const charge = (sub: { id: number; clientId: number }, amount: number) =>
  deps.db.transaction((tx) => chargeFee(tx, deps, sub, amount, 'Плата'));

describe('R-FEE: the balance floor', () => {
  it('advance-payment client: the balance may reach zero, not below; nothing changes on refusal', async () => {
    const client = await makeClient(deps.db, { paymentForm: 'advance', creditLimit: 50000 });
    const sub = await makeSubscriber(deps.db, { clientId: client.id, balance: 300 });
    await expect(charge(sub, 301)).rejects.toMatchObject({ code: 'fees.insufficientFunds' });
    expect(await balanceOf(sub.id)).toBe(300);
    expect(await linesOf(sub.id)).toHaveLength(0);
    expect(await charge(sub, 300)).toMatchObject({ balanceAfter: 0 });
  });

  it('credit client: the balance may reach minus the credit limit, not below', async () => {
    const client = await makeClient(deps.db, { paymentForm: 'credit', creditLimit: 10000 });
    const sub = await makeSubscriber(deps.db, { clientId: client.id, balance: 500 });
    await expect(charge(sub, 10501)).rejects.toMatchObject({ code: 'fees.insufficientFunds' });
    expect(await balanceOf(sub.id)).toBe(500);
    expect(await linesOf(sub.id)).toHaveLength(0);
    expect(await charge(sub, 10500)).toMatchObject({ balanceAfter: -10000 });
  });

  it('the fee is a line of the current month, its period and day in Europe/Minsk', async () => {
    const sub = await makeSubscriber(deps.db, { balance: 1000 });
    await charge(sub, 100);
    deps.clock.set('2026-11-30T23:30:00Z'); // 02:30 on 1 December in Minsk
    await charge(sub, 200);
    expect((await linesOf(sub.id)).map((l) => [l.kind, l.amount, l.period, l.chargedOn])).toEqual([
      ['fee', 100, '2026-11-01', '2026-11-30'],
      ['fee', 200, '2026-12-01', '2026-12-01'],
    ]);
    expect(await balanceOf(sub.id)).toBe(700);
  });
});
