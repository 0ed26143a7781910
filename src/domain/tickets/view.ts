// Rows → what callers see: a ticket with its client's name and subscriber's number, and its messages
// (staff names hidden from requesters: staff are anonymous to users).
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { clients, subscribers, telegramUsers, ticketMessages } from '../../db/schema/index.js';
import type {
  Attachment,
  TicketMessage,
  TicketMessageRow,
  TicketRow,
  TicketStatus,
  TicketTopic,
  TicketView,
} from './types.js';

export async function ticketView(ex: Executor, row: TicketRow): Promise<TicketView> {
  const [client] = row.clientId
    ? await ex.select({ name: clients.name }).from(clients).where(eq(clients.id, row.clientId))
    : [];
  const [subscriber] = row.subscriberId
    ? await ex.select({ msisdn: subscribers.msisdn }).from(subscribers).where(eq(subscribers.id, row.subscriberId))
    : [];
  const [user] = await ex
    .select({ languageCode: telegramUsers.languageCode })
    .from(telegramUsers)
    .where(eq(telegramUsers.telegramId, row.requesterTelegramId));
  return {
    id: row.id,
    role: row.role === 'admin' ? 'admin' : 'subscriber',
    topic: row.topic as TicketTopic,
    status: row.status as TicketStatus,
    requesterTelegramId: row.requesterTelegramId,
    requesterChatId: row.requesterChatId,
    requesterLanguageCode: user?.languageCode ?? null,
    clientId: row.clientId,
    clientName: client?.name ?? null,
    subscriberId: row.subscriberId,
    subscriberMsisdn: subscriber?.msisdn ?? null,
    assignedStaffTelegramId: row.assignedStaffTelegramId,
    forumTopicId: row.forumTopicId,
    context: row.context ?? null,
    rating: row.rating,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    closedAt: row.closedAt,
  };
}

export function messageView(row: TicketMessageRow, forStaff: boolean): TicketMessage {
  return {
    id: row.id,
    author: row.author,
    authorTelegramId: row.author === 'staff' && !forStaff ? null : row.authorTelegramId,
    text: row.text,
    attachments: (row.attachments ?? []) as Attachment[],
    createdAt: row.createdAt,
  };
}

export async function threadMessages(ex: Executor, ticketId: number, forStaff: boolean): Promise<TicketMessage[]> {
  const rows = await ex
    .select()
    .from(ticketMessages)
    .where(eq(ticketMessages.ticketId, ticketId))
    .orderBy(asc(ticketMessages.id));
  return rows.map((r) => messageView(r, forStaff));
}
