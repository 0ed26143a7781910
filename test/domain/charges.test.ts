import { describe, expect, it } from 'vitest';
import { charges, tariffTransitions, usageRecords } from '../../src/db/schema/index.js';
import { chargeMonths, chargesForPeriods } from '../../src/domain/charges.js';
import { vatPart } from '../../src/domain/money.js';
import { changeTariff } from '../../src/domain/tariffs.js';
import { createTestDeps, minsk } from '../helpers/deps.js';
import { adminActor, makeClient, makeSubscriber, makeTariff, subscriberActor } from '../helpers/fixtures.js';

const deps = await createTestDeps('2026-11-10T10:00');

async function charge(
  subscriberId: number,
  period: string,
  kind: 'subscription' | 'service' | 'usage' | 'fee',
  amount: number,
  description: string = kind,
) {
  await deps.db
    .insert(charges)
    .values({ subscriberId, period, chargedOn: period, kind, description, amount, createdAt: deps.clock.now() });
}

async function call(subscriberId: number, localTime: string, cost: number, kind: 'call_out' | 'sms_out' = 'call_out') {
  await deps.db
    .insert(usageRecords)
    .values({ subscriberId, occurredAt: minsk(localTime), kind, otherParty: '375291112233', quantity: 60, cost });
}

describe('R-CHARGES: the current month and the configured previous ones', () => {
  it('on the last day of a month, on the 1st and on 1 January (across the year)', () => {
    expect(chargeMonths('2026-11-30', 2)).toEqual(['2026-09-01', '2026-10-01', '2026-11-01']);
    expect(chargeMonths('2026-12-01', 2)).toEqual(['2026-10-01', '2026-11-01', '2026-12-01']);
    expect(chargeMonths('2027-01-01', 2)).toEqual(['2026-11-01', '2026-12-01', '2027-01-01']);
  });

  it('reads the month in Minsk time: 1 January at 00:30 is still 31 December in UTC', async () => {
    deps.clock.set(minsk('2027-01-01T00:30'));
    const s = await makeSubscriber(deps.db, { tariffPlanId: (await makeTariff(deps.db, { monthlyFee: 0 })).id });
    await charge(s.id, '2026-10-01', 'service', 100);
    await charge(s.id, '2026-11-01', 'service', 200);
    await charge(s.id, '2026-12-01', 'service', 300);
    await charge(s.id, '2027-01-01', 'service', 400);
    const periods = await chargesForPeriods(deps, subscriberActor(s), s.id);
    expect(periods.map((p) => [p.period, p.current, p.total])).toEqual([
      ['2026-11-01', false, 200],
      ['2026-12-01', false, 300],
      ['2027-01-01', true, 400],
    ]);
  });
});

describe('R-CHARGES with R-MONEY: VAT per line, rounded half-up; totals are sums of lines', () => {
  it('rounds the VAT part of each line half-up and sums lines, not the VAT of the total', async () => {
    deps.clock.set(minsk('2026-11-30T23:59'));
    const s = await makeSubscriber(deps.db, { tariffPlanId: (await makeTariff(deps.db, { monthlyFee: 0 })).id });
    // 3 kopecks: 3·20/120 = 0,5 → 1 (half-up). Two such lines: VAT 2, while the VAT of their total 6 is 1.
    await charge(s.id, '2026-11-01', 'service', 3, 'Услуга А');
    await charge(s.id, '2026-11-01', 'service', 3, 'Услуга Б');
    await charge(s.id, '2026-11-01', 'service', 1001, 'Услуга В'); // 166,83 → 167
    await charge(s.id, '2026-11-01', 'service', 1, 'Услуга Г'); // 0,17 → 0
    const [current] = (await chargesForPeriods(deps, subscriberActor(s), s.id)).filter((p) => p.current);
    expect(current!.lines.map((l) => [l.description, l.amount, l.vat])).toEqual([
      ['Услуга А', 3, 1],
      ['Услуга Б', 3, 1],
      ['Услуга В', 1001, 167],
      ['Услуга Г', 1, 0],
    ]);
    expect(current!.total).toBe(1008);
    expect(current!.vatTotal).toBe(169);
    expect(vatPart(1008, 20)).toBe(168);
  });

  it('takes the VAT rate from settings', async () => {
    const other = { ...deps, settings: { ...deps.settings, vatPercent: 10 } };
    deps.clock.set(minsk('2026-11-15T12:00'));
    const s = await makeSubscriber(deps.db, { tariffPlanId: (await makeTariff(deps.db, { monthlyFee: 0 })).id });
    await charge(s.id, '2026-11-01', 'service', 1100);
    const [current] = (await chargesForPeriods(other, subscriberActor(s), s.id)).filter((p) => p.current);
    expect(current!.lines[0]!.vat).toBe(100);
  });
});

describe('R-CHARGES: itemised, subscription fee and the bot’s own fees included', () => {
  it('shows the stored subscription lines and adds this month’s fee of the plan until billing writes it', async () => {
    deps.clock.set(minsk('2026-11-01T00:05'));
    const plan = await makeTariff(deps.db, { name: 'Бизнес', monthlyFee: 2500 });
    const s = await makeSubscriber(deps.db, { tariffPlanId: plan.id });
    await charge(s.id, '2026-10-01', 'subscription', 2500, 'Абонентская плата «Бизнес»');
    const periods = await chargesForPeriods(deps, subscriberActor(s), s.id);
    const october = periods.find((p) => p.period === '2026-10-01')!;
    const november = periods.find((p) => p.current)!;
    expect(october.lines).toEqual([
      expect.objectContaining({ kind: 'subscription', amount: 2500, vat: 417, computed: false }),
    ]);
    expect(november.lines).toEqual([
      expect.objectContaining({
        kind: 'subscription',
        description: 'Абонентская плата «Бизнес»',
        amount: 2500,
        computed: true,
      }),
    ]);
    expect(periods.find((p) => p.period === '2026-09-01')!.lines).toEqual([]);

    // Once billing writes the month's line, it is not counted twice.
    await charge(s.id, '2026-11-01', 'subscription', 2500, 'Абонентская плата «Бизнес»');
    const again = (await chargesForPeriods(deps, subscriberActor(s), s.id)).find((p) => p.current)!;
    expect(again.lines.filter((l) => l.kind === 'subscription')).toHaveLength(1);
    expect(again.total).toBe(2500);
  });

  it('includes a fee the bot charged (R-FEE) as a line of the current month', async () => {
    deps.clock.set(minsk('2026-11-20T12:00'));
    const from = await makeTariff(deps.db, { name: 'Базовый', monthlyFee: 1500 });
    const to = await makeTariff(deps.db, { name: 'Эконом', monthlyFee: 900 });
    await deps.db.insert(tariffTransitions).values({ fromPlanId: from.id, toPlanId: to.id });
    const s = await makeSubscriber(deps.db, { tariffPlanId: from.id, balance: 10000 });
    await changeTariff(deps, subscriberActor(s), { subscriberId: s.id, toPlanId: to.id, nonce: 'charges-fee' });
    const current = (await chargesForPeriods(deps, subscriberActor(s), s.id)).find((p) => p.current)!;
    const fee = current.lines.find((l) => l.kind === 'fee')!;
    expect(fee).toMatchObject({
      amount: deps.settings.tariffChangeFee,
      vat: vatPart(deps.settings.tariffChangeFee, 20),
      chargedOn: '2026-11-20',
    });
    expect(fee.description).toContain('Эконом');
    expect(current.total).toBe(900 + deps.settings.tariffChangeFee);
  });

  it('sums calls and SMS of months whose bill has no usage line, by Minsk month boundaries', async () => {
    deps.clock.set(minsk('2026-12-01T12:00'));
    const s = await makeSubscriber(deps.db, { tariffPlanId: (await makeTariff(deps.db, { monthlyFee: 0 })).id });
    await call(s.id, '2026-11-30T23:30', 100); // November in Minsk
    await call(s.id, '2026-12-01T00:30', 40); // December in Minsk, though 30 November in UTC
    await call(s.id, '2026-12-01T01:00', 7, 'sms_out');
    await call(s.id, '2026-10-15T10:00', 999); // October has a stored usage line: records are not added again
    await charge(s.id, '2026-10-01', 'usage', 999, 'Звонки');
    const periods = await chargesForPeriods(deps, subscriberActor(s), s.id);
    expect(periods.map((p) => p.lines.map((l) => [l.kind, l.usageKind ?? l.description, l.amount]))).toEqual([
      [['usage', 'Звонки', 999]],
      [['usage', 'call_out', 100]],
      [
        ['usage', 'call_out', 40],
        ['usage', 'sms_out', 7],
      ],
    ]);
  });

  it('is refused outside the actor’s scope', async () => {
    const s = await makeSubscriber(deps.db);
    await expect(chargesForPeriods(deps, adminActor((await makeClient(deps.db)).id), s.id)).rejects.toThrow(
      'access.forbidden',
    );
  });
});
