import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, charges, subscribers, tariffChanges, tariffTransitions } from '../../src/db/schema/index.js';
import { changeTariff, tariffOptions } from '../../src/domain/tariffs.js';
import { createTestDeps, minsk } from '../helpers/deps.js';
import { adminActor, makeClient, makeSubscriber, makeTariff, subscriberActor } from '../helpers/fixtures.js';

const deps = await createTestDeps('2026-11-10T10:00');
const FEE = deps.settings.tariffChangeFee;

/** A small graph: base ⇄ higher, base ⇄ lower, higher ⇄ lower, base → closed; `island` unreachable. */
async function catalog() {
  const base = await makeTariff(deps.db, { name: 'Базовый', monthlyFee: 1500 });
  const higher = await makeTariff(deps.db, { name: 'Бизнес', monthlyFee: 2500 });
  const lower = await makeTariff(deps.db, { name: 'Эконом', monthlyFee: 900 });
  const closed = await makeTariff(deps.db, { name: 'Архивный', monthlyFee: 3000, openForChange: false });
  const island = await makeTariff(deps.db, { name: 'Остров', monthlyFee: 5000 });
  const edges: [number, number][] = [
    [base.id, higher.id],
    [higher.id, base.id],
    [base.id, lower.id],
    [lower.id, base.id],
    [higher.id, lower.id],
    [lower.id, higher.id],
    [base.id, closed.id],
  ];
  await deps.db.insert(tariffTransitions).values(edges.map(([fromPlanId, toPlanId]) => ({ fromPlanId, toPlanId })));
  return { base, higher, lower, closed, island };
}

let nonces = 0;
const nonce = () => `n${++nonces}`;

async function planOf(id: number) {
  const [row] = await deps.db.select().from(subscribers).where(eq(subscribers.id, id));
  return row!;
}

async function feeLines(subscriberId: number) {
  return deps.db
    .select()
    .from(charges)
    .where(and(eq(charges.subscriberId, subscriberId), eq(charges.kind, 'fee')));
}

describe('R-TARIFF: the plans open from the current one', () => {
  it('lists reachable open plans with their subscription fee and the fee of this change', async () => {
    deps.clock.set(minsk('2026-11-10T10:00'));
    const t = await catalog();
    const s = await makeSubscriber(deps.db, { tariffPlanId: t.base.id });
    const o = await tariffOptions(deps, subscriberActor(s), s.id);
    expect(o.current).toMatchObject({ id: t.base.id, monthlyFee: 1500 });
    expect(o.options.map((p) => [p.name, p.monthlyFee, p.changeFee])).toEqual([
      ['Эконом', 900, FEE],
      ['Бизнес', 2500, 0],
    ]);
    expect(o.changedToday).toBe(false);
  });

  it('after a change this month every option costs the fee, and today is marked as used', async () => {
    deps.clock.set(minsk('2026-11-10T10:00'));
    const t = await catalog();
    const s = await makeSubscriber(deps.db, { tariffPlanId: t.base.id });
    await changeTariff(deps, subscriberActor(s), { subscriberId: s.id, toPlanId: t.higher.id, nonce: nonce() });
    const o = await tariffOptions(deps, subscriberActor(s), s.id);
    expect(o.changedToday).toBe(true);
    expect(o.options.map((p) => [p.name, p.changeFee])).toEqual([
      ['Эконом', FEE],
      ['Базовый', FEE],
    ]);
  });
});

describe('R-TARIFF: fee rules within a calendar month (R-FEE)', () => {
  it('the first change up is free; the same day a second is refused; later ones this month are paid', async () => {
    deps.clock.set(minsk('2026-11-10T10:00'));
    const t = await catalog();
    const s = await makeSubscriber(deps.db, { tariffPlanId: t.base.id, balance: 10000 });
    const up = await changeTariff(deps, subscriberActor(s), {
      subscriberId: s.id,
      toPlanId: t.higher.id,
      nonce: nonce(),
    });
    expect(up).toMatchObject({
      fromPlanId: t.base.id,
      toPlanId: t.higher.id,
      fee: 0,
      balanceAfter: 10000,
      day: '2026-11-10',
    });
    expect(await feeLines(s.id)).toHaveLength(0);

    deps.clock.set(minsk('2026-11-10T23:59'));
    await expect(
      changeTariff(deps, subscriberActor(s), { subscriberId: s.id, toPlanId: t.lower.id, nonce: nonce() }),
    ).rejects.toThrow('tariffs.oncePerDay');
    expect((await planOf(s.id)).tariffPlanId).toBe(t.higher.id);

    deps.clock.set(minsk('2026-11-11T00:01'));
    const down = await changeTariff(deps, subscriberActor(s), {
      subscriberId: s.id,
      toPlanId: t.base.id,
      nonce: nonce(),
    });
    expect(down).toMatchObject({ fee: FEE, balanceAfter: 10000 - FEE });
    // A second change up in the month is paid too.
    deps.clock.set(minsk('2026-11-12T09:00'));
    const upAgain = await changeTariff(deps, subscriberActor(s), {
      subscriberId: s.id,
      toPlanId: t.higher.id,
      nonce: nonce(),
    });
    expect(upAgain).toMatchObject({ fee: FEE, balanceAfter: 10000 - 2 * FEE });
    const lines = await feeLines(s.id);
    expect(lines.map((l) => [l.period, l.chargedOn, l.amount])).toEqual([
      ['2026-11-01', '2026-11-11', FEE],
      ['2026-11-01', '2026-11-12', FEE],
    ]);
    expect((await planOf(s.id)).balance).toBe(10000 - 2 * FEE);
  });

  it('the first change down in a month is paid', async () => {
    deps.clock.set(minsk('2026-11-10T10:00'));
    const t = await catalog();
    const s = await makeSubscriber(deps.db, { tariffPlanId: t.base.id, balance: 10000 });
    const r = await changeTariff(deps, adminActor(s.clientId), {
      subscriberId: s.id,
      toPlanId: t.lower.id,
      nonce: nonce(),
    });
    expect(r.fee).toBe(FEE);
    expect(await planOf(s.id)).toMatchObject({ tariffPlanId: t.lower.id, balance: 10000 - FEE });
    expect(await feeLines(s.id)).toHaveLength(1);
  });

  it('a new Minsk month starts afresh: last day of a month 23:50, then the 1st at 00:10 (same UTC day)', async () => {
    deps.clock.set(minsk('2026-11-30T23:50'));
    const t = await catalog();
    const s = await makeSubscriber(deps.db, { tariffPlanId: t.base.id, balance: 10000 });
    expect(
      (await changeTariff(deps, subscriberActor(s), { subscriberId: s.id, toPlanId: t.lower.id, nonce: nonce() })).day,
    ).toBe('2026-11-30');
    deps.clock.set(minsk('2026-12-01T00:10'));
    const r = await changeTariff(deps, subscriberActor(s), {
      subscriberId: s.id,
      toPlanId: t.higher.id,
      nonce: nonce(),
    });
    expect(r).toMatchObject({ day: '2026-12-01', fee: 0 });
  });

  it('on 1 January the change of 31 December does not count against the new month', async () => {
    deps.clock.set(minsk('2026-12-31T12:00'));
    const t = await catalog();
    const s = await makeSubscriber(deps.db, { tariffPlanId: t.base.id, balance: 10000 });
    await changeTariff(deps, subscriberActor(s), { subscriberId: s.id, toPlanId: t.higher.id, nonce: nonce() });
    deps.clock.set(minsk('2027-01-01T00:00'));
    expect((await tariffOptions(deps, subscriberActor(s), s.id)).changedToday).toBe(false);
    const r = await changeTariff(deps, subscriberActor(s), {
      subscriberId: s.id,
      toPlanId: t.lower.id,
      nonce: nonce(),
    });
    expect(r).toMatchObject({ day: '2027-01-01', fee: FEE });
    const [line] = (await feeLines(s.id)).filter((l) => l.chargedOn === '2027-01-01');
    expect(line).toMatchObject({ period: '2027-01-01', amount: FEE });
  });
});

describe('R-TARIFF: refusals change nothing', () => {
  it('a closed plan and a plan not reachable from the current one are refused', async () => {
    deps.clock.set(minsk('2026-11-10T10:00'));
    const t = await catalog();
    const s = await makeSubscriber(deps.db, { tariffPlanId: t.base.id });
    await expect(
      changeTariff(deps, subscriberActor(s), { subscriberId: s.id, toPlanId: t.closed.id, nonce: nonce() }),
    ).rejects.toThrow('tariffs.notOffered');
    await expect(
      changeTariff(deps, subscriberActor(s), { subscriberId: s.id, toPlanId: t.island.id, nonce: nonce() }),
    ).rejects.toThrow('tariffs.notOffered');
    expect((await tariffOptions(deps, subscriberActor(s), s.id)).options.map((o) => o.id)).not.toContain(t.closed.id);
    expect((await planOf(s.id)).tariffPlanId).toBe(t.base.id);
  });

  it('a blocked number is refused', async () => {
    deps.clock.set(minsk('2026-11-10T10:00'));
    const t = await catalog();
    const s = await makeSubscriber(deps.db, { tariffPlanId: t.base.id, status: 'blocked' });
    expect((await tariffOptions(deps, subscriberActor(s), s.id)).blocked).toBe(true);
    await expect(
      changeTariff(deps, subscriberActor(s), { subscriberId: s.id, toPlanId: t.higher.id, nonce: nonce() }),
    ).rejects.toThrow('tariffs.blocked');
    expect((await planOf(s.id)).tariffPlanId).toBe(t.base.id);
  });

  it('a balance that does not cover the fee is refused and nothing changes (advance client)', async () => {
    deps.clock.set(minsk('2026-11-10T10:00'));
    const t = await catalog();
    const client = await makeClient(deps.db, { paymentForm: 'advance', creditLimit: 0 });
    const s = await makeSubscriber(deps.db, { clientId: client.id, tariffPlanId: t.base.id, balance: FEE - 1 });
    const n = nonce();
    await expect(
      changeTariff(deps, subscriberActor(s), { subscriberId: s.id, toPlanId: t.lower.id, nonce: n }),
    ).rejects.toThrow('fees.insufficientFunds');
    expect(await planOf(s.id)).toMatchObject({ tariffPlanId: t.base.id, balance: FEE - 1 });
    expect(await deps.db.select().from(tariffChanges).where(eq(tariffChanges.subscriberId, s.id))).toHaveLength(0);
    expect(await feeLines(s.id)).toHaveLength(0);
    expect(await deps.db.select().from(auditLog).where(eq(auditLog.subscriberId, s.id))).toHaveLength(0);
    // The free change up still works: the refusal consumed neither the day nor the nonce.
    expect(
      (await changeTariff(deps, subscriberActor(s), { subscriberId: s.id, toPlanId: t.higher.id, nonce: n })).fee,
    ).toBe(0);
  });

  it('a credit client may go down to minus the credit limit', async () => {
    deps.clock.set(minsk('2026-11-10T10:00'));
    const t = await catalog();
    const client = await makeClient(deps.db, { paymentForm: 'credit', creditLimit: FEE });
    const s = await makeSubscriber(deps.db, { clientId: client.id, tariffPlanId: t.base.id, balance: 0 });
    expect(
      (await changeTariff(deps, subscriberActor(s), { subscriberId: s.id, toPlanId: t.lower.id, nonce: nonce() }))
        .balanceAfter,
    ).toBe(-FEE);
  });

  it('another client’s number is refused', async () => {
    const t = await catalog();
    const s = await makeSubscriber(deps.db, { tariffPlanId: t.base.id });
    const other = await makeClient(deps.db);
    await expect(tariffOptions(deps, adminActor(other.id), s.id)).rejects.toThrow('access.forbidden');
    await expect(
      changeTariff(deps, adminActor(other.id), { subscriberId: s.id, toPlanId: t.higher.id, nonce: nonce() }),
    ).rejects.toThrow('access.forbidden');
  });
});

describe('R-TARIFF with R-IDEMP and R-TX: one confirmation, one change', () => {
  it('a confirmation pressed twice changes once, charges once and is audited once', async () => {
    deps.clock.set(minsk('2026-11-10T10:00'));
    const t = await catalog();
    const s = await makeSubscriber(deps.db, { tariffPlanId: t.base.id, balance: 10000 });
    const n = nonce();
    const input = { subscriberId: s.id, toPlanId: t.lower.id, nonce: n };
    const [a, b] = await Promise.all([
      changeTariff(deps, subscriberActor(s), input),
      changeTariff(deps, subscriberActor(s), input),
    ]);
    expect(a).toEqual(b);
    expect(await planOf(s.id)).toMatchObject({ tariffPlanId: t.lower.id, balance: 10000 - FEE });
    expect(await feeLines(s.id)).toHaveLength(1);
    const audits = await deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subscriberId, s.id), eq(auditLog.action, 'tariff.change')));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      before: { tariffPlanId: t.base.id, balance: 10000 },
      after: { tariffPlanId: t.lower.id, balance: 10000 - FEE, fee: FEE },
    });
  });
});
