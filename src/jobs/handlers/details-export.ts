// R-DETAIL: «Скачать CSV» / «Скачать XLSX» — the request is checked and queued on the update's path;
// the whole period's file is built and sent by a job, so a long period never stalls the bot.
import { z } from 'zod';
import type { Actor } from '../../domain/actor.js';
import { audit } from '../../domain/audit.js';
import type { DomainDeps } from '../../domain/deps.js';
import { allowedPeriod, periodRange, periodRecords } from '../../domain/details.js';
import { DomainError } from '../../domain/errors.js';
import { formatPhone } from '../../domain/phone.js';
import { subscriberInScope } from '../../domain/scope.js';
import { detailsCsv } from '../../documents/details-csv.js';
import { type DocLang, detailFilename, detailLabels } from '../../documents/details-rows.js';
import { detailsXlsx } from '../../documents/details-xlsx.js';
import { enqueueJob } from '../queue.js';
import type { JobHandler } from '../types.js';

export const DETAILS_EXPORT = 'details.export';

export type DetailsFormat = 'csv' | 'xlsx';

const payloadSchema = z.object({
  chatId: z.number().int(),
  subscriberId: z.number().int().positive(),
  msisdn: z.string(),
  key: z.string(),
  from: z.string(),
  to: z.string(),
  format: z.enum(['csv', 'xlsx']),
  lang: z.enum(['ru', 'en']),
});

export type DetailsExportPayload = z.infer<typeof payloadSchema>;

/**
 * Checks scope and period now and queues the file for `chatId`. The job carries the period's days as
 * they are now, so a file asked for just before midnight still covers what the user saw.
 */
export async function requestDetailsExport(
  deps: DomainDeps,
  actor: Actor,
  input: { subscriberId: number; period: string; format: DetailsFormat; chatId: number; lang: DocLang },
): Promise<{ jobId: number | null }> {
  const period = allowedPeriod(deps, input.period);
  if (!period.to) throw new DomainError('details.periodEmpty');
  return deps.db.transaction(async (tx) => {
    const sub = await subscriberInScope(tx, actor, input.subscriberId);
    const now = deps.clock.now();
    const payload: DetailsExportPayload = {
      chatId: input.chatId,
      subscriberId: sub.id,
      msisdn: sub.msisdn,
      key: period.key,
      from: period.from,
      to: period.to!,
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

/** Builds the file of a queued request (also used by tests and the CLI). */
export async function buildDetailsFile(
  deps: Pick<DomainDeps, 'db'>,
  p: DetailsExportPayload,
): Promise<{ content: Buffer; filename: string }> {
  const period = { key: p.key, current: false, from: p.from, to: p.to };
  const { records, totals } = await periodRecords(deps.db, p.subscriberId, periodRange(period)!);
  const doc = { msisdn: p.msisdn, period, records, totals, lang: p.lang };
  const content = p.format === 'csv' ? detailsCsv(doc) : await detailsXlsx(doc);
  return { content, filename: detailFilename(doc, p.format) };
}

export const detailsExportHandler: JobHandler = {
  kind: DETAILS_EXPORT,
  maxAttempts: 5,
  async run(raw, { deps, notifier }) {
    const parsed = payloadSchema.safeParse(raw);
    if (!parsed.success) return; // a malformed row cannot succeed on retry
    const p = parsed.data;
    const file = await buildDetailsFile(deps, p);
    await notifier.sendDocument(p.chatId, file, `${detailLabels(p.lang).title} ${formatPhone(p.msisdn)} · ${p.key}`);
  },
};
