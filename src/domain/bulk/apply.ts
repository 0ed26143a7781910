// The worker's side of R-BULK. Lines are claimed with FOR UPDATE SKIP LOCKED, a batch at a time; the
// batch's subscribers are locked, their facts read set-based, each line decided by the single change's
// pure rules, and the allowed ones written set-based — in one transaction that also marks every line done
// or refused. A worker killed mid-batch rolls the batch back whole: no line is applied twice or lost, and
// two workers never take the same line.
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bulkListLines, bulkLists, subscribers } from '../../db/schema/index.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import { today } from '../clock.js';
import type { DomainDeps } from '../deps.js';
import { encodeReason } from '../lists/reason.js';
import type { BulkListRow } from '../lists/repository.js';
import type { LineReason } from '../lists/types.js';
import { anyId, serviceById } from '../services/catalog.js';
import { decideLines, type LineDecision, type LineSubscriber, NOT_THIS_CLIENT } from './decide.js';
import { BULK_RESULT_JOB, type BulkAction } from './types.js';
import { writeServiceLines } from './write.js';

/** The list as the worker needs it, if it is still to be worked on. */
export async function openServiceList(deps: DomainDeps, listId: number): Promise<BulkListRow | null> {
  const [list] = await deps.db
    .update(bulkLists)
    .set({ status: 'running' })
    .where(
      and(eq(bulkLists.id, listId), eq(bulkLists.kind, 'service'), inArray(bulkLists.status, ['queued', 'running'])),
    )
    .returning();
  return list ?? null;
}

/** The administrator who confirmed the list: every line is re-checked in their scope (R-SCOPE). */
function listActor(list: BulkListRow): Actor {
  return { kind: 'admin', telegramId: list.requestedByTelegramId ?? 0, clientId: list.clientId };
}

/** A line of a batch with its outcome, as the batch hook sees it (null reason: applied). */
export interface BatchLine {
  lineNo: number;
  subscriberId: number | null;
  reason: LineReason | null;
}

/** Runs inside the batch's transaction after its writes, before its lines are marked (tests stop a worker here). */
export type BatchHook = (tx: Executor, lines: BatchLine[]) => Promise<void>;

/** Lines per transaction: few statements per line, and row locks held for a fraction of a second. */
export const DEFAULT_BATCH = 500;

/**
 * Applies up to `batch` pending lines of the list in one transaction; returns how many were taken
 * (0: none left that another worker is not already holding).
 */
export async function applyNextLines(
  deps: DomainDeps,
  list: BulkListRow,
  opts: { batch?: number; onBatch?: BatchHook } = {},
): Promise<number> {
  const actor = listActor(list);
  const action = list.action as BulkAction;
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const lines = await tx
      .select({ id: bulkListLines.id, lineNo: bulkListLines.lineNo, subscriberId: bulkListLines.subscriberId })
      .from(bulkListLines)
      .where(and(eq(bulkListLines.listId, list.id), eq(bulkListLines.status, 'pending')))
      .orderBy(asc(bulkListLines.lineNo))
      .limit(opts.batch ?? DEFAULT_BATCH)
      .for('update', { skipLocked: true });
    if (lines.length === 0) return 0;
    const inScope = await lockSubscribers(
      tx,
      list.clientId,
      lines.map((l) => l.subscriberId ?? 0),
    );
    const subjects = lines.map((l) => ({ lineNo: l.lineNo, subscriber: inScope.get(l.subscriberId ?? 0) }));
    const service = await serviceById(tx, list.serviceId ?? 0);
    let decisions: LineDecision[];
    if (!service) {
      // The single change's order: scope first, then the service (services.notFound).
      decisions = subjects.map((s) => ({
        lineNo: s.lineNo,
        subscriberId: s.subscriber?.id ?? null,
        refusal: s.subscriber ? { code: 'services.notFound', params: {} } : NOT_THIS_CLIENT,
        fee: 0,
      }));
    } else {
      const decided = await decideLines(tx, {
        day: today(deps.clock),
        clientId: list.clientId,
        service,
        action,
        lines: subjects,
      });
      decisions = await writeServiceLines(tx, deps, actor, {
        listId: list.id,
        clientId: list.clientId,
        service,
        action,
        decisions: decided,
      });
    }
    const outcomes = decisions.map((d) => ({
      lineNo: d.lineNo,
      subscriberId: d.subscriberId,
      reason: d.refusal ? ({ code: d.refusal.code, params: d.refusal.params } as LineReason) : null,
    }));
    await opts.onBatch?.(tx, outcomes);
    // Every outcome of the batch in one statement, still inside the transaction that applied the lines.
    const idOf = new Map(lines.map((l) => [l.lineNo, l.id]));
    const values = sql.join(
      outcomes.map(
        (o) =>
          sql`(${idOf.get(o.lineNo)!}::int, ${o.reason ? 'refused' : 'done'}::list_line_status, ${o.reason ? encodeReason(o.reason) : null}::text)`,
      ),
      sql`, `,
    );
    await tx.execute(sql`
      update ${bulkListLines} l set status = v.status, reason = v.reason, processed_at = ${now.toISOString()}::timestamptz
      from (values ${values}) as v(id, status, reason) where l.id = v.id`);
    return lines.length;
  });
}

/**
 * The batch's subscribers that are still this client's and not terminated (what subscriberInScope lets
 * an administrator touch), locked in id order so batches of two lists never wait on each other in a cycle.
 */
async function lockSubscribers(tx: Executor, clientId: number, ids: number[]): Promise<Map<number, LineSubscriber>> {
  const valid = ids.filter((id) => Number.isSafeInteger(id) && id > 0);
  if (valid.length === 0) return new Map();
  const rows = await tx
    .select({
      id: subscribers.id,
      clientId: subscribers.clientId,
      status: subscribers.status,
      tariffPlanId: subscribers.tariffPlanId,
      balance: subscribers.balance,
    })
    .from(subscribers)
    .where(and(anyId(subscribers.id, valid), eq(subscribers.clientId, clientId), ne(subscribers.status, 'terminated')))
    .orderBy(asc(subscribers.id))
    .for('update');
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Marks the list done when no line is pending, and enqueues the result file in the same transaction.
 * True for exactly one caller per list (a conditional update), so the file is sent once.
 */
export async function finishServiceList(deps: DomainDeps, listId: number): Promise<boolean> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const done = await tx
      .update(bulkLists)
      .set({ status: 'done', finishedAt: now })
      .where(
        and(
          eq(bulkLists.id, listId),
          eq(bulkLists.status, 'running'),
          sql`not exists (select 1 from ${bulkListLines} where ${bulkListLines.listId} = ${listId} and ${bulkListLines.status} = 'pending')`,
        ),
      )
      .returning({ id: bulkLists.id, clientId: bulkLists.clientId });
    if (done.length === 0) return false;
    await enqueueJob(tx, BULK_RESULT_JOB, { listId }, now, { dedupeKey: `${BULK_RESULT_JOB}:${listId}` });
    await audit(tx, { kind: 'system', name: 'worker' }, now, {
      action: 'bulk.finish',
      clientId: done[0]!.clientId,
      after: { listId },
    });
    return true;
  });
}
