// Who a Telegram user is: their roles, loaded on every update with one query (R-ROLES, R-SCOPE).
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { clients, subscribers, telegramRoles } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';

export type Role =
  | { kind: 'admin'; clientId: number; clientName: string; clientSuspended: boolean }
  | { kind: 'subscriber'; clientId: number; subscriberId: number; msisdn: string; name: string }
  | { kind: 'support' };

export interface Identity {
  telegramId: number;
  roles: Role[];
}

export async function loadIdentity(db: Executor, telegramId: number): Promise<Identity> {
  const rows = await db
    .select({
      role: telegramRoles.role,
      clientId: telegramRoles.clientId,
      subscriberId: telegramRoles.subscriberId,
      clientName: clients.name,
      clientStatus: clients.status,
      msisdn: subscribers.msisdn,
      name: subscribers.fullName,
      subscriberStatus: subscribers.status,
    })
    .from(telegramRoles)
    .leftJoin(clients, eq(clients.id, telegramRoles.clientId))
    .leftJoin(subscribers, eq(subscribers.id, telegramRoles.subscriberId))
    .where(eq(telegramRoles.telegramId, telegramId))
    .orderBy(sql`${telegramRoles.role}`, telegramRoles.id);
  const roles: Role[] = [];
  for (const r of rows) {
    // A closed client's links are removed by the operator's write (R-API-EFFECT); one left over is no role.
    if (r.role === 'admin' && r.clientId && r.clientStatus !== 'closed')
      roles.push({
        kind: 'admin',
        clientId: r.clientId,
        clientName: r.clientName ?? '',
        clientSuspended: r.clientStatus === 'suspended',
      });
    if (r.role === 'subscriber' && r.subscriberId && r.clientId && r.msisdn && r.subscriberStatus !== 'terminated') {
      roles.push({
        kind: 'subscriber',
        clientId: r.clientId,
        subscriberId: r.subscriberId,
        msisdn: r.msisdn,
        name: r.name ?? '',
      });
    }
    if (r.role === 'support') roles.push({ kind: 'support' });
  }
  return { telegramId, roles };
}

/** The role a session claims, if the user still holds it (a role may have been unlinked meanwhile). */
export function findRole(
  identity: Identity,
  claim: { kind: string; clientId?: number; subscriberId?: number } | undefined,
): Role | undefined {
  if (!claim) return undefined;
  return identity.roles.find(
    (r) =>
      r.kind === claim.kind &&
      (r.kind !== 'admin' || r.clientId === claim.clientId) &&
      (r.kind !== 'subscriber' || r.subscriberId === claim.subscriberId),
  );
}

export function actorFor(telegramId: number, role: Role): Actor {
  switch (role.kind) {
    case 'admin':
      return { kind: 'admin', telegramId, clientId: role.clientId };
    case 'subscriber':
      return { kind: 'subscriber', telegramId, clientId: role.clientId, subscriberId: role.subscriberId };
    case 'support':
      return { kind: 'support', telegramId };
  }
}
