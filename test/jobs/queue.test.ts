import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { jobs } from '../../src/db/schema/index.js';
import { claimJobs, completeJob, enqueueJob, extendClaim, failJob } from '../../src/jobs/queue.js';
import { JobRunner } from '../../src/jobs/runner.js';
import type { JobHandler, Notifier } from '../../src/jobs/types.js';
import { createLogger } from '../../src/logger.js';
import { createTestDeps } from '../helpers/deps.js';

const deps = await createTestDeps('2026-11-10T10:00');
const logger = createLogger('silent');
const notifier: Notifier = {
  sendText: async () => undefined,
  editText: async () => {},
  sendDocument: async () => undefined,
  deleteMessage: async () => {},
};
const tick = () => new Promise<void>((r) => setTimeout(r, 2));
let kindSeq = 0;
const freshKind = () => `test.kind${++kindSeq}`;

async function jobRow(id: number) {
  const [row] = await deps.db.select().from(jobs).where(eq(jobs.id, id));
  return row!;
}

describe('R-TX background work: job rows are claimed, completed, retried with backoff', () => {
  it('claims a due job once, completes it, and ignores a job not yet due', async () => {
    const kind = freshKind();
    const now = deps.clock.now();
    const due = (await enqueueJob(deps.db, kind, { a: 1 }, now))!;
    const later = (await enqueueJob(deps.db, kind, {}, now, { runAt: new Date(now.getTime() + 60_000) }))!;
    const claimed = await claimJobs(deps.db, { kinds: [kind], workerId: 'w1', now, lockMs: 30_000, limit: 10 });
    expect(claimed.map((j) => j.id)).toEqual([due]);
    expect(claimed[0]).toMatchObject({ status: 'running', lockedBy: 'w1', attempts: 1, payload: { a: 1 } });
    expect(await claimJobs(deps.db, { kinds: [kind], workerId: 'w2', now, lockMs: 30_000, limit: 10 })).toEqual([]);
    await completeJob(deps.db, due, 'w1', now);
    expect(await jobRow(due)).toMatchObject({ status: 'done', lockedBy: null });
    expect((await jobRow(later)).status).toBe('pending');
  });

  it('a dedupe key holds one waiting job; after it is done the key is free again', async () => {
    const kind = freshKind();
    const now = deps.clock.now();
    const first = await enqueueJob(deps.db, kind, {}, now, { dedupeKey: `${kind}:x` });
    expect(await enqueueJob(deps.db, kind, {}, now, { dedupeKey: `${kind}:x` })).toBeNull();
    const [job] = await claimJobs(deps.db, { kinds: [kind], workerId: 'w', now, lockMs: 1000, limit: 1 });
    await completeJob(deps.db, job!.id, 'w', now);
    expect(first).toBe(job!.id);
    expect(await enqueueJob(deps.db, kind, {}, now, { dedupeKey: `${kind}:x` })).not.toBeNull();
  });

  it('a failed attempt waits 5 s, then 10 s; after the last attempt the job is failed', async () => {
    const kind = freshKind();
    const now = deps.clock.now();
    const id = (await enqueueJob(deps.db, kind, {}, now))!;
    const [a1] = await claimJobs(deps.db, { kinds: [kind], workerId: 'w', now, lockMs: 1000, limit: 1 });
    await failJob(deps.db, a1!, 'w', now, 'boom', 3);
    expect(await jobRow(id)).toMatchObject({
      status: 'pending',
      lastError: 'boom',
      runAt: new Date(now.getTime() + 5000),
    });
    expect(
      await claimJobs(deps.db, {
        kinds: [kind],
        workerId: 'w',
        now: new Date(now.getTime() + 4999),
        lockMs: 1000,
        limit: 1,
      }),
    ).toEqual([]);
    const [a2] = await claimJobs(deps.db, {
      kinds: [kind],
      workerId: 'w',
      now: new Date(now.getTime() + 5000),
      lockMs: 1000,
      limit: 1,
    });
    await failJob(deps.db, a2!, 'w', new Date(now.getTime() + 5000), 'boom', 3);
    expect((await jobRow(id)).runAt).toEqual(new Date(now.getTime() + 15_000));
    const [a3] = await claimJobs(deps.db, {
      kinds: [kind],
      workerId: 'w',
      now: new Date(now.getTime() + 15_000),
      lockMs: 1000,
      limit: 1,
    });
    expect(a3!.attempts).toBe(3);
    await failJob(deps.db, a3!, 'w', new Date(now.getTime() + 15_000), 'boom', 3);
    expect((await jobRow(id)).status).toBe('failed');
  });

  it('an expired claim (its worker died) is taken again; the dead worker can no longer complete or extend it', async () => {
    const kind = freshKind();
    const now = deps.clock.now();
    const id = (await enqueueJob(deps.db, kind, {}, now))!;
    await claimJobs(deps.db, { kinds: [kind], workerId: 'dead', now, lockMs: 30_000, limit: 1 });
    expect(
      await claimJobs(deps.db, {
        kinds: [kind],
        workerId: 'next',
        now: new Date(now.getTime() + 29_999),
        lockMs: 30_000,
        limit: 1,
      }),
    ).toEqual([]);
    const [retaken] = await claimJobs(deps.db, {
      kinds: [kind],
      workerId: 'next',
      now: new Date(now.getTime() + 30_000),
      lockMs: 30_000,
      limit: 1,
    });
    expect(retaken).toMatchObject({ id, lockedBy: 'next', attempts: 2 });
    expect(await extendClaim(deps.db, id, 'dead', new Date(now.getTime() + 99_000))).toBe(false);
    await completeJob(deps.db, id, 'dead', now);
    expect((await jobRow(id)).status).toBe('running');
    await completeJob(deps.db, id, 'next', now);
    expect((await jobRow(id)).status).toBe('done');
  });
});

describe('R-TX background work: runners', () => {
  it('two runners share the jobs without overlap: every job runs once, both run some', async () => {
    const kind = freshKind();
    const ran: { id: number; worker: string }[] = [];
    const make = (worker: string): JobHandler => ({
      kind,
      async run(payload) {
        await tick();
        ran.push({ id: Number(payload.n), worker });
      },
    });
    for (let n = 0; n < 40; n++) await enqueueJob(deps.db, kind, { n }, deps.clock.now());
    const a = new JobRunner({ deps, notifier, logger, handlers: [make('a')], batch: 3, workerId: 'a' });
    const b = new JobRunner({ deps, notifier, logger, handlers: [make('b')], batch: 3, workerId: 'b' });
    const [ca, cb] = await Promise.all([a.runDue(), b.runDue()]);
    expect(ca + cb).toBe(40);
    expect(ran.map((r) => r.id).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(ran.filter((r) => r.worker === 'a').length).toBeGreaterThan(0);
    expect(ran.filter((r) => r.worker === 'b').length).toBeGreaterThan(0);
  });

  it('a runner never started runs every due job; a throwing handler is retried later, not lost', async () => {
    const kind = freshKind();
    let failedOnce = false;
    const handler: JobHandler = {
      kind,
      async run(payload) {
        if (payload.fail && !failedOnce) {
          failedOnce = true;
          throw new Error('transient');
        }
      },
    };
    for (let n = 0; n < 5; n++) await enqueueJob(deps.db, kind, { fail: n === 0 }, deps.clock.now());
    const runner = new JobRunner({ deps, notifier, logger, handlers: [handler], batch: 10 });
    expect(await runner.runDue()).toBe(5);
    const rows = await deps.db.select().from(jobs).where(eq(jobs.kind, kind));
    expect(rows.filter((r) => r.status === 'done')).toHaveLength(4);
    const failed = rows.find((r) => r.status === 'pending')!;
    expect(failed.lastError).toBe('transient');
    deps.clock.advance(5000);
    expect(await runner.runDue()).toBe(1);
    expect((await jobRow(failed.id)).status).toBe('done');
  });

  it('stopping gives back the claimed jobs it had not started', async () => {
    const kind = freshKind();
    let runner: JobRunner | undefined;
    const handler: JobHandler = {
      kind,
      async run() {
        await runner!.stop();
      },
    };
    for (let n = 0; n < 3; n++) await enqueueJob(deps.db, kind, {}, deps.clock.now());
    runner = new JobRunner({ deps, notifier, logger, handlers: [handler], batch: 3 });
    expect(await runner.runDue()).toBe(1);
    const rows = await deps.db.select().from(jobs).where(eq(jobs.kind, kind));
    expect(rows.map((r) => r.status).sort()).toEqual(['done', 'pending', 'pending']);
    expect(rows.filter((r) => r.status === 'pending').every((r) => r.attempts === 0 && r.lockedBy === null)).toBe(true);
  });
});
