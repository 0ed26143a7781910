// R-SUP-SCOPE: only support staff act in the support group; nothing from the group reaches a user
// except through a ticket. Also the staff commands and delivery problems (R-HANDOVER).
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ticketMessages, tickets } from '../../src/db/schema/index.js';
import { openTicket } from '../../src/domain/tickets/index.js';
import { createHarness, expectText, textsOf } from '../helpers/bot.js';
import { linkSubscriber, makeClient, makeSubscriber, subscriberActor } from '../helpers/fixtures.js';
import { grantSupport, inGroup, SUPPORT_ENV, toChat, toGroup, unthrottled } from './helpers.js';

const h = await createHarness({ env: SUPPORT_ENV, app: unthrottled() });
const db = h.deps.db;
const client = await makeClient(db, { name: 'ООО «Вектор»' });
const STAFF = 9201;
const OUTSIDER = 9202;
await grantSupport(h, STAFF);

let n = 0;
/** A signed-in subscriber with an open ticket that already has its topic. */
async function ticketWithTopic() {
  n++;
  const userId = 5200 + n;
  const subscriber = await makeSubscriber(db, {
    clientId: client.id,
    msisdn: `3752920000${String(n).padStart(2, '0')}`,
  });
  await linkSubscriber(db, userId, subscriber);
  const u = h.user(userId);
  await u.sendText('/start');
  await u.press('Обратная связь');
  await u.press('Связаться со специалистом');
  const calls = await u.sendText('Не проходят звонки');
  const ticketId = ticketIdOf(calls);
  return { u, userId, subscriber, ticketId, topicId: (await row(ticketId)).forumTopicId ?? 0 };
}

function ticketIdOf(calls: Parameters<typeof textsOf>[0]): number {
  return Number(/№(\d+)/.exec(textsOf(calls).join(' '))![1]);
}

async function row(id: number) {
  const [r] = await db.select().from(tickets).where(eq(tickets.id, id));
  return r!;
}

async function messagesOf(id: number) {
  return db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, id));
}

describe('R-SUP-SCOPE: only support staff act in the group', () => {
  it('a member without the support role writing in a ticket topic is ignored: nothing is sent, nothing stored', async () => {
    const { ticketId, topicId } = await ticketWithTopic();
    expect(topicId).toBeGreaterThan(0);
    for (const text of ['Это не сотрудник', '/take', '/close', '/ticket +375292000001']) {
      const calls = await inGroup(h, OUTSIDER, { text, threadId: topicId });
      expect(calls).toEqual([]);
    }
    expect(await row(ticketId)).toMatchObject({ status: 'new', assignedStaffTelegramId: null });
    expect(await messagesOf(ticketId)).toHaveLength(1);
    expect(h.logs.some((l) => l.includes('non-staff member ignored'))).toBe(true);
  });

  it('a revoked staff member is ignored at once', async () => {
    const { ticketId, topicId } = await ticketWithTopic();
    const { telegramRoles } = await import('../../src/db/schema/index.js');
    await grantSupport(h, 9203);
    await db.delete(telegramRoles).where(eq(telegramRoles.telegramId, 9203));
    expect(await inGroup(h, 9203, { text: 'ответ', threadId: topicId })).toEqual([]);
    expect(await messagesOf(ticketId)).toHaveLength(1);
  });

  it('staff talk in the General topic or in a topic that is no ticket’s reaches no user', async () => {
    await ticketWithTopic();
    for (const m of [{ text: 'Коллеги, всем привет' }, { text: 'Обсуждаем', threadId: 999_999 }]) {
      const calls = await inGroup(h, STAFF, m);
      expect(calls.filter((c) => Number(c.payload.chat_id) > 0)).toEqual([]);
    }
    const take = await inGroup(h, STAFF, { text: '/take' });
    expectText(take, 'работает в теме обращения');
  });

  it('a staff message reaches only the ticket’s own user', async () => {
    const a = await ticketWithTopic();
    const b = await ticketWithTopic();
    const calls = await inGroup(h, STAFF, { text: 'Ответ для первого', threadId: a.topicId });
    expect(toChat(calls, a.userId, 'sendMessage')).toHaveLength(1);
    expect(toChat(calls, b.userId)).toEqual([]);
    expect(calls.filter((c) => Number(c.payload.chat_id) > 0 && Number(c.payload.chat_id) !== a.userId)).toEqual([]);
  });
});

describe('R-HANDOVER: staff commands and delivery', () => {
  it('a staff photo is copied to the user with the ticket number as caption, and stored in the thread', async () => {
    const { userId, ticketId, topicId } = await ticketWithTopic();
    const calls = await inGroup(h, STAFF, { photo: 'AgACStaffScheme', caption: 'Схема настроек', threadId: topicId });
    const copy = toChat(calls, userId, 'copyMessage')[0]!;
    expect(copy.payload.caption).toBe(`💬 Ответ по обращению №${ticketId}\n\nСхема настроек`);
    const stored = (await messagesOf(ticketId)).at(-1)!;
    expect(stored).toMatchObject({
      author: 'staff',
      text: 'Схема настроек',
      attachments: [{ kind: 'photo', fileId: 'AgACStaffScheme' }],
    });
    expect(stored.userMessageId).toBeGreaterThan(0);
  });

  it('if the user blocked the bot, the topic is told', async () => {
    const { userId, topicId } = await ticketWithTopic();
    h.telegram.blocked.add(userId);
    try {
      const calls = await inGroup(h, STAFF, { text: 'Вы здесь?', threadId: topicId });
      expectText(toGroup(calls), 'заблокировал бота');
    } finally {
      h.telegram.blocked.delete(userId);
    }
  });

  it('a message in a closed ticket’s topic is not sent to the user', async () => {
    const { userId, topicId } = await ticketWithTopic();
    await inGroup(h, STAFF, { text: '/close', threadId: topicId });
    const calls = await inGroup(h, STAFF, { text: 'Ещё одно', threadId: topicId });
    expect(toChat(calls, userId)).toEqual([]);
    expectText(toGroup(calls), 'Обращение закрыто');
  });

  it('/take twice by the same staff member says it is already theirs', async () => {
    const { topicId } = await ticketWithTopic();
    await inGroup(h, STAFF, { text: '/take', threadId: topicId });
    expectText(await inGroup(h, STAFF, { text: '/take@portal_test_bot', threadId: topicId }), 'уже у вас в работе');
  });

  it('/ticket <number> turns a conversation into a ticket: a topic with a card, and the user is told', async () => {
    const { userId, subscriber } = await ticketWithTopic();
    const calls = await inGroup(h, STAFF, { text: `/ticket +${subscriber.msisdn}` });
    expect(toGroup(calls, 'createForumTopic')).toHaveLength(1);
    expectText(toGroup(calls), 'Открыто специалистом поддержки');
    const notice = toChat(calls, userId, 'sendMessage')[0]!;
    expect(notice.payload.text).toMatch(/Специалист поддержки открыл обращение №\d+/);
    const ticketId = Number(/№(\d+)/.exec(notice.payload.text)![1]);
    expect(await row(ticketId)).toMatchObject({
      status: 'in_work',
      assignedStaffTelegramId: STAFF,
      requesterChatId: userId,
    });
    const opened = await h.user(userId).press('Открыть обращение');
    expectText(opened, `Обращение №${ticketId}`);
    expectText(opened, 'Статус: в работе');
  });

  it('/ticket <telegram id> works too; a bad or unknown argument is explained', async () => {
    const { userId } = await ticketWithTopic();
    expectText(toChat(await inGroup(h, STAFF, { text: `/ticket ${userId}` }), userId), 'открыл обращение');
    expectText(await inGroup(h, STAFF, { text: '/ticket' }), 'Формат: /ticket');
    expectText(await inGroup(h, STAFF, { text: '/ticket 123456' }), 'Пользователь не найден');
  });

  it('a ticket opened in the domain before the group existed gets its topic with the next message', async () => {
    const subscriber = await makeSubscriber(db, { clientId: client.id, msisdn: '375292999999' });
    await linkSubscriber(db, 5299, subscriber);
    const { ticketId } = await openTicket(h.deps, subscriberActor(subscriber, 5299), {
      topic: 'billing',
      text: 'Старое обращение',
      requesterChatId: 5299,
    });
    const u = h.user(5299);
    await u.sendText('/start');
    await u.pressData(`fb:open:${ticketId}`);
    const calls = await u.sendText('Дополнение');
    expect(toGroup(calls, 'createForumTopic')).toHaveLength(1);
    expect(toGroup(calls, 'sendMessage')[0]!.payload.text).toContain('Старое обращение');
    expect(toGroup(calls, 'copyMessage')).toHaveLength(1);
  });
});
