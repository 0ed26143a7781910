// R-API-EFFECT: a client the operator suspends through the API keeps its administrators, who may look
// but change nothing — refused in the domain's transaction, said up front in the menu; active again, it works.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { clients, orders, subscribers } from '../../src/db/schema/index.js';
import { DEMO_CLIENT_UNP, DEMO_SUBSCRIBER_MSISDN } from '../../src/db/seed/identities.js';
import { issueInvite } from '../../src/domain/access/invites.js';
import { DomainError } from '../../src/domain/errors.js';
import { createHarness, expectText, textsOf } from '../helpers/bot.js';
import { adminActor, linkAdmin } from '../helpers/fixtures.js';
import { startApi } from './helpers.js';

const h = await createHarness({ demo: true, now: '2026-11-30T12:00' });
const db = h.deps.db;
const api = await startApi(h.deps);
const token = await api.token(['provision', 'read'], 'crm');
const [client] = await db.select().from(clients).where(eq(clients.unp, DEMO_CLIENT_UNP));
await linkAdmin(db, 8801, client!.id);
const me = async () => (await db.select().from(subscribers).where(eq(subscribers.msisdn, DEMO_SUBSCRIBER_MSISDN)))[0]!;

async function setStatus(status: 'active' | 'suspended') {
  const current = await api.call('GET', `/api/v1/clients/${DEMO_CLIENT_UNP}`, { token });
  expect(current.status).toBe(200);
  // The stored resource carries read-only fields (its УНП, its balance) that a PUT does not take.
  const { unp: _unp, balance: _balance, ...writable } = current.body;
  const res = await api.call('PUT', `/api/v1/clients/${DEMO_CLIENT_UNP}`, { token, body: { ...writable, status } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function tariffChange(u: ReturnType<typeof h.user>) {
  await u.sendText('/start');
  await u.press('Выбор абонента');
  await u.sendText(DEMO_SUBSCRIBER_MSISDN.slice(3));
  await u.press(/Ковальчук/);
  await u.press(/Смена ТП/);
  await u.press('Бизнес Максимальный');
  return u.press('Подтвердить');
}

describe('R-API-EFFECT: a suspended client', () => {
  it('its administrator sees the suspension in the menu and a change is refused with nothing written', async () => {
    await setStatus('suspended');
    const u = h.user(8801);
    expectText(await u.sendText('/start'), 'Обслуживание вашей компании приостановлено');
    const before = await me();
    const ordersBefore = (await db.select().from(orders)).length;
    const refused = await tariffChange(u);
    expectText(refused, 'изменения недоступны');
    expect((await me()).tariffPlanId).toBe(before.tariffPlanId);
    expect(await db.select().from(orders)).toHaveLength(ordersBefore);
  });

  it('refuses an invite in the domain, whoever calls it', async () => {
    await expect(issueInvite(h.deps, adminActor(client!.id, 8801), client!.id)).rejects.toEqual(
      new DomainError('access.clientSuspended'),
    );
  });

  it('active again, the same change goes through on the next update', async () => {
    await setStatus('active');
    const u = h.user(8801);
    const done = await tariffChange(u);
    expect(textsOf(done).join('\n')).not.toContain('изменения недоступны');
    expectText(done, 'Тарифный план изменен на «Бизнес Максимальный»');
  });
});
