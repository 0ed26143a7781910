// R-HANDOVER: one forum topic per ticket in the support group, created exactly once even when several
// messages of a ticket arrive at once (or in several bot processes). The protocol:
//   1. claimTopicCreation: a conditional UPDATE; exactly one caller gets 'create', the others 'pending'
//      (or 'exists' once the id is known).
//   2. the winner calls createForumTopic, then setForumTopic — set only while still null.
//   3. a 'pending' caller waits for forumTopicOf to turn non-null (the support side polls briefly).
// A claim older than `staleAfterMs` may be taken over, so a creator that died does not block the ticket
// forever; if that ever yields two topics, setForumTopic keeps the first and tells the second it lost.
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { tickets } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';

export const TOPIC_CLAIM_STALE_MS = 60_000;

export type TopicClaim = { state: 'exists'; topicId: number } | { state: 'create' } | { state: 'pending' };

const transport: Actor = { kind: 'system', name: 'worker' };

export async function forumTopicOf(deps: DomainDeps, ticketId: number): Promise<number | null> {
  const [row] = await deps.db.select({ topicId: tickets.forumTopicId }).from(tickets).where(eq(tickets.id, ticketId));
  if (!row) throw new DomainError('tickets.notFound');
  return row.topicId;
}

export async function claimTopicCreation(
  deps: DomainDeps,
  ticketId: number,
  staleAfterMs = TOPIC_CLAIM_STALE_MS,
): Promise<TopicClaim> {
  const now = deps.clock.now();
  const staleBefore = new Date(now.getTime() - staleAfterMs);
  // Concurrent claimers queue on the row lock; READ COMMITTED re-checks the WHERE on the winner's
  // committed row, so the second finds the claim fresh and updates nothing.
  const claimed = await deps.db
    .update(tickets)
    .set({ forumTopicClaimedAt: now })
    .where(
      and(
        eq(tickets.id, ticketId),
        isNull(tickets.forumTopicId),
        or(isNull(tickets.forumTopicClaimedAt), lt(tickets.forumTopicClaimedAt, staleBefore)),
      ),
    )
    .returning({ id: tickets.id });
  if (claimed.length > 0) return { state: 'create' };
  const topicId = await forumTopicOf(deps, ticketId);
  return topicId === null ? { state: 'pending' } : { state: 'exists', topicId };
}

/** After a failed createForumTopic: let the next caller try at once instead of after the stale time. */
export async function releaseTopicClaim(deps: DomainDeps, ticketId: number): Promise<void> {
  await deps.db
    .update(tickets)
    .set({ forumTopicClaimedAt: null })
    .where(and(eq(tickets.id, ticketId), isNull(tickets.forumTopicId)));
}

/** Stores the topic's id only if none is set yet. `won: false` means another topic was kept: close this one. */
export async function setForumTopic(
  deps: DomainDeps,
  ticketId: number,
  topicId: number,
  actor: Actor = transport,
): Promise<{ topicId: number; won: boolean }> {
  if (!Number.isSafeInteger(topicId) || topicId <= 0) throw new DomainError('tickets.badTopicId');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(tickets)
      .set({ forumTopicId: topicId })
      .where(and(eq(tickets.id, ticketId), isNull(tickets.forumTopicId)))
      .returning({ clientId: tickets.clientId, subscriberId: tickets.subscriberId });
    if (!row) {
      const [kept] = await tx.select({ topicId: tickets.forumTopicId }).from(tickets).where(eq(tickets.id, ticketId));
      if (!kept?.topicId) throw new DomainError('tickets.notFound');
      return { topicId: kept.topicId, won: false };
    }
    await audit(tx, actor, now, {
      action: 'tickets.topic',
      clientId: row.clientId,
      subscriberId: row.subscriberId,
      after: { ticketId, forumTopicId: topicId },
    });
    return { topicId, won: true };
  });
}
