// R-AUTH-SUP: support staff get (and lose) their role only through the command-line tool.
import { and, eq } from 'drizzle-orm';
import { telegramRoles, telegramUsers } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';

const CLI: Actor = { kind: 'system', name: 'cli' };

function checkRequest(actor: Actor, telegramId: number): void {
  if (actor.kind !== 'system' || actor.name !== 'cli') throw new DomainError('access.forbidden');
  if (!Number.isSafeInteger(telegramId) || telegramId <= 0) throw new DomainError('access.telegramIdInvalid');
}

/** Makes `telegramId` support staff; `granted` is false when they already were. */
export async function grantSupport(
  deps: DomainDeps,
  telegramId: number,
  actor: Actor = CLI,
): Promise<{ granted: boolean }> {
  checkRequest(actor, telegramId);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    // The person may never have written to the bot yet; their profile fills in at their first update.
    await tx.insert(telegramUsers).values({ telegramId, createdAt: now, lastSeenAt: now }).onConflictDoNothing();
    const added = await tx
      .insert(telegramRoles)
      .values({ telegramId, role: 'support', createdAt: now })
      .onConflictDoNothing()
      .returning({ id: telegramRoles.id });
    if (added.length > 0) await audit(tx, actor, now, { action: 'access.support.grant', after: { telegramId } });
    return { granted: added.length > 0 };
  });
}

/** Takes the support role away; `revoked` is false when they did not hold it. */
export async function revokeSupport(
  deps: DomainDeps,
  telegramId: number,
  actor: Actor = CLI,
): Promise<{ revoked: boolean }> {
  checkRequest(actor, telegramId);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const removed = await tx
      .delete(telegramRoles)
      .where(and(eq(telegramRoles.telegramId, telegramId), eq(telegramRoles.role, 'support')))
      .returning({ id: telegramRoles.id });
    if (removed.length > 0) await audit(tx, actor, now, { action: 'access.support.revoke', before: { telegramId } });
    return { revoked: removed.length > 0 };
  });
}
