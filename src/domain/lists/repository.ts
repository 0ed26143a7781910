// Stored lists and their lines: loading a list within the administrator's client (R-SCOPE), the
// preview and per-status counts.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bulkListLines, bulkLists } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import { DomainError } from '../errors.js';
import { adminClientId } from '../scope.js';
import { decodeReason } from './reason.js';
import type { BadLine, ListKind, ListPreview } from './types.js';

export type BulkListRow = typeof bulkLists.$inferSelect;
export type BulkListLineRow = typeof bulkListLines.$inferSelect;

/** The list if it belongs to the administrator's client and is of `kind`; otherwise access.forbidden. */
export async function listInScope(
  ex: Executor,
  actor: Actor,
  listId: number,
  kind: ListKind,
  opts: { forUpdate?: boolean } = {},
): Promise<BulkListRow> {
  const clientId = adminClientId(actor);
  if (!Number.isSafeInteger(listId) || listId <= 0) throw new DomainError('access.forbidden');
  const query = ex
    .select()
    .from(bulkLists)
    .where(and(eq(bulkLists.id, listId), eq(bulkLists.clientId, clientId), eq(bulkLists.kind, kind)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw new DomainError('access.forbidden');
  return row;
}

export interface LineCounts {
  invalid: number;
  pending: number;
  done: number;
  refused: number;
}

export async function lineCounts(ex: Executor, listId: number): Promise<LineCounts> {
  const rows = await ex
    .select({ status: bulkListLines.status, n: sql<number>`count(*)::int` })
    .from(bulkListLines)
    .where(eq(bulkListLines.listId, listId))
    .groupBy(bulkListLines.status);
  const counts: LineCounts = { invalid: 0, pending: 0, done: 0, refused: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** The preview of a stored list (the bot re-renders it after a restart from here). */
export async function listPreview(
  ex: Executor,
  list: Pick<BulkListRow, 'id' | 'kind' | 'total'>,
): Promise<ListPreview> {
  const badRows = await ex
    .select({ lineNo: bulkListLines.lineNo, raw: bulkListLines.raw, reason: bulkListLines.reason })
    .from(bulkListLines)
    .where(and(eq(bulkListLines.listId, list.id), eq(bulkListLines.status, 'invalid')))
    .orderBy(asc(bulkListLines.lineNo));
  const bad: BadLine[] = badRows.map((r) => ({
    lineNo: r.lineNo,
    raw: r.raw,
    reason: decodeReason(r.reason) ?? { code: 'lists.invalid' },
  }));
  return { listId: list.id, kind: list.kind, total: list.total, fine: list.total - bad.length, bad };
}

/** Every line in order, with the subscriber's number (the result file). */
export async function listLines(ex: Executor, listId: number): Promise<BulkListLineRow[]> {
  return ex.select().from(bulkListLines).where(eq(bulkListLines.listId, listId)).orderBy(asc(bulkListLines.lineNo));
}
