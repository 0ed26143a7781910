import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { subscribers, ticketMessages, tickets } from '../../../src/db/schema/index.js';
import { openTicket, openTicketForUser, ticketThread } from '../../../src/domain/tickets/index.js';
import { createTestDeps } from '../../helpers/deps.js';
import { adminActor, linkAdmin, makeClient } from '../../helpers/fixtures.js';
import { makeRequester, makeStaff } from './helpers.js';

const deps = await createTestDeps();

describe('R-TICKET: opening a request', () => {
  it('takes its id from the ticket sequence and stores the first message', async () => {
    const { actor, subscriber } = await makeRequester(deps);
    const first = await openTicket(deps, actor, {
      topic: 'billing',
      text: '  Почему списали 5 руб.?  ',
      requesterChatId: actor.telegramId,
      userMessageId: 41,
    });
    const second = await openTicket(deps, actor, {
      topic: 'number',
      text: 'Хочу красивый номер',
      requesterChatId: actor.telegramId,
    });
    expect(first.ticketId).toBeGreaterThanOrEqual(1000);
    expect(second.ticketId).toBeGreaterThan(first.ticketId);
    const [row] = await deps.db.select().from(tickets).where(eq(tickets.id, first.ticketId));
    expect(row).toMatchObject({
      topic: 'billing',
      status: 'new',
      role: 'subscriber',
      subscriberId: subscriber.id,
      clientId: subscriber.clientId,
    });
    const messages = await deps.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, first.ticketId));
    expect(messages).toEqual([
      expect.objectContaining({
        author: 'user',
        text: 'Почему списали 5 руб.?',
        userMessageId: 41,
        id: first.messageId,
      }),
    ]);
  });

  it('refuses an unknown topic and empty or too long text; strips control characters', async () => {
    const { actor } = await makeRequester(deps);
    const base = { requesterChatId: actor.telegramId };
    await expect(openTicket(deps, actor, { ...base, topic: 'pins' as never, text: 'x' })).rejects.toThrow(
      'tickets.badTopic',
    );
    await expect(openTicket(deps, actor, { ...base, topic: 'other', text: ' \n\t ' })).rejects.toThrow(
      'tickets.textEmpty',
    );
    await expect(openTicket(deps, actor, { ...base, topic: 'other', text: 'я'.repeat(4001) })).rejects.toThrow(
      'tickets.textTooLong',
    );
    await expect(openTicket(deps, actor, { ...base, topic: 'other', text: 'я'.repeat(4000) })).resolves.toBeTruthy();
    const { ticketId } = await openTicket(deps, actor, { ...base, topic: 'other', text: 'a\u0000b\u0007c\r\nd\u202e' });
    const thread = await ticketThread(deps, actor, ticketId);
    expect(thread.messages[0]!.text).toBe('abc\nd');
  });

  it('keeps attachments as file ids, at most ten', async () => {
    const { actor } = await makeRequester(deps);
    const base = { requesterChatId: actor.telegramId, topic: 'quality' as const, text: 'Скриншот' };
    const { ticketId } = await openTicket(deps, actor, {
      ...base,
      attachments: [
        { kind: 'photo', fileId: 'AgACAgIAAxkB' },
        { kind: 'document', fileId: 'BQACAgIAAxkB', name: 'log.txt' },
      ],
    });
    expect((await ticketThread(deps, actor, ticketId)).messages[0]!.attachments).toEqual([
      { kind: 'photo', fileId: 'AgACAgIAAxkB' },
      { kind: 'document', fileId: 'BQACAgIAAxkB', name: 'log.txt' },
    ]);
    const many = Array.from({ length: 11 }, (_, i) => ({ kind: 'photo' as const, fileId: `f${i}` }));
    await expect(openTicket(deps, actor, { ...base, attachments: many })).rejects.toThrow('tickets.tooManyAttachments');
    await expect(
      openTicket(deps, actor, { ...base, attachments: [{ kind: 'video' as never, fileId: 'x' }] }),
    ).rejects.toThrow('tickets.badAttachment');
    await expect(
      openTicket(deps, actor, {
        ...base,
        attachments: [{ kind: 'photo', fileId: 'https://api.telegram.org/file/bot123:abc/x.jpg' }],
      }),
    ).rejects.toThrow('tickets.badAttachment');
  });

  it('an administrator opens for the client, or on behalf of a chosen subscriber', async () => {
    const client = await makeClient(deps.db);
    await linkAdmin(deps.db, 4001, client.id);
    const { subscriber } = await makeRequester(deps);
    const admin = adminActor(client.id, 4001);
    const own = await openTicket(deps, admin, { topic: 'billing', text: 'Счёт за октябрь', requesterChatId: 4001 });
    const [row] = await deps.db.select().from(tickets).where(eq(tickets.id, own.ticketId));
    expect(row).toMatchObject({ role: 'admin', clientId: client.id, subscriberId: null });
    await expect(
      openTicket(deps, admin, { topic: 'billing', text: 'x', subscriberId: subscriber.id, requesterChatId: 4001 }),
    ).rejects.toThrow('access.forbidden');
  });

  it('R-IDEMP: the «Отправить» press delivered twice opens one ticket', async () => {
    const { actor } = await makeRequester(deps);
    const input = {
      topic: 'services' as const,
      text: 'Один раз',
      requesterChatId: actor.telegramId,
      nonce: 'n-open-1',
    };
    const a = await openTicket(deps, actor, input);
    const b = await openTicket(deps, actor, input);
    expect(b).toEqual(a);
    expect(await deps.db.select().from(tickets).where(eq(tickets.requesterTelegramId, actor.telegramId))).toHaveLength(
      1,
    );
  });
});

describe('R-HANDOVER: staff turn a conversation into a ticket', () => {
  it('by Telegram id or by number; it starts «в работе» with that staff member', async () => {
    const staff = await makeStaff(deps);
    const { actor, subscriber } = await makeRequester(deps);
    const byId = await openTicketForUser(deps, staff, {
      user: { telegramId: actor.telegramId },
      text: 'Продолжим здесь',
    });
    const [row] = await deps.db.select().from(tickets).where(eq(tickets.id, byId.ticketId));
    expect(row).toMatchObject({
      status: 'in_work',
      assignedStaffTelegramId: staff.telegramId,
      requesterChatId: actor.telegramId,
      role: 'subscriber',
      subscriberId: subscriber.id,
      topic: 'other',
    });
    // The user sees it among their own tickets.
    await expect(ticketThread(deps, actor, byId.ticketId)).resolves.toMatchObject({
      messages: [{ author: 'staff', text: 'Продолжим здесь', authorTelegramId: null }],
    });

    const byNumber = await openTicketForUser(deps, staff, { user: { msisdn: `+${subscriber.msisdn}` } });
    const [row2] = await deps.db.select().from(tickets).where(eq(tickets.id, byNumber.ticketId));
    expect(row2).toMatchObject({ requesterTelegramId: actor.telegramId, subscriberId: subscriber.id });
    expect(byNumber.messageId).toBeNull();
  });

  it('an unknown user, an unlinked number or a terminated subscriber cannot be reached', async () => {
    const staff = await makeStaff(deps);
    await expect(openTicketForUser(deps, staff, { user: { telegramId: 987654321 } })).rejects.toThrow(
      'tickets.userNotFound',
    );
    const { actor, subscriber } = await makeRequester(deps);
    await deps.db.update(subscribers).set({ status: 'terminated' }).where(eq(subscribers.id, subscriber.id));
    await expect(openTicketForUser(deps, staff, { user: { telegramId: actor.telegramId } })).rejects.toThrow(
      'tickets.userNotFound',
    );
    await expect(openTicketForUser(deps, staff, { user: { msisdn: subscriber.msisdn } })).rejects.toThrow(
      'tickets.userNotFound',
    );
    await expect(openTicketForUser(deps, staff, { user: { msisdn: 'abc' } })).rejects.toThrow('phone.invalid');
  });

  it('an administrator is reached in their administrator role', async () => {
    const staff = await makeStaff(deps);
    const client = await makeClient(deps.db);
    await linkAdmin(deps.db, 4101, client.id);
    const { ticketId } = await openTicketForUser(deps, staff, { user: { telegramId: 4101 }, topic: 'billing' });
    await expect(ticketThread(deps, adminActor(client.id, 4101), ticketId)).resolves.toMatchObject({
      ticket: { role: 'admin', topic: 'billing', clientName: client.name },
    });
  });
});
