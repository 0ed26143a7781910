import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, charges, subscriberServices, subscribers } from '../../../src/db/schema/index.js';
import {
  changePackage,
  connectPackage,
  disconnectPackage,
  mobileInternetOverview,
  packagePreview,
} from '../../../src/domain/services/mobile-internet.js';
import { createTestDeps } from '../../helpers/deps.js';
import { makeService, makeSubscriber, makeTariff, subscriberActor } from '../../helpers/fixtures.js';
import { nonce } from './builders.js';

const deps = await createTestDeps('2026-11-10T10:00');

async function setup() {
  const tariff = await makeTariff(deps.db);
  const small = await makeService(
    deps.db,
    { kind: 'mobile_internet', name: 'Интернет 1 ГБ', volumeMb: 1024, connectFee: 0 },
    [tariff.id],
  );
  const big = await makeService(
    deps.db,
    { kind: 'mobile_internet', name: 'Интернет 10 ГБ', volumeMb: 10240, connectFee: 200 },
    [tariff.id],
  );
  const foreign = await makeService(deps.db, { kind: 'mobile_internet', name: 'Интернет безлимит' }, []);
  await makeService(deps.db, { kind: 'additional' }, [tariff.id]);
  const sub = await makeSubscriber(deps.db, { tariffPlanId: tariff.id });
  return { small, big, foreign, sub, actor: subscriberActor(sub) };
}
const packagesOf = async (id: number) =>
  (await deps.db.select().from(subscriberServices).where(eq(subscriberServices.subscriberId, id))).map(
    (r) => r.serviceId,
  );

describe('R-MI: packages the tariff allows, one at a time', () => {
  it('lists only the tariff’s internet packages and the active one', async () => {
    const { small, big, sub, actor } = await setup();
    expect(await mobileInternetOverview(deps, actor, sub.id)).toMatchObject({
      active: null,
      packages: [{ id: small.id }, { id: big.id }],
    });
    await connectPackage(deps, actor, { subscriberId: sub.id, serviceId: small.id, nonce: nonce() });
    expect((await mobileInternetOverview(deps, actor, sub.id)).active).toMatchObject({ id: small.id, volumeMb: 1024 });
  });

  it('a package the tariff does not allow is refused', async () => {
    const { foreign, sub, actor } = await setup();
    await expect(packagePreview(deps, actor, { subscriberId: sub.id, serviceId: foreign.id })).rejects.toMatchObject({
      code: 'services.notAllowed',
    });
    await expect(
      changePackage(deps, actor, { subscriberId: sub.id, serviceId: foreign.id, nonce: nonce() }),
    ).rejects.toMatchObject({
      code: 'services.notAllowed',
    });
  });

  it('a second package cannot be connected beside the active one; a change replaces it in one go', async () => {
    const { small, big, sub, actor } = await setup();
    await connectPackage(deps, actor, { subscriberId: sub.id, serviceId: small.id, nonce: nonce() });
    await expect(
      connectPackage(deps, actor, { subscriberId: sub.id, serviceId: big.id, nonce: nonce() }),
    ).rejects.toMatchObject({
      code: 'services.onePackage',
      params: { other: 'Интернет 1 ГБ' },
    });
    expect(await packagePreview(deps, actor, { subscriberId: sub.id, serviceId: big.id })).toMatchObject({
      action: 'change',
      from: { id: small.id },
      to: { id: big.id },
      fee: 200,
    });
    const changed = await changePackage(deps, actor, { subscriberId: sub.id, serviceId: big.id, nonce: nonce() });
    expect(changed).toMatchObject({ from: { id: small.id }, service: { id: big.id }, fee: 200 });
    expect(await packagesOf(sub.id)).toEqual([big.id]);
    expect(await deps.db.select().from(charges).where(eq(charges.subscriberId, sub.id))).toHaveLength(1);
    const actions = (await deps.db.select().from(auditLog).where(eq(auditLog.subscriberId, sub.id))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(['services.connect', 'mobileInternet.change']);
  });

  it('a refused change keeps the old package (both steps are one transaction)', async () => {
    const { small, big, sub, actor } = await setup();
    await connectPackage(deps, actor, { subscriberId: sub.id, serviceId: small.id, nonce: nonce() });
    await deps.db.update(subscribers).set({ status: 'blocked' }).where(eq(subscribers.id, sub.id));
    await expect(
      changePackage(deps, actor, { subscriberId: sub.id, serviceId: big.id, nonce: nonce() }),
    ).rejects.toMatchObject({
      code: 'services.blocked',
    });
    expect(await packagesOf(sub.id)).toEqual([small.id]);
    // …but a blocked number may still disconnect it
    await disconnectPackage(deps, actor, { subscriberId: sub.id, serviceId: small.id, nonce: nonce() });
    expect(await packagesOf(sub.id)).toEqual([]);
  });

  it('R-IDEMP: a double-pressed change is applied once', async () => {
    const { small, big, sub, actor } = await setup();
    await connectPackage(deps, actor, { subscriberId: sub.id, serviceId: small.id, nonce: nonce() });
    const n = nonce();
    const first = await changePackage(deps, actor, { subscriberId: sub.id, serviceId: big.id, nonce: n });
    const second = await changePackage(deps, actor, { subscriberId: sub.id, serviceId: big.id, nonce: n });
    expect([first.replayed, second.replayed]).toEqual([false, true]);
    expect(await deps.db.select().from(charges).where(eq(charges.subscriberId, sub.id))).toHaveLength(1);
  });

  it('an additional service is not an internet package', async () => {
    const { sub, actor } = await setup();
    const other = await makeService(deps.db, { kind: 'additional' });
    await expect(packagePreview(deps, actor, { subscriberId: sub.id, serviceId: other.id })).rejects.toMatchObject({
      code: 'services.notAPackage',
    });
  });
});
