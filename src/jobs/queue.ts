// Job rows in Postgres (ARCHITECTURE.md, Background work): enqueued inside the domain change's own
// transaction, claimed with FOR UPDATE SKIP LOCKED so several processes share the work, and retried
// with backoff. A claim expires, so a killed worker's job is taken again by the next one.
import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
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

/**
 * Claims up to `limit` due jobs of the given kinds for `workerId` until `lockedUntil`. A running job
 * whose claim expired (its worker died) is due again.
 */
export async function claimJobs(
  db: Executor,
  opts: { kinds: string[]; workerId: string; now: Date; lockMs: number; limit: number },
): Promise<JobRow[]> {
  if (opts.kinds.length === 0) return [];
  const lockedUntil = new Date(opts.now.getTime() + opts.lockMs);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          inArray(jobs.kind, opts.kinds),
          or(
            and(eq(jobs.status, 'pending'), lte(jobs.runAt, opts.now)),
            and(eq(jobs.status, 'running'), lte(jobs.lockedUntil, opts.now)),
          ),
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

/** A failed attempt: retried after an exponential backoff, or marked failed after `maxAttempts`. */
export async function failJob(
  db: Executor,
  job: JobRow,
  workerId: string,
  now: Date,
  error: string,
  maxAttempts: number,
): Promise<void> {
  const final = job.attempts >= maxAttempts;
  const backoffMs = Math.min(60 * 60_000, 5_000 * 2 ** Math.max(0, job.attempts - 1));
  await db
    .update(jobs)
    .set({
      status: final ? 'failed' : 'pending',
      runAt: final ? job.runAt : new Date(now.getTime() + backoffMs),
      lastError: error.slice(0, 2000),
      lockedBy: null,
      lockedUntil: null,
      dedupeKey: final ? null : job.dedupeKey,
    })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId)));
}

/** Jobs waiting or running, for metrics. */
export async function jobBacklog(db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(jobs)
    .where(inArray(jobs.status, ['pending', 'running']));
  return Number(row?.n ?? 0);
}
