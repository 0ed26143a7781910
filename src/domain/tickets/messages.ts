// R-TICKET / R-HANDOVER: the thread. A user's message (on the ticket's screen or as a reply to a staff
// message) and a staff message from the ticket's forum topic; each moves the status per the table.
// The ids of both sides of a relayed message are stored as a pair, so every reply finds its way back.
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { ticketMessages, tickets } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { once } from '../idempotency.js';
import { ownTicket, staffTicket } from './scope.js';
import { messageBody } from './text.js';
import { nextStatus } from './transitions.js';
import type { Attachment, TicketStatus } from './types.js';

export interface MessageInput {
  ticketId: number;
  text?: string;
  attachments?: Attachment[];
  /** Set once per Telegram update (e.g. `<chat>:<message id>`), so a redelivered update adds nothing (R-IDEMP). */
  updateKey?: string;
}

export interface AddedMessage {
  messageId: number;
  status: TicketStatus;
  /** Where the bot relays it: the topic for a user message (null until the topic exists)… */
  forumTopicId: number | null;
  /** …and the user's chat for a staff message. */
  requesterChatId: number;
}

function messageId(value: number | undefined): number | null {
  return value !== undefined && Number.isSafeInteger(value) && value > 0 ? value : null;
}

async function inTx<T>(deps: DomainDeps, key: string | undefined, change: (tx: Executor) => Promise<T>): Promise<T> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => (key ? (await once(tx, key, now, () => change(tx))).result : change(tx)));
}

/** A requester's message. A closed ticket refuses it with `tickets.closed`, so the bot can offer to reopen. */
export async function addUserMessage(
  deps: DomainDeps,
  actor: Actor,
  input: MessageInput & { userMessageId?: number },
): Promise<AddedMessage> {
  const body = messageBody(input);
  const now = deps.clock.now();
  return inTx(deps, input.updateKey && `tickets:msg:user:${input.updateKey}`, async (tx) => {
    const ticket = await ownTicket(tx, actor, input.ticketId, { forUpdate: true });
    const status = nextStatus(ticket.status, 'userMessage');
    const [row] = await tx
      .insert(ticketMessages)
      .values({
        ticketId: ticket.id,
        author: 'user',
        authorTelegramId: ticket.requesterTelegramId,
        ...body,
        userMessageId: messageId(input.userMessageId),
        createdAt: now,
      })
      .returning({ id: ticketMessages.id });
    await tx.update(tickets).set({ status, updatedAt: now }).where(eq(tickets.id, ticket.id));
    await audit(tx, actor, now, {
      action: 'tickets.message.user',
      clientId: ticket.clientId,
      subscriberId: ticket.subscriberId,
      before: { ticketId: ticket.id, status: ticket.status },
      after: { ticketId: ticket.id, status, messageId: row!.id, attachments: body.attachments.length },
    });
    return { messageId: row!.id, status, forumTopicId: ticket.forumTopicId, requesterChatId: ticket.requesterChatId };
  });
}

/**
 * A staff message from the ticket's topic: «ожидает ответа». Staff who answer a ticket nobody has taken
 * become its assignee, so the user's answer then makes it «в работе» with someone responsible.
 */
export async function addStaffMessage(
  deps: DomainDeps,
  actor: Actor,
  input: MessageInput & { supportMessageId?: number },
): Promise<AddedMessage> {
  const body = messageBody(input);
  const now = deps.clock.now();
  return inTx(deps, input.updateKey && `tickets:msg:staff:${input.updateKey}`, async (tx) => {
    const { staff, ticket } = await staffTicket(tx, actor, input.ticketId, { forUpdate: true });
    const status = nextStatus(ticket.status, 'staffMessage');
    const [row] = await tx
      .insert(ticketMessages)
      .values({
        ticketId: ticket.id,
        author: 'staff',
        authorTelegramId: staff.telegramId,
        ...body,
        supportMessageId: messageId(input.supportMessageId),
        createdAt: now,
      })
      .returning({ id: ticketMessages.id });
    const assigned = ticket.assignedStaffTelegramId ?? staff.telegramId;
    await tx
      .update(tickets)
      .set({ status, assignedStaffTelegramId: assigned, updatedAt: now })
      .where(eq(tickets.id, ticket.id));
    await audit(tx, staff, now, {
      action: 'tickets.message.staff',
      clientId: ticket.clientId,
      subscriberId: ticket.subscriberId,
      before: { ticketId: ticket.id, status: ticket.status, assignedStaffTelegramId: ticket.assignedStaffTelegramId },
      after: {
        ticketId: ticket.id,
        status,
        assignedStaffTelegramId: assigned,
        messageId: row!.id,
        attachments: body.attachments.length,
      },
    });
    return { messageId: row!.id, status, forumTopicId: ticket.forumTopicId, requesterChatId: ticket.requesterChatId };
  });
}

/**
 * Where a stored message was delivered: the copy's id in the user's chat or in the topic. Each id is
 * written once (a conditional UPDATE), so a retried relay cannot re-point a pair. Transport bookkeeping,
 * not a business change: the message itself was audited when it was added.
 */
export async function recordRelay(
  deps: DomainDeps,
  input: { messageId: number; userMessageId?: number; supportMessageId?: number },
): Promise<void> {
  const userMessageId = messageId(input.userMessageId);
  const supportMessageId = messageId(input.supportMessageId);
  if (!messageId(input.messageId)) throw new DomainError('tickets.notFound');
  await deps.db.transaction(async (tx) => {
    if (userMessageId) {
      await tx
        .update(ticketMessages)
        .set({ userMessageId })
        .where(and(eq(ticketMessages.id, input.messageId), isNull(ticketMessages.userMessageId)));
    }
    if (supportMessageId) {
      await tx
        .update(ticketMessages)
        .set({ supportMessageId })
        .where(and(eq(ticketMessages.id, input.messageId), isNull(ticketMessages.supportMessageId)));
    }
  });
}
