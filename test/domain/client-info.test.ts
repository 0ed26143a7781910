import { describe, expect, it } from 'vitest';
import { clientInfo } from '../../src/domain/client-info.js';
import { makeBankAccount } from '../helpers/billing-fixtures.js';
import { createTestDeps } from '../helpers/deps.js';
import { adminActor, makeClient, makeSubscriber, subscriberActor } from '../helpers/fixtures.js';

const deps = await createTestDeps();

describe('R-CLIENT-INFO: «Персональная информация» of the own client', () => {
  it('shows name, УНП/ОКПО, bank accounts, delivery, balance, status, payment form and contract', async () => {
    const client = await makeClient(deps.db, {
      name: 'ООО «Ромашка»',
      unp: '190000001',
      okpo: '12345678',
      balance: -2550,
      paymentForm: 'credit',
      creditLimit: 10000,
      contractNumber: 'Д-77',
      contractDate: '2023-05-02',
      billDeliveryMethod: 'post',
      billDeliveryAddress: 'г. Минск, ул. Примерная, 1',
    });
    await makeBankAccount(deps.db, client.id, { iban: 'BY13NBRB3600900000002Z00AB00' });
    await makeBankAccount(deps.db, client.id, {
      iban: 'BY86AKBB10100000002966000000',
      bankName: 'ОАО «АСБ Беларусбанк»',
      bic: 'AKBBBY2X',
    });
    const other = await makeClient(deps.db);
    await makeBankAccount(deps.db, other.id, { iban: 'BY20OLMP31350000001000000933' });

    const info = await clientInfo(deps, adminActor(client.id));
    expect(info).toEqual({
      name: 'ООО «Ромашка»',
      unp: '190000001',
      okpo: '12345678',
      legalAddress: null,
      bankAccounts: [
        { iban: 'BY13NBRB3600900000002Z00AB00', bankName: 'ОАО «Белагропромбанк»', bic: 'BAPBBY2X' },
        { iban: 'BY86AKBB10100000002966000000', bankName: 'ОАО «АСБ Беларусбанк»', bic: 'AKBBBY2X' },
      ],
      delivery: { method: 'post', address: 'г. Минск, ул. Примерная, 1' },
      balance: -2550,
      status: 'active',
      paymentForm: 'credit',
      creditLimit: 10000,
      contract: { number: 'Д-77', date: '2023-05-02' },
    });
  });

  it('shows no credit limit for an advance-payment client', async () => {
    const client = await makeClient(deps.db, { paymentForm: 'advance', creditLimit: 5000 });
    expect((await clientInfo(deps, adminActor(client.id))).creditLimit).toBe(0);
  });

  it('R-SCOPE: is the administrator’s only; a subscriber or support is refused', async () => {
    const s = await makeSubscriber(deps.db);
    await expect(clientInfo(deps, subscriberActor(s))).rejects.toThrow('access.forbidden');
    await expect(clientInfo(deps, { kind: 'support', telegramId: 1 })).rejects.toThrow('access.forbidden');
    await expect(clientInfo(deps, adminActor(99_999_999))).rejects.toThrow('access.forbidden');
  });
});
