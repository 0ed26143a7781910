// R-TX for a batch of a list: the audit rows of every applied line in one INSERT, each row the one
// audit() (src/domain/audit.ts) writes for that line's single change, in the batch's transaction.
import type { Executor } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import { type Actor, actorTelegramId } from '../actor.js';
import type { AuditEntry } from '../audit.js';

/** Rows per statement: a few columns each, far below the bind-parameter limit. */
const CHUNK = 2000;

export async function auditMany(tx: Executor, actor: Actor, at: Date, entries: AuditEntry[]): Promise<void> {
  const rows = entries.map((entry) => ({
    at,
    actorKind: actor.kind === 'system' ? actor.name : 'telegram',
    actorTelegramId: actorTelegramId(actor),
    role: actor.kind === 'system' ? null : actor.kind,
    clientId: entry.clientId ?? (actor.kind === 'admin' || actor.kind === 'subscriber' ? actor.clientId : null),
    subscriberId: entry.subscriberId ?? (actor.kind === 'subscriber' ? actor.subscriberId : null),
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
  }));
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(auditLog).values(rows.slice(i, i + CHUNK));
}
