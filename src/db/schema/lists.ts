// Renames and lists of numbers processed in the background (R-RENAME, R-BULK).
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgEnum, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { services } from './catalog.js';
import { clients } from './clients.js';
import { subscribers } from './subscribers.js';

export const listKind = pgEnum('list_kind', ['rename', 'service']);
export const listStatus = pgEnum('list_status', ['draft', 'queued', 'running', 'done', 'cancelled']);
export const lineStatus = pgEnum('list_line_status', ['invalid', 'pending', 'done', 'refused']);

export const bulkLists = pgTable('bulk_lists', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  clientId: integer()
    .notNull()
    .references(() => clients.id, { onDelete: 'cascade' }),
  kind: listKind().notNull(),
  serviceId: integer().references(() => services.id),
  /** 'connect' | 'disconnect' for service lists. */
  action: text(),
  status: listStatus().notNull().default('draft'),
  requestedByTelegramId: bigint({ mode: 'number' }),
  chatId: bigint({ mode: 'number' }),
  progressMessageId: integer(),
  total: integer().notNull().default(0),
  createdAt: timestamp({ withTimezone: true }).notNull(),
  confirmedAt: timestamp({ withTimezone: true }),
  finishedAt: timestamp({ withTimezone: true }),
});

export const bulkListLines = pgTable(
  'bulk_list_lines',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    listId: integer()
      .notNull()
      .references(() => bulkLists.id, { onDelete: 'cascade' }),
    lineNo: integer().notNull(),
    raw: text().notNull(),
    msisdn: text(),
    subscriberId: integer().references(() => subscribers.id),
    name: text(),
    status: lineStatus().notNull(),
    reason: text(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [unique('bulk_list_lines_no').on(t.listId, t.lineNo), index('bulk_list_lines_status').on(t.listId, t.status)],
);

export const renameStatus = pgEnum('rename_status', ['pending', 'applied', 'cancelled']);

export const renames = pgTable(
  'renames',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer()
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    subscriberId: integer()
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    listId: integer().references(() => bulkLists.id, { onDelete: 'set null' }),
    oldName: text().notNull(),
    newName: text().notNull(),
    status: renameStatus().notNull().default('pending'),
    requestedByTelegramId: bigint({ mode: 'number' }),
    chatId: bigint({ mode: 'number' }),
    requestedAt: timestamp({ withTimezone: true }).notNull(),
    applyAfter: timestamp({ withTimezone: true }).notNull(),
    appliedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('renames_pending').on(t.status, t.applyAfter),
    index('renames_subscriber').on(t.subscriberId, t.requestedAt),
    check('renames_name_len', sql`char_length(${t.newName}) between 1 and 64`),
  ],
);
