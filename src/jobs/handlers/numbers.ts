// «Смена номера» background work: a daily job frees the numbers whose quarantine has ended (R-NUM-OFFER),
// so they can be offered again. A change books the run for its quarantine's end; each run books the
// next day; the composition root books one at start-up (for quarantined numbers that came with the data).
import type { Executor } from '../../db/client.js';
import { bookQuarantineRelease, QUARANTINE_RELEASE_JOB, releaseQuarantine } from '../../domain/numbers/quarantine.js';
import { z } from 'zod';
import { defineJob } from '../define.js';
import type { JobHandler } from '../types.js';

export { QUARANTINE_RELEASE_JOB };
const BATCH = 1000;

/** Books the release at the start of the next Minsk day (idempotent per day). */
export async function scheduleQuarantineRelease(db: Executor, now: Date): Promise<void> {
  await bookQuarantineRelease(db, now, now);
}

export const quarantineReleaseHandler: JobHandler = defineJob({
  kind: QUARANTINE_RELEASE_JOB,
  payload: z.object({}),
  async run(_payload, ctx) {
    for (;;) {
      const released = await releaseQuarantine(ctx.deps, BATCH);
      if (released.length > 0) ctx.logger.info({ released: released.length }, 'numbers left quarantine');
      if (released.length < BATCH) break;
      await ctx.heartbeat();
    }
    await scheduleQuarantineRelease(ctx.deps.db, ctx.deps.clock.now());
  },
});

export const numberJobHandlers: JobHandler[] = [quarantineReleaseHandler];
