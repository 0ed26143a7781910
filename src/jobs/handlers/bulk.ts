// Job handlers of R-BULK: work through a confirmed list a batch of lines at a time (several jobs per list,
// so several processes share it), show progress by editing one message at most once a second, and send
// the result file once every line has its outcome.
import { z } from 'zod';
import { cb } from '../../bot/callback-data.js';
import type { Config } from '../../config.js';
import { listResultXlsx } from '../../documents/list-result-xlsx.js';
import {
  applyNextLines,
  BULK_APPLY_JOB,
  BULK_RESULT_JOB,
  type BatchHook,
  type BulkAction,
  finishServiceList,
  listProgress,
  listResult,
  openServiceList,
} from '../../domain/bulk/index.js';
import { defineJob } from '../define.js';
import type { JobContext, JobHandler } from '../types.js';
import { lineReasonText } from '../../bot/line-reason.js';
import { requesterTexts } from './list-texts.js';
import { renameHandlers } from './renames.js';

export interface BulkHandlerOptions {
  /** Runs in each batch's transaction after its writes; tests inject one that stops a worker half-way. */
  onBatch?: BatchHook;
  /** Lines per transaction (default DEFAULT_BATCH). */
  batch?: number;
  /** Least time between two progress edits of the one message (Telegram: about once a second). */
  progressEveryMs?: number;
  /** Batches one job works on at once, each in its own transaction (1 for PGlite, which has one connection). */
  concurrency?: number;
}

export function makeBulkApplyHandler(options: BulkHandlerOptions = {}): JobHandler {
  const every = options.progressEveryMs ?? 1000;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  return defineJob({
    kind: BULK_APPLY_JOB,
    payload: applyPayload,
    maxAttempts: 10,
    onFailed: ({ listId }, ctx) => tellListFailed(ctx, listId),
    async run({ listId, part }, ctx) {
      const list = await openServiceList(ctx.deps, listId);
      if (!list) return;
      // One job of the list reports progress, so the message is edited by one process only.
      const reports = part === 0;
      let lastEdit = ctx.deps.clock.now().getTime();
      let failure: unknown;
      // Each lane claims its own batches (SKIP LOCKED) in its own transaction; a failing lane stops the others
      // after their current batch, which commits or rolls back whole.
      const lane = async () => {
        while (failure === undefined) {
          const taken = await applyNextLines(ctx.deps, list, { batch: options.batch, onBatch: options.onBatch });
          if (taken === 0) return;
          await ctx.heartbeat();
          const now = ctx.deps.clock.now().getTime();
          if (reports && now - lastEdit >= every) {
            lastEdit = now;
            await showProgress(ctx, listId);
          }
        }
      };
      const results = await Promise.allSettled(
        Array.from({ length: concurrency }, () =>
          lane().catch((error) => {
            failure ??= error;
            throw error;
          }),
        ),
      );
      if (results.some((r) => r.status === 'rejected')) throw failure;
      await finishServiceList(ctx.deps, listId);
    },
  });
}

const applyPayload = z.object({ listId: z.number().int().positive(), part: z.number().int().nonnegative().default(0) });
const resultPayload = z.object({ listId: z.number().int().positive() });

async function showProgress(ctx: JobContext, listId: number): Promise<void> {
  const progress = await listProgress(ctx.deps.db, listId);
  const chatId = progress?.list.chatId;
  const messageId = progress?.list.progressMessageId;
  if (!progress || !chatId || !messageId) return;
  const { list, counts, serviceName: service } = progress;
  const t = await requesterTexts(ctx.deps.db, list.requestedByTelegramId);
  const processed = counts.done + counts.refused;
  try {
    await ctx.notifier.editText(
      chatId,
      messageId,
      t.lists.jobs.progress(service, list.action as BulkAction, processed, processed + counts.pending),
    );
  } catch (error) {
    // Progress is a courtesy: a deleted message or a refused edit must not stop the list.
    ctx.logger.debug({ err: error, listId }, 'progress edit failed');
  }
}

/** A list job failed for good: its administrator is told where the list stopped. */
async function tellListFailed(ctx: JobContext, listId: number): Promise<void> {
  const progress = await listProgress(ctx.deps.db, listId);
  const chatId = progress?.list.chatId;
  if (!progress || !chatId) return;
  const { list, counts, serviceName: service } = progress;
  const t = await requesterTexts(ctx.deps.db, list.requestedByTelegramId);
  const processed = counts.done + counts.refused;
  await ctx.notifier.sendText(
    chatId,
    t.lists.jobs.failed(service, list.action as BulkAction, processed, processed + counts.pending),
  );
}

export function makeBulkResultHandler(): JobHandler {
  return defineJob({
    kind: BULK_RESULT_JOB,
    payload: resultPayload,
    maxAttempts: 8,
    onFailed: ({ listId }, ctx) => tellListFailed(ctx, listId),
    async run({ listId }, ctx) {
      const result = await listResult(ctx.deps.db, listId);
      const chatId = result?.list.chatId;
      if (!result || !chatId) return;
      const { list, counts } = result;
      const t = await requesterTexts(ctx.deps.db, list.requestedByTelegramId);
      const action = list.action as BulkAction;
      const service = result.serviceName ?? '';
      const content = await listResultXlsx({
        sheetName: t.lists.jobs.sheet,
        title: t.lists.jobs.resultTitle(service, action),
        summary: t.lists.jobs.resultSummary(counts.done, counts.refused, counts.invalid),
        columns: t.lists.jobs.resultColumns,
        // The number as plain digits (what a spreadsheet lookup against the sent list matches).
        rows: result.lines.map((l) => [
          l.lineNo,
          l.msisdn ?? '',
          t.lists.jobs.outcome[l.outcome],
          lineReasonText(t, l.reason),
          l.raw,
        ]),
      });
      const finished = t.lists.jobs.finished(service, action, counts.done, counts.refused);
      if (list.progressMessageId) {
        await ctx.notifier
          .editText(chatId, list.progressMessageId, finished, {
            buttons: [[{ text: t.core.labels.toMenu, callback_data: cb('menu', 'admin') }]],
          })
          .catch((error) => ctx.logger.debug({ err: error }, 'final edit failed'));
      }
      await ctx.notifier.sendDocument(
        chatId,
        { content, filename: t.lists.jobs.resultFile(list.id) },
        list.progressMessageId ? undefined : finished,
      );
    },
  });
}

export function bulkHandlers(options: BulkHandlerOptions = {}): JobHandler[] {
  return [makeBulkApplyHandler(options), makeBulkResultHandler()];
}

/** Every list job (renames and bulk service actions) as the composition root registers them. */
export function listJobHandlers(config: Pick<Config, 'DATABASE_URL'>): JobHandler[] {
  return [...renameHandlers(), ...bulkHandlers({ concurrency: config.DATABASE_URL ? 4 : 1 })];
}
