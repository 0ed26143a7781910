// R-NUM-OFFER: a number leaves quarantine when its time is over and can be offered again. Called by
// the job runner (a daily job, booked when a number enters quarantine and by each run for the next day);
// batched and SKIP LOCKED so several workers never collide.
import { sql } from 'drizzle-orm';
import { type Executor, rawRows } from '../../db/client.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import type { DomainDeps } from '../deps.js';
import { addDays, minskDate, startOfMinskDay } from '../time.js';

const WORKER: Actor = { kind: 'system', name: 'worker' };

/** The job kind of the release (src/jobs/handlers/numbers.ts runs it). */
export const QUARANTINE_RELEASE_JOB = 'numbers.quarantineRelease';

/**
 * Books a release run at the start of the Minsk day after `at` — keyed by that day, so booking it again
 * (several numbers, several processes, a run booking its successor) leaves one job.
 */
export async function bookQuarantineRelease(tx: Executor, now: Date, at: Date): Promise<void> {
  const day = addDays(minskDate(at), 1);
  await enqueueJob(tx, QUARANTINE_RELEASE_JOB, {}, now, {
    runAt: startOfMinskDay(day),
    dedupeKey: `${QUARANTINE_RELEASE_JOB}:${day}`,
  });
}

/** Frees up to `batch` numbers whose quarantine has ended; returns them. Call again while it returns a full batch. */
export async function releaseQuarantine(deps: DomainDeps, batch = 1000, actor: Actor = WORKER): Promise<string[]> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const rows = await rawRows<{ msisdn: string }>(
      tx,
      sql`update number_pool set status = 'free', quarantine_until = null
        where msisdn in (
          select msisdn from number_pool
          where status = 'quarantine' and quarantine_until <= ${now.toISOString()}::timestamptz
          order by quarantine_until limit ${batch}
          for update skip locked)
        returning msisdn`,
    );
    const released = rows.map((r) => r.msisdn);
    if (released.length > 0) await audit(tx, actor, now, { action: 'numbers.quarantineRelease', after: { released } });
    return released;
  });
}
