// Job handlers of R-BULK: work through a confirmed list a batch of lines at a time (several jobs per list,
// so several processes share it), show progress by editing one message at most once a second, and send
// the result file once every line has its outcome.
import { eq } from 'drizzle-orm';
import { cb } from '../../bot/callback-data.js';
import type { Config } from '../../config.js';
import { bulkLists, services } from '../../db/schema/index.js';
import { listResultXlsx } from '../../documents/list-result-xlsx.js';
import {
  applyNextLines,
  BULK_APPLY_JOB,
  BULK_RESULT_JOB,
  type BatchHook,
  type BulkAction,
  finishServiceList,
  listResult,
  openServiceList,
} from '../../domain/bulk/index.js';
import type { DomainDeps } from '../../domain/deps.js';
import { lineCounts } from '../../domain/lists/repository.js';
import type { JobContext, JobHandler } from '../types.js';
import { lineReasonText, requesterTexts } from './list-texts.js';
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
  return {
    kind: BULK_APPLY_JOB,
    maxAttempts: 10,
    async run(payload, ctx) {
      const listId = Number(payload.listId);
      const list = Number.isSafeInteger(listId) ? await openServiceList(ctx.deps, listId) : null;
      if (!list) return;
      // One job of the list reports progress, so the message is edited by one process only.
      const reports = Number(payload.part ?? 0) === 0;
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
  };
}

async function showProgress(ctx: JobContext, listId: number): Promise<void> {
  const [list] = await ctx.deps.db.select().from(bulkLists).where(eq(bulkLists.id, listId));
  if (!list?.chatId || !list.progressMessageId) return;
  const counts = await lineCounts(ctx.deps.db, listId);
  const service = await serviceName(ctx.deps, list.serviceId);
  const t = await requesterTexts(ctx.deps.db, list.requestedByTelegramId);
  const processed = counts.done + counts.refused;
  try {
    await ctx.notifier.editText(
      list.chatId,
      list.progressMessageId,
      t.lists.jobs.progress(service, list.action as BulkAction, processed, processed + counts.pending),
    );
  } catch (error) {
    // Progress is a courtesy: a deleted message or a refused edit must not stop the list.
    ctx.logger.debug({ err: error, listId }, 'progress edit failed');
  }
}

async function serviceName(deps: DomainDeps, serviceId: number | null): Promise<string> {
  if (!serviceId) return '';
  const [row] = await deps.db.select({ name: services.name }).from(services).where(eq(services.id, serviceId));
  return row?.name ?? '';
}

export function makeBulkResultHandler(): JobHandler {
  return {
    kind: BULK_RESULT_JOB,
    maxAttempts: 8,
    async run(payload, ctx) {
      const result = await listResult(ctx.deps.db, Number(payload.listId));
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
  };
}

export function bulkHandlers(options: BulkHandlerOptions = {}): JobHandler[] {
  return [makeBulkApplyHandler(options), makeBulkResultHandler()];
}

/** Every list job (renames and bulk service actions) as the composition root registers them. */
export function listJobHandlers(config: Pick<Config, 'DATABASE_URL'>): JobHandler[] {
  return [...renameHandlers(), ...bulkHandlers({ concurrency: config.DATABASE_URL ? 4 : 1 })];
}
