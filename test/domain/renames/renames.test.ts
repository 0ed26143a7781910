import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, bulkLists, jobs, renames, subscribers } from '../../../src/db/schema/index.js';
import { applyDueRenames } from '../../../src/domain/renames/apply.js';
import {
  formatRenameApplication,
  renameApplicationForList,
  renameApplicationForSubscriber,
} from '../../../src/domain/renames/application.js';
import { nameOnBill } from '../../../src/domain/renames/bill-name.js';
import { inRenameBlackout } from '../../../src/domain/renames/blackout.js';
import { confirmRenameList, createRenameList, requestRename } from '../../../src/domain/renames/request.js';
import { createTestDeps, minsk } from '../../helpers/deps.js';
import { adminActor, makeClient, makeSubscriber } from '../../helpers/fixtures.js';

const deps = await createTestDeps('2026-11-10T10:00', { renameDelaySeconds: 3600 });
let nonce = 0;
const n = () => `t${++nonce}`;

async function nameOf(id: number) {
  const [row] = await deps.db.select({ name: subscribers.displayName }).from(subscribers).where(eq(subscribers.id, id));
  return row!.name;
}

describe('R-RENAME: refused on the last two calendar days of a month (Europe/Minsk)', () => {
  it('the 29th and 30th of November are refused, the 28th is allowed', async () => {
    const s = await makeSubscriber(deps.db);
    for (const day of ['2026-11-29T00:00', '2026-11-29T12:00', '2026-11-30T23:59']) {
      deps.clock.set(minsk(day));
      await expect(
        requestRename(deps, adminActor(s.clientId), { subscriberId: s.id, newName: 'Новое', nonce: n() }),
      ).rejects.toMatchObject({
        code: 'renames.blackout',
        params: { days: 2, from: '2026-11-29', until: '2026-12-01' },
      });
    }
    deps.clock.set(minsk('2026-11-28T23:59'));
    await expect(
      requestRename(deps, adminActor(s.clientId), { subscriberId: s.id, newName: 'Новое', nonce: n() }),
    ).resolves.toMatchObject({ newName: 'Новое' });
    deps.clock.set(minsk('2026-11-10T10:00'));
  });

  it('the blackout follows the month length and the Minsk calendar, not UTC', () => {
    expect(inRenameBlackout(minsk('2026-12-29T23:59'), 2)).toBe(false);
    expect(inRenameBlackout(minsk('2026-12-30T00:00'), 2)).toBe(true);
    expect(inRenameBlackout(minsk('2027-02-27T00:00'), 2)).toBe(true);
    expect(inRenameBlackout(minsk('2027-02-26T23:59'), 2)).toBe(false);
    // 21:30 UTC on the 28th is already the 29th in Minsk
    expect(inRenameBlackout(new Date('2026-11-28T21:30:00Z'), 2)).toBe(true);
    expect(inRenameBlackout(minsk('2026-11-29T12:00'), 0)).toBe(false);
  });

  it('the written application is prefilled with the number and the name', async () => {
    const client = await makeClient(deps.db, { name: 'ООО «Ромашка»' });
    const s = await makeSubscriber(deps.db, { clientId: client.id, msisdn: '375291112233' });
    deps.clock.set(minsk('2026-11-29T12:00'));
    const app = await renameApplicationForSubscriber(deps, adminActor(client.id), {
      subscriberId: s.id,
      newName: ' Склад №2 ',
    });
    expect(app.text).toContain('ООО «Ромашка»');
    expect(app.text).toContain('+375 29 111-22-33 — Склад №2');
    expect(app.text).toContain('29.11.2026');
    deps.clock.set(minsk('2026-11-10T10:00'));
    // A long list is cut to fit a ticket (4 000 characters), the rest counted.
    const subs = [];
    for (let i = 0; i < 120; i++) subs.push(await makeSubscriber(deps.db, { clientId: client.id }));
    const text = subs.map((x, i) => `${x.msisdn};Очень длинное название подразделения номер ${i}`).join('\n');
    const big = await createRenameList(deps, adminActor(client.id), { source: { kind: 'text', text } });
    const bigApp = await renameApplicationForList(deps, adminActor(client.id), { listId: big.listId });
    expect(bigApp.lines).toBe(120);
    expect(bigApp.text.length).toBeLessThanOrEqual(4000);
    expect(bigApp.text).toMatch(/… и ещё \d+ \(список приложен/);
    const long = formatRenameApplication({
      clientName: 'K',
      unp: '1',
      date: '2026-11-29',
      lines: Array.from({ length: 5 }, () => ({ msisdn: '375291112233', name: 'x' })),
      maxLines: 2,
    });
    expect(long).toContain('… и ещё 3');
  });
});

describe('R-RENAME: a rename is pending, then applied by the worker; the last one wins', () => {
  it('stays pending until the delay passes, then becomes the display name, once', async () => {
    const s = await makeSubscriber(deps.db, { displayName: 'Старое' });
    const actor = adminActor(s.clientId);
    const nonceA = n();
    const r = await requestRename(deps, actor, {
      subscriberId: s.id,
      newName: 'Новое\u0000 имя ',
      nonce: nonceA,
      chatId: 777,
    });
    expect(r).toMatchObject({
      oldName: 'Старое',
      newName: 'Новое имя',
      applyAfter: new Date(deps.clock.now().getTime() + 3600_000).toISOString(),
    });
    // R-IDEMP: the confirmation pressed twice makes one rename.
    expect(await requestRename(deps, actor, { subscriberId: s.id, newName: 'Новое имя', nonce: nonceA })).toEqual(r);
    expect(await deps.db.select().from(renames).where(eq(renames.subscriberId, s.id))).toHaveLength(1);
    const [job] = await deps.db
      .select()
      .from(jobs)
      .where(eq(jobs.runAt, new Date(r.applyAfter)));
    expect(job?.kind).toBe('renames.apply');

    deps.clock.advance(3599_000);
    expect((await applyDueRenames(deps)).claimed).toBe(0);
    expect(await nameOf(s.id)).toBe('Старое');
    deps.clock.advance(1000);
    const batch = await applyDueRenames(deps);
    expect(batch.single).toEqual([
      {
        renameId: r.renameId,
        subscriberId: s.id,
        msisdn: s.msisdn,
        newName: 'Новое имя',
        chatId: 777,
        telegramId: 1001,
      },
    ]);
    expect(await nameOf(s.id)).toBe('Новое имя');
    expect((await applyDueRenames(deps)).claimed).toBe(0);
    const audits = await deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subscriberId, s.id), eq(auditLog.action, 'renames.apply')));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.before).toEqual({ displayName: 'Старое' });
  });

  it('several renames of a number: the one requested last wins, applied together or one by one', async () => {
    const s = await makeSubscriber(deps.db, { displayName: 'Ноль' });
    const actor = adminActor(s.clientId);
    await requestRename(deps, actor, { subscriberId: s.id, newName: 'Первое', nonce: n() });
    deps.clock.advance(60_000);
    await requestRename(deps, actor, { subscriberId: s.id, newName: 'Второе', nonce: n() });
    deps.clock.advance(3600_000);
    const batch = await applyDueRenames(deps);
    expect(batch.single.map((x) => x.newName)).toEqual(['Второе']);
    expect(await nameOf(s.id)).toBe('Второе');
    const rows = await deps.db.select().from(renames).where(eq(renames.subscriberId, s.id));
    expect(rows.map((x) => [x.newName, x.status]).sort()).toEqual([
      ['Второе', 'applied'],
      ['Первое', 'cancelled'],
    ]);
  });

  it('an earlier request applied after a later one does not overwrite it', async () => {
    const s = await makeSubscriber(deps.db, { displayName: 'Ноль' });
    const actor = adminActor(s.clientId);
    const first = await requestRename(deps, actor, { subscriberId: s.id, newName: 'Раньше', nonce: n() });
    deps.clock.advance(1000);
    const second = await requestRename(deps, actor, { subscriberId: s.id, newName: 'Позже', nonce: n() });
    // The later one falls due first (say the delay was shortened in between).
    await deps.db
      .update(renames)
      .set({ applyAfter: new Date(first.applyAfter) })
      .where(eq(renames.id, second.renameId));
    await deps.db
      .update(renames)
      .set({ applyAfter: new Date(new Date(first.applyAfter).getTime() + 10_000) })
      .where(eq(renames.id, first.renameId));
    deps.clock.set(new Date(first.applyAfter));
    await applyDueRenames(deps);
    expect(await nameOf(s.id)).toBe('Позже');
    deps.clock.advance(10_000);
    const batch = await applyDueRenames(deps);
    expect(batch.claimed).toBe(1);
    expect(batch.single).toEqual([]);
    expect(await nameOf(s.id)).toBe('Позже');
    deps.clock.set(minsk('2026-11-10T10:00'));
  });

  it('the name on a month’s bill is the last rename applied in that month', async () => {
    const s = await makeSubscriber(deps.db, { displayName: 'Октябрь' });
    const actor = adminActor(s.clientId);
    deps.clock.set(minsk('2026-11-05T10:00'));
    await requestRename(deps, actor, { subscriberId: s.id, newName: 'Ноябрь-1', nonce: n() });
    deps.clock.advance(3600_000);
    await applyDueRenames(deps);
    deps.clock.set(minsk('2026-11-20T10:00'));
    await requestRename(deps, actor, { subscriberId: s.id, newName: 'Ноябрь-2', nonce: n() });
    deps.clock.advance(3600_000);
    await applyDueRenames(deps);
    deps.clock.set(minsk('2026-12-02T10:00'));
    await requestRename(deps, actor, { subscriberId: s.id, newName: 'Декабрь', nonce: n() });
    deps.clock.advance(3600_000);
    await applyDueRenames(deps);
    expect(await nameOf(s.id)).toBe('Декабрь');
    expect(await nameOnBill(deps.db, s.id, '2026-10-01')).toBe('Октябрь');
    expect(await nameOnBill(deps.db, s.id, '2026-11-01')).toBe('Ноябрь-2');
    expect(await nameOnBill(deps.db, s.id, '2026-12-01')).toBe('Декабрь');
    deps.clock.set(minsk('2026-11-10T10:00'));
  });

  it('refuses another client’s number, a non-administrator, and a bad name', async () => {
    const mine = await makeSubscriber(deps.db);
    const other = await makeSubscriber(deps.db);
    await expect(
      requestRename(deps, adminActor(mine.clientId), { subscriberId: other.id, newName: 'X', nonce: n() }),
    ).rejects.toMatchObject({ code: 'access.forbidden' });
    await expect(
      requestRename(
        deps,
        { kind: 'subscriber', telegramId: 1, clientId: mine.clientId, subscriberId: mine.id },
        { subscriberId: mine.id, newName: 'X', nonce: n() },
      ),
    ).rejects.toMatchObject({ code: 'access.forbidden' });
    await expect(
      requestRename(deps, adminActor(mine.clientId), { subscriberId: mine.id, newName: ' \u0001 ', nonce: n() }),
    ).rejects.toMatchObject({ code: 'renames.nameEmpty' });
    await expect(
      requestRename(deps, adminActor(mine.clientId), { subscriberId: mine.id, newName: 'ы'.repeat(65), nonce: n() }),
    ).rejects.toMatchObject({ code: 'renames.nameTooLong', params: { max: 64 } });
    expect(await deps.db.select().from(renames).where(eq(renames.subscriberId, mine.id))).toHaveLength(0);
  });
});

describe('R-RENAME: a confirmed list becomes pending renames; the requester hears once when all are applied', () => {
  it('confirms once per nonce, refuses in the blackout, and finishes the list', async () => {
    const client = await makeClient(deps.db);
    const subs = [];
    for (let i = 0; i < 3; i++) subs.push(await makeSubscriber(deps.db, { clientId: client.id }));
    const actor = adminActor(client.id);
    const text = ['Номер;Имя', ...subs.map((s, i) => `${s.msisdn};Отдел ${i}`), '375000000000;Плохой'].join('\n');
    const preview = await createRenameList(deps, actor, { source: { kind: 'text', text }, chatId: 4242 });
    expect(preview).toMatchObject({ total: 4, fine: 3 });

    deps.clock.set(minsk('2026-11-30T09:00'));
    await expect(confirmRenameList(deps, actor, { listId: preview.listId, nonce: n() })).rejects.toMatchObject({
      code: 'renames.blackout',
    });
    const app = await renameApplicationForList(deps, actor, { listId: preview.listId });
    expect(app.lines).toBe(3);
    expect(app.text).toContain('Отдел 2');
    deps.clock.set(minsk('2026-11-10T10:00'));

    // A number terminated between preview and confirmation is refused, not renamed.
    await deps.db.update(subscribers).set({ status: 'terminated' }).where(eq(subscribers.id, subs[2]!.id));
    const key = n();
    const confirmed = await confirmRenameList(deps, actor, { listId: preview.listId, nonce: key });
    expect(confirmed).toMatchObject({ renames: 2, refused: 1 });
    expect(await confirmRenameList(deps, actor, { listId: preview.listId, nonce: key })).toEqual(confirmed);
    await expect(confirmRenameList(deps, actor, { listId: preview.listId, nonce: n() })).rejects.toMatchObject({
      code: 'lists.alreadyConfirmed',
    });
    await expect(
      confirmRenameList(deps, adminActor(subs[0]!.clientId + 100000), { listId: preview.listId, nonce: n() }),
    ).rejects.toMatchObject({
      code: 'access.forbidden',
    });

    deps.clock.advance(3600_000);
    const batch = await applyDueRenames(deps, { limit: 1 });
    expect(batch.finishedLists).toEqual([]);
    const last = await applyDueRenames(deps);
    expect(last.finishedLists).toEqual([{ listId: preview.listId, chatId: 4242, telegramId: 1001, applied: 2 }]);
    expect(await nameOf(subs[0]!.id)).toBe('Отдел 0');
    expect(await nameOf(subs[1]!.id)).toBe('Отдел 1');
    const [list] = await deps.db.select().from(bulkLists).where(eq(bulkLists.id, preview.listId));
    expect(list!.status).toBe('done');
  });
});
