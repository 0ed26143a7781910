import { describe, expect, it } from 'vitest';
import { clientInstallments, subscriberInstallments } from '../../src/domain/installments.js';
import { makeInstallment } from '../helpers/billing-fixtures.js';
import { createTestDeps } from '../helpers/deps.js';
import { adminActor, makeClient, makeSubscriber, subscriberActor } from '../helpers/fixtures.js';

const deps = await createTestDeps();

describe('R-INSTALL: «Информация по рассрочке» for the client', () => {
  it('lists item, remaining payments, monthly payment, payoff date and remaining sum, soonest payoff first', async () => {
    const client = await makeClient(deps.db);
    const s = await makeSubscriber(deps.db, { clientId: client.id, msisdn: '375291000077' });
    const phone = await makeInstallment(deps.db, client.id, {
      subscriberId: s.id,
      item: 'Смартфон Galaxy A55',
      remainingPayments: 3,
      monthlyPayment: 5000,
      payoffDate: '2027-01-31',
      remainingSum: 15000,
    });
    const router = await makeInstallment(deps.db, client.id, {
      item: 'Роутер',
      remainingPayments: 10,
      monthlyPayment: 1500,
      payoffDate: '2027-08-31',
      remainingSum: 15000,
    });
    const paidOff = await makeInstallment(deps.db, client.id, {
      item: 'Планшет',
      remainingPayments: 0,
      monthlyPayment: 3000,
      payoffDate: '2026-09-30',
      remainingSum: 0,
    });
    await makeInstallment(deps.db, (await makeClient(deps.db)).id, { item: 'Чужой телефон' });

    const summary = await clientInstallments(deps, adminActor(client.id));
    expect(summary.items.map((i) => i.id)).toEqual([paidOff.id, phone.id, router.id]);
    expect(summary.items[1]).toEqual({
      id: phone.id,
      item: 'Смартфон Galaxy A55',
      msisdn: '375291000077',
      totalPayments: 12,
      remainingPayments: 3,
      monthlyPayment: 5000,
      payoffDate: '2027-01-31',
      remainingSum: 15000,
    });
    expect(summary.items[2]!.msisdn).toBeNull();
    expect(summary.remainingSum).toBe(30000);
    // A paid-off item owes nothing each month.
    expect(summary.monthlyPayment).toBe(6500);
  });

  it('is refused to a subscriber (they use their own menu)', async () => {
    const s = await makeSubscriber(deps.db);
    await expect(clientInstallments(deps, subscriberActor(s))).rejects.toThrow('access.forbidden');
  });
});

describe('R-INSTALL: per subscriber, in the subscriber menu (R-SCOPE re-checked)', () => {
  it('lists only that number’s installments for the subscriber and for their administrator', async () => {
    const client = await makeClient(deps.db);
    const me = await makeSubscriber(deps.db, { clientId: client.id });
    const colleague = await makeSubscriber(deps.db, { clientId: client.id });
    const mine = await makeInstallment(deps.db, client.id, { subscriberId: me.id, item: 'Часы' });
    await makeInstallment(deps.db, client.id, { subscriberId: colleague.id, item: 'Наушники' });
    await makeInstallment(deps.db, client.id, { item: 'Роутер офиса' });

    const own = await subscriberInstallments(deps, subscriberActor(me), me.id);
    expect(own.items.map((i) => i.id)).toEqual([mine.id]);
    const viaAdmin = await subscriberInstallments(deps, adminActor(client.id), me.id);
    expect(viaAdmin.items.map((i) => i.item)).toEqual(['Часы']);
  });

  it('refuses a colleague’s number to a subscriber and another client’s number to an administrator', async () => {
    const client = await makeClient(deps.db);
    const me = await makeSubscriber(deps.db, { clientId: client.id });
    const colleague = await makeSubscriber(deps.db, { clientId: client.id });
    const stranger = await makeSubscriber(deps.db);
    await expect(subscriberInstallments(deps, subscriberActor(me), colleague.id)).rejects.toThrow('access.forbidden');
    await expect(subscriberInstallments(deps, adminActor(client.id), stranger.id)).rejects.toThrow('access.forbidden');
    await expect(subscriberInstallments(deps, adminActor(client.id), -5)).rejects.toThrow('access.forbidden');
  });
});
