// R-DETAIL: «Скачать CSV» / «Скачать XLSX» — the request is checked (scope, period), audited and queued
// on the update's path; the whole period's file is built and sent by the job (src/jobs/handlers/details-export.ts),
// so a long period never stalls the bot.
import { z } from 'zod';
import { enqueueJob } from '../jobs/queue.js';
import type { Actor } from './actor.js';
import { audit } from './audit.js';
import type { DomainDeps } from './deps.js';
import { allowedPeriod } from './details.js';
import { DomainError } from './errors.js';
import { subscriberInScope } from './scope.js';

export const DETAILS_EXPORT = 'details.export';

export type DetailsFormat = 'csv' | 'xlsx';

export const detailsExportPayload = z.object({
  chatId: z.number().int(),
  subscriberId: z.number().int().positive(),
  msisdn: z.string(),
  key: z.string(),
  from: z.string(),
  to: z.string(),
  format: z.enum(['csv', 'xlsx']),
  lang: z.enum(['ru', 'en']),
});

export type DetailsExportPayload = z.infer<typeof detailsExportPayload>;

/**
 * Checks scope and period now and queues the file for `chatId`. The job carries the period's days as
 * they are now, so a file asked for just before midnight still covers what the user saw.
 */
export async function requestDetailsExport(
  deps: DomainDeps,
  actor: Actor,
  input: { subscriberId: number; period: string; format: DetailsFormat; chatId: number; lang: 'ru' | 'en' },
): Promise<{ jobId: number | null }> {
  const period = allowedPeriod(deps, input.period);
  const to = period.to;
  if (!to) throw new DomainError('details.periodEmpty');
  return deps.db.transaction(async (tx) => {
    const sub = await subscriberInScope(tx, actor, input.subscriberId);
    const now = deps.clock.now();
    const payload: DetailsExportPayload = {
      chatId: input.chatId,
      subscriberId: sub.id,
      msisdn: sub.msisdn,
      key: period.key,
      from: period.from,
      to,
      format: input.format,
      lang: input.lang,
    };
    // A double press while the file is still being made queues it once.
    const jobId = await enqueueJob(tx, DETAILS_EXPORT, payload, now, {
      dedupeKey: `details-export:${input.chatId}:${sub.id}:${period.key}:${input.format}`,
    });
    await audit(tx, actor, now, {
      action: 'details.export',
      clientId: sub.clientId,
      subscriberId: sub.id,
      after: { period: period.key, format: input.format },
    });
    return { jobId };
  });
}
