// What a finished list's result file holds: every line, its number and its outcome (R-BULK).
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bulkLists, services } from '../../db/schema/index.js';
import { decodeReason } from '../lists/reason.js';
import { type BulkListRow, lineCounts, type LineCounts, listLines } from '../lists/repository.js';
import type { LineReason } from '../lists/types.js';

export interface ListResultLine {
  lineNo: number;
  raw: string;
  msisdn: string | null;
  outcome: 'done' | 'refused' | 'invalid' | 'pending';
  reason: LineReason | null;
}

export interface ListResult {
  list: BulkListRow;
  serviceName: string | null;
  counts: LineCounts;
  lines: ListResultLine[];
}

export async function listResult(ex: Executor, listId: number): Promise<ListResult | null> {
  const [list] = await ex.select().from(bulkLists).where(eq(bulkLists.id, listId));
  if (!list) return null;
  const [service] = list.serviceId
    ? await ex.select({ name: services.name }).from(services).where(eq(services.id, list.serviceId))
    : [];
  const lines = (await listLines(ex, listId)).map((l) => ({
    lineNo: l.lineNo,
    raw: l.raw,
    msisdn: l.msisdn,
    outcome: l.status,
    reason: decodeReason(l.reason),
  }));
  return { list, serviceName: service?.name ?? null, counts: await lineCounts(ex, listId), lines };
}

export interface ListProgress {
  list: BulkListRow;
  serviceName: string;
  counts: LineCounts;
}

/** Where a list stands while it is worked on (the progress message, or the notice that it failed). */
export async function listProgress(ex: Executor, listId: number): Promise<ListProgress | null> {
  const [list] = await ex.select().from(bulkLists).where(eq(bulkLists.id, listId));
  if (!list) return null;
  const [service] = list.serviceId
    ? await ex.select({ name: services.name }).from(services).where(eq(services.id, list.serviceId))
    : [];
  return { list, serviceName: service?.name ?? '', counts: await lineCounts(ex, listId) };
}
