import { describe, expect, it } from 'vitest';
import { findInvoice, listInvoices } from '../../../src/domain/invoices/index.js';
import { makeInvoice } from '../../helpers/billing-fixtures.js';
import { createTestDeps, minsk } from '../../helpers/deps.js';
import { adminActor, makeClient, makeSubscriber, subscriberActor } from '../../helpers/fixtures.js';

const deps = await createTestDeps('2026-11-10T10:00');

describe('R-INV-ORDER: «Счета» lists closed months with amount and paid/unpaid', () => {
  it('shows closed months newest first in pages, never the current month or another client’s', async () => {
    const client = await makeClient(deps.db);
    const periods = ['2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01'];
    const made = [];
    for (const p of periods)
      made.push(
        await makeInvoice(deps.db, client.id, p, [{ description: 'x', amount: 1000 }], { paid: p < '2026-10-01' }),
      );
    await makeInvoice(deps.db, (await makeClient(deps.db)).id, '2026-10-01');

    const first = await listInvoices(deps, adminActor(client.id), { limit: 3 });
    expect(first.items.map((i) => i.period)).toEqual(['2026-10-01', '2026-09-01', '2026-08-01']);
    expect(first.items[0]).toMatchObject({ paid: false, amount: 1000, number: made[3]!.number });
    expect(first.items[1]!.paid).toBe(true);
    const second = await listInvoices(deps, adminActor(client.id), { limit: 3, cursor: first.nextCursor });
    expect(second.items.map((i) => i.period)).toEqual(['2026-07-01']);
    expect(second.nextCursor).toBeNull();
    const back = await listInvoices(deps, adminActor(client.id), {
      limit: 3,
      cursor: second.prevCursor,
      direction: 'newer',
    });
    expect(back.items.map((i) => i.period)).toEqual(['2026-10-01', '2026-09-01', '2026-08-01']);
    expect(back.prevCursor).toBeNull();
    // A forged cursor in the future cannot reveal the open month.
    const forged = await listInvoices(deps, adminActor(client.id), { limit: 3, cursor: '209912' });
    expect(forged.items.map((i) => i.period)).not.toContain('2026-11-01');
  });

  it('on the 1st of a month the month just ended is closed', async () => {
    const client = await makeClient(deps.db);
    await makeInvoice(deps.db, client.id, '2026-10-01');
    deps.clock.set(minsk('2026-10-31T23:00'));
    expect((await listInvoices(deps, adminActor(client.id), { limit: 5 })).items).toEqual([]);
    deps.clock.set(minsk('2026-11-01T00:30'));
    expect((await listInvoices(deps, adminActor(client.id), { limit: 5 })).items).toHaveLength(1);
    deps.clock.set(minsk('2026-11-10T10:00'));
  });

  it('R-SCOPE: another client’s invoice is not found, and subscribers are refused', async () => {
    const mine = await makeClient(deps.db);
    const theirs = await makeInvoice(deps.db, (await makeClient(deps.db)).id, '2026-10-01');
    expect(await findInvoice(deps, adminActor(mine.id), theirs.id)).toBeNull();
    const s = await makeSubscriber(deps.db);
    await expect(listInvoices(deps, subscriberActor(s), { limit: 5 })).rejects.toThrow('access.forbidden');
  });
});
