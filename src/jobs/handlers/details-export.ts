// R-DETAIL: the job that builds a queued detail file (CSV or XLSX) and sends it into the chat that asked.
// The request (scope, period, audit, enqueueing) is the domain's: src/domain/details-export.ts.
import { DETAILS_EXPORT, type DetailsExportPayload, detailsExportPayload } from '../../domain/details-export.js';
import type { DomainDeps } from '../../domain/deps.js';
import { periodRange, periodRecords } from '../../domain/details.js';
import { formatPhone } from '../../domain/phone.js';
import { detailsCsv } from '../../documents/details-csv.js';
import { detailFilename, detailLabels } from '../../documents/details-rows.js';
import { detailsXlsx } from '../../documents/details-xlsx.js';
import { defineJob } from '../define.js';

/** Builds the file of a queued request (also used by tests and the CLI). */
export async function buildDetailsFile(
  deps: Pick<DomainDeps, 'db'>,
  p: DetailsExportPayload,
): Promise<{ content: Buffer; filename: string }> {
  const period = { key: p.key, current: false, from: p.from, to: p.to };
  const range = periodRange(period);
  if (!range) throw new Error(`details period ${p.key} has no days`);
  const { records, totals } = await periodRecords(deps.db, p.subscriberId, range);
  const doc = { msisdn: p.msisdn, period, records, totals, lang: p.lang };
  const content = p.format === 'csv' ? detailsCsv(doc) : await detailsXlsx(doc);
  return { content, filename: detailFilename(doc, p.format) };
}

export const detailsExportHandler = defineJob({
  kind: DETAILS_EXPORT,
  payload: detailsExportPayload,
  maxAttempts: 5,
  async run(p, { deps, notifier }) {
    const file = await buildDetailsFile(deps, p);
    await notifier.sendDocument(p.chatId, file, `${detailLabels(p.lang).title} ${formatPhone(p.msisdn)} · ${p.key}`);
  },
});
