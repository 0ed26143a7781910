// R-TICKET: taking, closing, reopening and rating a ticket. Each is one transaction on the locked
// ticket row, checked against the status table and audited with before/after.
import { eq } from 'drizzle-orm';
import { tickets } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { ownTicket, staffTicket, ticketInScope } from './scope.js';
import { nextStatus } from './transitions.js';
import type { TicketStatus } from './types.js';

export interface TakenTicket {
  status: TicketStatus;
  /** Who had it before (null: nobody); the same as the taker when nothing changed. */
  previousStaffTelegramId: number | null;
  changed: boolean;
  requesterChatId: number;
}

/** `/take`: «в работе» with this staff member (also taking it over from a colleague). */
export async function takeTicket(deps: DomainDeps, actor: Actor, input: { ticketId: number }): Promise<TakenTicket> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { staff, ticket } = await staffTicket(tx, actor, input.ticketId, { forUpdate: true });
    const status = nextStatus(ticket.status, 'take');
    const previous = ticket.assignedStaffTelegramId;
    if (status === ticket.status && previous === staff.telegramId) {
      return { status, previousStaffTelegramId: previous, changed: false, requesterChatId: ticket.requesterChatId };
    }
    await tx
      .update(tickets)
      .set({ status, assignedStaffTelegramId: staff.telegramId, updatedAt: now })
      .where(eq(tickets.id, ticket.id));
    await audit(tx, staff, now, {
      action: 'tickets.take',
      clientId: ticket.clientId,
      subscriberId: ticket.subscriberId,
      before: { ticketId: ticket.id, status: ticket.status, assignedStaffTelegramId: previous },
      after: { ticketId: ticket.id, status, assignedStaffTelegramId: staff.telegramId },
    });
    return { status, previousStaffTelegramId: previous, changed: true, requesterChatId: ticket.requesterChatId };
  });
}

export interface ClosedTicket {
  closedBy: 'user' | 'staff';
  requesterChatId: number;
  forumTopicId: number | null;
}

/** «Закрыть обращение» by the requester, or `/close` by staff. */
export async function closeTicket(deps: DomainDeps, actor: Actor, input: { ticketId: number }): Promise<ClosedTicket> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const ticket = await ticketInScope(tx, actor, input.ticketId, { forUpdate: true });
    const status = nextStatus(ticket.status, 'close');
    await tx.update(tickets).set({ status, closedAt: now, updatedAt: now }).where(eq(tickets.id, ticket.id));
    await audit(tx, actor, now, {
      action: 'tickets.close',
      clientId: ticket.clientId,
      subscriberId: ticket.subscriberId,
      before: { ticketId: ticket.id, status: ticket.status },
      after: { ticketId: ticket.id, status },
    });
    return {
      closedBy: actor.kind === 'support' ? 'staff' : 'user',
      requesterChatId: ticket.requesterChatId,
      forumTopicId: ticket.forumTopicId,
    };
  });
}

/** The requester reopens a closed ticket: «новое» again, nobody on it. */
export async function reopenTicket(
  deps: DomainDeps,
  actor: Actor,
  input: { ticketId: number },
): Promise<{ forumTopicId: number | null }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const ticket = await ownTicket(tx, actor, input.ticketId, { forUpdate: true });
    const status = nextStatus(ticket.status, 'reopen');
    await tx
      .update(tickets)
      .set({ status, assignedStaffTelegramId: null, closedAt: null, updatedAt: now })
      .where(eq(tickets.id, ticket.id));
    await audit(tx, actor, now, {
      action: 'tickets.reopen',
      clientId: ticket.clientId,
      subscriberId: ticket.subscriberId,
      before: { ticketId: ticket.id, status: ticket.status, assignedStaffTelegramId: ticket.assignedStaffTelegramId },
      after: { ticketId: ticket.id, status, assignedStaffTelegramId: null },
    });
    return { forumTopicId: ticket.forumTopicId };
  });
}

/** The requester rates the answer 1–5, once, and only after the ticket is closed. */
export async function rateTicket(
  deps: DomainDeps,
  actor: Actor,
  input: { ticketId: number; rating: number },
): Promise<{ forumTopicId: number | null }> {
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5)
    throw new DomainError('tickets.badRating');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const ticket = await ownTicket(tx, actor, input.ticketId, { forUpdate: true });
    if (ticket.status !== 'closed') throw new DomainError('tickets.notClosed');
    if (ticket.rating !== null) throw new DomainError('tickets.alreadyRated');
    await tx.update(tickets).set({ rating: input.rating, updatedAt: now }).where(eq(tickets.id, ticket.id));
    await audit(tx, actor, now, {
      action: 'tickets.rate',
      clientId: ticket.clientId,
      subscriberId: ticket.subscriberId,
      before: { ticketId: ticket.id, rating: null },
      after: { ticketId: ticket.id, rating: input.rating },
    });
    return { forumTopicId: ticket.forumTopicId };
  });
}
