// «Персональная информация» of the client through the bot (R-CLIENT-INFO).
import { describe, expect, it } from 'vitest';
import { createHarness } from '../../helpers/bot.js';
import { makeBankAccount } from '../../helpers/billing-fixtures.js';
import { linkAdmin, makeClient, makeSubscriber } from '../../helpers/fixtures.js';

const h = await createHarness({ now: '2026-11-10T10:00' });
const db = h.deps.db;
const client = await makeClient(db, {
  name: 'ООО «Ромашка»',
  unp: '190000007',
  okpo: '28765432',
  legalAddress: 'г. Минск, пр. Победителей, 1',
  balance: -1234,
  paymentForm: 'credit',
  creditLimit: 10000,
  contractNumber: 'КД-15/2024',
  contractDate: '2024-03-01',
  billDeliveryMethod: 'email',
  billDeliveryAddress: 'buh@romashka.by',
});
await makeBankAccount(db, client.id, {
  iban: 'BY13NBRB3600900000002Z00AB00',
  bankName: 'ОАО «Белагропромбанк»',
  bic: 'BAPBBY2X',
});
await linkAdmin(db, 6501, client.id);

describe('R-CLIENT-INFO: «Персональная информация» shows the client', () => {
  it('name, УНП/ОКПО, bank accounts, delivery, balance, status, payment form, contract', async () => {
    const u = h.user(6501);
    await u.sendText('/start');
    await u.press('Персональная информация');
    const text = u.lastMenu()!.text!;
    for (const expected of [
      'Клиент: ООО «Ромашка»',
      'УНП: 190000007 · ОКПО: 28765432',
      'Юридический адрес: г. Минск, пр. Победителей, 1',
      'BY13NBRB3600900000002Z00AB00',
      'ОАО «Белагропромбанк», БИК BAPBBY2X',
      'Способ доставки счетов: электронная почта',
      'Адрес доставки счетов: buh@romashka.by',
      'Баланс: -12,34 руб.',
      'Статус: активен',
      'Форма оплаты: кредитная',
      'Кредитный лимит: 100,00 руб.',
      'Договор № КД-15/2024 от 01.03.2024',
    ]) {
      expect(text).toContain(expected);
    }
    await u.press('Изменить доставку счетов');
    expect(u.lastMenu()!.text).toContain('Доставка счетов');
  });

  it('R-SCOPE: a subscriber cannot open it', async () => {
    const s = await makeSubscriber(db, { clientId: client.id, msisdn: '375291230001' });
    const u = h.user(6502);
    await u.shareContact(s.msisdn);
    const calls = await u.pressData('ci:show');
    expect(calls.some((c) => c.method === 'answerCallbackQuery' && c.payload.text === 'Меню устарело')).toBe(true);
  });
});
