// R-PAUSE background work: the day-before notice and the natural end of each pause (jobs enqueued by
// startPause), plus a daily sweep that catches pauses without jobs of their own (seeded, or lost).
import { catalogs, langOf } from '../../bot/texts/index.js';
import * as fmt from '../../bot/format.js';
import type { Executor } from '../../db/client.js';
import { today } from '../../domain/clock.js';
import {
  finishPause,
  PAUSE_FINISH_JOB,
  PAUSE_NOTICE_JOB,
  PAUSE_SWEEP_JOB,
  type PauseNotice,
  pauseNoticeAt,
  pausesNeedingAttention,
  sendPauseNotice,
} from '../../domain/services/pause-lifecycle.js';
import { addDays, minskDate } from '../../domain/time.js';
import { z } from 'zod';
import { defineJob } from '../define.js';
import { enqueueJob } from '../queue.js';
import type { JobContext, JobHandler } from '../types.js';

/** Sends one text per recipient; a recipient who blocked the bot or whose send fails is logged, not retried
 * (a retry would repeat the notice to the others: «once» wins over «surely»). */
function deliver(ctx: JobContext, kind: 'notice' | 'finished') {
  return async (n: PauseNotice) => {
    const activeFrom = fmt.date(addDays(n.endsOn, 1));
    for (const r of n.recipients) {
      const t = catalogs[langOf(r.languageCode ?? undefined)].services.pauseJobs;
      const text =
        kind === 'notice'
          ? t.notice(fmt.phone(n.msisdn), fmt.date(n.endsOn), activeFrom)
          : t.finished(fmt.phone(n.msisdn), activeFrom);
      try {
        await ctx.notifier.sendText(r.telegramId, text);
      } catch (error) {
        ctx.logger.warn({ err: error, pauseId: n.pauseId, kind }, 'pause notice not delivered');
      }
    }
  };
}

/** The pause, and who started it (told besides the number's own user). */
const pausePayload = z.object({
  pauseId: z.number().int().positive(),
  requestedBy: z
    .number()
    .int()
    .nullish()
    .transform((v) => v ?? null),
});

export const pauseNoticeHandler: JobHandler = defineJob({
  kind: PAUSE_NOTICE_JOB,
  payload: pausePayload,
  async run({ pauseId, requestedBy }, ctx) {
    await sendPauseNotice(ctx.deps, pauseId, requestedBy, deliver(ctx, 'notice'));
  },
});

export const pauseFinishHandler: JobHandler = defineJob({
  kind: PAUSE_FINISH_JOB,
  payload: pausePayload,
  async run({ pauseId, requestedBy }, ctx) {
    // 'notYet' only under a clock that moved back; the daily sweep records it later.
    await finishPause(ctx.deps, pauseId, requestedBy, deliver(ctx, 'finished'));
  },
});

/**
 * Enqueues the sweep of `day` at that day's notice hour, or now when that hour has passed (idempotent
 * while one is pending). The composition root calls it at start-up with today; each sweep books the next.
 */
export async function schedulePauseSweep(db: Executor, now: Date, day = minskDate(now)): Promise<void> {
  const at = pauseNoticeAt(addDays(day, 1));
  const runAt = at > now ? at : now;
  await enqueueJob(db, PAUSE_SWEEP_JOB, { day }, now, { runAt, dedupeKey: `${PAUSE_SWEEP_JOB}:${day}` });
}

export const pauseSweepHandler: JobHandler = defineJob({
  kind: PAUSE_SWEEP_JOB,
  payload: z.object({ day: z.string().optional() }),
  async run(_payload, ctx) {
    const day = today(ctx.deps.clock);
    const due = await pausesNeedingAttention(ctx.deps.db, day);
    for (const id of due.notices) await sendPauseNotice(ctx.deps, id, null, deliver(ctx, 'notice'));
    for (const id of due.finishes) await finishPause(ctx.deps, id, null, deliver(ctx, 'finished'));
    // Tomorrow's sweep, at the notice hour.
    await schedulePauseSweep(ctx.deps.db, ctx.deps.clock.now(), addDays(day, 1));
  },
});

export const pauseJobHandlers: JobHandler[] = [pauseNoticeHandler, pauseFinishHandler, pauseSweepHandler];
