import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, charges, subscriberServices, subscribers } from '../../../src/db/schema/index.js';
import {
  connectService,
  connectServiceTx,
  disconnectService,
  serviceChangePreview,
  subscriberServicesOverview,
} from '../../../src/domain/services/services.js';
import { createTestDeps } from '../../helpers/deps.js';
import {
  adminActor,
  makeClient,
  makeService,
  makeSubscriber,
  makeTariff,
  subscriberActor,
} from '../../helpers/fixtures.js';
import { connect, exclude, makePause, nonce } from './builders.js';

const deps = await createTestDeps('2026-11-10T10:00');

async function setup(balance = 50000) {
  const tariff = await makeTariff(deps.db);
  const sub = await makeSubscriber(deps.db, { tariffPlanId: tariff.id, balance });
  return { tariff, sub, actor: subscriberActor(sub) };
}

const connectedIds = async (subscriberId: number) =>
  (await deps.db.select().from(subscriberServices).where(eq(subscriberServices.subscriberId, subscriberId))).map(
    (r) => r.serviceId,
  );

describe('R-SVC: connected and connectable services', () => {
  it('lists connected services and only the additional services the tariff allows, with fees and exclusions', async () => {
    const { tariff, sub, actor } = await setup();
    const a = await makeService(deps.db, { connectFee: 150, monthlyFee: 200 }, [tariff.id]);
    const b = await makeService(deps.db, {}, [tariff.id]);
    const c = await makeService(deps.db, {}, [tariff.id]);
    await makeService(deps.db, {}, []); // another tariff's service
    await exclude(deps.db, b.id, c.id);
    await connect(deps.db, sub.id, c.id);
    const view = await subscriberServicesOverview(deps, actor, sub.id);
    expect(view.connected.map((s) => s.id)).toEqual([c.id]);
    expect(view.connectable.map((s) => [s.id, s.connectFee, s.monthlyFee, s.excludedBy])).toEqual([
      [a.id, 150, 200, null],
      [b.id, 0, 100, c.name],
    ]);
  });
});

describe('R-SVC: connect and disconnect with reasons', () => {
  it('connects an allowed service, charges its connection fee (R-FEE) and audits it', async () => {
    const { tariff, sub, actor } = await setup();
    const svc = await makeService(deps.db, { connectFee: 250 }, [tariff.id]);
    const result = await connectService(deps, actor, { subscriberId: sub.id, serviceId: svc.id, nonce: nonce() });
    expect(result).toMatchObject({ fee: 250, balanceAfter: 49750, replayed: false });
    expect(await connectedIds(sub.id)).toEqual([svc.id]);
    const lines = await deps.db.select().from(charges).where(eq(charges.subscriberId, sub.id));
    expect(lines).toMatchObject([{ kind: 'fee', amount: 250, period: '2026-11-01', chargedOn: '2026-11-10' }]);
    const audits = await deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subscriberId, sub.id), eq(auditLog.action, 'services.connect')));
    expect(audits).toHaveLength(1);
  });

  it('refuses a service the tariff plan does not allow', async () => {
    const { sub, actor } = await setup();
    const other = await makeTariff(deps.db);
    const svc = await makeService(deps.db, {}, [other.id]);
    await expect(
      connectService(deps, actor, { subscriberId: sub.id, serviceId: svc.id, nonce: nonce() }),
    ).rejects.toMatchObject({
      code: 'services.notAllowed',
    });
    expect(await connectedIds(sub.id)).toEqual([]);
  });

  it('refuses a service excluded by a connected one, naming it, in either direction of the pair', async () => {
    const { tariff, sub, actor } = await setup();
    const a = await makeService(deps.db, { name: 'Роуминг-старт' }, [tariff.id]);
    const b = await makeService(deps.db, { name: 'Роуминг-макс' }, [tariff.id]);
    await exclude(deps.db, a.id, b.id);
    await connectService(deps, actor, { subscriberId: sub.id, serviceId: b.id, nonce: nonce() });
    await expect(
      connectService(deps, actor, { subscriberId: sub.id, serviceId: a.id, nonce: nonce() }),
    ).rejects.toMatchObject({
      code: 'services.excluded',
      params: { service: 'Роуминг-старт', other: 'Роуминг-макс' },
    });
    expect(await connectedIds(sub.id)).toEqual([b.id]);
  });

  it('a blocked number connects nothing but may disconnect', async () => {
    const { tariff, sub, actor } = await setup();
    const a = await makeService(deps.db, {}, [tariff.id]);
    const b = await makeService(deps.db, {}, [tariff.id]);
    await connect(deps.db, sub.id, b.id);
    await deps.db.update(subscribers).set({ status: 'blocked' }).where(eq(subscribers.id, sub.id));
    await expect(
      connectService(deps, actor, { subscriberId: sub.id, serviceId: a.id, nonce: nonce() }),
    ).rejects.toMatchObject({
      code: 'services.blocked',
    });
    await disconnectService(deps, actor, { subscriberId: sub.id, serviceId: b.id, nonce: nonce() });
    expect(await connectedIds(sub.id)).toEqual([]);
  });

  it('while a pause runs connections are refused; before it starts they are not', async () => {
    const { tariff, sub, actor } = await setup();
    const svc = await makeService(deps.db, {}, [tariff.id]);
    await makePause(deps.db, sub.id, '2026-11-09', '2026-11-20');
    await expect(
      serviceChangePreview(deps, actor, { subscriberId: sub.id, serviceId: svc.id, action: 'connect' }),
    ).rejects.toMatchObject({
      code: 'services.paused',
    });
    await expect(
      connectService(deps, actor, { subscriberId: sub.id, serviceId: svc.id, nonce: nonce() }),
    ).rejects.toMatchObject({
      code: 'services.paused',
    });
    const later = await makeSubscriber(deps.db, { tariffPlanId: tariff.id });
    await makePause(deps.db, later.id, '2026-11-11', '2026-11-20');
    await connectService(deps, subscriberActor(later), { subscriberId: later.id, serviceId: svc.id, nonce: nonce() });
    expect(await connectedIds(later.id)).toEqual([svc.id]);
  });

  it('already connected and not connected are refused', async () => {
    const { tariff, sub, actor } = await setup();
    const svc = await makeService(deps.db, {}, [tariff.id]);
    await expect(
      disconnectService(deps, actor, { subscriberId: sub.id, serviceId: svc.id, nonce: nonce() }),
    ).rejects.toMatchObject({
      code: 'services.notConnected',
    });
    await connectService(deps, actor, { subscriberId: sub.id, serviceId: svc.id, nonce: nonce() });
    await expect(
      connectService(deps, actor, { subscriberId: sub.id, serviceId: svc.id, nonce: nonce() }),
    ).rejects.toMatchObject({
      code: 'services.alreadyConnected',
    });
  });

  it('R-FEE: a fee the balance cannot cover refuses the connection and changes nothing', async () => {
    const client = await makeClient(deps.db, { paymentForm: 'advance', creditLimit: 0 });
    const tariff = await makeTariff(deps.db);
    const sub = await makeSubscriber(deps.db, { clientId: client.id, tariffPlanId: tariff.id, balance: 100 });
    const svc = await makeService(deps.db, { connectFee: 101 }, [tariff.id]);
    const actor = subscriberActor(sub);
    await expect(
      serviceChangePreview(deps, actor, { subscriberId: sub.id, serviceId: svc.id, action: 'connect' }),
    ).rejects.toMatchObject({
      code: 'fees.insufficientFunds',
    });
    await expect(
      connectService(deps, actor, { subscriberId: sub.id, serviceId: svc.id, nonce: nonce() }),
    ).rejects.toMatchObject({
      code: 'fees.insufficientFunds',
    });
    expect(await connectedIds(sub.id)).toEqual([]);
    const [row] = await deps.db.select().from(subscribers).where(eq(subscribers.id, sub.id));
    expect(row!.balance).toBe(100);
  });
});

describe('R-IDEMP: a double-pressed service confirmation', () => {
  it('the same nonce twice makes one change and one fee', async () => {
    const { tariff, sub, actor } = await setup();
    const svc = await makeService(deps.db, { connectFee: 300 }, [tariff.id]);
    const n = nonce();
    const [first, second] = await Promise.all([
      connectService(deps, actor, { subscriberId: sub.id, serviceId: svc.id, nonce: n }),
      connectService(deps, actor, { subscriberId: sub.id, serviceId: svc.id, nonce: n }),
    ]);
    expect([first.replayed, second.replayed].sort()).toEqual([false, true]);
    expect(second.service.id).toBe(svc.id);
    const third = await connectService(deps, actor, { subscriberId: sub.id, serviceId: svc.id, nonce: n });
    expect(third.replayed).toBe(true);
    expect(await deps.db.select().from(charges).where(eq(charges.subscriberId, sub.id))).toHaveLength(1);
    const [row] = await deps.db.select().from(subscribers).where(eq(subscribers.id, sub.id));
    expect(row!.balance).toBe(50000 - 300);
  });
});

describe('R-SCOPE: services of another client', () => {
  it('an administrator cannot touch another client’s subscriber, even through the inner layer', async () => {
    const { tariff, sub } = await setup();
    const svc = await makeService(deps.db, {}, [tariff.id]);
    const stranger = adminActor((await makeClient(deps.db)).id);
    await expect(subscriberServicesOverview(deps, stranger, sub.id)).rejects.toMatchObject({
      code: 'access.forbidden',
    });
    await expect(
      deps.db.transaction((tx) => connectServiceTx(tx, deps, stranger, { subscriberId: sub.id, serviceId: svc.id })),
    ).rejects.toMatchObject({ code: 'access.forbidden' });
    const own = await connectService(deps, adminActor(sub.clientId), {
      subscriberId: sub.id,
      serviceId: svc.id,
      nonce: nonce(),
    });
    expect(own.service.id).toBe(svc.id);
  });
});
