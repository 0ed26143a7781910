// R-API-UPSERT, R-API-EFFECT, R-RECYCLE over real HTTP against PostgreSQL, with the bot answering the next
// update: the walk (client, account, subscriber through the API; sign in by contact; balance; terminate),
// idempotency, a holder change by contract id, a move between clients, balance and pauses.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, numberHolderChanges, subscribers, telegramRoles, tickets } from '../../src/db/schema/index.js';
import { createHarness, expectText } from '../helpers/bot.js';
import { makeService, makeTariff } from '../helpers/fixtures.js';
import { startApi, UNP, UNP2 } from './helpers.js';

const h = await createHarness({ now: '2026-11-10T10:00' });
const db = h.deps.db;
const api = await startApi(h.deps);
const token = await api.token(['provision', 'read'], 'crm');
const tariff = await makeTariff(db, { code: 'smart', name: 'Смарт' });
await makeService(db, { code: 'roaming', name: 'Роуминг' }, [tariff.id]);
await makeService(db, { code: 'mi-5gb', kind: 'mobile_internet', name: 'Интернет 5 ГБ' }, [tariff.id]);

const clientBody = (name: string) => ({
  name,
  paymentForm: 'advance',
  status: 'active',
  contract: { number: 'Д-1', date: '2024-01-10' },
  billDelivery: { method: 'portal' },
  bankAccounts: [],
});
const subscriber = (over: Record<string, unknown> = {}) => ({
  contract: 'C-1001',
  clientUnp: UNP,
  account: 'LS-1',
  fullName: 'Петров Пётр',
  tariff: 'smart',
  status: 'active',
  balance: '12.34',
  ...over,
});
const put = (path: string, body: unknown, headers?: Record<string, string>) =>
  api.call('PUT', path, { token, body, headers });
const NUMBER = '+375 33 555-12-34';
const PATH = `/api/v1/subscribers/${encodeURIComponent(NUMBER)}`;

describe('The walk: what the operator writes is what the bot shows (R-API-EFFECT)', () => {
  it('client, account and subscriber through the API', async () => {
    expect((await put(`/api/v1/clients/${UNP}`, clientBody('ООО «Первый»'))).status).toBe(201);
    expect((await put(`/api/v1/clients/${UNP}/accounts/LS-1`, { name: 'Основной' })).status).toBe(201);
    const res = await put(PATH, subscriber({ services: ['roaming'], mobileInternet: 'mi-5gb' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      msisdn: '375335551234',
      fullName: 'Петров Пётр',
      balance: '12.34',
      services: ['roaming'],
    });
    expect(res.body.simCodes).toBeUndefined();
  });

  it('a contact with that number signs in and sees the name and balance', async () => {
    const u = h.user(8101);
    expectText(await u.shareContact('+375335551234'), 'Вы вошли как абонент +375 33 555-12-34');
    const info = await u.press('Персональная информация');
    expectText(info, 'Петров Пётр');
    expectText(info, '12,34');
  });

  it('a balance written by the operator shows on the next update', async () => {
    const res = await put(`${PATH}/balance`, { balance: '99.50' });
    expect(res.status).toBe(200);
    expect(res.body.balance).toBe('99.50');
    const u = h.user(8101);
    await u.sendText('/start');
    expectText(await u.press('Персональная информация'), '99,50');
  });

  it('a repeated identical PUT writes no audit row and keeps the ETag', async () => {
    const first = await put(PATH, subscriber({ services: ['roaming'], mobileInternet: 'mi-5gb', balance: '99.50' }));
    const count = (await db.select().from(auditLog).where(eq(auditLog.actorKind, 'api'))).length;
    const again = await put(PATH, subscriber({ services: ['roaming'], mobileInternet: 'mi-5gb', balance: '99.50' }));
    expect(again.status).toBe(200);
    expect(again.etag).toBe(first.etag);
    expect((await db.select().from(auditLog).where(eq(auditLog.actorKind, 'api'))).length).toBe(count);
    expect((await api.call('GET', PATH, { token })).etag).toBe(first.etag);
  });

  it('an unknown tariff or service code is a 400 on its path; 412 on a stale If-Match; 404 unknown number', async () => {
    const bad = await put(PATH, subscriber({ tariff: 'nope', services: ['roaming', 'ghost'], clientUnp: '190000005' }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['tariff', 'services.1', 'clientUnp']),
    );
    const stale = await put(PATH, subscriber({ fullName: 'X' }), { 'if-match': '"0000"' });
    expect(stale.status).toBe(412);
    expect((await api.call('GET', '/api/v1/subscribers/375290000000', { token })).status).toBe(404);
    expect((await api.call('GET', '/api/v1/subscribers/12', { token })).status).toBe(400);
  });

  it('a pause written and removed by the operator', async () => {
    const res = await put(`${PATH}/pauses/2026-11-12`, { to: '2026-11-30' });
    expect(res.status).toBe(200);
    expect(res.body.pauses).toEqual([{ from: '2026-11-12', to: '2026-11-30', endedOn: null }]);
    const removed = await api.call('DELETE', `${PATH}/pauses/2026-11-12`, { token });
    expect(removed.status).toBe(200);
    expect(removed.body.pauses).toEqual([]);
    expect((await api.call('DELETE', `${PATH}/pauses/2026-11-12`, { token })).status).toBe(404);
  });

  it('terminated: the Telegram link is removed and the user lands on the start screen', async () => {
    const res = await put(PATH, subscriber({ status: 'terminated', balance: '99.50' }));
    expect(res.status).toBe(200);
    expect(await db.select().from(telegramRoles).where(eq(telegramRoles.telegramId, 8101))).toHaveLength(0);
    expectText(await h.user(8101).sendText('/start'), 'Поделиться контактом');
  });
});

describe('R-RECYCLE: a subscriber PUT with another contract id is a change of holder', () => {
  const N = '375296667788';
  it('the first PUT is not a holder change; another contract ends the old row and starts a new one', async () => {
    expect(
      (await put(`/api/v1/subscribers/${N}`, subscriber({ contract: 'OLD-1', fullName: 'Старый Владелец' }))).status,
    ).toBe(201);
    expect(await db.select().from(numberHolderChanges)).toHaveLength(0);
    const old = h.user(8201);
    expectText(await old.shareContact(`+${N}`), 'Вы вошли как абонент');
    const res = await put(`/api/v1/subscribers/${N}`, subscriber({ contract: 'NEW-2', fullName: 'Новый Владелец' }));
    expect(res.status).toBe(201);
    const rows = await db.select().from(subscribers).where(eq(subscribers.msisdn, N));
    expect(rows.map((r) => [r.operatorContract, r.status]).sort()).toEqual([
      ['NEW-2', 'active'],
      ['OLD-1', 'terminated'],
    ]);
    const [change] = await db.select().from(numberHolderChanges).where(eq(numberHolderChanges.msisdn, N));
    expect(change).toMatchObject({ previousContract: 'OLD-1', nextContract: 'NEW-2', source: 'operator' });
    // The old holder's link is gone; the new holder signs in fresh and sees their own name.
    expect(await db.select().from(telegramRoles).where(eq(telegramRoles.telegramId, 8201))).toHaveLength(0);
    expectText(await old.sendText('/start'), 'Поделиться контактом');
    const fresh = h.user(8202);
    expectText(await fresh.shareContact(`+${N}`), 'Вы вошли как абонент');
    expectText(await fresh.press('Персональная информация'), 'Новый Владелец');
  });
});

describe('R-API-EFFECT: a subscriber moved to another client', () => {
  const N = '375297770011';
  it('moves with its Telegram role and open tickets, and vanishes from the old client', async () => {
    await put(`/api/v1/clients/${UNP2}`, clientBody('ООО «Второй»'));
    await put(`/api/v1/clients/${UNP2}/accounts/LS-2`, { name: 'Второй' });
    const first = await put(`/api/v1/subscribers/${N}`, subscriber({ contract: 'MOVE-1' }));
    expect(first.status).toBe(201);
    const u = h.user(8301);
    await u.shareContact(`+${N}`);
    const [row] = await db.select().from(subscribers).where(eq(subscribers.msisdn, N));
    const [ticket] = await db
      .insert(tickets)
      .values({
        requesterTelegramId: 8301,
        requesterChatId: 8301,
        role: 'subscriber',
        clientId: row!.clientId,
        subscriberId: row!.id,
        topic: 'Вопрос',
        createdAt: new Date(),
        updatedAt: new Date(),
      })
      .returning();
    const moved = await put(
      `/api/v1/subscribers/${N}`,
      subscriber({ contract: 'MOVE-1', clientUnp: UNP2, account: 'LS-2' }),
    );
    expect(moved.status).toBe(200);
    expect(moved.body.clientUnp).toBe(UNP2);
    const [after] = await db.select().from(subscribers).where(eq(subscribers.id, row!.id));
    expect(after!.clientId).not.toBe(row!.clientId);
    const [role] = await db
      .select()
      .from(telegramRoles)
      .where(and(eq(telegramRoles.telegramId, 8301), eq(telegramRoles.role, 'subscriber')));
    expect(role!.clientId).toBe(after!.clientId);
    const [t] = await db.select().from(tickets).where(eq(tickets.id, ticket!.id));
    expect(t!.clientId).toBe(after!.clientId);
    // The subscriber still signs in as before.
    await u.sendText('/start');
    expectText(await u.press('Персональная информация'), 'Петров Пётр');
  });
});
