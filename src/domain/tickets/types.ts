// The vocabulary of feedback tickets (R-TICKET): topics, statuses and the shapes the domain returns.
import type { ticketMessages, tickets } from '../../db/schema/index.js';

/** «Счета и платежи», «Услуги», «Смена номера», «Качество связи», «Другое» — stored as codes. */
export const ticketTopics = ['billing', 'services', 'number', 'quality', 'other'] as const;
export type TicketTopic = (typeof ticketTopics)[number];

export function isTicketTopic(value: unknown): value is TicketTopic {
  return typeof value === 'string' && (ticketTopics as readonly string[]).includes(value);
}

/** «новое», «в работе», «ожидает ответа», «закрыто». */
export type TicketStatus = 'new' | 'in_work' | 'waiting' | 'closed';

export interface Attachment {
  kind: 'photo' | 'document';
  /** Telegram file_id: enough to send the file again; never a file URL (it holds the bot token). */
  fileId: string;
  name?: string;
}

export type TicketRow = typeof tickets.$inferSelect;
export type TicketMessageRow = typeof ticketMessages.$inferSelect;

export interface TicketListItem {
  id: number;
  topic: TicketTopic;
  status: TicketStatus;
  subscriberMsisdn: string | null;
  rating: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TicketMessage {
  id: number;
  author: 'user' | 'staff' | 'system';
  /** Staff stay anonymous to users: null for staff messages unless the reader is support staff. */
  authorTelegramId: number | null;
  text: string;
  attachments: Attachment[];
  createdAt: Date;
}

export interface TicketView {
  id: number;
  role: 'admin' | 'subscriber';
  topic: TicketTopic;
  status: TicketStatus;
  requesterTelegramId: number;
  requesterChatId: number;
  /** The requester's Telegram language, so notices from the support side speak it. */
  requesterLanguageCode: string | null;
  clientId: number | null;
  clientName: string | null;
  subscriberId: number | null;
  subscriberMsisdn: string | null;
  assignedStaffTelegramId: number | null;
  forumTopicId: number | null;
  context: Record<string, unknown> | null;
  rating: number | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

export interface TicketThread {
  ticket: TicketView;
  messages: TicketMessage[];
}
