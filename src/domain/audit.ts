// R-TX: every change writes one audit row in the same transaction as the change itself.
import { auditLog } from '../db/schema/index.js';
import type { Executor } from '../db/client.js';
import { type Actor, actorTelegramId } from './actor.js';

export interface AuditEntry {
  action: string;
  clientId?: number | null;
  subscriberId?: number | null;
  before?: unknown;
  after?: unknown;
}

/** An Actor, or a Telegram user acting on their own account without a role (sign-in, logout). */
export type AuditActor = Actor | { kind: 'user'; telegramId: number };

export async function audit(tx: Executor, actor: AuditActor, at: Date, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    at,
    actorKind: actor.kind === 'system' ? actor.name : 'telegram',
    actorName: actor.kind === 'system' && actor.name === 'api' ? actor.tokenName : null,
    actorTelegramId: actor.kind === 'user' ? actor.telegramId : actorTelegramId(actor),
    role: actor.kind === 'system' || actor.kind === 'user' ? null : actor.kind,
    clientId: entry.clientId ?? (actor.kind === 'admin' || actor.kind === 'subscriber' ? actor.clientId : null),
    subscriberId: entry.subscriberId ?? (actor.kind === 'subscriber' ? actor.subscriberId : null),
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
