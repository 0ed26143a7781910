// The worker's side of R-RENAME: due pending renames become the subscriber's display name. Several
// renames of one number: the one requested last wins, even if workers apply them out of order.
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { bulkLists, renames, subscribers } from '../../db/schema/index.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import type { DomainDeps } from '../deps.js';

const WORKER: Actor = { kind: 'system', name: 'worker' };

/** Tells the requester a rename (or a whole list) is applied; a job of its own, enqueued with the change. */
export const RENAME_NOTICE_JOB = 'renames.notice';

export type RenameNotice =
  | { kind: 'single'; chatId: number; telegramId: number | null; msisdn: string; newName: string }
  | { kind: 'list'; chatId: number; telegramId: number | null; listId: number; applied: number };

export interface AppliedRename {
  renameId: number;
  subscriberId: number;
  msisdn: string;
  newName: string;
  chatId: number | null;
  telegramId: number | null;
}

export interface FinishedRenameList {
  listId: number;
  chatId: number | null;
  telegramId: number | null;
  applied: number;
}

export interface AppliedBatch {
  /** Renames claimed in this batch (0: nothing was due). */
  claimed: number;
  /** Single renames now in force, to tell their requesters. */
  single: AppliedRename[];
  /** Lists whose every rename is now applied, to tell once per list. */
  finishedLists: FinishedRenameList[];
}

type Due = {
  id: number;
  subscriberId: number;
  listId: number | null;
  newName: string;
  chatId: number | null;
  telegramId: number | null;
  requestedAt: Date;
};

const later = (a: { requestedAt: Date; id: number }, b: { requestedAt: Date; id: number }) =>
  a.requestedAt.getTime() > b.requestedAt.getTime() ||
  (a.requestedAt.getTime() === b.requestedAt.getTime() && a.id > b.id);

/**
 * Applies up to `limit` due renames in one transaction. Claimed with SKIP LOCKED so several workers
 * share them; the subscriber rows are locked before deciding, so a later-requested rename applied by
 * another worker is never overwritten by an earlier one. A superseded rename is marked cancelled.
 */
export async function applyDueRenames(deps: DomainDeps, opts: { limit?: number } = {}): Promise<AppliedBatch> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const due: Due[] = await tx
      .select({
        id: renames.id,
        subscriberId: renames.subscriberId,
        listId: renames.listId,
        newName: renames.newName,
        chatId: renames.chatId,
        telegramId: renames.requestedByTelegramId,
        requestedAt: renames.requestedAt,
      })
      .from(renames)
      .where(and(eq(renames.status, 'pending'), lte(renames.applyAfter, now)))
      .orderBy(asc(renames.subscriberId), asc(renames.requestedAt), asc(renames.id))
      .limit(opts.limit ?? 500)
      .for('update', { skipLocked: true });
    if (due.length === 0) return { claimed: 0, single: [], finishedLists: [] };

    const subscriberIds = [...new Set(due.map((r) => r.subscriberId))].sort((a, b) => a - b);
    const locked = await tx
      .select({ id: subscribers.id, msisdn: subscribers.msisdn, displayName: subscribers.displayName })
      .from(subscribers)
      .where(inArray(subscribers.id, subscriberIds))
      .orderBy(asc(subscribers.id))
      .for('update');
    const byId = new Map(locked.map((s) => [s.id, s]));
    const lastApplied = await lastAppliedBySubscriber(tx, subscriberIds);

    const winners: Due[] = [];
    const superseded: number[] = [];
    const newest = new Map<number, Due>();
    for (const r of due) {
      const seen = newest.get(r.subscriberId);
      if (!seen || later(r, seen)) newest.set(r.subscriberId, r);
    }
    for (const r of due) {
      const top = newest.get(r.subscriberId)!;
      const applied = lastApplied.get(r.subscriberId);
      if (r === top && (!applied || later(r, applied))) winners.push(r);
      else superseded.push(r.id);
    }

    if (winners.length > 0) {
      const values = sql.join(
        winners.map((r) => sql`(${r.subscriberId}::int, ${r.newName}::text)`),
        sql`, `,
      );
      await tx.execute(
        sql`update ${subscribers} s set display_name = v.name from (values ${values}) as v(id, name) where s.id = v.id`,
      );
    }
    for (const r of winners) {
      const before = byId.get(r.subscriberId)!;
      await audit(tx, WORKER, now, {
        action: 'renames.apply',
        subscriberId: r.subscriberId,
        before: { displayName: before.displayName },
        after: { displayName: r.newName, renameId: r.id },
      });
    }
    if (winners.length > 0) {
      await tx
        .update(renames)
        .set({ status: 'applied', appliedAt: now })
        .where(
          inArray(
            renames.id,
            winners.map((r) => r.id),
          ),
        );
    }
    if (superseded.length > 0) {
      await tx.update(renames).set({ status: 'cancelled', appliedAt: now }).where(inArray(renames.id, superseded));
    }

    const single = winners
      .filter((r) => r.listId === null)
      .map((r) => ({
        renameId: r.id,
        subscriberId: r.subscriberId,
        msisdn: byId.get(r.subscriberId)?.msisdn ?? '',
        newName: r.newName,
        chatId: r.chatId,
        telegramId: r.telegramId,
      }));
    const finishedLists = await finishLists(
      tx,
      [...new Set(due.map((r) => r.listId).filter((id): id is number => id !== null))],
      now,
    );
    const notices: RenameNotice[] = [
      ...single.map((r) => ({
        kind: 'single' as const,
        chatId: r.chatId!,
        telegramId: r.telegramId,
        msisdn: r.msisdn,
        newName: r.newName,
      })),
      ...finishedLists.map((l) => ({
        kind: 'list' as const,
        chatId: l.chatId!,
        telegramId: l.telegramId,
        listId: l.listId,
        applied: l.applied,
      })),
    ];
    for (const notice of notices.filter((x) => x.chatId !== null))
      await enqueueJob(tx, RENAME_NOTICE_JOB, { ...notice }, now);
    return { claimed: due.length, single, finishedLists };
  });
}

/** The newest applied rename of each subscriber, by request time. */
async function lastAppliedBySubscriber(
  tx: Tx,
  subscriberIds: number[],
): Promise<Map<number, { id: number; requestedAt: Date }>> {
  const rows = await tx
    .selectDistinctOn([renames.subscriberId], {
      subscriberId: renames.subscriberId,
      id: renames.id,
      requestedAt: renames.requestedAt,
    })
    .from(renames)
    .where(and(inArray(renames.subscriberId, subscriberIds), eq(renames.status, 'applied')))
    .orderBy(renames.subscriberId, sql`${renames.requestedAt} desc`, sql`${renames.id} desc`);
  return new Map(rows.map((r) => [r.subscriberId, r]));
}

/** Lists with no pending rename left are done; the conditional update makes exactly one worker report each. */
async function finishLists(tx: Tx, listIds: number[], now: Date): Promise<FinishedRenameList[]> {
  if (listIds.length === 0) return [];
  const open = await tx
    .selectDistinct({ listId: renames.listId })
    .from(renames)
    .where(and(inArray(renames.listId, listIds), eq(renames.status, 'pending')));
  const openIds = new Set(open.map((r) => r.listId));
  const finished = listIds.filter((id) => !openIds.has(id));
  if (finished.length === 0) return [];
  const done = await tx
    .update(bulkLists)
    .set({ status: 'done', finishedAt: now })
    .where(and(inArray(bulkLists.id, finished), inArray(bulkLists.status, ['queued', 'running'])))
    .returning({ listId: bulkLists.id, chatId: bulkLists.chatId, telegramId: bulkLists.requestedByTelegramId });
  if (done.length === 0) return [];
  const counts = await tx
    .select({ listId: renames.listId, n: sql<number>`count(*)::int` })
    .from(renames)
    .where(
      and(
        inArray(
          renames.listId,
          done.map((d) => d.listId),
        ),
        inArray(renames.status, ['applied', 'cancelled']),
      ),
    )
    .groupBy(renames.listId);
  const countOf = new Map(counts.map((c) => [c.listId, Number(c.n)]));
  return done.map((d) => ({
    listId: d.listId,
    chatId: d.chatId,
    telegramId: d.telegramId,
    applied: countOf.get(d.listId) ?? 0,
  }));
}
