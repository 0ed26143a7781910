// The operator's catalog: tariff plans and the changes allowed between them, services
// (additional services, mobile-internet packages, the voicemail package) and settings texts.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, integer, pgEnum, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const tariffPlans = pgTable(
  'tariff_plans',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    code: text().notNull().unique(),
    name: text().notNull(),
    description: text().notNull().default(''),
    /** Kopecks per month. */
    monthlyFee: bigint({ mode: 'number' }).notNull(),
    /** A closed plan is never offered in «Смена ТП» (R-TARIFF). */
    openForChange: boolean().notNull().default(true),
  },
  (t) => [check('tariff_plans_fee_nonneg', sql`${t.monthlyFee} >= 0`)],
);

/** Directed graph of allowed tariff changes (R-TARIFF). */
export const tariffTransitions = pgTable(
  'tariff_transitions',
  {
    fromPlanId: integer()
      .notNull()
      .references(() => tariffPlans.id, { onDelete: 'cascade' }),
    toPlanId: integer()
      .notNull()
      .references(() => tariffPlans.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.fromPlanId, t.toPlanId] }),
    check('tariff_transitions_not_self', sql`${t.fromPlanId} <> ${t.toPlanId}`),
  ],
);

export const serviceKind = pgEnum('service_kind', ['additional', 'mobile_internet', 'voicemail']);

export const services = pgTable(
  'services',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    code: text().notNull().unique(),
    kind: serviceKind().notNull(),
    name: text().notNull(),
    description: text().notNull().default(''),
    /** Kopecks, debited once on connection (R-FEE). */
    connectFee: bigint({ mode: 'number' }).notNull().default(0),
    /** Kopecks per month. */
    monthlyFee: bigint({ mode: 'number' }).notNull().default(0),
    /** Mobile-internet packages only. */
    volumeMb: integer(),
  },
  (t) => [check('services_fees_nonneg', sql`${t.connectFee} >= 0 and ${t.monthlyFee} >= 0`)],
);

/** Which services a tariff plan allows (R-SVC, R-MI): a service not listed for a plan cannot be connected on it. */
export const tariffServices = pgTable(
  'tariff_services',
  {
    tariffPlanId: integer()
      .notNull()
      .references(() => tariffPlans.id, { onDelete: 'cascade' }),
    serviceId: integer()
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.tariffPlanId, t.serviceId] })],
);

/** Mutually exclusive services; stored once per pair with serviceAId < serviceBId. */
export const serviceExclusions = pgTable(
  'service_exclusions',
  {
    serviceAId: integer()
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    serviceBId: integer()
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.serviceAId, t.serviceBId] }),
    check('service_exclusions_ordered', sql`${t.serviceAId} < ${t.serviceBId}`),
  ],
);

export const settingsKind = pgEnum('settings_kind', ['internet', 'mms', 'video']);

/** «Настройки» texts (R-SETTINGS). */
export const settingsTexts = pgTable('settings_texts', {
  kind: settingsKind().primaryKey(),
  title: text().notNull(),
  body: text().notNull(),
});
