import { describe, expect, it } from 'vitest';
import { numberPool } from '../../../src/db/schema/index.js';
import { attemptsLeft } from '../../../src/domain/numbers/attempts.js';
import { searchNumbers } from '../../../src/domain/numbers/search.js';
import { createTestDeps } from '../../helpers/deps.js';
import { makeCategories, makePoolNumber, makeSubscriber, subscriberActor } from '../../helpers/fixtures.js';

const deps = await createTestDeps('2026-11-10T10:00', { numberAttemptsPerDay: 1000 });
/** The same database with room to see every match (R-NUM-MASK checks the whole matching set). */
const wide = { ...deps, settings: { ...deps.settings, numberOffers: 1000 } };
const categories = await makeCategories(deps.db);

// A deterministic pool of operator 44: hand-picked shapes plus pseudo-random numbers.
let seed = 7;
const rand = () => {
  seed = (seed * 48271) % 2147483647; // Park–Miller: exact in doubles
  return seed / 2147483647;
};
const handPicked = [
  '375447770077',
  '375447771234',
  '375441234577',
  '375449997777',
  '375445557700',
  '375441117772',
  '375447707007',
  '375440000077',
];
const generated = Array.from({ length: 120 }, () => `37544${String(Math.floor(rand() * 1e7)).padStart(7, '0')}`);
for (const msisdn of new Set([...handPicked, ...generated]))
  await makePoolNumber(deps.db, categories, msisdn, { randomKey: rand() });

const me = await makeSubscriber(deps.db);
const actor = subscriberActor(me);

/** What a mask must match: anchored over the nine digits, `%` any run, `_` one digit. */
const maskRegex = (mask: string) => new RegExp(`^375${mask.replace(/%/g, '\\d*').replace(/_/g, '\\d')}$`);

async function freePool() {
  return deps.db.select().from(numberPool);
}

describe('R-NUM-MASK: the mask is anchored over the nine digits; only matching numbers are offered', () => {
  it.each([
    ['44777%', 'prefix'],
    ['%77', 'suffix'],
    ['%777%', 'inner run'],
    ['4477_00_7', '`_` stands for one digit'],
    ['%7_7', 'suffix with `_`'],
    ['44%77', 'prefix and suffix'],
    ['447770077', 'exact number'],
  ])('%s (%s)', async (mask) => {
    const result = await searchNumbers(wide, actor, { subscriberId: me.id, mask, categoryCode: null });
    const re = maskRegex(mask);
    const expected = (await freePool()).filter((p) => p.status === 'free' && re.test(p.msisdn)).map((p) => p.msisdn);
    expect(expected.length).toBeGreaterThan(0);
    expect(result.offers.map((o) => o.msisdn).sort()).toEqual(expected.sort());
  });

  it('a typed mask is normalised first (+375, spaces, dashes)', async () => {
    const result = await searchNumbers(wide, actor, { subscriberId: me.id, mask: '+375 44 777-%', categoryCode: null });
    expect(result.mask).toBe('44777%');
    expect(result.offers.every((o) => o.msisdn.startsWith('37544777'))).toBe(true);
  });

  it.each([
    ['29a%', 'phone.maskChars'],
    ['2912345678%', 'phone.maskTooLong'],
    ['2977', 'phone.maskTooShort'],
  ])('refuses %s without spending an attempt', async (mask, code) => {
    const before = await attemptsLeft(deps.db, deps, me.id);
    await expect(searchNumbers(wide, actor, { subscriberId: me.id, mask, categoryCode: null })).rejects.toThrow(code);
    expect(await attemptsLeft(deps.db, deps, me.id)).toBe(before);
  });
});

describe('R-NUM-OFFER: category filter, at most N offers, random order without ORDER BY random()', () => {
  it('the category filter offers only that category, each offer with its category and fee', async () => {
    const result = await searchNumbers(wide, actor, { subscriberId: me.id, mask: '%', categoryCode: 'gold' });
    const golds = (await freePool()).filter((p) => p.categoryId === categories.gold).map((p) => p.msisdn);
    expect(result.offers.map((o) => o.msisdn).sort()).toEqual(golds.sort());
    expect(result.offers.find((o) => o.msisdn === '375447770077')).toEqual({
      msisdn: '375447770077',
      categoryCode: 'gold',
      categoryName: 'Золотой',
      categoryNameEn: 'Gold',
      fee: 11560,
    });
  });

  it('an unknown category is refused', async () => {
    await expect(searchNumbers(wide, actor, { subscriberId: me.id, mask: '%', categoryCode: 'nope' })).rejects.toThrow(
      'numbers.unknownCategory',
    );
  });

  it('offers at most settings.numberOffers numbers', async () => {
    const result = await searchNumbers(deps, actor, { subscriberId: me.id, mask: '%', categoryCode: null });
    expect(result.offers).toHaveLength(10);
    const few = { ...deps, settings: { ...deps.settings, numberOffers: 3 } };
    expect(
      (await searchNumbers(few, actor, { subscriberId: me.id, mask: '%', categoryCode: null })).offers,
    ).toHaveLength(3);
  });

  it('two searches with different random sources offer differently; the same source offers the same', async () => {
    const input = { subscriberId: me.id, mask: '%', categoryCode: null };
    const a = (await searchNumbers(deps, actor, input, () => 0.1)).offers.map((o) => o.msisdn);
    const b = (await searchNumbers(deps, actor, input, () => 0.7)).offers.map((o) => o.msisdn);
    const a2 = (await searchNumbers(deps, actor, input, () => 0.1)).offers.map((o) => o.msisdn);
    expect(a).not.toEqual(b);
    expect(a2).toEqual(a);
  });

  it('scans from the random start point and wraps around to the matches before it', async () => {
    await makePoolNumber(deps.db, categories, '375333000001', { randomKey: 0.1 });
    await makePoolNumber(deps.db, categories, '375333000002', { randomKey: 0.5 });
    await makePoolNumber(deps.db, categories, '375333000003', { randomKey: 0.9 });
    const search = (r: number) =>
      searchNumbers(deps, actor, { subscriberId: me.id, mask: '333%', categoryCode: null }, () => r).then((x) =>
        x.offers.map((o) => o.msisdn.slice(-1)),
      );
    expect(await search(0.6)).toEqual(['3', '1', '2']);
    expect(await search(0.95)).toEqual(['1', '2', '3']);
    expect(await search(0)).toEqual(['1', '2', '3']);
  });

  it('numbers in quarantine or taken are not offered', async () => {
    await makePoolNumber(deps.db, categories, '375334000001', {
      status: 'quarantine',
      quarantineUntil: new Date('2027-01-01T00:00:00Z'),
    });
    await makePoolNumber(deps.db, categories, '375334000002', { status: 'taken' });
    await makePoolNumber(deps.db, categories, '375334000003');
    const result = await searchNumbers(wide, actor, { subscriberId: me.id, mask: '334%', categoryCode: null });
    expect(result.offers.map((o) => o.msisdn)).toEqual(['375334000003']);
  });

  it('the number the subscriber holds is never offered to them', async () => {
    await makePoolNumber(deps.db, categories, '375335000001');
    await makePoolNumber(deps.db, categories, '375335000002');
    const holder = await makeSubscriber(deps.db, { msisdn: '375335000001' });
    const result = await searchNumbers(wide, subscriberActor(holder), {
      subscriberId: holder.id,
      mask: '335%',
      categoryCode: null,
    });
    expect(result.offers.map((o) => o.msisdn)).toEqual(['375335000002']);
  });
});
