import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, tickets } from '../../../src/db/schema/index.js';
import {
  addStaffMessage,
  addUserMessage,
  closeTicket,
  rateTicket,
  reopenTicket,
  takeTicket,
  ticketThread,
} from '../../../src/domain/tickets/index.js';
import { createTestDeps } from '../../helpers/deps.js';
import { makeRequester, makeStaff, ticketOf } from './helpers.js';

const deps = await createTestDeps();

async function statusOf(ticketId: number) {
  const [row] = await deps.db.select().from(tickets).where(eq(tickets.id, ticketId));
  return row!;
}

describe('R-TICKET: statuses move as the portal says', () => {
  it('новое → в работе → ожидает ответа → в работе → закрыто → новое, each change audited', async () => {
    const { actor } = await makeRequester(deps);
    const staff = await makeStaff(deps);
    const { ticketId } = await ticketOf(deps, actor);
    expect((await statusOf(ticketId)).status).toBe('new');

    // A user adding to a ticket nobody has taken keeps it «новое».
    await addUserMessage(deps, actor, { ticketId, text: 'Ещё деталь' });
    expect((await statusOf(ticketId)).status).toBe('new');

    await expect(takeTicket(deps, staff, { ticketId })).resolves.toMatchObject({
      status: 'in_work',
      changed: true,
      previousStaffTelegramId: null,
    });
    expect(await statusOf(ticketId)).toMatchObject({ status: 'in_work', assignedStaffTelegramId: staff.telegramId });

    await addStaffMessage(deps, staff, { ticketId, text: 'Перезагрузите телефон' });
    expect((await statusOf(ticketId)).status).toBe('waiting');

    await addUserMessage(deps, actor, { ticketId, text: 'Не помогло' });
    expect((await statusOf(ticketId)).status).toBe('in_work');

    await expect(closeTicket(deps, staff, { ticketId })).resolves.toMatchObject({ closedBy: 'staff' });
    expect(await statusOf(ticketId)).toMatchObject({ status: 'closed' });
    expect((await statusOf(ticketId)).closedAt).not.toBeNull();

    await reopenTicket(deps, actor, { ticketId });
    expect(await statusOf(ticketId)).toMatchObject({ status: 'new', assignedStaffTelegramId: null, closedAt: null });

    const actions = (
      await deps.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.actorTelegramId, actor.telegramId))
    ).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['tickets.open', 'tickets.message.user', 'tickets.reopen']));
    const staffActions = (
      await deps.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.actorTelegramId, staff.telegramId))
    ).map((r) => r.action);
    expect(staffActions).toEqual(['tickets.take', 'tickets.message.staff', 'tickets.close']);
  });

  it('staff answering an untaken ticket take it on: the user’s answer then makes it «в работе»', async () => {
    const { actor } = await makeRequester(deps);
    const staff = await makeStaff(deps);
    const { ticketId } = await ticketOf(deps, actor);
    await addStaffMessage(deps, staff, { ticketId, text: 'Уточните модель телефона' });
    expect(await statusOf(ticketId)).toMatchObject({ status: 'waiting', assignedStaffTelegramId: staff.telegramId });
    await addUserMessage(deps, actor, { ticketId, text: 'iPhone' });
    expect((await statusOf(ticketId)).status).toBe('in_work');
  });

  it('the user may close a ticket themselves', async () => {
    const { actor } = await makeRequester(deps);
    const { ticketId } = await ticketOf(deps, actor);
    await expect(closeTicket(deps, actor, { ticketId })).resolves.toMatchObject({ closedBy: 'user' });
    expect((await statusOf(ticketId)).status).toBe('closed');
  });

  it('a closed ticket refuses messages, taking and closing again; an open one refuses reopening', async () => {
    const { actor } = await makeRequester(deps);
    const staff = await makeStaff(deps);
    const { ticketId } = await ticketOf(deps, actor);
    await expect(reopenTicket(deps, actor, { ticketId })).rejects.toThrow('tickets.notClosed');
    await closeTicket(deps, actor, { ticketId });
    await expect(addUserMessage(deps, actor, { ticketId, text: 'ещё' })).rejects.toThrow('tickets.closed');
    await expect(addStaffMessage(deps, staff, { ticketId, text: 'ещё' })).rejects.toThrow('tickets.closed');
    await expect(takeTicket(deps, staff, { ticketId })).rejects.toThrow('tickets.closed');
    await expect(closeTicket(deps, staff, { ticketId })).rejects.toThrow('tickets.closed');
    // Nothing was written by the refused attempts.
    const thread = await ticketThread(deps, actor, ticketId);
    expect(thread.messages).toHaveLength(1);
  });

  it('a second /take by the same staff changes nothing; a colleague may take it over', async () => {
    const { actor } = await makeRequester(deps);
    const first = await makeStaff(deps);
    const second = await makeStaff(deps);
    const { ticketId } = await ticketOf(deps, actor);
    await takeTicket(deps, first, { ticketId });
    await expect(takeTicket(deps, first, { ticketId })).resolves.toMatchObject({ changed: false });
    await expect(takeTicket(deps, second, { ticketId })).resolves.toMatchObject({
      changed: true,
      previousStaffTelegramId: first.telegramId,
    });
    expect((await statusOf(ticketId)).assignedStaffTelegramId).toBe(second.telegramId);
    const takes = await deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'tickets.take')));
    expect(takes.filter((r) => (r.after as { ticketId: number }).ticketId === ticketId)).toHaveLength(2);
  });
});

describe('R-TICKET: rating 1–5, by the requester, once, after closure', () => {
  it('refuses an open ticket, a bad mark, staff and strangers; accepts one mark', async () => {
    const { actor } = await makeRequester(deps);
    const stranger = await makeRequester(deps);
    const staff = await makeStaff(deps);
    const { ticketId } = await ticketOf(deps, actor);
    await expect(rateTicket(deps, actor, { ticketId, rating: 5 })).rejects.toThrow('tickets.notClosed');
    await closeTicket(deps, staff, { ticketId });
    for (const rating of [0, 6, 2.5, Number.NaN]) {
      await expect(rateTicket(deps, actor, { ticketId, rating })).rejects.toThrow('tickets.badRating');
    }
    await expect(rateTicket(deps, staff, { ticketId, rating: 5 })).rejects.toThrow('access.forbidden');
    await expect(rateTicket(deps, stranger.actor, { ticketId, rating: 1 })).rejects.toThrow('tickets.notFound');
    await rateTicket(deps, actor, { ticketId, rating: 4 });
    await expect(rateTicket(deps, actor, { ticketId, rating: 5 })).rejects.toThrow('tickets.alreadyRated');
    expect((await statusOf(ticketId)).rating).toBe(4);
  });

  it('a rating survives reopening: it was given once', async () => {
    const { actor } = await makeRequester(deps);
    const { ticketId } = await ticketOf(deps, actor);
    await closeTicket(deps, actor, { ticketId });
    await rateTicket(deps, actor, { ticketId, rating: 3 });
    await reopenTicket(deps, actor, { ticketId });
    await closeTicket(deps, actor, { ticketId });
    await expect(rateTicket(deps, actor, { ticketId, rating: 5 })).rejects.toThrow('tickets.alreadyRated');
  });
});
