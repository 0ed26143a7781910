// Job handlers of R-RENAME: apply due renames (in batches, several workers may share them) and tell
// the requester, each notice a job of its own enqueued with the rename it reports.
import { z } from 'zod';
import { formatPhone } from '../../domain/phone.js';
import { applyDueRenames, RENAME_APPLY_JOB, RENAME_NOTICE_JOB, type RenameNotice } from '../../domain/renames/index.js';
import { defineJob } from '../define.js';
import type { JobHandler } from '../types.js';

const noticePayload = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('single'),
    chatId: z.number().int(),
    telegramId: z.number().int().nullable(),
    msisdn: z.string(),
    newName: z.string(),
  }),
  z.object({
    kind: z.literal('list'),
    chatId: z.number().int(),
    telegramId: z.number().int().nullable(),
    listId: z.number().int(),
    applied: z.number().int(),
  }),
]) satisfies z.ZodType<RenameNotice>;
import { requesterTexts } from './list-texts.js';

export function makeRenameApplyHandler(options: { batch?: number } = {}): JobHandler {
  return defineJob({
    kind: RENAME_APPLY_JOB,
    payload: z.object({}),
    maxAttempts: 10,
    async run(_payload, ctx) {
      for (;;) {
        const batch = await applyDueRenames(ctx.deps, { limit: options.batch ?? 500 });
        if (batch.claimed === 0) return;
        await ctx.heartbeat();
      }
    },
  });
}

export function makeRenameNoticeHandler(): JobHandler {
  return defineJob({
    kind: RENAME_NOTICE_JOB,
    payload: noticePayload,
    maxAttempts: 5,
    async run(notice, ctx) {
      const t = await requesterTexts(ctx.deps.db, notice.telegramId);
      const text =
        notice.kind === 'single'
          ? t.lists.jobs.renameApplied(formatPhone(notice.msisdn), notice.newName)
          : t.lists.jobs.renameListApplied(notice.applied);
      await ctx.notifier.sendText(notice.chatId, text);
    },
  });
}

export function renameHandlers(): JobHandler[] {
  return [makeRenameApplyHandler(), makeRenameNoticeHandler()];
}
