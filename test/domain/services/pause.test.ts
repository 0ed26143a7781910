import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, charges, pauses, subscribers } from '../../../src/db/schema/index.js';
import { endPauseEarly, pauseOverview, pauseQuote, startPause } from '../../../src/domain/services/pause.js';
import { isPaused, parsePauseEnd, pauseEndForDays } from '../../../src/domain/services/pause-window.js';
import { connectService } from '../../../src/domain/services/services.js';
import { createTestDeps, minsk } from '../../helpers/deps.js';
import { makeClient, makeService, makeSubscriber, makeTariff, subscriberActor } from '../../helpers/fixtures.js';
import { nonce } from './builders.js';

const deps = await createTestDeps('2026-11-10T10:00');
const at = (local: string) => deps.clock.set(minsk(local));

async function subscriber(over: Parameters<typeof makeSubscriber>[1] = {}) {
  const sub = await makeSubscriber(deps.db, over);
  return { sub, actor: subscriberActor(sub) };
}
const balanceOf = async (id: number) =>
  (await deps.db.select().from(subscribers).where(eq(subscribers.id, id)))[0]!.balance;
const pausesOf = (id: number) => deps.db.select().from(pauses).where(eq(pauses.subscriberId, id));

describe('R-PAUSE: the window runs from tomorrow, 7 to 90 inclusive days', () => {
  it('7 and 90 days are accepted; 6 and 91 are refused', async () => {
    at('2026-11-10T10:00');
    const { sub, actor } = await subscriber();
    expect(await pauseQuote(deps, actor, { subscriberId: sub.id, endsOn: '2026-11-17' })).toMatchObject({
      startsOn: '2026-11-11',
      endsOn: '2026-11-17',
      days: 7,
      fee: 300,
    });
    expect(
      await pauseQuote(deps, actor, { subscriberId: sub.id, endsOn: pauseEndForDays('2026-11-10', 90) }),
    ).toMatchObject({
      endsOn: '2027-02-08',
      days: 90,
    });
    await expect(pauseQuote(deps, actor, { subscriberId: sub.id, endsOn: '2026-11-16' })).rejects.toMatchObject({
      code: 'services.pauseTooShort',
      params: { min: 7, max: 90, days: 6 },
    });
    await expect(
      startPause(deps, actor, { subscriberId: sub.id, endsOn: '2027-02-09', nonce: nonce() }),
    ).rejects.toMatchObject({
      code: 'services.pauseTooLong',
      params: { days: 91 },
    });
    expect(await pausesOf(sub.id)).toHaveLength(0);
  });

  it('limits come from settings, not literals', async () => {
    const strict = { ...deps, settings: { ...deps.settings, pauseMinDays: 10 } };
    at('2026-11-10T10:00');
    const { sub, actor } = await subscriber();
    await expect(pauseQuote(strict, actor, { subscriberId: sub.id, endsOn: '2026-11-17' })).rejects.toMatchObject({
      code: 'services.pauseTooShort',
    });
  });

  it('a typed end date is read as a date or as a number of days', () => {
    expect(parsePauseEnd('17.11.2026', '2026-11-10')).toBe('2026-11-17');
    expect(parsePauseEnd('2026-11-17', '2026-11-10')).toBe('2026-11-17');
    expect(parsePauseEnd('5.1', '2026-11-10')).toBe('2027-01-05');
    expect(parsePauseEnd('30', '2026-11-10')).toBe('2026-12-10');
    expect(() => parsePauseEnd('31.02.2027', '2026-11-10')).toThrow('services.pauseInvalidDate');
    expect(() => parsePauseEnd('завтра', '2026-11-10')).toThrow('services.pauseInvalidDate');
  });
});

describe('R-PAUSE: starting a pause', () => {
  it('charges the fee once as a line of this month (R-FEE) and audits it', async () => {
    at('2026-11-10T10:00');
    const { sub, actor } = await subscriber({ balance: 1000 });
    const started = await startPause(deps, actor, { subscriberId: sub.id, endsOn: '2026-11-20', nonce: nonce() });
    expect(started).toMatchObject({
      startsOn: '2026-11-11',
      endsOn: '2026-11-20',
      days: 10,
      fee: 300,
      balanceAfter: 700,
      replayed: false,
    });
    expect(await balanceOf(sub.id)).toBe(700);
    expect(await deps.db.select().from(charges).where(eq(charges.subscriberId, sub.id))).toMatchObject([
      { kind: 'fee', amount: 300, period: '2026-11-01', chargedOn: '2026-11-10' },
    ]);
    expect(
      (await deps.db.select().from(auditLog).where(eq(auditLog.subscriberId, sub.id))).map((a) => a.action),
    ).toEqual(['pause.start']);
    await expect(
      startPause(deps, actor, { subscriberId: sub.id, endsOn: '2026-11-30', nonce: nonce() }),
    ).rejects.toMatchObject({
      code: 'services.pauseAlreadyPaused',
    });
  });

  it('R-IDEMP: a double-pressed confirmation starts one pause and charges one fee', async () => {
    at('2026-11-10T10:00');
    const { sub, actor } = await subscriber({ balance: 1000 });
    const n = nonce();
    const results = await Promise.all(
      [1, 2].map(() => startPause(deps, actor, { subscriberId: sub.id, endsOn: '2026-11-20', nonce: n })),
    );
    expect(results.map((r) => r.replayed).sort()).toEqual([false, true]);
    expect(results[0]!.pauseId).toBe(results[1]!.pauseId);
    expect(await pausesOf(sub.id)).toHaveLength(1);
    expect(await balanceOf(sub.id)).toBe(700);
  });

  it('refused for a blocked number and for a negative balance', async () => {
    at('2026-11-10T10:00');
    const blocked = await subscriber({ status: 'blocked' });
    await expect(
      startPause(deps, blocked.actor, { subscriberId: blocked.sub.id, endsOn: '2026-11-20', nonce: nonce() }),
    ).rejects.toMatchObject({
      code: 'services.pauseBlocked',
    });
    const negative = await subscriber({ balance: -1 });
    await expect(
      pauseQuote(deps, negative.actor, { subscriberId: negative.sub.id, endsOn: '2026-11-20' }),
    ).rejects.toMatchObject({
      code: 'services.pauseNegativeBalance',
    });
  });

  it('R-FEE: refused when the fee would pass the advance client’s floor of zero; nothing changes', async () => {
    at('2026-11-10T10:00');
    const client = await makeClient(deps.db, { paymentForm: 'advance', creditLimit: 0 });
    const { sub, actor } = await subscriber({ clientId: client.id, balance: 299 });
    await expect(
      startPause(deps, actor, { subscriberId: sub.id, endsOn: '2026-11-20', nonce: nonce() }),
    ).rejects.toMatchObject({
      code: 'fees.insufficientFunds',
    });
    expect(await pausesOf(sub.id)).toHaveLength(0);
    expect(await balanceOf(sub.id)).toBe(299);
  });
});

describe('R-PAUSE: at most two pauses starting in a calendar year', () => {
  it('the third pause in a year is refused', async () => {
    const { sub, actor } = await subscriber();
    at('2026-03-01T10:00');
    await startPause(deps, actor, { subscriberId: sub.id, endsOn: '2026-03-10', nonce: nonce() });
    at('2026-05-01T10:00');
    await startPause(deps, actor, { subscriberId: sub.id, endsOn: '2026-05-10', nonce: nonce() });
    at('2026-11-10T10:00');
    await expect(
      startPause(deps, actor, { subscriberId: sub.id, endsOn: '2026-11-20', nonce: nonce() }),
    ).rejects.toMatchObject({
      code: 'services.pauseYearLimit',
      params: { limit: 2, year: 2026 },
    });
    expect((await pauseOverview(deps, actor, sub.id)).usedThisYear).toBe(2);
  });

  it('a pause across New Year counts in the year it starts', async () => {
    const { sub, actor } = await subscriber();
    at('2026-06-01T10:00');
    await startPause(deps, actor, { subscriberId: sub.id, endsOn: '2026-06-10', nonce: nonce() });
    at('2026-12-20T10:00');
    await startPause(deps, actor, { subscriberId: sub.id, endsOn: '2027-01-10', nonce: nonce() }); // 2nd of 2026
    at('2027-02-01T10:00');
    await startPause(deps, actor, { subscriberId: sub.id, endsOn: '2027-02-10', nonce: nonce() }); // 1st of 2027
    at('2027-03-01T10:00');
    await startPause(deps, actor, { subscriberId: sub.id, endsOn: '2027-03-10', nonce: nonce() }); // 2nd of 2027
    at('2027-04-01T10:00');
    await expect(
      startPause(deps, actor, { subscriberId: sub.id, endsOn: '2027-04-10', nonce: nonce() }),
    ).rejects.toMatchObject({
      code: 'services.pauseYearLimit',
      params: { year: 2027 },
    });
  });

  it('a pause ordered on 31 December starts and counts in the new year', async () => {
    const { sub, actor } = await subscriber();
    at('2026-03-01T10:00');
    await startPause(deps, actor, { subscriberId: sub.id, endsOn: '2026-03-10', nonce: nonce() });
    at('2026-05-01T10:00');
    await startPause(deps, actor, { subscriberId: sub.id, endsOn: '2026-05-10', nonce: nonce() });
    at('2026-12-31T10:00');
    const started = await startPause(deps, actor, { subscriberId: sub.id, endsOn: '2027-01-10', nonce: nonce() });
    expect(started.startsOn).toBe('2027-01-01');
  });
});

describe('R-PAUSE: ends by itself, or early', () => {
  it('runs from tomorrow through its end date and ends by itself the day after', async () => {
    at('2026-11-10T10:00');
    const { sub, actor } = await subscriber();
    await startPause(deps, actor, { subscriberId: sub.id, endsOn: '2026-11-17', nonce: nonce() });
    expect(await isPaused(deps.db, sub.id, '2026-11-10')).toBe(false);
    expect(await isPaused(deps.db, sub.id, '2026-11-11')).toBe(true);
    expect(await isPaused(deps.db, sub.id, '2026-11-17')).toBe(true);
    expect(await isPaused(deps.db, sub.id, '2026-11-18')).toBe(false);
    at('2026-11-17T23:59');
    expect((await pauseOverview(deps, actor, sub.id)).current).toMatchObject({ running: true, endsOn: '2026-11-17' });
    at('2026-11-18T00:00');
    expect((await pauseOverview(deps, actor, sub.id)).current).toBeNull();
  });

  it('ending early makes the number active today and allows connections again', async () => {
    at('2026-11-10T10:00');
    const tariff = await makeTariff(deps.db);
    const svc = await makeService(deps.db, {}, [tariff.id]);
    const { sub, actor } = await subscriber({ tariffPlanId: tariff.id });
    await startPause(deps, actor, { subscriberId: sub.id, endsOn: '2026-11-30', nonce: nonce() });
    at('2026-11-15T12:00');
    await expect(
      connectService(deps, actor, { subscriberId: sub.id, serviceId: svc.id, nonce: nonce() }),
    ).rejects.toMatchObject({
      code: 'services.paused',
    });
    const ended = await endPauseEarly(deps, actor, { subscriberId: sub.id, nonce: nonce() });
    expect(ended).toMatchObject({ endedOn: '2026-11-15', replayed: false });
    expect(await isPaused(deps.db, sub.id, '2026-11-15')).toBe(false);
    expect(await isPaused(deps.db, sub.id, '2026-11-14')).toBe(true);
    expect((await pauseOverview(deps, actor, sub.id)).current).toBeNull();
    await connectService(deps, actor, { subscriberId: sub.id, serviceId: svc.id, nonce: nonce() });
    await expect(endPauseEarly(deps, actor, { subscriberId: sub.id, nonce: nonce() })).rejects.toMatchObject({
      code: 'services.pauseNotPaused',
    });
  });

  it('a pause cancelled before its first day does not count against the year', async () => {
    at('2026-11-10T10:00');
    const { sub, actor } = await subscriber();
    await startPause(deps, actor, { subscriberId: sub.id, endsOn: '2026-11-20', nonce: nonce() });
    await endPauseEarly(deps, actor, { subscriberId: sub.id, nonce: nonce() });
    expect(await isPaused(deps.db, sub.id, '2026-11-11')).toBe(false);
    expect((await pauseOverview(deps, actor, sub.id)).usedThisYear).toBe(0);
  });
});
