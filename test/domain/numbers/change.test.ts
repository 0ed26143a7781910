import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  auditLog,
  charges,
  numberChanges,
  numberPool,
  subscribers,
  telegramRoles,
} from '../../../src/db/schema/index.js';
import { confirmNumberChange } from '../../../src/domain/numbers/confirm.js';
import { releaseQuarantine } from '../../../src/domain/numbers/quarantine.js';
import { reserveNumber } from '../../../src/domain/numbers/reserve.js';
import { searchNumbers } from '../../../src/domain/numbers/search.js';
import { createTestDeps, minsk } from '../../helpers/deps.js';
import {
  linkSubscriber,
  makeCategories,
  makeClient,
  makePoolNumber,
  makeSubscriber,
  subscriberActor,
} from '../../helpers/fixtures.js';

const deps = await createTestDeps('2026-11-10T10:00', { numberAttemptsPerDay: 1000 });
const categories = await makeCategories(deps.db);

let nonceSeq = 0;
const nonce = () => `nonce-${++nonceSeq}-abcdef`;

async function subscriberRow(id: number) {
  const [row] = await deps.db.select().from(subscribers).where(eq(subscribers.id, id));
  return row!;
}
async function poolRow(msisdn: string) {
  const [row] = await deps.db.select().from(numberPool).where(eq(numberPool.msisdn, msisdn));
  return row;
}

/** A subscriber with a reserved number, ready to confirm. */
async function reserved(msisdn: string, over: Parameters<typeof makeSubscriber>[1] = {}) {
  await makePoolNumber(deps.db, categories, msisdn);
  const s = await makeSubscriber(deps.db, over);
  await reserveNumber(deps, subscriberActor(s), { subscriberId: s.id, msisdn });
  return s;
}

describe('R-NUM-OFFER + R-FEE: confirming debits the fee, assigns the number, quarantines the old one', () => {
  it('one transaction does it all; the Telegram link stays with the subscriber', async () => {
    deps.clock.set(minsk('2026-11-10T10:00'));
    const s = await reserved('375447770077', { msisdn: '375291234567', balance: 50000 });
    await linkSubscriber(deps.db, 5001, s);
    const done = await confirmNumberChange(deps, subscriberActor(s, 5001), {
      subscriberId: s.id,
      msisdn: '375447770077',
      nonce: nonce(),
    });
    expect(done).toMatchObject({
      oldMsisdn: '375291234567',
      newMsisdn: '375447770077',
      categoryCode: 'gold',
      fee: 11560,
      balanceAfter: 38440,
      repeated: false,
    });

    expect(await subscriberRow(s.id)).toMatchObject({ msisdn: '375447770077', balance: 38440 });
    const lines = await deps.db.select().from(charges).where(eq(charges.subscriberId, s.id));
    expect(lines).toEqual([
      expect.objectContaining({
        kind: 'fee',
        amount: 11560,
        period: '2026-11-01',
        description: 'Смена номера на +375 44 777-00-77, категория «Золотой»',
      }),
    ]);
    expect(await poolRow('375447770077')).toMatchObject({
      status: 'taken',
      reservedBySubscriberId: null,
      reservedUntil: null,
    });
    const old = await poolRow('375291234567');
    expect(old).toMatchObject({ status: 'quarantine', categoryId: categories.simple });
    expect(old!.quarantineUntil!.toISOString()).toBe('2027-02-08T07:00:00.000Z'); // 90 days
    expect(await deps.db.select().from(numberChanges).where(eq(numberChanges.subscriberId, s.id))).toMatchObject([
      { oldMsisdn: '375291234567', newMsisdn: '375447770077', fee: 11560 },
    ]);
    const [link] = await deps.db.select().from(telegramRoles).where(eq(telegramRoles.subscriberId, s.id));
    expect(link).toMatchObject({ telegramId: 5001, role: 'subscriber' });
    const audits = await deps.db.select().from(auditLog).where(eq(auditLog.subscriberId, s.id));
    expect(audits.map((a) => a.action)).toContain('numbers.change');
  });

  it('R-IDEMP: the same nonce twice (in turn or at once) makes one change and one fee', async () => {
    const s = await reserved('375447771111', { balance: 50000 });
    const n = nonce();
    const input = { subscriberId: s.id, msisdn: '375447771111', nonce: n };
    const [a, b] = await Promise.all([
      confirmNumberChange(deps, subscriberActor(s), input),
      confirmNumberChange(deps, subscriberActor(s), input),
    ]);
    const again = await confirmNumberChange(deps, subscriberActor(s), input);
    expect([a.repeated, b.repeated].sort()).toEqual([false, true]);
    expect(again).toMatchObject({ repeated: true, newMsisdn: '375447771111', fee: a.fee });
    expect(await deps.db.select().from(charges).where(eq(charges.subscriberId, s.id))).toHaveLength(1);
    expect(await deps.db.select().from(numberChanges).where(eq(numberChanges.subscriberId, s.id))).toHaveLength(1);
    expect((await subscriberRow(s.id)).balance).toBe(50000 - a.fee);
  });

  it('a new nonce after the change finds no reservation', async () => {
    const s = await reserved('375447772222', { balance: 50000 });
    await confirmNumberChange(deps, subscriberActor(s), { subscriberId: s.id, msisdn: '375447772222', nonce: nonce() });
    await expect(
      confirmNumberChange(deps, subscriberActor(s), { subscriberId: s.id, msisdn: '375447772222', nonce: nonce() }),
    ).rejects.toThrow('numbers.reservationExpired');
  });

  it('R-FEE: refused when the balance (advance) or credit cannot cover the fee — nothing changes', async () => {
    const advance = await makeClient(deps.db, { paymentForm: 'advance', creditLimit: 0 });
    const poor = await reserved('375449997777', { clientId: advance.id, balance: 20000, msisdn: '375291110001' }); // platinum 207,29
    await expect(
      confirmNumberChange(deps, subscriberActor(poor), {
        subscriberId: poor.id,
        msisdn: '375449997777',
        nonce: nonce(),
      }),
    ).rejects.toThrow('fees.insufficientFunds');
    expect(await subscriberRow(poor.id)).toMatchObject({ msisdn: '375291110001', balance: 20000 });
    expect(await poolRow('375449997777')).toMatchObject({ status: 'free', reservedBySubscriberId: poor.id });
    expect(await poolRow('375291110001')).toBeUndefined();
    expect(await deps.db.select().from(charges).where(eq(charges.subscriberId, poor.id))).toHaveLength(0);

    const credit = await makeClient(deps.db, { paymentForm: 'credit', creditLimit: 10000 });
    const onCredit = await reserved('375449998888', { clientId: credit.id, balance: 10729 }); // 107,29 - 207,29 = -100,00: allowed
    const done = await confirmNumberChange(deps, subscriberActor(onCredit), {
      subscriberId: onCredit.id,
      msisdn: '375449998888',
      nonce: nonce(),
    });
    expect(done.balanceAfter).toBe(-10000);
    const short = await reserved('375449996666', { clientId: credit.id, balance: 10728 });
    await expect(
      confirmNumberChange(deps, subscriberActor(short), {
        subscriberId: short.id,
        msisdn: '375449996666',
        nonce: nonce(),
      }),
    ).rejects.toThrow('fees.insufficientFunds');
  });

  it('refused when the reservation expired or belongs to someone else, and for a blocked number', async () => {
    deps.clock.set(minsk('2026-11-10T13:00'));
    const s = await reserved('375447773333', { balance: 50000 });
    deps.clock.set(minsk('2026-11-10T13:15'));
    await expect(
      confirmNumberChange(deps, subscriberActor(s), { subscriberId: s.id, msisdn: '375447773333', nonce: nonce() }),
    ).rejects.toThrow('numbers.reservationExpired');
    deps.clock.set(minsk('2026-11-10T13:20'));
    const holder = await reserved('375447774444', { balance: 50000 });
    const other = await makeSubscriber(deps.db, { balance: 50000 });
    await expect(
      confirmNumberChange(deps, subscriberActor(other), {
        subscriberId: other.id,
        msisdn: '375447774444',
        nonce: nonce(),
      }),
    ).rejects.toThrow('numbers.reservationExpired');
    expect((await poolRow('375447774444'))!.reservedBySubscriberId).toBe(holder.id);
    const blocked = await reserved('375447775555', { balance: 50000 });
    await deps.db.update(subscribers).set({ status: 'blocked' }).where(eq(subscribers.id, blocked.id));
    await expect(
      confirmNumberChange(deps, subscriberActor(blocked), {
        subscriberId: blocked.id,
        msisdn: '375447775555',
        nonce: nonce(),
      }),
    ).rejects.toThrow('numbers.blocked');
  });

  it('the old number is not offered during quarantine, and is free again after it', async () => {
    deps.clock.set(minsk('2026-11-20T10:00'));
    const s = await reserved('375447776666', { msisdn: '375293330001', balance: 50000 });
    await confirmNumberChange(deps, subscriberActor(s), { subscriberId: s.id, msisdn: '375447776666', nonce: nonce() });
    const seeker = await makeSubscriber(deps.db);
    const offers = async () =>
      (
        await searchNumbers(deps, subscriberActor(seeker), {
          subscriberId: seeker.id,
          mask: '29333000_',
          categoryCode: null,
        })
      ).offers.map((o) => o.msisdn);
    expect(await offers()).toEqual([]);
    await expect(
      reserveNumber(deps, subscriberActor(seeker), { subscriberId: seeker.id, msisdn: '375293330001' }),
    ).rejects.toThrow('numbers.notAvailable');

    deps.clock.set(minsk('2027-02-18T09:59')); // a minute before the 90 days end
    expect(await releaseQuarantine(deps)).not.toContain('375293330001');
    expect(await offers()).toEqual([]);
    deps.clock.set(minsk('2027-02-18T10:01'));
    expect(await releaseQuarantine(deps)).toContain('375293330001');
    expect(await offers()).toEqual(['375293330001']);
  });
});
