// R-TICKET / R-HANDOVER: opening a ticket — by a requester (an administrator, perhaps on behalf of a
// chosen subscriber, or a subscriber), or by support staff for a user they are talking to.
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { subscribers, telegramRoles, ticketMessages, tickets } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { once } from '../idempotency.js';
import { normalizePhone } from '../phone.js';
import { subscriberInScope } from '../scope.js';
import { sanitizeContext } from './sanitize.js';
import { requireRequester, requireSupport } from './scope.js';
import { messageBody, messageText } from './text.js';
import { type Attachment, isTicketTopic, type TicketTopic } from './types.js';

export interface OpenTicketInput {
  topic: TicketTopic;
  text: string;
  attachments?: Attachment[];
  /** An administrator acting on behalf of a chosen subscriber; a subscriber's own number is implied. */
  subscriberId?: number;
  /** The private chat replies go to; it is the requester's own (private chat id = user id). */
  requesterChatId: number;
  /** What the user was doing (R-HANDOVER); sanitised before it is stored. */
  context?: Record<string, unknown>;
  /** The user's message that carried the text, so a reply to it finds the ticket. */
  userMessageId?: number;
  /** One-time nonce of the «Отправить» press (R-IDEMP). */
  nonce?: string;
}

export interface OpenedTicket {
  ticketId: number;
  /** The first message's id, to record where it was relayed. */
  messageId: number | null;
}

function positiveInt(value: number | undefined): number | null {
  return value !== undefined && Number.isSafeInteger(value) && value > 0 ? value : null;
}

export async function openTicket(deps: DomainDeps, actor: Actor, input: OpenTicketInput): Promise<OpenedTicket> {
  const requester = requireRequester(actor);
  if (!isTicketTopic(input.topic)) throw new DomainError('tickets.badTopic');
  // Replies must reach the requester and nobody else: never a group, never someone else's chat.
  if (input.requesterChatId !== requester.telegramId) throw new DomainError('access.forbidden');
  const text = messageText(input.text, true);
  const { attachments } = messageBody({ text, attachments: input.attachments });
  const context = sanitizeContext(input.context);
  const now = deps.clock.now();

  const change = async (tx: Executor): Promise<OpenedTicket> => {
    await requireUnderOpenCap(tx, requester, deps.settings);
    let subscriberId: number | null = null;
    if (requester.kind === 'subscriber') {
      subscriberId = (await subscriberInScope(tx, requester, input.subscriberId ?? requester.subscriberId)).id;
    } else if (input.subscriberId !== undefined) {
      subscriberId = (await subscriberInScope(tx, requester, input.subscriberId)).id;
    }
    const [ticket] = await tx
      .insert(tickets)
      .values({
        requesterTelegramId: requester.telegramId,
        requesterChatId: input.requesterChatId,
        role: requester.kind,
        clientId: requester.clientId,
        subscriberId,
        topic: input.topic,
        status: 'new',
        context,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: tickets.id });
    const [message] = await tx
      .insert(ticketMessages)
      .values({
        ticketId: ticket!.id,
        author: 'user',
        authorTelegramId: requester.telegramId,
        text,
        attachments,
        userMessageId: positiveInt(input.userMessageId),
        createdAt: now,
      })
      .returning({ id: ticketMessages.id });
    await audit(tx, requester, now, {
      action: 'tickets.open',
      clientId: requester.clientId,
      subscriberId,
      after: {
        ticketId: ticket!.id,
        topic: input.topic,
        status: 'new',
        attachments: attachments.length,
        handover: context?.kind === 'handover',
      },
    });
    return { ticketId: ticket!.id, messageId: message!.id };
  };

  return deps.db.transaction(async (tx) => {
    if (!input.nonce) return change(tx);
    return (await once(tx, `tickets:open:${input.nonce}`, now, () => change(tx))).result;
  });
}

/**
 * R-TICKET: at most `ticketsOpenMaxSubscriber` open requests as a subscriber and `ticketsOpenMaxAdmin` as an
 * administrator (finding 4 of issue 22). The user's opens are serialised by a transaction lock, so two at
 * once cannot both pass the count.
 */
async function requireUnderOpenCap(
  tx: Executor,
  requester: { kind: 'admin' | 'subscriber'; telegramId: number },
  settings: DomainDeps['settings'],
): Promise<void> {
  const max = requester.kind === 'subscriber' ? settings.ticketsOpenMaxSubscriber : settings.ticketsOpenMaxAdmin;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`tickets:open:${requester.telegramId}`}))`);
  const [row] = await tx
    .select({ n: count() })
    .from(tickets)
    .where(
      and(
        eq(tickets.requesterTelegramId, requester.telegramId),
        eq(tickets.role, requester.kind),
        ne(tickets.status, 'closed'),
      ),
    );
  if ((row?.n ?? 0) >= max) throw new DomainError('tickets.tooManyOpen', { max });
}

export type TicketUser = { telegramId: number } | { msisdn: string };

/** Which role a user is reached in: their subscriber link first (the number is known), else their first administrator role. */
async function userRole(tx: Executor, who: TicketUser) {
  if ('msisdn' in who) {
    const msisdn = normalizePhone(who.msisdn);
    const [row] = await tx
      .select({ telegramId: telegramRoles.telegramId, clientId: subscribers.clientId, subscriberId: subscribers.id })
      .from(subscribers)
      .innerJoin(
        telegramRoles,
        and(eq(telegramRoles.subscriberId, subscribers.id), eq(telegramRoles.role, 'subscriber')),
      )
      .where(and(eq(subscribers.msisdn, msisdn), ne(subscribers.status, 'terminated')));
    if (!row) throw new DomainError('tickets.userNotFound');
    return { role: 'subscriber' as const, ...row };
  }
  if (!Number.isSafeInteger(who.telegramId) || who.telegramId <= 0) throw new DomainError('tickets.userNotFound');
  const roles = await tx
    .select({
      role: telegramRoles.role,
      telegramId: telegramRoles.telegramId,
      clientId: telegramRoles.clientId,
      subscriberId: telegramRoles.subscriberId,
      subscriberStatus: subscribers.status,
    })
    .from(telegramRoles)
    .leftJoin(subscribers, eq(subscribers.id, telegramRoles.subscriberId))
    .where(and(eq(telegramRoles.telegramId, who.telegramId), ne(telegramRoles.role, 'support')))
    .orderBy(asc(telegramRoles.id));
  const live = roles.filter((r) => r.role === 'admin' || r.subscriberStatus !== 'terminated');
  const pick = live.find((r) => r.role === 'subscriber') ?? live[0];
  if (!pick) throw new DomainError('tickets.userNotFound');
  return {
    role: pick.role as 'admin' | 'subscriber',
    telegramId: pick.telegramId,
    clientId: pick.clientId!,
    subscriberId: pick.subscriberId,
  };
}

export interface OpenTicketForUserInput {
  user: TicketUser;
  topic?: TicketTopic;
  /** What staff say first; optional — the conversation goes on in the topic. */
  text?: string;
  /** Makes a redelivered `/ticket` update open one ticket (R-IDEMP), e.g. `<chat>:<message id>`. */
  nonce?: string;
}

/** Staff turn a conversation into a ticket: it starts «в работе», taken by the staff member who opened it. */
export async function openTicketForUser(
  deps: DomainDeps,
  actor: Actor,
  input: OpenTicketForUserInput,
): Promise<OpenedTicket> {
  const topic = input.topic ?? 'other';
  if (!isTicketTopic(topic)) throw new DomainError('tickets.badTopic');
  const text = messageText(input.text, false);
  const now = deps.clock.now();
  const change = async (tx: Executor): Promise<OpenedTicket> => {
    const staff = await requireSupport(tx, actor);
    const user = await userRole(tx, input.user);
    const [ticket] = await tx
      .insert(tickets)
      .values({
        requesterTelegramId: user.telegramId,
        requesterChatId: user.telegramId,
        role: user.role,
        clientId: user.clientId,
        subscriberId: user.subscriberId ?? null,
        topic,
        status: 'in_work',
        assignedStaffTelegramId: staff.telegramId,
        context: { kind: 'staff', openedBy: 'support' },
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: tickets.id });
    let messageId: number | null = null;
    if (text) {
      const [message] = await tx
        .insert(ticketMessages)
        .values({ ticketId: ticket!.id, author: 'staff', authorTelegramId: staff.telegramId, text, createdAt: now })
        .returning({ id: ticketMessages.id });
      messageId = message!.id;
    }
    await audit(tx, staff, now, {
      action: 'tickets.openForUser',
      clientId: user.clientId,
      subscriberId: user.subscriberId ?? null,
      after: { ticketId: ticket!.id, topic, status: 'in_work', requesterTelegramId: user.telegramId, role: user.role },
    });
    return { ticketId: ticket!.id, messageId };
  };
  return deps.db.transaction(async (tx) => {
    if (!input.nonce) return change(tx);
    return (await once(tx, `tickets:openForUser:${input.nonce}`, now, () => change(tx))).result;
  });
}
