import { describe, expect, it } from 'vitest';
import { usageRecords } from '../../src/db/schema/index.js';
import { detailPage, detailPeriods, detailPeriodsOn } from '../../src/domain/details.js';
import { createTestDeps, minsk } from '../helpers/deps.js';
import { adminActor, makeClient, makeSubscriber, subscriberActor } from '../helpers/fixtures.js';

const deps = await createTestDeps('2026-11-10T10:00', { pageSize: 10 });

type Kind = 'call_out' | 'call_in' | 'sms_out' | 'sms_in';
async function record(
  subscriberId: number,
  localTime: string,
  kind: Kind = 'call_out',
  quantity = 65,
  cost = 12,
  otherParty = '375291112233',
) {
  const [row] = await deps.db
    .insert(usageRecords)
    .values({ subscriberId, occurredAt: minsk(localTime), kind, otherParty, quantity, cost })
    .returning();
  return row!;
}

describe('R-DETAIL: exactly seven periods — the current one up to yesterday and six previous months', () => {
  it('in the middle of a month', () => {
    const p = detailPeriodsOn('2026-11-10', 6);
    expect(p).toHaveLength(7);
    expect(p[0]).toEqual({ key: '2026-11', current: true, from: '2026-11-01', to: '2026-11-09' });
    expect(p.slice(1).map((x) => [x.key, x.from, x.to])).toEqual([
      ['2026-10', '2026-10-01', '2026-10-31'],
      ['2026-09', '2026-09-01', '2026-09-30'],
      ['2026-08', '2026-08-01', '2026-08-31'],
      ['2026-07', '2026-07-01', '2026-07-31'],
      ['2026-06', '2026-06-01', '2026-06-30'],
      ['2026-05', '2026-05-01', '2026-05-31'],
    ]);
  });

  it('on the last day of a month the current period ends the day before', () => {
    expect(detailPeriodsOn('2026-11-30', 6)[0]).toMatchObject({ key: '2026-11', to: '2026-11-29' });
    expect(detailPeriodsOn('2027-02-28', 6)[0]).toMatchObject({ key: '2027-02', to: '2027-02-27' });
  });

  it('on the 1st the current period is empty and the previous month is complete', () => {
    const p = detailPeriodsOn('2026-12-01', 6);
    expect(p[0]).toEqual({ key: '2026-12', current: true, from: '2026-12-01', to: null });
    expect(p[1]).toEqual({ key: '2026-11', current: false, from: '2026-11-01', to: '2026-11-30' });
  });

  it('on 1 January the periods run back across the year boundary (Minsk clock, still 31 December in UTC)', async () => {
    deps.clock.set(minsk('2027-01-01T00:30'));
    const s = await makeSubscriber(deps.db);
    const p = await detailPeriods(deps, subscriberActor(s), s.id);
    expect(p.map((x) => x.key)).toEqual(['2027-01', '2026-12', '2026-11', '2026-10', '2026-09', '2026-08', '2026-07']);
    expect(p[0]!.to).toBeNull();
  });
});

describe('R-DETAIL: other periods are refused', () => {
  it('refuses the seventh previous month, a future month, today’s month next year and garbage', async () => {
    deps.clock.set(minsk('2027-01-01T00:30'));
    const s = await makeSubscriber(deps.db);
    for (const period of ['2026-06', '2027-02', '2028-01', '2027-1', '', 'x; drop table']) {
      await expect(detailPage(deps, subscriberActor(s), { subscriberId: s.id, period })).rejects.toThrow(
        'details.periodNotAllowed',
      );
    }
    await expect(detailPage(deps, subscriberActor(s), { subscriberId: s.id, period: '2026-07' })).resolves.toBeTruthy();
  });

  it('the current period on the 1st is empty, although records of the night exist', async () => {
    deps.clock.set(minsk('2027-01-01T10:00'));
    const s = await makeSubscriber(deps.db);
    await record(s.id, '2027-01-01T00:30');
    const page = await detailPage(deps, subscriberActor(s), { subscriberId: s.id, period: '2027-01' });
    expect(page).toMatchObject({ records: [], totals: [], totalRecords: 0, nextCursor: null });
    // …and the last minute of 31 December is in December.
    await record(s.id, '2026-12-31T23:59');
    const dec = await detailPage(deps, subscriberActor(s), { subscriberId: s.id, period: '2026-12' });
    expect(dec.records.map((r) => [r.date, r.time])).toEqual([['2026-12-31', '23:59:00']]);
  });

  it('the current period holds records up to the end of yesterday, not today’s', async () => {
    deps.clock.set(minsk('2026-11-30T18:00'));
    const s = await makeSubscriber(deps.db);
    await record(s.id, '2026-11-01T00:00'); // first instant of the month (31 October 21:00 UTC)
    await record(s.id, '2026-11-29T23:59:59');
    await record(s.id, '2026-11-30T00:00');
    await record(s.id, '2026-10-31T23:59:59');
    const page = await detailPage(deps, subscriberActor(s), { subscriberId: s.id, period: '2026-11' });
    expect(page.records.map((r) => `${r.date} ${r.time}`)).toEqual(['2026-11-01 00:00:00', '2026-11-29 23:59:59']);
  });

  it('is refused outside the actor’s scope', async () => {
    const s = await makeSubscriber(deps.db);
    const other = await makeClient(deps.db);
    await expect(detailPeriods(deps, adminActor(other.id), s.id)).rejects.toThrow('access.forbidden');
    await expect(detailPage(deps, adminActor(other.id), { subscriberId: s.id, period: '2026-10' })).rejects.toThrow(
      'access.forbidden',
    );
  });
});

describe('R-DETAIL: records paginated in time order with totals per type', () => {
  it('walks every record exactly once forwards and back, with totals over the whole period', async () => {
    deps.clock.set(minsk('2026-11-10T10:00'));
    const s = await makeSubscriber(deps.db);
    const other = await makeSubscriber(deps.db);
    await record(other.id, '2026-10-05T10:00');
    const ids: number[] = [];
    // 25 records, some sharing one instant, written out of time order.
    for (let i = 24; i >= 0; i--) {
      const kind: Kind = (['call_out', 'call_in', 'sms_out', 'sms_in'] as const)[i % 4]!;
      const r = await record(
        s.id,
        `2026-10-${String(1 + Math.floor(i / 2)).padStart(2, '0')}T09:00`,
        kind,
        kind.startsWith('sms') ? 1 : 30 + i,
        10 + i,
      );
      ids.push(r.id);
    }
    const seen: number[] = [];
    const pages = [];
    let cursor: string | undefined;
    do {
      const page = await detailPage(deps, subscriberActor(s), { subscriberId: s.id, period: '2026-10', cursor });
      pages.push(page);
      seen.push(...page.records.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages.map((p) => p.records.length)).toEqual([10, 10, 5]);
    expect(seen.toSorted((a, b) => a - b)).toEqual(ids.toSorted((a, b) => a - b));
    const times = pages.flatMap((p) => p.records.map((r) => r.occurredAt.getTime()));
    expect(times).toEqual(times.toSorted((a, b) => a - b));
    expect(pages[0]!.prevCursor).toBeNull();

    const back = await detailPage(deps, subscriberActor(s), {
      subscriberId: s.id,
      period: '2026-10',
      cursor: pages[2]!.prevCursor!,
    });
    expect(back.records.map((r) => r.id)).toEqual(pages[1]!.records.map((r) => r.id));
    const first = await detailPage(deps, subscriberActor(s), {
      subscriberId: s.id,
      period: '2026-10',
      cursor: back.prevCursor!,
    });
    expect(first.records.map((r) => r.id)).toEqual(pages[0]!.records.map((r) => r.id));
    expect(first.prevCursor).toBeNull();

    const totals = pages[0]!.totals;
    expect(totals.map((t) => t.kind)).toEqual(['call_out', 'call_in', 'sms_out', 'sms_in']);
    expect(totals.reduce((n, t) => n + t.records, 0)).toBe(25);
    const callOut = [0, 4, 8, 12, 16, 20, 24];
    expect(totals[0]).toEqual({
      kind: 'call_out',
      records: 7,
      quantity: callOut.reduce((a, i) => a + 30 + i, 0),
      cost: callOut.reduce((a, i) => a + 10 + i, 0),
    });
    expect(pages[0]!.totalCost).toBe(Array.from({ length: 25 }, (_, i) => 10 + i).reduce((a, b) => a + b, 0));
  });

  it('a record carries date and time in Minsk, type, number, duration or count, cost', async () => {
    deps.clock.set(minsk('2026-11-10T10:00'));
    const s = await makeSubscriber(deps.db);
    await record(s.id, '2026-11-02T00:15:07', 'sms_out', 1, 5, '375447654321');
    const [r] = (await detailPage(deps, subscriberActor(s), { subscriberId: s.id, period: '2026-11' })).records;
    expect(r).toMatchObject({
      date: '2026-11-02',
      time: '00:15:07',
      kind: 'sms_out',
      otherParty: '375447654321',
      quantity: 1,
      cost: 5,
    });
  });

  it('refuses a forged cursor', async () => {
    const s = await makeSubscriber(deps.db);
    await expect(
      detailPage(deps, subscriberActor(s), { subscriberId: s.id, period: '2026-10', cursor: "a1'; --" }),
    ).rejects.toThrow('details.badCursor');
  });
});
