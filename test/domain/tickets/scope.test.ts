import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/actor.js';
import {
  addStaffMessage,
  addUserMessage,
  closeTicket,
  listMyTickets,
  openTicket,
  openTicketForUser,
  rateTicket,
  reopenTicket,
  requireSupport,
  staffTicketView,
  supportStaff,
  takeTicket,
  ticketByForumTopic,
  ticketThread,
  setForumTopic,
} from '../../../src/domain/tickets/index.js';
import { createTestDeps } from '../../helpers/deps.js';
import {
  adminActor,
  linkAdmin,
  makeClient,
  makeSubscriber,
  subscriberActor,
  linkSubscriber,
} from '../../helpers/fixtures.js';
import { makeRequester, makeStaff, ticketOf } from './helpers.js';

const deps = await createTestDeps();

describe('R-SCOPE: a requester reaches only their own tickets', () => {
  it('another client’s administrator and a colleague subscriber cannot read, write, close or reopen it', async () => {
    const { actor, subscriber } = await makeRequester(deps);
    const { ticketId } = await ticketOf(deps, actor);
    const colleague = await makeSubscriber(deps.db, { clientId: subscriber.clientId });
    await linkSubscriber(deps.db, 3101, colleague);
    const outsiders: Actor[] = [adminActor((await makeClient(deps.db)).id, 3100), subscriberActor(colleague, 3101)];
    for (const outsider of outsiders) {
      await expect(ticketThread(deps, outsider, ticketId)).rejects.toThrow('tickets.notFound');
      await expect(addUserMessage(deps, outsider, { ticketId, text: 'x' })).rejects.toThrow('tickets.notFound');
      await expect(closeTicket(deps, outsider, { ticketId })).rejects.toThrow('tickets.notFound');
      expect((await listMyTickets(deps, outsider)).items).toEqual([]);
    }
    await closeTicket(deps, actor, { ticketId });
    for (const outsider of outsiders)
      await expect(reopenTicket(deps, outsider, { ticketId })).rejects.toThrow('tickets.notFound');
    // A forged id is just not found.
    await expect(ticketThread(deps, actor, -5)).rejects.toThrow('tickets.notFound');
    await expect(ticketThread(deps, actor, 999_999)).rejects.toThrow('tickets.notFound');
  });

  it('an administrator’s tickets, also those on behalf of a subscriber, stay theirs; a subscriber’s own stay the subscriber’s', async () => {
    const client = await makeClient(deps.db);
    const sub = await makeSubscriber(deps.db, { clientId: client.id });
    await linkSubscriber(deps.db, 3201, sub);
    await linkAdmin(deps.db, 3202, client.id);
    await linkAdmin(deps.db, 3203, client.id);
    const admin = adminActor(client.id, 3202);
    const otherAdmin = adminActor(client.id, 3203);
    const subscriber = subscriberActor(sub, 3201);

    const onBehalf = await openTicket(deps, admin, {
      topic: 'services',
      text: 'Подключите услугу',
      subscriberId: sub.id,
      requesterChatId: 3202,
    });
    const own = await openTicket(deps, subscriber, {
      topic: 'billing',
      text: 'Вопрос по счёту',
      requesterChatId: 3201,
    });

    const adminList = await listMyTickets(deps, admin);
    expect(adminList.items.map((t) => t.id)).toEqual([onBehalf.ticketId]);
    expect(adminList.items[0]!.subscriberMsisdn).toBe(sub.msisdn);
    expect((await listMyTickets(deps, subscriber)).items.map((t) => t.id)).toEqual([own.ticketId]);
    expect((await listMyTickets(deps, otherAdmin)).items).toEqual([]);
    await expect(ticketThread(deps, subscriber, onBehalf.ticketId)).rejects.toThrow('tickets.notFound');
    await expect(ticketThread(deps, admin, own.ticketId)).rejects.toThrow('tickets.notFound');
    await expect(ticketThread(deps, otherAdmin, onBehalf.ticketId)).rejects.toThrow('tickets.notFound');
    // The same person as administrator of another client does not see this client's tickets.
    const elsewhere = await makeClient(deps.db);
    expect((await listMyTickets(deps, adminActor(elsewhere.id, 3202))).items).toEqual([]);
  });

  it('on behalf of a subscriber is checked with subscriberInScope; replies go only to the requester’s own chat', async () => {
    const client = await makeClient(deps.db);
    const foreign = await makeSubscriber(deps.db);
    const colleague = await makeSubscriber(deps.db, { clientId: client.id });
    const me = await makeSubscriber(deps.db, { clientId: client.id });
    await expect(
      openTicket(deps, adminActor(client.id, 3301), {
        topic: 'other',
        text: 'x',
        subscriberId: foreign.id,
        requesterChatId: 3301,
      }),
    ).rejects.toThrow('access.forbidden');
    await expect(
      openTicket(deps, subscriberActor(me, 3302), {
        topic: 'other',
        text: 'x',
        subscriberId: colleague.id,
        requesterChatId: 3302,
      }),
    ).rejects.toThrow('access.forbidden');
    await expect(
      openTicket(deps, subscriberActor(me, 3302), { topic: 'other', text: 'x', requesterChatId: -100123 }),
    ).rejects.toThrow('access.forbidden');
  });
});

describe('R-SUP-SCOPE: support staff act on all tickets and on nothing else; nobody else acts as staff', () => {
  it('staff see and answer any client’s ticket', async () => {
    const staff = await makeStaff(deps);
    const a = await makeRequester(deps);
    const b = await makeRequester(deps);
    for (const r of [a, b]) {
      const { ticketId } = await ticketOf(deps, r.actor);
      await expect(ticketThread(deps, staff, ticketId)).resolves.toMatchObject({ ticket: { id: ticketId } });
      await expect(addStaffMessage(deps, staff, { ticketId, text: 'Здравствуйте' })).resolves.toMatchObject({
        status: 'waiting',
      });
    }
  });

  it('an actor claiming kind support without the granted role, an administrator or a subscriber cannot take, answer or look up topics', async () => {
    const { actor, subscriber } = await makeRequester(deps);
    const { ticketId } = await ticketOf(deps, actor);
    await setForumTopic(deps, ticketId, 77_001);
    const impostors: Actor[] = [
      { kind: 'support', telegramId: 3401 },
      adminActor(subscriber.clientId, 3402),
      actor,
      { kind: 'system', name: 'cli' },
    ];
    for (const who of impostors) {
      await expect(takeTicket(deps, who, { ticketId })).rejects.toThrow('access.forbidden');
      await expect(addStaffMessage(deps, who, { ticketId, text: 'ответ' })).rejects.toThrow('access.forbidden');
      await expect(ticketByForumTopic(deps, who, 77_001)).rejects.toThrow('access.forbidden');
      await expect(staffTicketView(deps, who, ticketId)).rejects.toThrow('access.forbidden');
      await expect(openTicketForUser(deps, who, { user: { telegramId: actor.telegramId } })).rejects.toThrow(
        'access.forbidden',
      );
    }
    expect(await supportStaff(deps.db, 3401)).toBeNull();
  });

  it('a revoked role stops acting at once, whatever the actor says', async () => {
    const staff = await makeStaff(deps);
    await expect(requireSupport(deps.db, staff)).resolves.toEqual(staff);
    const { telegramRoles } = await import('../../../src/db/schema/index.js');
    const { eq } = await import('drizzle-orm');
    await deps.db.delete(telegramRoles).where(eq(telegramRoles.telegramId, staff.telegramId));
    await expect(requireSupport(deps.db, staff)).rejects.toThrow('access.forbidden');
  });

  it('staff cannot act as requesters: no own list, no opening, reopening or rating through the user path', async () => {
    const staff = await makeStaff(deps);
    const { actor } = await makeRequester(deps);
    const { ticketId } = await ticketOf(deps, actor);
    await expect(listMyTickets(deps, staff)).rejects.toThrow('access.forbidden');
    await expect(
      openTicket(deps, staff, { topic: 'other', text: 'x', requesterChatId: staff.telegramId }),
    ).rejects.toThrow('access.forbidden');
    await expect(addUserMessage(deps, staff, { ticketId, text: 'x' })).rejects.toThrow('access.forbidden');
    await closeTicket(deps, staff, { ticketId });
    await expect(reopenTicket(deps, staff, { ticketId })).rejects.toThrow('access.forbidden');
    await expect(rateTicket(deps, staff, { ticketId, rating: 5 })).rejects.toThrow('access.forbidden');
  });
});
