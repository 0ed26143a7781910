// The worker's side of R-BULK. Lines are claimed with FOR UPDATE SKIP LOCKED, a batch at a time; each
// line is applied in a savepoint of the batch's transaction, and that same transaction marks it done
// or refused. A worker killed mid-batch rolls the batch back whole: no line is applied twice or lost,
// and two workers never take the same line.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { bulkListLines, bulkLists } from '../../db/schema/index.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import type { DomainDeps } from '../deps.js';
import { isDomainError } from '../errors.js';
import { encodeReason } from '../lists/reason.js';
import type { BulkListRow } from '../lists/repository.js';
import type { LineReason } from '../lists/types.js';
import { subscriberInScope } from '../scope.js';
import { BULK_RESULT_JOB, type BulkAction, type ServiceLineApplier } from './types.js';

/** The list as the worker needs it, if it is still to be worked on. */
export async function openServiceList(deps: DomainDeps, listId: number): Promise<BulkListRow | null> {
  const [list] = await deps.db
    .update(bulkLists)
    .set({ status: 'running' })
    .where(and(eq(bulkLists.id, listId), eq(bulkLists.kind, 'service'), inArray(bulkLists.status, ['queued', 'running'])))
    .returning();
  return list ?? null;
}

/** The administrator who confirmed the list: every line is re-checked in their scope (R-SCOPE). */
function listActor(list: BulkListRow): Actor {
  return { kind: 'admin', telegramId: list.requestedByTelegramId ?? 0, clientId: list.clientId };
}

/**
 * Applies up to `batch` pending lines of the list in one transaction; returns how many were taken
 * (0: none left that another worker is not already holding).
 */
export async function applyNextLines(deps: DomainDeps, list: BulkListRow, apply: ServiceLineApplier, opts: { batch?: number } = {}): Promise<number> {
  const actor = listActor(list);
  const action = list.action as BulkAction;
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const lines = await tx
      .select({ id: bulkListLines.id, lineNo: bulkListLines.lineNo, subscriberId: bulkListLines.subscriberId })
      .from(bulkListLines)
      .where(and(eq(bulkListLines.listId, list.id), eq(bulkListLines.status, 'pending')))
      .orderBy(asc(bulkListLines.lineNo))
      .limit(opts.batch ?? 20)
      .for('update', { skipLocked: true });
    const outcomes: { id: number; reason: LineReason | null }[] = [];
    for (const line of lines) {
      let reason: LineReason | null = null;
      try {
        await tx.transaction(async (sp) => {
          const subscriber = await subscriberInScope(sp, actor, line.subscriberId ?? 0);
          const { fee } = await apply(sp, deps, actor, { subscriberId: subscriber.id, serviceId: list.serviceId!, action });
          await audit(sp, actor, now, {
            action: action === 'connect' ? 'services.connect' : 'services.disconnect',
            clientId: list.clientId,
            subscriberId: subscriber.id,
            before: action === 'disconnect' ? { serviceId: list.serviceId } : null,
            after: { serviceId: list.serviceId, fee, listId: list.id, lineNo: line.lineNo },
          });
        });
      } catch (error) {
        // A refusal is this line's result; anything else (database gone, worker stopping) aborts the batch.
        if (!isDomainError(error)) throw error;
        reason = error.code === 'access.forbidden' ? { code: 'lists.notThisClient' } : { code: error.code, params: error.params };
      }
      outcomes.push({ id: line.id, reason });
    }
    if (outcomes.length > 0) {
      // Every outcome of the batch in one statement, still inside the transaction that applied the lines.
      const values = sql.join(
        outcomes.map((o) => sql`(${o.id}::int, ${o.reason ? 'refused' : 'done'}::list_line_status, ${o.reason ? encodeReason(o.reason) : null}::text)`),
        sql`, `,
      );
      await tx.execute(sql`
        update ${bulkListLines} l set status = v.status, reason = v.reason, processed_at = ${now.toISOString()}::timestamptz
        from (values ${values}) as v(id, status, reason) where l.id = v.id`);
    }
    return lines.length;
  });
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
    await audit(tx, { kind: 'system', name: 'worker' }, now, { action: 'bulk.finish', clientId: done[0]!.clientId, after: { listId } });
    return true;
  });
}
