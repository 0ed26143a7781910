// Job handler that sends outbox mail via SMTP. Without SMTP_URL it leaves the mail queued (the user was
// told so when ordering); a sweep job sends the backlog once a server is configured.
import { MAIL_SEND_JOB, queuedMailIds, sendOutboxMail } from '../../mail/outbox.js';
import { createSmtpTransport, type MailTransport } from '../../mail/sender.js';
import { z } from 'zod';
import { defineJob } from '../define.js';
import type { JobHandler } from '../types.js';

/** One mail of the outbox, or (no id) a sweep of what waits there. */
const mailPayload = z.object({ outboxId: z.number().int().positive().optional() });

export interface MailHandlerOptions {
  /** SMTP_URL; undefined means mail waits in the outbox. */
  smtpUrl?: string;
  /** MAIL_FROM. */
  from: string;
  /** How many waiting mails one sweep sends. */
  sweepBatch?: number;
}

export function makeMailHandler(options: MailHandlerOptions): JobHandler {
  let transport: MailTransport | undefined;
  return defineJob({
    kind: MAIL_SEND_JOB,
    payload: mailPayload,
    maxAttempts: 8,
    async run({ outboxId }, ctx) {
      if (!options.smtpUrl) {
        ctx.logger.info('SMTP_URL is not set; mail stays in the outbox');
        return;
      }
      transport ??= createSmtpTransport(options.smtpUrl);
      const now = () => ctx.deps.clock.now();
      const ids = outboxId !== undefined ? [outboxId] : await queuedMailIds(ctx.deps.db, options.sweepBatch ?? 50);
      for (const id of ids) {
        const outcome = await sendOutboxMail(ctx.deps.db, transport, options.from, id, now);
        ctx.logger.info({ outboxId: id, outcome }, 'outbox mail');
        await ctx.heartbeat();
      }
    },
  });
}
