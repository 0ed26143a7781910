// «Действия с услугами по списку абонентов», step two: the administrator confirms the previewed list.
// It becomes queued and its jobs are enqueued in the same transaction (R-TX), once per nonce (R-IDEMP);
// the worker does the rest, so the list survives a restart.
import { eq } from 'drizzle-orm';
import { bulkLists } from '../../db/schema/index.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { once } from '../idempotency.js';
import { lineCounts, listInScope } from '../lists/repository.js';
import { BULK_APPLY_JOB, BULK_JOBS_PER_LIST } from './types.js';

export interface ServiceListConfirmed {
  listId: number;
  /** Lines the worker will apply. */
  lines: number;
}

export async function confirmServiceList(
  deps: DomainDeps,
  actor: Actor,
  input: { listId: number; nonce: string; chatId?: number; progressMessageId?: number },
): Promise<ServiceListConfirmed> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    // Authorised before the key is looked up, and the key scoped by client and list: a nonce never
    // answers with another client's stored result (finding 3 of issue 22).
    const list = await listInScope(tx, actor, input.listId, 'service', { forUpdate: true });
    const key = `bulk:${list.clientId}:${list.id}:${input.nonce}`;
    const { result } = await once(tx, key, now, async (): Promise<ServiceListConfirmed> => {
      if (list.status !== 'draft') throw new DomainError('lists.alreadyConfirmed');
      const counts = await lineCounts(tx, list.id);
      if (counts.pending === 0) throw new DomainError('lists.nothingToApply');
      await tx
        .update(bulkLists)
        .set({
          status: 'queued',
          confirmedAt: now,
          chatId: input.chatId ?? list.chatId,
          progressMessageId: input.progressMessageId ?? null,
        })
        .where(eq(bulkLists.id, list.id));
      for (let part = 0; part < BULK_JOBS_PER_LIST; part++) {
        await enqueueJob(tx, BULK_APPLY_JOB, { listId: list.id, part }, now, {
          dedupeKey: `${BULK_APPLY_JOB}:${list.id}:${part}`,
        });
      }
      const confirmed = { listId: list.id, lines: counts.pending };
      await audit(tx, actor, now, {
        action: 'bulk.confirm',
        clientId: list.clientId,
        after: { ...confirmed, serviceId: list.serviceId, action: list.action },
      });
      return confirmed;
    });
    return result;
  });
}

/** Sets the message the worker edits with progress (the bot learns its id after confirming). */
export async function setProgressMessage(
  deps: DomainDeps,
  actor: Actor,
  input: { listId: number; chatId: number; messageId: number },
): Promise<void> {
  const list = await listInScope(deps.db, actor, input.listId, 'service');
  await deps.db
    .update(bulkLists)
    .set({ chatId: input.chatId, progressMessageId: input.messageId })
    .where(eq(bulkLists.id, list.id));
}
