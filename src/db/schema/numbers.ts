// «Смена номера»: number categories with their patterns, the number pool with reservations
// and quarantine, search attempts, requests and completed changes.
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { subscribers } from './subscribers.js';

export const numberCategories = pgTable(
  'number_categories',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    code: text().notNull().unique(),
    name: text().notNull(),
    nameEn: text().notNull(),
    /** Tested from the highest rank down; the first category with a matching pattern wins (R-NUM-CATEGORY). */
    rank: integer().notNull().unique(),
    /** Kopecks, one-time fee for taking a number of this category. */
    fee: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [check('number_categories_fee_nonneg', sql`${t.fee} >= 0`)],
);

/** Ordered patterns of a category: a regular expression over the last seven digits d1…d7. */
export const numberCategoryPatterns = pgTable(
  'number_category_patterns',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    categoryId: integer()
      .notNull()
      .references(() => numberCategories.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    pattern: text().notNull(),
    description: text().notNull(),
  },
  (t) => [unique('number_category_patterns_order').on(t.categoryId, t.position)],
);

export const poolStatus = pgEnum('pool_status', ['free', 'quarantine', 'taken']);

export const numberPool = pgTable(
  'number_pool',
  {
    /** `375XXXXXXXXX`. */
    msisdn: text().primaryKey(),
    categoryId: integer()
      .notNull()
      .references(() => numberCategories.id),
    status: poolStatus().notNull().default('free'),
    reservedBySubscriberId: integer().references(() => subscribers.id, { onDelete: 'set null' }),
    reservedUntil: timestamp({ withTimezone: true }),
    quarantineUntil: timestamp({ withTimezone: true }),
    /** Uniform in [0,1): offers are scanned from a random point of this key instead of ORDER BY random(). */
    randomKey: doublePrecision().notNull(),
  },
  (t) => [
    // «Подобрать номер» at millions of numbers (src/domain/numbers/offer-query.ts): only free numbers are
    // offered, and migration 0003 gives each of these INCLUDE (msisdn, category_id, random_key,
    // reserved_by_subscriber_id, reserved_until) — what drizzle cannot declare — so every search shape
    // is an index-only scan instead of a heap fetch per number looked at (bench/, BENCHMARKS.md).
    index('number_pool_category_random').on(t.categoryId, t.randomKey).where(sql`${t.status} = 'free'`),
    index('number_pool_random').on(t.randomKey).where(sql`${t.status} = 'free'`),
    index('number_pool_msisdn_prefix').on(t.msisdn.op('text_pattern_ops')).where(sql`${t.status} = 'free'`),
    index('number_pool_msisdn_rev').on(sql`reverse(${t.msisdn}) text_pattern_ops`).where(sql`${t.status} = 'free'`),
    // An inner run of five or more fixed digits (`%12345%`): pg_trgm, created by migration 0003.
    index('number_pool_msisdn_trgm').using('gin', t.msisdn.op('gin_trgm_ops')).where(sql`${t.status} = 'free'`),
    // A subscriber's own reservation (at most one) is found without scanning the pool.
    index('number_pool_reserved_by').on(t.reservedBySubscriberId).where(sql`${t.reservedBySubscriberId} is not null`),
    // The quarantine release job reads only numbers in quarantine, by end time.
    index('number_pool_quarantine_until').on(t.quarantineUntil).where(sql`${t.status} = 'quarantine'`),
    check('number_pool_msisdn_format', sql`${t.msisdn} ~ '^375[0-9]{9}$'`),
  ],
);

/** Every «Подобрать номер» press (R-NUM-ATTEMPTS); `day` is the Europe/Minsk date. */
export const numberSearchAttempts = pgTable(
  'number_search_attempts',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    subscriberId: integer()
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    day: date().notNull(),
    mask: text().notNull(),
    categoryId: integer().references(() => numberCategories.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('number_search_attempts_day').on(t.subscriberId, t.day)],
);

/** «Оставить заявку»: the wished mask and category. */
export const numberChangeRequests = pgTable('number_change_requests', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  subscriberId: integer()
    .notNull()
    .references(() => subscribers.id, { onDelete: 'cascade' }),
  mask: text().notNull(),
  categoryId: integer().references(() => numberCategories.id),
  requestedByTelegramId: bigint({ mode: 'number' }),
  status: text().notNull().default('new'),
  createdAt: timestamp({ withTimezone: true }).notNull(),
});

export const numberChanges = pgTable('number_changes', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  subscriberId: integer()
    .notNull()
    .references(() => subscribers.id, { onDelete: 'cascade' }),
  oldMsisdn: text().notNull(),
  newMsisdn: text().notNull(),
  fee: bigint({ mode: 'number' }).notNull(),
  changedAt: timestamp({ withTimezone: true }).notNull(),
});
