// Job rows in Postgres (ARCHITECTURE.md, Background work): enqueued inside the domain change's own
// transaction, claimed with FOR UPDATE SKIP LOCKED so several processes share the work, and retried
// with backoff. A claim expires, so a killed worker's job is taken again by the next one — at most
// `maxClaims` times in all: a job that kills its process is not taken again forever.
import { and, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { jobs } from '../db/schema/index.js';
import type { JobPayload } from './types.js';

export type JobRow = typeof jobs.$inferSelect;

export interface EnqueueOptions {
  runAt: Date;
  /** At most one pending/running job per key; a second enqueue with the key is ignored. */
  dedupeKey?: string;
}

/** Adds a job; call with the transaction of the change that needs it. */
export async function enqueueJob(
  tx: Executor,
  kind: string,
  payload: JobPayload,
  at: Date,
  options: Partial<EnqueueOptions> = {},
): Promise<number | null> {
  const rows = await tx
    .insert(jobs)
    .values({ kind, payload, runAt: options.runAt ?? at, createdAt: at, dedupeKey: options.dedupeKey ?? null })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  return rows[0]?.id ?? null;
}

/** Due jobs of these kinds: pending and due, or running with an expired claim (its worker died). */
function dueCondition(kinds: string[], now: Date) {
  return and(
    inArray(jobs.kind, kinds),
    or(
      and(eq(jobs.status, 'pending'), lte(jobs.runAt, now)),
      and(eq(jobs.status, 'running'), lte(jobs.lockedUntil, now)),
    ),
  );
}

export const CLAIMS_EXHAUSTED = 'claimed too often without finishing (its process died each time?)';

/**
 * Marks failed the due jobs that were already claimed `maxClaims` times: their handler never finished,
 * so taking them again would only repeat what killed the process. Returns them (for metrics and owners).
 */
export async function failExhaustedJobs(
  db: Executor,
  opts: { kinds: string[]; now: Date; maxClaims: number },
): Promise<JobRow[]> {
  if (opts.kinds.length === 0) return [];
  return db
    .update(jobs)
    .set({
      status: 'failed',
      lastError: sql`coalesce(${jobs.lastError} || ' · ', '') || ${CLAIMS_EXHAUSTED}`,
      lockedBy: null,
      lockedUntil: null,
      dedupeKey: null,
    })
    .where(and(dueCondition(opts.kinds, opts.now), gte(jobs.attempts, opts.maxClaims)))
    .returning();
}

/**
 * Claims up to `limit` due jobs of the given kinds for `workerId` until `lockedUntil`. A running job
 * whose claim expired (its worker died) is due again. With `maxClaims`, a job claimed that often already
 * is left for failExhaustedJobs.
 */
export async function claimJobs(
  db: Executor,
  opts: { kinds: string[]; workerId: string; now: Date; lockMs: number; limit: number; maxClaims?: number },
): Promise<JobRow[]> {
  if (opts.kinds.length === 0) return [];
  const lockedUntil = new Date(opts.now.getTime() + opts.lockMs);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          dueCondition(opts.kinds, opts.now),
          opts.maxClaims === undefined ? undefined : lt(jobs.attempts, opts.maxClaims),
        ),
      )
      .orderBy(jobs.runAt, jobs.id)
      .limit(opts.limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(jobs)
      .set({ status: 'running', lockedBy: opts.workerId, lockedUntil, attempts: sql`${jobs.attempts} + 1` })
      .where(
        inArray(
          jobs.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

/** Extends a claim; false if the job is no longer ours (another worker took it after our claim expired). */
export async function extendClaim(db: Executor, id: number, workerId: string, lockedUntil: Date): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ lockedUntil })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Gives back a claimed job that was never started (the runner is stopping), so another worker takes it now. */
export async function releaseJob(db: Executor, id: number, workerId: string): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'pending', lockedBy: null, lockedUntil: null, attempts: sql`greatest(${jobs.attempts} - 1, 0)` })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')));
}

export async function completeJob(db: Executor, id: number, workerId: string, now: Date): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'done', doneAt: now, lockedBy: null, lockedUntil: null, dedupeKey: null })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId)));
}

/**
 * A failed attempt: retried after an exponential backoff, or marked failed after `maxAttempts` (or at
 * once when `final`). Returns true when the job is now failed.
 */
export async function failJob(
  db: Executor,
  job: JobRow,
  workerId: string,
  now: Date,
  error: string,
  maxAttempts: number,
  options: { final?: boolean } = {},
): Promise<boolean> {
  const final = options.final === true || job.attempts >= maxAttempts;
  const backoffMs = Math.min(60 * 60_000, 5_000 * 2 ** Math.max(0, job.attempts - 1));
  const rows = await db
    .update(jobs)
    .set({
      status: final ? 'failed' : 'pending',
      runAt: final ? job.runAt : new Date(now.getTime() + backoffMs),
      lastError: error.slice(0, 2000),
      lockedBy: null,
      lockedUntil: null,
      dedupeKey: final ? null : job.dedupeKey,
    })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId)))
    .returning({ id: jobs.id });
  return final && rows.length > 0;
}

/** Jobs waiting or running, for metrics. */
export async function jobBacklog(db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(jobs)
    .where(inArray(jobs.status, ['pending', 'running']));
  return Number(row?.n ?? 0);
}
