// «Переименование абонента»: one number with a typed name, or a confirmed list. Each rename is stored
// pending and applied by the worker after the configured delay (R-RENAME); the request, its job and
// its audit row commit together (R-TX), once per nonce (R-IDEMP).
import { and, eq, sql } from 'drizzle-orm';
import { bulkListLines, bulkLists, renames } from '../../db/schema/index.js';
import { enqueueJob } from '../../jobs/queue.js';
import { type Actor, actorTelegramId } from '../actor.js';
import { audit } from '../audit.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { once } from '../idempotency.js';
import { createList } from '../lists/intake.js';
import { listInScope } from '../lists/repository.js';
import type { ListPreview, ListSource } from '../lists/types.js';
import { adminClientId, subscriberInScope } from '../scope.js';
import { assertRenameAllowed } from './blackout.js';
import { normalizeName } from './name.js';
import { recordOrder, recordOrders } from '../orders/record.js';

export const RENAME_APPLY_JOB = 'renames.apply';

export interface RenameRequested {
  renameId: number;
  subscriberId: number;
  msisdn: string;
  oldName: string;
  newName: string;
  /** ISO instant the rename becomes due. */
  applyAfter: string;
}

function applyAfter(deps: DomainDeps, now: Date): Date {
  return new Date(now.getTime() + deps.settings.renameDelaySeconds * 1000);
}

/** One number, one new name. */
export async function requestRename(
  deps: DomainDeps,
  actor: Actor,
  input: { subscriberId: number; newName: string; nonce: string; chatId?: number },
): Promise<RenameRequested> {
  adminClientId(actor);
  const newName = normalizeName(input.newName, deps.settings.nameMaxLength);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    // Authorised before the key is looked up; the key scoped by client and number (finding 3 of issue 22).
    const subscriber = await subscriberInScope(tx, actor, input.subscriberId);
    const key = `renames:${subscriber.clientId}:${subscriber.id}:${input.nonce}`;
    const { result } = await once(tx, key, now, async (): Promise<RenameRequested> => {
      assertRenameAllowed(deps);
      const due = applyAfter(deps, now);
      const [row] = await tx
        .insert(renames)
        .values({
          clientId: subscriber.clientId,
          subscriberId: subscriber.id,
          oldName: subscriber.displayName,
          newName,
          status: 'pending',
          requestedByTelegramId: actorTelegramId(actor),
          chatId: input.chatId ?? actorTelegramId(actor),
          requestedAt: now,
          applyAfter: due,
        })
        .returning({ id: renames.id });
      // Local fulfilment: the bot itself applies the rename after its delay, so the order is completed now.
      await recordOrder(tx, actor, now, {
        type: 'rename',
        payload: { name: newName },
        clientId: subscriber.clientId,
        subscriberId: subscriber.id,
      });
      await enqueueJob(tx, RENAME_APPLY_JOB, {}, now, { runAt: due });
      await audit(tx, actor, now, {
        action: 'renames.request',
        subscriberId: subscriber.id,
        before: { displayName: subscriber.displayName },
        after: { newName, applyAfter: due.toISOString(), renameId: row!.id },
      });
      return {
        renameId: row!.id,
        subscriberId: subscriber.id,
        msisdn: subscriber.msisdn,
        oldName: subscriber.displayName,
        newName,
        applyAfter: due.toISOString(),
      };
    });
    return result;
  });
}

/** Reads and checks a `номер;имя` list and stores it as a draft; nothing is renamed until confirmed. */
export async function createRenameList(
  deps: DomainDeps,
  actor: Actor,
  input: { source: ListSource; chatId?: number; nonce?: string },
): Promise<ListPreview> {
  return createList(deps, actor, { kind: 'rename', ...input });
}

export interface RenameListConfirmed {
  listId: number;
  /** Renames now pending. */
  renames: number;
  /** Lines whose number left the client between preview and confirmation. */
  refused: number;
  applyAfter: string;
}

/** Turns every fine line of a draft list into a pending rename, in one transaction. */
export async function confirmRenameList(
  deps: DomainDeps,
  actor: Actor,
  input: { listId: number; nonce: string },
): Promise<RenameListConfirmed> {
  const clientId = adminClientId(actor);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const list = await listInScope(tx, actor, input.listId, 'rename', { forUpdate: true });
    const key = `renames:list:${clientId}:${list.id}:${input.nonce}`;
    const { result } = await once(tx, key, now, async (): Promise<RenameListConfirmed> => {
      if (list.status !== 'draft') throw new DomainError('lists.alreadyConfirmed');
      assertRenameAllowed(deps);
      const due = applyAfter(deps, now);
      // Raw SQL gets times as ISO text (postgres.js cannot bind a Date without a column type).
      // Re-checked at confirmation: a number terminated or moved since the preview is refused, not renamed.
      const refused = await tx.execute(sql`
        update ${bulkListLines} l set status = 'refused', reason = 'lists.notThisClient', processed_at = ${now.toISOString()}::timestamptz
        where l.list_id = ${list.id} and l.status = 'pending' and not exists (
          select 1 from subscribers s where s.id = l.subscriber_id and s.client_id = ${clientId} and s.status <> 'terminated')
        returning l.id`);
      const inserted = await tx.execute(sql`
        insert into renames (client_id, subscriber_id, list_id, old_name, new_name, status, requested_by_telegram_id, chat_id, requested_at, apply_after)
        select s.client_id, s.id, l.list_id, s.display_name, l.name, 'pending', ${actorTelegramId(actor)}, ${list.chatId}, ${now.toISOString()}::timestamptz, ${due.toISOString()}::timestamptz
        from bulk_list_lines l join subscribers s on s.id = l.subscriber_id
        where l.list_id = ${list.id} and l.status = 'pending'
        returning id`);
      const lines = await tx
        .select({ line: bulkListLines.lineNo, subscriberId: bulkListLines.subscriberId, name: bulkListLines.name })
        .from(bulkListLines)
        .where(and(eq(bulkListLines.listId, list.id), eq(bulkListLines.status, 'pending')))
        .orderBy(bulkListLines.lineNo);
      await recordOrders(
        tx,
        actor,
        now,
        lines.map((l) => ({
          type: 'rename' as const,
          payload: { name: l.name ?? '' },
          clientId,
          subscriberId: l.subscriberId,
          list: { listId: list.id, line: l.line },
        })),
      );
      await tx
        .update(bulkListLines)
        .set({ status: 'done', processedAt: now })
        .where(and(eq(bulkListLines.listId, list.id), eq(bulkListLines.status, 'pending')));
      await tx.update(bulkLists).set({ status: 'queued', confirmedAt: now }).where(eq(bulkLists.id, list.id));
      await enqueueJob(tx, RENAME_APPLY_JOB, {}, now, { runAt: due });
      const confirmed = {
        listId: list.id,
        renames: rowCount(inserted),
        refused: rowCount(refused),
        applyAfter: due.toISOString(),
      };
      await audit(tx, actor, now, { action: 'renames.confirmList', clientId, after: confirmed });
      return confirmed;
    });
    return result;
  });
}

/** Affected rows of a RETURNING statement on either driver. */
function rowCount(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  return ((result as { rows?: unknown[] }).rows ?? []).length;
}
