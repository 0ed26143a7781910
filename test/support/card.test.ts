// What staff see: the topic's name `#<id> <topic> — <client or number>` and the card with the ticket's
// context (R-HANDOVER) — which never shows PIN/PUK, as the domain sanitised it.
import { describe, expect, it } from 'vitest';
import { textsFor } from '../../src/bot/texts/index.js';
import { buildHandoverContext, type TicketThread, type TicketView } from '../../src/domain/tickets/index.js';
import { cardText, topicName } from '../../src/support/index.js';

const t = textsFor('ru');
const base: TicketView = {
  id: 1042,
  role: 'subscriber',
  topic: 'number',
  status: 'new',
  requesterTelegramId: 5001,
  requesterChatId: 5001,
  requesterLanguageCode: 'ru',
  clientId: 7,
  clientName: 'ООО «Ромашка»',
  subscriberId: 3,
  subscriberMsisdn: '375291000001',
  assignedStaffTelegramId: null,
  forumTopicId: null,
  context: null,
  rating: null,
  createdAt: new Date('2026-11-10T07:00:00Z'),
  updatedAt: new Date('2026-11-10T07:00:00Z'),
  closedAt: null,
};

describe('R-HANDOVER: the topic and its card', () => {
  it('names the topic by id, topic and number (subscriber) or client (administrator)', () => {
    expect(topicName(t, base)).toBe('#1042 Смена номера — +375 29 100-00-01');
    expect(topicName(t, { ...base, role: 'admin', subscriberId: null, subscriberMsisdn: null, topic: 'billing' })).toBe(
      '#1042 Счета и платежи — ООО «Ромашка»',
    );
    expect(topicName(t, { ...base, role: 'admin' })).toBe('#1042 Смена номера — ООО «Ромашка» · +375 29 100-00-01');
    expect(
      topicName(t, { ...base, role: 'admin', subscriberMsisdn: null, clientName: 'Я'.repeat(300) }).length,
    ).toBeLessThanOrEqual(128);
  });

  it('the card carries the ticket, who asked, and the handover context, never the codes', () => {
    const context = buildHandoverContext({
      role: 'subscriber',
      subscriberMsisdn: '375291000001',
      section: 'Персональная информация',
      lastScreens: [
        'Главное меню абонента',
        'PIN1: 1234\nPUK1: 12345678',
        'Персональная информация\nБаланс: 500,00 руб.',
      ],
      lastUserMessages: ['1234', 'не могу сменить номер'],
    });
    const thread: TicketThread = {
      ticket: { ...base, context: context as unknown as Record<string, unknown> },
      messages: [
        {
          id: 1,
          author: 'user',
          authorTelegramId: 5001,
          text: 'Помогите со сменой номера',
          attachments: [],
          createdAt: base.createdAt,
        },
      ],
    };
    const card = cardText(t, thread);
    for (const part of [
      'Обращение #1042',
      'Тема: Смена номера',
      'Статус: новое',
      'Роль: абонент',
      'Клиент: ООО «Ромашка»',
      'Номер: +375 29 100-00-01',
      'Telegram: 5001',
      'Открыто: 10.11.2026 10:00',
      'Раздел: Персональная информация',
      'Помогите со сменой номера',
      'Главное меню абонента',
      'Баланс: 500,00 руб.',
      'не могу сменить номер',
    ]) {
      expect(card).toContain(part);
    }
    expect(card).not.toMatch(/PIN|PUK|1234/);
    expect(card.length).toBeLessThanOrEqual(4000);
  });
});
