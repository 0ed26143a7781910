import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ticketMessages } from '../../../src/db/schema/index.js';
import {
  addStaffMessage,
  addUserMessage,
  listMyTickets,
  openTicket,
  recordRelay,
  ticketByUserMessage,
  ticketThread,
  userMessageForSupportMessage,
} from '../../../src/domain/tickets/index.js';
import { createTestDeps } from '../../helpers/deps.js';
import { makeRequester, makeStaff, ticketOf } from './helpers.js';

const deps = await createTestDeps('2026-11-10T10:00', { pageSize: 2 });

describe('R-HANDOVER: message pairs route every reply to the right side', () => {
  it('a reply to a relayed staff message finds its ticket, in that user’s chat only', async () => {
    const staff = await makeStaff(deps);
    const { actor } = await makeRequester(deps);
    const other = await makeRequester(deps);
    const t1 = await ticketOf(deps, actor, 'первое');
    const t2 = await ticketOf(deps, actor, 'второе');
    const s1 = await addStaffMessage(deps, staff, {
      ticketId: t1.ticketId,
      text: 'Ответ по первому',
      supportMessageId: 9001,
    });
    const s2 = await addStaffMessage(deps, staff, {
      ticketId: t2.ticketId,
      text: 'Ответ по второму',
      supportMessageId: 9002,
    });
    expect(s1.requesterChatId).toBe(actor.telegramId);
    // The bot delivered them as messages 55 and 56 in the user's chat.
    await recordRelay(deps, { messageId: s1.messageId, userMessageId: 55 });
    await recordRelay(deps, { messageId: s2.messageId, userMessageId: 56 });
    await expect(ticketByUserMessage(deps, { chatId: actor.telegramId, messageId: 55 })).resolves.toMatchObject({
      ticketId: t1.ticketId,
      status: 'waiting',
      role: 'subscriber',
    });
    await expect(ticketByUserMessage(deps, { chatId: actor.telegramId, messageId: 56 })).resolves.toMatchObject({
      ticketId: t2.ticketId,
    });
    await expect(ticketByUserMessage(deps, { chatId: other.telegramId, messageId: 55 })).resolves.toBeNull();
    await expect(ticketByUserMessage(deps, { chatId: actor.telegramId, messageId: 57 })).resolves.toBeNull();
    // The other user cannot write into it even knowing the id.
    await expect(addUserMessage(deps, other.actor, { ticketId: t1.ticketId, text: 'чужое' })).rejects.toThrow(
      'tickets.notFound',
    );
  });

  it('a user message relayed to the topic keeps the pair; a pair is written once', async () => {
    const staff = await makeStaff(deps);
    const { actor } = await makeRequester(deps);
    const { ticketId } = await ticketOf(deps, actor);
    const m = await addUserMessage(deps, actor, {
      ticketId,
      text: 'Вот фото',
      attachments: [{ kind: 'photo', fileId: 'AgAC1' }],
      userMessageId: 70,
    });
    await recordRelay(deps, { messageId: m.messageId, supportMessageId: 8100 });
    await recordRelay(deps, { messageId: m.messageId, supportMessageId: 8200, userMessageId: 71 });
    const [row] = await deps.db.select().from(ticketMessages).where(eq(ticketMessages.id, m.messageId));
    expect(row).toMatchObject({ userMessageId: 70, supportMessageId: 8100 });
    await expect(userMessageForSupportMessage(deps, staff, { ticketId, supportMessageId: 8100 })).resolves.toBe(70);
    await expect(userMessageForSupportMessage(deps, actor, { ticketId, supportMessageId: 8100 })).rejects.toThrow(
      'access.forbidden',
    );
  });

  it('R-IDEMP: an update delivered twice adds one message', async () => {
    const staff = await makeStaff(deps);
    const { actor } = await makeRequester(deps);
    const { ticketId } = await ticketOf(deps, actor);
    await addUserMessage(deps, actor, { ticketId, text: 'раз', updateKey: `${actor.telegramId}:80` });
    await addUserMessage(deps, actor, { ticketId, text: 'раз', updateKey: `${actor.telegramId}:80` });
    await addStaffMessage(deps, staff, { ticketId, text: 'два', updateKey: '-100:81' });
    await addStaffMessage(deps, staff, { ticketId, text: 'два', updateKey: '-100:81' });
    expect((await ticketThread(deps, actor, ticketId)).messages.map((m) => m.text)).toEqual([
      'Не работает интернет',
      'раз',
      'два',
    ]);
  });

  it('a message needs text or a file; text is bounded', async () => {
    const { actor } = await makeRequester(deps);
    const { ticketId } = await ticketOf(deps, actor);
    await expect(addUserMessage(deps, actor, { ticketId, text: '   ' })).rejects.toThrow('tickets.textEmpty');
    await expect(addUserMessage(deps, actor, { ticketId, text: 'x'.repeat(4001) })).rejects.toThrow(
      'tickets.textTooLong',
    );
    await expect(
      addUserMessage(deps, actor, { ticketId, attachments: [{ kind: 'document', fileId: 'BQAC1', name: 'акт.pdf' }] }),
    ).resolves.toBeTruthy();
  });
});

describe('R-TICKET: «Мои обращения» and the thread', () => {
  it('lists newest first, page by page, with status', async () => {
    const { actor } = await makeRequester(deps);
    const ids: number[] = [];
    for (const text of ['a', 'b', 'c'])
      ids.push((await openTicket(deps, actor, { topic: 'other', text, requesterChatId: actor.telegramId })).ticketId);
    const first = await listMyTickets(deps, actor, { page: 0 });
    expect(first.items.map((t) => t.id)).toEqual([ids[2], ids[1]]);
    expect(first.hasMore).toBe(true);
    expect(first.items[0]).toMatchObject({ status: 'new', topic: 'other' });
    const second = await listMyTickets(deps, actor, { page: 1 });
    expect(second.items.map((t) => t.id)).toEqual([ids[0]]);
    expect(second.hasMore).toBe(false);
    expect((await listMyTickets(deps, actor, { page: -3 })).page).toBe(0);
  });

  it('the thread is the whole conversation in order; staff stay anonymous to the user', async () => {
    const staff = await makeStaff(deps);
    const { actor } = await makeRequester(deps);
    const { ticketId } = await ticketOf(deps, actor, 'вопрос');
    await addStaffMessage(deps, staff, { ticketId, text: 'ответ' });
    await addUserMessage(deps, actor, { ticketId, text: 'спасибо' });
    const mine = await ticketThread(deps, actor, ticketId);
    expect(mine.messages.map((m) => [m.author, m.text])).toEqual([
      ['user', 'вопрос'],
      ['staff', 'ответ'],
      ['user', 'спасибо'],
    ]);
    expect(mine.messages[1]!.authorTelegramId).toBeNull();
    expect((await ticketThread(deps, staff, ticketId)).messages[1]!.authorTelegramId).toBe(staff.telegramId);
  });
});
