// The operator's systems (R-API-AUTH, R-RECYCLE): API tokens issued by the command-line tool, and the
// holder history of numbers — which subscriber (contract) held a number until when.
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { subscribers } from './subscribers.js';

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    /** SHA-256 of the token; the token itself is printed once and never stored. */
    tokenHash: text().notNull().unique(),
    /** Some of 'provision', 'orders', 'read'. */
    scopes: text().array().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_name_live').on(t.name).where(sql`${t.revokedAt} is null`)],
);

/** A number passing from one holder (subscriber row, i.e. contract) to another (R-RECYCLE). */
export const numberHolderChanges = pgTable(
  'number_holder_changes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** `375XXXXXXXXX`. */
    msisdn: text().notNull(),
    previousSubscriberId: integer().references(() => subscribers.id, { onDelete: 'set null' }),
    previousContract: text(),
    nextSubscriberId: integer().references(() => subscribers.id, { onDelete: 'set null' }),
    nextContract: text(),
    /** 'operator' (a subscriber PUT with another contract id) | 'number_change'. */
    source: text().notNull(),
    changedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('number_holder_changes_msisdn').on(t.msisdn, t.changedAt)],
);
