// Sign-in through the bot: R-AUTH-SUB (own contact only), R-AUTH-ADM (invites), R-ROLES (choice, «Выход», /logout).
import { describe, expect, it } from 'vitest';
import { issueInvite } from '../../../src/domain/access/invites.js';
import { createHarness, expectText } from '../../helpers/bot.js';
import { linkAdmin, makeClient, makeSubscriber } from '../../helpers/fixtures.js';

const h = await createHarness();
const db = h.deps.db;
const client = await makeClient(db, { name: 'ООО «Тест»' });
const subscriber = await makeSubscriber(db, {
  clientId: client.id,
  msisdn: '375291000001',
  fullName: 'Иванов Иван',
  displayName: 'Иванов И.',
});
const terminated = await makeSubscriber(db, { clientId: client.id, msisdn: '375291000099', status: 'terminated' });

const ADMIN_LABELS = [
  'Персональная информация',
  'Платежи',
  'Счета',
  'Информация по рассрочке',
  'Выбор абонента',
  'Обратная связь',
  'Переименование абонента',
  'Действия с услугами по списку абонентов',
  'Выход',
];

describe('R-AUTH-SUB: a subscriber signs in with their own contact', () => {
  it('/start from an unknown user explains the bot and asks for the contact', async () => {
    const calls = await h.user(5001).sendText('/start');
    const reply = calls.find((c) => c.method === 'sendMessage')!;
    expect(reply.payload.text).toContain('Поделиться контактом');
    expect(reply.payload.reply_markup.keyboard[0][0]).toMatchObject({ request_contact: true });
  });

  it("another user's contact is refused and nothing is linked", async () => {
    const calls = await h.user(5002).shareContact('+375291000001', 9999);
    expectText(calls, 'своим собственным контактом');
    const again = await h.user(5002).sendText('/start');
    expectText(again, 'Поделиться контактом');
  });

  it('a terminated number is refused', async () => {
    const calls = await h.user(5003).shareContact('375291000099');
    expectText(calls, 'расторгнут');
    expect(terminated.status).toBe('terminated');
  });

  it("one's own contact opens the subscriber menu", async () => {
    const u = h.user(5004);
    const calls = await u.shareContact('+375 29 100-00-01');
    expectText(calls, 'Вы вошли как абонент +375 29 100-00-01');
    expectText(calls, 'Главное меню абонента');
    expect(u.buttons().flat()).toEqual(
      expect.arrayContaining([
        'Персональная информация',
        'Операции с услугами',
        'Смена ТП',
        'Начисления за период',
        'Просмотр детализации',
        'Выход',
      ]),
    );
    expect(u.buttons().flat()).not.toContain('Меню администратора');
    // The basic card shows the subscriber's own data.
    const card = await u.press('Персональная информация');
    expectText(card, 'Иванов Иван');
  });
});

describe('R-AUTH-ADM: administrators sign in with a one-time invite', () => {
  it('an invite opens the administrator menu with the nine labels; the same invite again is refused', async () => {
    const code = await issueInvite(h.deps, { kind: 'system', name: 'cli' }, client.id);
    const u = h.user(6001);
    const calls = await u.sendText(`/start ${code}`);
    expectText(calls, 'Главное меню администратора');
    expect(u.buttons().flat()).toEqual(expect.arrayContaining(ADMIN_LABELS));
    const again = await h.user(6002).sendText(`/start ${code}`);
    expectText(again, 'уже использовано');
    expect(h.logs.join('\n')).not.toContain(code);
  });

  it('an unknown code is refused', async () => {
    const calls = await h.user(6003).sendText('/start not-a-real-code-123');
    expectText(calls, 'Приглашение не найдено');
  });

  it('an administrator issues an invite for a colleague with /invite', async () => {
    await linkAdmin(db, 6004, client.id);
    const u = h.user(6004);
    await u.sendText('/start');
    const calls = await u.sendText('/invite');
    const link = /start=([\w-]+)/.exec(calls.map((c) => String(c.payload.text)).join('\n'))?.[1];
    expect(link).toBeDefined();
    const colleague = await h.user(6005).sendText(`/start ${link}`);
    expectText(colleague, 'Главное меню администратора');
  });
});

describe('R-ROLES: several roles, «Выход», /logout', () => {
  it('a user with two roles chooses one at /start, and «Выход» returns to the start screen', async () => {
    const u = h.user(7001);
    await linkAdmin(db, 7001, client.id);
    await u.shareContact('375291000001');
    const start = await u.sendText('/start');
    expectText(start, 'Выберите, как вы хотите работать');
    expect(u.buttons().flat()).toEqual(['Администратор: ООО «Тест»', 'Абонент: +375 29 100-00-01']);
    await u.press('Администратор: ООО «Тест»');
    expect(u.buttons().flat()).toContain('Действия с услугами по списку абонентов');
    const exit = await u.press('Выход');
    expectText(exit, 'Вы вышли в начало');
    // A button of the old menu after «Выход» is stale: answered politely, the start screen shown.
    const stale = await u.pressData('menu:admin');
    expectText(stale, 'Меню устарело');
  });

  it('/logout unlinks every role after a confirmation', async () => {
    const u = h.user(7002);
    await linkAdmin(db, 7002, client.id);
    await u.sendText('/start');
    await u.sendText('/logout');
    await u.press('Да');
    const after = await u.sendText('/start');
    expectText(after, 'Поделиться контактом');
    expect(subscriber.id).toBeGreaterThan(0);
  });
});
