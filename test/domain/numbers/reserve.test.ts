import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { numberPool } from '../../../src/db/schema/index.js';
import { reserveNumber } from '../../../src/domain/numbers/reserve.js';
import { numberChangeScreen } from '../../../src/domain/numbers/screen.js';
import { searchNumbers } from '../../../src/domain/numbers/search.js';
import { createTestDeps, minsk } from '../../helpers/deps.js';
import { makeCategories, makeClient, makePoolNumber, makeSubscriber, subscriberActor } from '../../helpers/fixtures.js';

const deps = await createTestDeps('2026-11-10T10:00', { numberAttemptsPerDay: 1000 });
const categories = await makeCategories(deps.db);

const offered = async (s: { id: number; clientId: number }, mask: string) =>
  (await searchNumbers(deps, subscriberActor(s), { subscriberId: s.id, mask, categoryCode: null })).offers.map(
    (o) => o.msisdn,
  );

async function poolRow(msisdn: string) {
  const [row] = await deps.db.select().from(numberPool).where(eq(numberPool.msisdn, msisdn));
  return row!;
}

describe('R-NUM-OFFER: a reservation is a database guarantee', () => {
  it('two users racing for one number: exactly one gets it', async () => {
    for (let round = 0; round < 10; round++) {
      const msisdn = `37544100${String(round).padStart(4, '0')}`;
      await makePoolNumber(deps.db, categories, msisdn);
      const a = await makeSubscriber(deps.db);
      const b = await makeSubscriber(deps.db);
      const results = await Promise.allSettled([
        reserveNumber(deps, subscriberActor(a), { subscriberId: a.id, msisdn }),
        reserveNumber(deps, subscriberActor(b), { subscriberId: b.id, msisdn }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.code).toBe(
        'numbers.notAvailable',
      );
      const winner = results[0].status === 'fulfilled' ? a : b;
      expect((await poolRow(msisdn)).reservedBySubscriberId).toBe(winner.id);
    }
  });

  it('reserves for N minutes and returns the category and fee for the confirmation', async () => {
    deps.clock.set(minsk('2026-11-10T10:00'));
    await makePoolNumber(deps.db, categories, '375447770077');
    const s = await makeSubscriber(deps.db);
    const r = await reserveNumber(deps, subscriberActor(s), { subscriberId: s.id, msisdn: '+375 44 777-00-77' });
    expect(r).toMatchObject({ msisdn: '375447770077', categoryCode: 'gold', categoryName: 'Золотой', fee: 11560 });
    expect(r.reservedUntil.toISOString()).toBe('2026-11-10T07:15:00.000Z');
    expect((await numberChangeScreen(deps, subscriberActor(s), s.id)).reservation).toEqual(r);
  });

  it('a reserved number is offered to nobody else, and again after the reservation expires', async () => {
    deps.clock.set(minsk('2026-11-10T11:00'));
    await makePoolNumber(deps.db, categories, '375445550001');
    await makePoolNumber(deps.db, categories, '375445550002');
    const holder = await makeSubscriber(deps.db);
    const other = await makeSubscriber(deps.db);
    await reserveNumber(deps, subscriberActor(holder), { subscriberId: holder.id, msisdn: '375445550001' });
    expect((await offered(other, '4455500%')).sort()).toEqual(['375445550002']);
    expect((await offered(holder, '4455500%')).sort()).toEqual(['375445550001', '375445550002']);
    await expect(
      reserveNumber(deps, subscriberActor(other), { subscriberId: other.id, msisdn: '375445550001' }),
    ).rejects.toThrow('numbers.notAvailable');
    deps.clock.set(minsk('2026-11-10T11:14:59'));
    expect(await offered(other, '4455500%')).toEqual(['375445550002']);
    deps.clock.set(minsk('2026-11-10T11:15:01'));
    expect((await offered(other, '4455500%')).sort()).toEqual(['375445550001', '375445550002']);
    await reserveNumber(deps, subscriberActor(other), { subscriberId: other.id, msisdn: '375445550001' });
    expect((await poolRow('375445550001')).reservedBySubscriberId).toBe(other.id);
  });

  it('a subscriber holds at most one reservation: a new one releases the previous', async () => {
    deps.clock.set(minsk('2026-11-10T12:00'));
    await makePoolNumber(deps.db, categories, '375446660001');
    await makePoolNumber(deps.db, categories, '375446660002');
    const s = await makeSubscriber(deps.db);
    await reserveNumber(deps, subscriberActor(s), { subscriberId: s.id, msisdn: '375446660001' });
    await reserveNumber(deps, subscriberActor(s), { subscriberId: s.id, msisdn: '375446660002' });
    const mine = await deps.db.select().from(numberPool).where(eq(numberPool.reservedBySubscriberId, s.id));
    expect(mine.map((r) => r.msisdn)).toEqual(['375446660002']);
    const other = await makeSubscriber(deps.db);
    expect(await offered(other, '4466600%')).toEqual(['375446660001']);
  });

  it('numbers in quarantine, taken, or unknown cannot be reserved; nor by a blocked number', async () => {
    await makePoolNumber(deps.db, categories, '375447000001', {
      status: 'quarantine',
      quarantineUntil: new Date('2027-01-01T00:00:00Z'),
    });
    await makePoolNumber(deps.db, categories, '375447000002', { status: 'taken' });
    await makePoolNumber(deps.db, categories, '375447000003');
    const s = await makeSubscriber(deps.db);
    for (const msisdn of ['375447000001', '375447000002', '375447009999']) {
      await expect(reserveNumber(deps, subscriberActor(s), { subscriberId: s.id, msisdn })).rejects.toThrow(
        'numbers.notAvailable',
      );
    }
    const blocked = await makeSubscriber(deps.db, { status: 'blocked' });
    await expect(
      reserveNumber(deps, subscriberActor(blocked), { subscriberId: blocked.id, msisdn: '375447000003' }),
    ).rejects.toThrow('numbers.blocked');
  });

  it('R-SCOPE: a subscriber of another client cannot reserve for someone else', async () => {
    await makePoolNumber(deps.db, categories, '375447100001');
    const s = await makeSubscriber(deps.db);
    const client = await makeClient(deps.db);
    const intruder = await makeSubscriber(deps.db, { clientId: client.id });
    await expect(
      reserveNumber(deps, subscriberActor(intruder), { subscriberId: s.id, msisdn: '375447100001' }),
    ).rejects.toThrow('access.forbidden');
  });
});
