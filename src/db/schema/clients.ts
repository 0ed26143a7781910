// Corporate clients, their bank accounts and personal accounts (лицевые счета).
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgEnum, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';

export const paymentForm = pgEnum('payment_form', ['advance', 'credit']);
export const clientStatus = pgEnum('client_status', ['active', 'suspended', 'closed']);
export const billDelivery = pgEnum('bill_delivery', ['email', 'post', 'portal']);

export const clients = pgTable(
  'clients',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    unp: text().notNull().unique(),
    okpo: text(),
    legalAddress: text(),
    status: clientStatus().notNull().default('active'),
    paymentForm: paymentForm().notNull(),
    /** Kopecks; only meaningful for credit clients (R-FEE). */
    creditLimit: bigint({ mode: 'number' }).notNull().default(0),
    /** Kopecks. */
    balance: bigint({ mode: 'number' }).notNull().default(0),
    contractNumber: text().notNull(),
    contractDate: date().notNull(),
    billDeliveryMethod: billDelivery().notNull().default('email'),
    billDeliveryAddress: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    check('clients_unp_format', sql`${t.unp} ~ '^[0-9A-Z]{9}$'`),
    check('clients_credit_limit_nonneg', sql`${t.creditLimit} >= 0`),
  ],
);

export const bankAccounts = pgTable(
  'bank_accounts',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer()
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    iban: text().notNull(),
    bankName: text().notNull(),
    bic: text().notNull(),
  },
  (t) => [
    unique('bank_accounts_client_iban').on(t.clientId, t.iban),
    check('bank_accounts_iban_format', sql`${t.iban} ~ '^BY[0-9]{2}[0-9A-Z]{24}$'`),
  ],
);

export const personalAccounts = pgTable(
  'personal_accounts',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer()
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    number: text().notNull().unique(),
    name: text().notNull(),
  },
  (t) => [index('personal_accounts_client').on(t.clientId)],
);
