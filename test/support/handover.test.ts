// The "Done when", tried as a new user would against a stand-in forum supergroup: a subscriber
// opens a ticket from «Обратная связь»; a topic appears with the context; a staff reply reaches the
// user; the user's answer reaches the topic; /close closes both and the user rates it; «Мои обращения»
// shows the closed ticket with its thread. R-TICKET, R-HANDOVER, R-SUP-SCOPE.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { tickets } from '../../src/db/schema/index.js';
import { createHarness, expectText, textsOf } from '../helpers/bot.js';
import { makeClient, makeSubscriber } from '../helpers/fixtures.js';
import { grantSupport, inGroup, SUPPORT_ENV, toChat, toGroup, unthrottled, userPhoto } from './helpers.js';

const h = await createHarness({ env: SUPPORT_ENV, app: unthrottled() });
const db = h.deps.db;
const client = await makeClient(db, { name: 'ООО «Ромашка»' });
await makeSubscriber(db, {
  clientId: client.id,
  msisdn: '375291000001',
  fullName: 'Иванов Иван',
  displayName: 'Иванов И.',
});
const STAFF = 9101;
await grantSupport(h, STAFF);

async function ticketRow(id: number) {
  const [row] = await db.select().from(tickets).where(eq(tickets.id, id));
  return row!;
}

describe('R-TICKET / R-HANDOVER: a ticket from «Обратная связь» through the support group and back', () => {
  it('walks the whole conversation', async () => {
    const u = h.user(5101);
    await u.shareContact('375291000001');
    await u.press('Обратная связь');
    expect(u.buttons().flat()).toEqual(['Новое обращение', 'Мои обращения', 'Связаться со специалистом', '« Назад']);
    await u.press('Новое обращение');
    expect(u.buttons().flat()).toEqual([
      'Счета и платежи',
      'Услуги',
      'Смена номера',
      'Качество связи',
      'Другое',
      '« Назад',
    ]);
    const asked = await u.press('Качество связи');
    expectText(asked, 'Опишите ваш вопрос');
    const typed = await u.sendText('Пропадает связь в офисе на Немиге');
    expectText(typed, 'приложите фото или файлы');
    const photo = await userPhoto(h, 5101, 'AgACPhotoOffice');
    expectText(photo, 'Приложено: 1 файл');

    const sent = await u.press('Отправить');
    expectText(sent, /Обращение №\d+ отправлено/);
    const ticketId = Number(/№(\d+)/.exec(textsOf(sent).join(' '))![1]);
    expect(ticketId).toBeGreaterThanOrEqual(1000);

    // A topic appears, named per the issue, opened with the card and the photo.
    const created = toGroup(sent, 'createForumTopic');
    expect(created).toHaveLength(1);
    expect(created[0]!.payload.name).toBe(`#${ticketId} Качество связи — +375 29 100-00-01`);
    const row = await ticketRow(ticketId);
    const topicId = row.forumTopicId!;
    expect(topicId).toBeGreaterThan(0);
    const card = toGroup(sent, 'sendMessage')[0]!;
    expect(Number(card.payload.message_thread_id)).toBe(topicId);
    expect(card.payload.text).toContain(`Обращение #${ticketId}`);
    expect(card.payload.text).toContain('Пропадает связь в офисе на Немиге');
    expect(card.payload.text).toContain('ООО «Ромашка»');
    expect(card.payload.text).toContain('+375 29 100-00-01');
    const photoToTopic = toGroup(sent, 'sendPhoto')[0]!;
    expect(photoToTopic.payload).toMatchObject({ photo: 'AgACPhotoOffice' });
    expect(Number(photoToTopic.payload.message_thread_id)).toBe(topicId);

    // /take: «в работе», the user is told.
    const take = await inGroup(h, STAFF, { text: '/take', threadId: topicId });
    expectText(toChat(take, 5101), `Ваше обращение №${ticketId} взято в работу`);
    expect((await ticketRow(ticketId)).status).toBe('in_work');

    // A staff reply reaches the user, anonymously, headed with the ticket number.
    const reply = await inGroup(h, STAFF, {
      text: 'Проверим базовую станцию. Какой у вас телефон?',
      threadId: topicId,
    });
    const toUser = toChat(reply, 5101, 'sendMessage');
    expect(toUser).toHaveLength(1);
    expect(toUser[0]!.payload.text).toBe(
      `💬 Ответ по обращению №${ticketId}\n\nПроверим базовую станцию. Какой у вас телефон?`,
    );
    expect(toUser[0]!.payload.text).not.toContain(`Staff${STAFF}`);
    expect((await ticketRow(ticketId)).status).toBe('waiting');

    // The user answers by replying to it, from the main menu: it reaches the topic.
    await u.sendText('/menu');
    const staffCopy = h.telegram.botMessages(5101).find((m) => m.text?.startsWith('💬'))!;
    const answer = await u.sendText('Samsung A52', {
      reply_to_message: { message_id: staffCopy.message_id, date: 0, chat: { id: 5101, type: 'private' } },
    });
    const copied = toGroup(answer, 'copyMessage');
    expect(copied).toHaveLength(1);
    expect(copied[0]!.payload).toMatchObject({ from_chat_id: 5101 });
    expect(Number(copied[0]!.payload.message_thread_id)).toBe(topicId);
    expectText(answer, `Сообщение добавлено в обращение №${ticketId}`);
    expect((await ticketRow(ticketId)).status).toBe('in_work');

    // /close closes the ticket and the topic and tells the user, who rates it.
    const close = await inGroup(h, STAFF, { text: '/close', threadId: topicId });
    expect(toGroup(close, 'closeForumTopic')).toHaveLength(1);
    expectText(toChat(close, 5101), `Обращение №${ticketId} закрыто специалистом`);
    expect((await ticketRow(ticketId)).status).toBe('closed');
    const rated = await u.press('5 ⭐');
    expectText(rated, 'Спасибо за оценку');
    expectText(toGroup(rated), 'оценил ответ: 5 из 5');
    expect((await ticketRow(ticketId)).rating).toBe(5);

    // «Мои обращения» shows the closed ticket with its thread.
    await u.sendText('/menu');
    await u.press('Обратная связь');
    await u.press('Мои обращения');
    const label = `№${ticketId} · Качество связи · закрыто`;
    expect(u.buttons().flat()).toContain(label);
    const thread = await u.press(label);
    const text = textsOf(thread).join('\n');
    for (const part of [
      'Статус: закрыто',
      'Пропадает связь в офисе на Немиге',
      '📎 1 файл',
      'Специалист',
      'Проверим базовую станцию',
      'Samsung A52',
      'Ваша оценка: 5 из 5',
    ]) {
      expect(text).toContain(part);
    }
    expect(u.buttons().flat()).toContain('Возобновить обращение');
  });
});
