import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { numberChangeRequests, numberSearchAttempts } from '../../../src/db/schema/index.js';
import { leaveNumberRequest } from '../../../src/domain/numbers/request.js';
import { numberChangeScreen } from '../../../src/domain/numbers/screen.js';
import { searchNumbers } from '../../../src/domain/numbers/search.js';
import { createTestDeps, minsk } from '../../helpers/deps.js';
import { adminActor, makeCategories, makePoolNumber, makeSubscriber, subscriberActor } from '../../helpers/fixtures.js';

const deps = await createTestDeps('2026-11-10T10:00');
const categories = await makeCategories(deps.db);
for (let i = 0; i < 20; i++) await makePoolNumber(deps.db, categories, `37544${String(1234500 + i * 7)}`);

const search = (s: { id: number; clientId: number }) =>
  searchNumbers(deps, subscriberActor(s), { subscriberId: s.id, mask: '%', categoryCode: null });

describe('R-NUM-ATTEMPTS: five searches a day, the day in Europe/Minsk', () => {
  it('the screen starts with 5, each search costs one, the 6th is refused', async () => {
    deps.clock.set(minsk('2026-11-10T12:00'));
    const s = await makeSubscriber(deps.db);
    expect((await numberChangeScreen(deps, subscriberActor(s), s.id)).attemptsLeft).toBe(5);
    const lefts: number[] = [];
    for (let i = 0; i < 5; i++) lefts.push((await search(s)).attemptsLeft);
    expect(lefts).toEqual([4, 3, 2, 1, 0]);
    await expect(search(s)).rejects.toThrow('numbers.noAttemptsLeft');
    expect((await numberChangeScreen(deps, subscriberActor(s), s.id)).attemptsLeft).toBe(0);
    const rows = await deps.db.select().from(numberSearchAttempts).where(eq(numberSearchAttempts.subscriberId, s.id));
    expect(rows).toHaveLength(5);
  });

  it('the counter is back at 5 after midnight in Minsk (20:59 → 21:01 UTC)', async () => {
    deps.clock.set('2026-11-11T20:59:00Z'); // 23:59 in Minsk
    const s = await makeSubscriber(deps.db);
    for (let i = 0; i < 5; i++) await search(s);
    await expect(search(s)).rejects.toThrow('numbers.noAttemptsLeft');
    deps.clock.set('2026-11-11T21:01:00Z'); // 00:01 on the 12th in Minsk
    expect((await numberChangeScreen(deps, subscriberActor(s), s.id)).attemptsLeft).toBe(5);
    expect((await search(s)).attemptsLeft).toBe(4);
  });

  it('the limit comes from settings', async () => {
    deps.clock.set(minsk('2026-11-13T12:00'));
    const s = await makeSubscriber(deps.db);
    const two = { ...deps, settings: { ...deps.settings, numberAttemptsPerDay: 2 } };
    const actor = subscriberActor(s);
    expect((await numberChangeScreen(two, actor, s.id)).attemptsLeft).toBe(2);
    await searchNumbers(two, actor, { subscriberId: s.id, mask: '%', categoryCode: null });
    await searchNumbers(two, actor, { subscriberId: s.id, mask: '%', categoryCode: null });
    await expect(searchNumbers(two, actor, { subscriberId: s.id, mask: '%', categoryCode: null })).rejects.toThrow(
      'numbers.noAttemptsLeft',
    );
  });

  it('two concurrent searches with one attempt left: exactly one succeeds', async () => {
    deps.clock.set(minsk('2026-11-14T12:00'));
    for (let round = 0; round < 5; round++) {
      const s = await makeSubscriber(deps.db);
      for (let i = 0; i < 4; i++) await search(s);
      const results = await Promise.allSettled([search(s), search(s)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason.code).toBe('numbers.noAttemptsLeft');
      const rows = await deps.db
        .select()
        .from(numberSearchAttempts)
        .where(and(eq(numberSearchAttempts.subscriberId, s.id), eq(numberSearchAttempts.day, '2026-11-14')));
      expect(rows).toHaveLength(5);
    }
  });

  it("an administrator searching for a subscriber spends that subscriber's attempts", async () => {
    deps.clock.set(minsk('2026-11-15T12:00'));
    const s = await makeSubscriber(deps.db);
    await searchNumbers(deps, adminActor(s.clientId), { subscriberId: s.id, mask: '%', categoryCode: null });
    expect((await numberChangeScreen(deps, subscriberActor(s), s.id)).attemptsLeft).toBe(4);
    const stranger = await makeSubscriber(deps.db);
    await expect(
      searchNumbers(deps, adminActor(stranger.clientId), { subscriberId: s.id, mask: '%', categoryCode: null }),
    ).rejects.toThrow('access.forbidden');
  });

  it('with no attempts left a request can still be left, with the wished mask and category', async () => {
    deps.clock.set(minsk('2026-11-16T12:00'));
    const s = await makeSubscriber(deps.db);
    for (let i = 0; i < 5; i++) await search(s);
    await expect(search(s)).rejects.toThrow('numbers.noAttemptsLeft');
    const request = await leaveNumberRequest(deps, subscriberActor(s, 777), {
      subscriberId: s.id,
      mask: '+375 29 777%',
      categoryCode: 'gold',
    });
    expect(request).toMatchObject({ mask: '29777%', categoryCode: 'gold' });
    const [row] = await deps.db.select().from(numberChangeRequests).where(eq(numberChangeRequests.id, request.id));
    expect(row).toMatchObject({
      subscriberId: s.id,
      mask: '29777%',
      categoryId: categories.gold,
      requestedByTelegramId: 777,
      status: 'new',
    });
    await expect(
      leaveNumberRequest(deps, subscriberActor(s), { subscriberId: s.id, mask: '29x', categoryCode: null }),
    ).rejects.toThrow('phone.maskChars');
  });
});

describe('R-NUM-OFFER: «Условия смены номера» come from the catalog and settings', () => {
  it('the screen lists every category with its fee, the reservation time and the quarantine', async () => {
    const s = await makeSubscriber(deps.db);
    const screen = await numberChangeScreen(deps, subscriberActor(s), s.id);
    expect(screen.categories.map((c) => [c.name, c.fee])).toEqual([
      ['Простой', 887],
      ['Бронзовый', 3787],
      ['Серебряный', 7756],
      ['Золотой', 11560],
      ['Платиновый', 20729],
    ]);
    expect(screen).toMatchObject({
      reservationMinutes: 15,
      quarantineDays: 90,
      msisdn: s.msisdn,
      blocked: false,
      reservation: null,
    });
  });
});
