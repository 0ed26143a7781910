// R-SCOPE / R-SUP-SCOPE for tickets. A requester reaches only the tickets they opened in the role they
// act in now: a subscriber those opened for their own number; an administrator those they opened as
// administrator of this client, including the ones on behalf of a subscriber they chose. Tickets a
// subscriber opened themselves stay private to that subscriber, and another administrator of the same
// client does not see them either (a ticket is a personal conversation with the specialists).
// Support staff — an actor of kind 'support' whose role is still in telegram_roles — reach every
// ticket and nothing else. An unreachable ticket and a missing one look the same: `tickets.notFound`.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { telegramRoles, tickets } from '../../db/schema/index.js';
import type { Actor } from '../actor.js';
import { DomainError } from '../errors.js';
import type { TicketRow } from './types.js';

export type SupportActor = Extract<Actor, { kind: 'support' }>;
export type RequesterActor = Extract<Actor, { kind: 'admin' | 'subscriber' }>;

/** The support actor for `telegramId` if the role is granted, else null (the group gate). */
export async function supportStaff(ex: Executor, telegramId: number): Promise<SupportActor | null> {
  if (!Number.isSafeInteger(telegramId) || telegramId <= 0) return null;
  const [row] = await ex
    .select({ id: telegramRoles.id })
    .from(telegramRoles)
    .where(and(eq(telegramRoles.telegramId, telegramId), eq(telegramRoles.role, 'support')));
  return row ? { kind: 'support', telegramId } : null;
}

/** Refuses anyone but verified support staff (the actor kind alone is not trusted). */
export async function requireSupport(ex: Executor, actor: Actor): Promise<SupportActor> {
  if (actor.kind !== 'support' || !(await supportStaff(ex, actor.telegramId)))
    throw new DomainError('access.forbidden');
  return actor;
}

export function requireRequester(actor: Actor): RequesterActor {
  if (actor.kind !== 'admin' && actor.kind !== 'subscriber') throw new DomainError('access.forbidden');
  return actor;
}

/** Whether a requester owns this ticket (the rule above, as a predicate on a loaded row). */
export function ownsTicket(actor: RequesterActor, ticket: TicketRow): boolean {
  if (ticket.requesterTelegramId !== actor.telegramId || ticket.clientId !== actor.clientId) return false;
  if (actor.kind === 'subscriber') return ticket.role === 'subscriber' && ticket.subscriberId === actor.subscriberId;
  return ticket.role === 'admin';
}

function validId(ticketId: number): void {
  if (!Number.isSafeInteger(ticketId) || ticketId <= 0) throw new DomainError('tickets.notFound');
}

/** The ticket if `actor` may reach it (requester or verified staff); locked with `forUpdate`. */
export async function ticketInScope(
  ex: Executor,
  actor: Actor,
  ticketId: number,
  opts: { forUpdate?: boolean } = {},
): Promise<TicketRow> {
  validId(ticketId);
  if (actor.kind === 'support') await requireSupport(ex, actor);
  else if (actor.kind === 'system') throw new DomainError('access.forbidden');
  const query = ex.select().from(tickets).where(eq(tickets.id, ticketId));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw new DomainError('tickets.notFound');
  if (actor.kind !== 'support' && !ownsTicket(actor, row)) throw new DomainError('tickets.notFound');
  return row;
}

/** The ticket for the requester only (reopen, rate, list): staff are refused even though they see it. */
export async function ownTicket(
  ex: Executor,
  actor: Actor,
  ticketId: number,
  opts: { forUpdate?: boolean } = {},
): Promise<TicketRow> {
  const requester = requireRequester(actor);
  return ticketInScope(ex, requester, ticketId, opts);
}

/** Any ticket, for verified staff only. */
export async function staffTicket(
  ex: Executor,
  actor: Actor,
  ticketId: number,
  opts: { forUpdate?: boolean } = {},
): Promise<{ staff: SupportActor; ticket: TicketRow }> {
  const staff = await requireSupport(ex, actor);
  validId(ticketId);
  const query = ex.select().from(tickets).where(eq(tickets.id, ticketId));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw new DomainError('tickets.notFound');
  return { staff, ticket: row };
}
