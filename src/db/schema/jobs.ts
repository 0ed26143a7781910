// Background work as rows claimed with FOR UPDATE SKIP LOCKED: survives restarts, shared by processes.
import { bigint, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const jobStatus = pgEnum('job_status', ['pending', 'running', 'done', 'failed']);

export const jobs = pgTable(
  'jobs',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Optional de-duplication key: at most one pending or running job per key. */
    dedupeKey: text(),
    runAt: timestamp({ withTimezone: true }).notNull(),
    status: jobStatus().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lockedBy: text(),
    lockedUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    doneAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('jobs_due').on(t.status, t.runAt), uniqueIndex('jobs_dedupe').on(t.dedupeKey)],
);
