// Job handlers of R-RENAME: apply due renames (in batches, several workers may share them) and tell
// the requester, each notice a job of its own enqueued with the rename it reports.
import { formatPhone } from '../../domain/phone.js';
import { applyDueRenames, RENAME_APPLY_JOB, RENAME_NOTICE_JOB, type RenameNotice } from '../../domain/renames/index.js';
import type { JobHandler } from '../types.js';
import { requesterTexts } from './list-texts.js';

export function makeRenameApplyHandler(options: { batch?: number } = {}): JobHandler {
  return {
    kind: RENAME_APPLY_JOB,
    maxAttempts: 10,
    async run(_payload, ctx) {
      for (;;) {
        const batch = await applyDueRenames(ctx.deps, { limit: options.batch ?? 500 });
        if (batch.claimed === 0) return;
        await ctx.heartbeat();
      }
    },
  };
}

export function makeRenameNoticeHandler(): JobHandler {
  return {
    kind: RENAME_NOTICE_JOB,
    maxAttempts: 5,
    async run(payload, ctx) {
      const notice = payload as unknown as RenameNotice;
      const t = await requesterTexts(ctx.deps.db, notice.telegramId);
      const text =
        notice.kind === 'single'
          ? t.lists.jobs.renameApplied(formatPhone(notice.msisdn), notice.newName)
          : t.lists.jobs.renameListApplied(notice.applied);
      await ctx.notifier.sendText(notice.chatId, text);
    },
  };
}

export function renameHandlers(): JobHandler[] {
  return [makeRenameApplyHandler(), makeRenameNoticeHandler()];
}
