import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, clients } from '../../../src/db/schema/index.js';
import { changeDelivery } from '../../../src/domain/invoices/index.js';
import { createTestDeps } from '../../helpers/deps.js';
import { adminActor, makeClient, makeSubscriber, subscriberActor } from '../../helpers/fixtures.js';

const deps = await createTestDeps('2026-11-10T10:00', { postDeliveryFee: 510 });

async function stored(clientId: number) {
  const [row] = await deps.db
    .select({ method: clients.billDeliveryMethod, address: clients.billDeliveryAddress })
    .from(clients)
    .where(eq(clients.id, clientId));
  return row;
}

describe('R-INV-DELIVERY: the bill delivery method and address can be changed', () => {
  it('sets e-mail delivery to a validated address and audits before/after', async () => {
    const client = await makeClient(deps.db, { billDeliveryMethod: 'portal', billDeliveryAddress: null });
    const result = await changeDelivery(deps, adminActor(client.id), {
      method: 'email',
      address: '  Buh@Romashka.by ',
    });
    expect(result).toEqual({ method: 'email', address: 'Buh@Romashka.by', postFeePerMonth: null });
    expect(await stored(client.id)).toEqual({ method: 'email', address: 'Buh@Romashka.by' });
    const [entry] = await deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'invoice.delivery'), eq(auditLog.clientId, client.id)));
    expect(entry).toMatchObject({
      before: { method: 'portal', address: null },
      after: { method: 'email', address: 'Buh@Romashka.by' },
    });
  });

  it('refuses an invalid e-mail and changes nothing', async () => {
    const client = await makeClient(deps.db, { billDeliveryMethod: 'email', billDeliveryAddress: 'ok@firm.by' });
    for (const bad of ['firm.by', 'a@b', 'x@@y.by', `${'a'.repeat(250)}@x.by`]) {
      await expect(changeDelivery(deps, adminActor(client.id), { method: 'email', address: bad })).rejects.toThrow(
        'invoices.invalidEmail',
      );
    }
    expect(await stored(client.id)).toEqual({ method: 'email', address: 'ok@firm.by' });
  });

  it('keeps the current e-mail when only the method is switched back, and asks for one when there is none', async () => {
    const withMail = await makeClient(deps.db, { billDeliveryMethod: 'email', billDeliveryAddress: 'ok@firm.by' });
    await expect(changeDelivery(deps, adminActor(withMail.id), { method: 'email' })).resolves.toMatchObject({
      address: 'ok@firm.by',
    });
    const without = await makeClient(deps.db, { billDeliveryMethod: 'portal', billDeliveryAddress: null });
    await expect(changeDelivery(deps, adminActor(without.id), { method: 'email' })).rejects.toThrow(
      'invoices.emailRequired',
    );
  });

  it('requires a postal address for post and states the monthly post fee from settings', async () => {
    const client = await makeClient(deps.db);
    await expect(changeDelivery(deps, adminActor(client.id), { method: 'post' })).rejects.toThrow(
      'invoices.addressRequired',
    );
    await expect(changeDelivery(deps, adminActor(client.id), { method: 'post', address: ' \n ' })).rejects.toThrow(
      'invoices.addressRequired',
    );
    await expect(changeDelivery(deps, adminActor(client.id), { method: 'post', address: 'abc' })).rejects.toThrow(
      'invoices.invalidAddress',
    );
    const result = await changeDelivery(deps, adminActor(client.id), {
      method: 'post',
      address: '220030,  г. Минск,\n ул. Ленина, 1',
    });
    expect(result).toEqual({ method: 'post', address: '220030, г. Минск, ул. Ленина, 1', postFeePerMonth: 510 });
    const pricier = { ...deps, settings: { ...deps.settings, postDeliveryFee: 777 } };
    expect(
      (await changeDelivery(pricier, adminActor(client.id), { method: 'post', address: 'г. Брест, ул. Советская, 5' }))
        .postFeePerMonth,
    ).toBe(777);
  });

  it('portal only clears the address', async () => {
    const client = await makeClient(deps.db);
    expect(await changeDelivery(deps, adminActor(client.id), { method: 'portal', address: 'ignored@x.by' })).toEqual({
      method: 'portal',
      address: null,
      postFeePerMonth: null,
    });
    expect(await stored(client.id)).toEqual({ method: 'portal', address: null });
  });

  it('R-SCOPE: only an administrator changes their own client', async () => {
    const s = await makeSubscriber(deps.db);
    await expect(changeDelivery(deps, subscriberActor(s), { method: 'portal' })).rejects.toThrow('access.forbidden');
    await expect(changeDelivery(deps, { kind: 'support', telegramId: 3 }, { method: 'portal' })).rejects.toThrow(
      'access.forbidden',
    );
  });
});
