// Reading tickets: «Мои обращения» (newest first, paginated), one ticket's thread, and the lookups the
// relay needs — the ticket of a forum topic, and the ticket a user's reply belongs to.
import { and, desc, eq } from 'drizzle-orm';
import { subscribers, ticketMessages, tickets } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { requireRequester, requireSupport, ticketInScope } from './scope.js';
import type { TicketListItem, TicketStatus, TicketThread, TicketTopic, TicketView } from './types.js';
import { threadMessages, ticketView } from './view.js';

export interface TicketPage {
  items: TicketListItem[];
  page: number;
  hasMore: boolean;
}

export async function listMyTickets(
  deps: DomainDeps,
  actor: Actor,
  input: { page?: number } = {},
): Promise<TicketPage> {
  const requester = requireRequester(actor);
  const page = Number.isSafeInteger(input.page) && input.page! >= 0 ? input.page! : 0;
  const size = deps.settings.pageSize;
  const mine =
    requester.kind === 'subscriber'
      ? and(
          eq(tickets.requesterTelegramId, requester.telegramId),
          eq(tickets.role, 'subscriber'),
          eq(tickets.clientId, requester.clientId),
          eq(tickets.subscriberId, requester.subscriberId),
        )
      : and(
          eq(tickets.requesterTelegramId, requester.telegramId),
          eq(tickets.role, 'admin'),
          eq(tickets.clientId, requester.clientId),
        );
  const rows = await deps.db
    .select({
      id: tickets.id,
      topic: tickets.topic,
      status: tickets.status,
      rating: tickets.rating,
      createdAt: tickets.createdAt,
      updatedAt: tickets.updatedAt,
      subscriberMsisdn: subscribers.msisdn,
    })
    .from(tickets)
    .leftJoin(subscribers, eq(subscribers.id, tickets.subscriberId))
    .where(mine)
    // Ids come from one sequence, so id order is opening order.
    .orderBy(desc(tickets.id))
    .limit(size + 1)
    .offset(page * size);
  return {
    items: rows.slice(0, size).map((r) => ({ ...r, topic: r.topic as TicketTopic, status: r.status as TicketStatus })),
    page,
    hasMore: rows.length > size,
  };
}

/** One ticket and its whole thread, for its requester or for staff. */
export async function ticketThread(deps: DomainDeps, actor: Actor, ticketId: number): Promise<TicketThread> {
  const row = await ticketInScope(deps.db, actor, ticketId);
  return {
    ticket: await ticketView(deps.db, row),
    messages: await threadMessages(deps.db, row.id, actor.kind === 'support'),
  };
}

/** The ticket whose forum topic a staff message was written in; null for any other topic. */
export async function ticketByForumTopic(deps: DomainDeps, actor: Actor, topicId: number): Promise<TicketView | null> {
  await requireSupport(deps.db, actor);
  if (!Number.isSafeInteger(topicId) || topicId <= 0) return null;
  const [row] = await deps.db
    .select()
    .from(tickets)
    .where(eq(tickets.forumTopicId, topicId))
    .orderBy(desc(tickets.id))
    .limit(1);
  return row ? ticketView(deps.db, row) : null;
}

/**
 * The ticket a message in a user's private chat belongs to — a staff message relayed there, or the
 * user's own earlier message. A lookup only: adding to the ticket re-checks the actor's scope.
 */
export interface TicketOfMessage {
  ticketId: number;
  status: TicketStatus;
  /** Which of the requester's roles the ticket belongs to, so the bot can act in it whatever role is active. */
  role: 'admin' | 'subscriber';
  clientId: number | null;
  subscriberId: number | null;
}

export async function ticketByUserMessage(
  deps: DomainDeps,
  input: { chatId: number; messageId: number },
): Promise<TicketOfMessage | null> {
  if (!Number.isSafeInteger(input.messageId) || input.messageId <= 0 || !Number.isSafeInteger(input.chatId))
    return null;
  const [row] = await deps.db
    .select({
      ticketId: tickets.id,
      status: tickets.status,
      role: tickets.role,
      clientId: tickets.clientId,
      subscriberId: tickets.subscriberId,
    })
    .from(ticketMessages)
    .innerJoin(tickets, eq(tickets.id, ticketMessages.ticketId))
    .where(and(eq(ticketMessages.userMessageId, input.messageId), eq(tickets.requesterChatId, input.chatId)))
    .orderBy(desc(ticketMessages.id))
    .limit(1);
  if (!row) return null;
  return { ...row, status: row.status as TicketStatus, role: row.role === 'admin' ? 'admin' : 'subscriber' };
}

/** For a staff reply to a relayed user message in the topic: the user's original, to reply to it. */
export async function userMessageForSupportMessage(
  deps: DomainDeps,
  actor: Actor,
  input: { ticketId: number; supportMessageId: number },
): Promise<number | null> {
  await requireSupport(deps.db, actor);
  if (!Number.isSafeInteger(input.supportMessageId)) return null;
  const [row] = await deps.db
    .select({ userMessageId: ticketMessages.userMessageId })
    .from(ticketMessages)
    .where(
      and(eq(ticketMessages.ticketId, input.ticketId), eq(ticketMessages.supportMessageId, input.supportMessageId)),
    )
    .limit(1);
  return row?.userMessageId ?? null;
}

/** Staff look tickets up by id (the `#<id>` in a topic name). */
export async function staffTicketView(deps: DomainDeps, actor: Actor, ticketId: number): Promise<TicketView> {
  const staff = await requireSupport(deps.db, actor);
  return ticketView(deps.db, await ticketInScope(deps.db, staff, ticketId));
}

/**
 * The ticket and thread as the support relay needs them to build the topic's card. Transport only: the
 * relay calls it with ids the domain itself returned (never ids from a user), and shows the result
 * only in the support group.
 */
export async function relayThread(deps: DomainDeps, ticketId: number): Promise<TicketThread> {
  const [row] = await deps.db.select().from(tickets).where(eq(tickets.id, ticketId));
  if (!row) throw new DomainError('tickets.notFound');
  return { ticket: await ticketView(deps.db, row), messages: await threadMessages(deps.db, row.id, true) };
}
