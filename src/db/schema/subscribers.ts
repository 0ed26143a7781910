// Subscribers (one phone number each) and the state of their mobile services:
// connected services, call forwarding, voicemail e-mail, pauses.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { services, tariffPlans } from './catalog.js';
import { clients, personalAccounts } from './clients.js';

/** «Пауза» is not a status: it is derived from the pauses table for a given day (R-PAUSE). */
export const subscriberStatus = pgEnum('subscriber_status', ['active', 'blocked', 'terminated']);

export const subscribers = pgTable(
  'subscribers',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer()
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    personalAccountId: integer()
      .notNull()
      .references(() => personalAccounts.id),
    /** `375XXXXXXXXX` (R-PHONE). */
    msisdn: text().notNull(),
    fullName: text().notNull(),
    /** The name shown in the client's lists and bill; changed by «Переименование абонента». */
    displayName: text().notNull(),
    tariffPlanId: integer()
      .notNull()
      .references(() => tariffPlans.id),
    /** Kopecks (R-MONEY). */
    balance: bigint({ mode: 'number' }).notNull().default(0),
    status: subscriberStatus().notNull().default('active'),
    cugName: text(),
    /** PIN1/PUK1/PIN2/PUK2 as AES-256-GCM ciphertext (R-SUB-INFO); never logged. */
    simCodesEncrypted: text(),
    /** The operator's own id of the subscriber's contract (R-API-UPSERT, R-RECYCLE); null for rows made in the bot. */
    operatorContract: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('subscribers_msisdn_live').on(t.msisdn).where(sql`${t.status} <> 'terminated'`),
    // Subscriber search is always led by the client (R-SCOPE); prefix masks use text_pattern_ops, and the
    // list is ordered by it. Migration 0003 gives both INCLUDE (id, msisdn, status, display_name), which
    // drizzle cannot declare: a page is an index-only scan (src/domain/subscribers/search.ts, bench/).
    index('subscribers_client_msisdn').on(t.clientId, t.msisdn.op('text_pattern_ops')),
    index('subscribers_client_msisdn_rev').on(t.clientId, sql`reverse(${t.msisdn}) text_pattern_ops`),
    // An inner run of four or more fixed digits (`%1234%`): pg_trgm, created by migration 0003.
    index('subscribers_msisdn_trgm').using('gin', t.msisdn.op('gin_trgm_ops')),
    index('subscribers_account').on(t.personalAccountId, t.msisdn),
    check('subscribers_msisdn_format', sql`${t.msisdn} ~ '^375[0-9]{9}$'`),
    check('subscribers_display_name_len', sql`char_length(${t.displayName}) between 1 and 64`),
  ],
);

export const subscriberServices = pgTable(
  'subscriber_services',
  {
    subscriberId: integer()
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    serviceId: integer()
      .notNull()
      .references(() => services.id),
    connectedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.subscriberId, t.serviceId] })],
);

export const forwardCondition = pgEnum('forward_condition', ['unconditional', 'busy', 'no_reply', 'unreachable']);

/** One row per active forwarding condition (R-FWD). */
export const callForwarding = pgTable(
  'call_forwarding',
  {
    subscriberId: integer()
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    condition: forwardCondition().notNull(),
    /** International format digits without '+'. */
    target: text().notNull(),
    /** Only for «нет ответа»: 5–30 s in steps of 5. */
    delaySeconds: integer(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.subscriberId, t.condition] }),
    check(
      'call_forwarding_delay',
      sql`(${t.condition} = 'no_reply' and ${t.delaySeconds} between 5 and 30 and ${t.delaySeconds} % 5 = 0) or (${t.condition} <> 'no_reply' and ${t.delaySeconds} is null)`,
    ),
    check('call_forwarding_target', sql`${t.target} ~ '^[1-9][0-9]{7,14}$'`),
  ],
);

/** Voicemail «Плюс» duplicate e-mail (R-VM); the package itself is a subscriber service. */
export const voicemailSettings = pgTable('voicemail_settings', {
  subscriberId: integer()
    .primaryKey()
    .references(() => subscribers.id, { onDelete: 'cascade' }),
  email: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
});

/** «Пауза» windows (R-PAUSE): inclusive dates in Europe/Minsk. */
export const pauses = pgTable(
  'pauses',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    subscriberId: integer()
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    /** Set when the pause is ended early: the last day it was in force is the day before. */
    endedOn: date(),
    fee: bigint({ mode: 'number' }).notNull(),
    /** The day-before notice was sent. */
    noticeSent: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('pauses_subscriber').on(t.subscriberId, t.startsOn),
    check('pauses_window', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);
