// Who may use the bot: Telegram users and their roles, administrator invites, sign-in failures,
// and the audit log of every change (R-AUTH-*, R-ROLES, R-TX).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { clients } from './clients.js';
import { subscribers } from './subscribers.js';

export const telegramUsers = pgTable('telegram_users', {
  telegramId: bigint({ mode: 'number' }).primaryKey(),
  firstName: text(),
  username: text(),
  languageCode: text(),
  /** The user blocked the bot (403 on send). */
  blockedBot: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true }).notNull(),
  lastSeenAt: timestamp({ withTimezone: true }).notNull(),
});

export const roleKind = pgEnum('role_kind', ['admin', 'subscriber', 'support']);

export const telegramRoles = pgTable(
  'telegram_roles',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    telegramId: bigint({ mode: 'number' })
      .notNull()
      .references(() => telegramUsers.telegramId, { onDelete: 'cascade' }),
    role: roleKind().notNull(),
    clientId: integer().references(() => clients.id, { onDelete: 'cascade' }),
    subscriberId: integer().references(() => subscribers.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('telegram_roles_admin').on(t.telegramId, t.clientId).where(sql`${t.role} = 'admin'`),
    uniqueIndex('telegram_roles_subscriber').on(t.subscriberId).where(sql`${t.role} = 'subscriber'`),
    uniqueIndex('telegram_roles_support').on(t.telegramId).where(sql`${t.role} = 'support'`),
    index('telegram_roles_user').on(t.telegramId),
    check(
      'telegram_roles_shape',
      sql`(${t.role} = 'admin' and ${t.clientId} is not null and ${t.subscriberId} is null)
        or (${t.role} = 'subscriber' and ${t.subscriberId} is not null and ${t.clientId} is not null)
        or (${t.role} = 'support' and ${t.clientId} is null and ${t.subscriberId} is null)`,
    ),
  ],
);

export const invites = pgTable(
  'invites',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer()
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    /** SHA-256 of the code; the code itself is never stored. */
    codeHash: text().notNull().unique(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    usedByTelegramId: bigint({ mode: 'number' }),
  },
  (t) => [index('invites_client').on(t.clientId)],
);

/** Wrong invite codes, for the lockout (R-AUTH-ADM). */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    telegramId: bigint({ mode: 'number' }).notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('sign_in_failures_user').on(t.telegramId, t.at)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull(),
    /** 'telegram' | 'cli' | 'worker' | 'api' */
    actorKind: text().notNull(),
    /** The API token's name when actorKind is 'api' (R-API-AUTH). */
    actorName: text(),
    actorTelegramId: bigint({ mode: 'number' }),
    role: text(),
    clientId: integer(),
    subscriberId: integer(),
    action: text().notNull(),
    before: jsonb(),
    after: jsonb(),
  },
  (t) => [index('audit_log_client').on(t.clientId, t.at), index('audit_log_action').on(t.action, t.at)],
);

/** One-time confirmation nonces and update ids already acted on (R-IDEMP). */
export const idempotencyKeys = pgTable('idempotency_keys', {
  key: text().primaryKey(),
  result: jsonb(),
  createdAt: timestamp({ withTimezone: true }).notNull(),
});
