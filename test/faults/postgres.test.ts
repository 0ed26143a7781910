// PostgreSQL goes away (a TCP proxy between the app and the machine's server is cut): the user is told
// «Сервис временно недоступен, попробуйте позже», the process keeps running, a change cut in the middle
// of its transaction leaves nothing half-written, and once the server is back the same confirmation
// makes the change exactly once.
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { auditLog, charges, idempotencyKeys, subscribers, tariffChanges } from '../../src/db/schema/index.js';
import { DEMO_SUBSCRIBER_MSISDN } from '../../src/db/seed/identities.js';
import { expectText, textsOf } from '../helpers/bot.js';
import { PG_ADMIN_URL } from '../helpers/pg.js';
import { createFaultHarness, unhandled } from './support/fault-app.js';
import { TcpProxy } from './support/tcp-proxy.js';

const UNAVAILABLE = 'Сервис временно недоступен, попробуйте позже';
const server = new URL(PG_ADMIN_URL);
const proxy = await TcpProxy.start({ host: server.hostname, port: Number(server.port || 5432) });
const crashes: unknown[] = [];
const onCrash = (error: unknown) => crashes.push(error);
process.on('unhandledRejection', onCrash);
process.on('uncaughtException', onCrash);
const h = await createFaultHarness({ demo: true, now: '2026-11-10T12:00', databaseUrl: (url) => proxy.proxied(url) });
afterAll(async () => {
  process.off('unhandledRejection', onCrash);
  process.off('uncaughtException', onCrash);
  await h.close();
  await proxy.stop();
});

// The test reads rows over its own direct connection, which the proxy never touches.
const db = h.deps.db;
const me = async () => (await db.select().from(subscribers).where(eq(subscribers.msisdn, DEMO_SUBSCRIBER_MSISDN)))[0]!;

async function footprint(subscriberId: number) {
  const s = (await db.select().from(subscribers).where(eq(subscribers.id, subscriberId)))[0]!;
  return {
    tariffPlanId: s.tariffPlanId,
    balance: s.balance,
    changes: (await db.select().from(tariffChanges).where(eq(tariffChanges.subscriberId, subscriberId))).length,
    charges: (await db.select().from(charges).where(eq(charges.subscriberId, subscriberId))).length,
    audits: (
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subscriberId, subscriberId), eq(auditLog.action, 'tariff.change')))
    ).length,
    keys: (await db.select().from(idempotencyKeys)).filter((k) => k.key.startsWith(`tariff:${subscriberId}:`)).length,
  };
}

describe('Faults: PostgreSQL goes away', () => {
  it('cut in the middle of a paid tariff change: nothing half-written; back again, the same confirmation changes once', async () => {
    const u = h.user(9201);
    await u.shareContact(DEMO_SUBSCRIBER_MSISDN);
    await u.press('Смена ТП');
    const ask = await u.press('Бизнес Мини');
    expectText(ask, 'Стоимость смены: 3,30 руб.');
    const ok = u.findButton('Подтвердить');
    const { id } = await me();
    const before = await footprint(id);

    // The transaction has debited the fee and switched the plan when the audit row is sent: cut there.
    const fired = proxy.cutWhen('insert into "audit_log"');
    const cut = await u.pressData(ok.data, ok.message);
    await fired;
    expectText(cut, UNAVAILABLE);
    expect(await footprint(id)).toEqual(before);

    // While the server is away every update gets the same answer, and nothing is written.
    const away = [...(await u.sendText('/menu')), ...(await u.pressData(ok.data, ok.message))];
    expect(textsOf(away).filter((t) => t.includes(UNAVAILABLE))).toHaveLength(2);
    expect(await footprint(id)).toEqual(before);
    await proxy.restore();
    const done = await u.pressData(ok.data, ok.message);
    expectText(done, 'Тарифный план изменен на «Бизнес Мини»');
    const after = await footprint(id);
    expect(after).toMatchObject({
      balance: before.balance - 330,
      changes: before.changes + 1,
      charges: before.charges + 1,
      keys: before.keys + 1,
    });
    expect(after.tariffPlanId).not.toBe(before.tariffPlanId);
    // And once: the same button again changes nothing more.
    await u.pressData(ok.data, ok.message);
    expect(await footprint(id)).toEqual(after);
    expect(unhandled(h.logs)).toEqual([]);
    expect(crashes).toEqual([]);
  });
});
