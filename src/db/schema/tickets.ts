// Feedback tickets and their threads (R-TICKET, R-HANDOVER).
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { clients } from './clients.js';
import { subscribers } from './subscribers.js';

export const ticketStatus = pgEnum('ticket_status', ['new', 'in_work', 'waiting', 'closed']);
export const ticketAuthor = pgEnum('ticket_author', ['user', 'staff', 'system']);

export const ticketIds = pgSequence('ticket_ids', { startWith: 1000 });

export const tickets = pgTable(
  'tickets',
  {
    id: integer().primaryKey().default(sql`nextval('ticket_ids')`),
    requesterTelegramId: bigint({ mode: 'number' }).notNull(),
    requesterChatId: bigint({ mode: 'number' }).notNull(),
    /** 'admin' | 'subscriber' — the role the ticket was opened in. */
    role: text().notNull(),
    clientId: integer().references(() => clients.id, { onDelete: 'cascade' }),
    subscriberId: integer().references(() => subscribers.id, { onDelete: 'set null' }),
    topic: text().notNull(),
    status: ticketStatus().notNull().default('new'),
    assignedStaffTelegramId: bigint({ mode: 'number' }),
    /** message_thread_id of the ticket's forum topic in the support group. */
    forumTopicId: integer(),
    /** When a caller claimed the creation of the forum topic: exactly one caller creates it, even when
     * several messages arrive at once; a claim older than a minute may be taken over (the creator died). */
    forumTopicClaimedAt: timestamp({ withTimezone: true }),
    /** What the user was doing when the ticket was opened (never PIN/PUK). */
    context: jsonb().$type<Record<string, unknown>>(),
    rating: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('tickets_requester').on(t.requesterTelegramId, t.updatedAt),
    index('tickets_client').on(t.clientId, t.updatedAt),
    index('tickets_topic').on(t.forumTopicId),
    check('tickets_rating', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
  ],
);

export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    ticketId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    author: ticketAuthor().notNull(),
    authorTelegramId: bigint({ mode: 'number' }),
    text: text().notNull().default(''),
    /** [{ kind: 'photo' | 'document', fileId, name? }] */
    attachments: jsonb().$type<{ kind: string; fileId: string; name?: string }[]>(),
    /** Message id in the user's chat, so a reply to a staff message finds its ticket. */
    userMessageId: integer(),
    /** Message id in the support group's topic. */
    supportMessageId: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('ticket_messages_ticket').on(t.ticketId, t.id), index('ticket_messages_user_msg').on(t.userMessageId)],
);
