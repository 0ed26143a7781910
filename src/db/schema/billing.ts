// Money: payments, invoices and their orders, the e-mail outbox, installments, charges,
// call/SMS records and the tariff-change log.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { tariffPlans } from './catalog.js';
import { clients } from './clients.js';
import { subscribers } from './subscribers.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const paymentStatus = pgEnum('payment_status', ['unconfirmed', 'confirmed']);

export const payments = pgTable(
  'payments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer()
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    documentNumber: text().notNull(),
    paidOn: date().notNull(),
    amount: bigint({ mode: 'number' }).notNull(),
    status: paymentStatus().notNull().default('unconfirmed'),
    registeredByTelegramId: bigint({ mode: 'number' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    confirmedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique('payments_client_document').on(t.clientId, t.documentNumber),
    index('payments_client_date').on(t.clientId, t.paidOn, t.id),
    check('payments_amount_positive', sql`${t.amount} > 0`),
  ],
);

export const invoices = pgTable(
  'invoices',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer()
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    /** First day of the billed month. */
    period: date().notNull(),
    number: text().notNull(),
    amount: bigint({ mode: 'number' }).notNull(),
    vat: bigint({ mode: 'number' }).notNull(),
    paid: boolean().notNull().default(false),
    issuedAt: timestamp({ withTimezone: true }).notNull(),
    /** Set by the operator when this invoice is due on another day than INVOICE_DUE_DAY of the next month. */
    dueDate: date(),
  },
  (t) => [unique('invoices_client_period').on(t.clientId, t.period)],
);

export const invoiceLines = pgTable('invoice_lines', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  invoiceId: integer()
    .notNull()
    .references(() => invoices.id, { onDelete: 'cascade' }),
  position: integer().notNull(),
  description: text().notNull(),
  amount: bigint({ mode: 'number' }).notNull(),
});

export const invoiceDelivery = pgEnum('invoice_delivery', ['email', 'download']);

export const invoiceOrders = pgTable('invoice_orders', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  invoiceId: integer()
    .notNull()
    .references(() => invoices.id, { onDelete: 'cascade' }),
  clientId: integer()
    .notNull()
    .references(() => clients.id, { onDelete: 'cascade' }),
  delivery: invoiceDelivery().notNull(),
  email: text(),
  chatId: bigint({ mode: 'number' }),
  status: text().notNull().default('pending'),
  requestedByTelegramId: bigint({ mode: 'number' }),
  createdAt: timestamp({ withTimezone: true }).notNull(),
  doneAt: timestamp({ withTimezone: true }),
});

/** Mail waits here until it is sent (or forever, when no SMTP_URL is configured). */
export const outboxEmails = pgTable('outbox_emails', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  recipient: text().notNull(),
  subject: text().notNull(),
  body: text().notNull(),
  attachmentName: text(),
  attachment: bytea(),
  status: text().notNull().default('queued'),
  attempts: integer().notNull().default(0),
  lastError: text(),
  createdAt: timestamp({ withTimezone: true }).notNull(),
  sentAt: timestamp({ withTimezone: true }),
});

/** Equipment bought in installments (R-INSTALL); subscriberId set when bought for one number. */
export const installments = pgTable('installments', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  clientId: integer()
    .notNull()
    .references(() => clients.id, { onDelete: 'cascade' }),
  subscriberId: integer().references(() => subscribers.id, { onDelete: 'cascade' }),
  item: text().notNull(),
  totalPayments: integer().notNull(),
  remainingPayments: integer().notNull(),
  monthlyPayment: bigint({ mode: 'number' }).notNull(),
  payoffDate: date().notNull(),
  remainingSum: bigint({ mode: 'number' }).notNull(),
});

export const chargeKind = pgEnum('charge_kind', ['subscription', 'service', 'usage', 'fee']);

/** Lines of «Начисления за период» (R-CHARGES); `period` is the first day of the month. */
export const charges = pgTable(
  'charges',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    subscriberId: integer()
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    period: date().notNull(),
    chargedOn: date().notNull(),
    kind: chargeKind().notNull(),
    /** The line in Russian; what a user reads when the line has no text code. */
    description: text().notNull(),
    /** What the line says, for each language (src/domain/charge-texts.ts); null for older and billing rows. */
    textCode: text(),
    textParams: jsonb(),
    /** Kopecks, VAT included. */
    amount: bigint({ mode: 'number' }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('charges_subscriber_period').on(t.subscriberId, t.period)],
);

export const usageKind = pgEnum('usage_kind', ['call_out', 'call_in', 'sms_out', 'sms_in']);

/** Calls and SMS for «Просмотр детализации» (R-DETAIL). */
export const usageRecords = pgTable(
  'usage_records',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    subscriberId: integer()
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    kind: usageKind().notNull(),
    otherParty: text().notNull(),
    /** Seconds for calls, 1 for an SMS. */
    quantity: integer().notNull(),
    /** Kopecks with 4 decimals of a rate already applied, rounded to the kopeck. */
    cost: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('usage_records_subscriber_time').on(t.subscriberId, t.occurredAt)],
);

/** Tariff changes, for «one change per day» and «first change in a month» (R-TARIFF). */
export const tariffChanges = pgTable(
  'tariff_changes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    subscriberId: integer()
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    fromPlanId: integer()
      .notNull()
      .references(() => tariffPlans.id),
    toPlanId: integer()
      .notNull()
      .references(() => tariffPlans.id),
    /** Europe/Minsk date of the change. */
    day: date().notNull(),
    fee: bigint({ mode: 'number' }).notNull(),
    changedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [unique('tariff_changes_one_per_day').on(t.subscriberId, t.day)],
);
