// R-API-EFFECT: a `suspended` client's administrators may look but change nothing. Checked inside the
// transaction of every change (the order it records, an invite, an unlink), from the database — never
// from the role loaded at the start of the update — so the operator's suspension counts at once.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { clients } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import { DomainError } from '../errors.js';

/** Refuses a change by an administrator of a suspended (or closed) client; other actors pass. */
export async function assertClientMayChange(tx: Executor, actor: Actor): Promise<void> {
  if (actor.kind !== 'admin') return;
  const [client] = await tx
    .select({ status: clients.status })
    .from(clients)
    .where(eq(clients.id, actor.clientId))
    .for('share');
  if (!client || client.status === 'closed') throw new DomainError('access.forbidden');
  if (client.status === 'suspended') throw new DomainError('access.clientSuspended');
}
