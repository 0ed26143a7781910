// What the «Обратная связь» screens keep between updates (in the session, so small: ids and the form),
// and who the screens are about — every subscriber id from a button is re-checked by the domain.
import type { BotContext } from '../../../src/bot/context.js';
import { idArg } from '../../../src/bot/callback-data.js';
import { StaleButtonError } from '../../../src/bot/sections.js';
import type { Actor } from '../../../src/domain/actor.js';
import { subscriberInScope } from '../../../src/domain/scope.js';
import type { Attachment, TicketTopic } from '../../../src/domain/tickets/index.js';
import type { MenuTarget } from './views.js';

export interface FeedbackState {
  /** Where typed input goes: the new-request form, a ticket's screen, or the handover prompt. */
  step?: 'text' | 'files' | 'thread' | 'handover';
  /** The subscriber an administrator acts for, or the subscriber's own id. */
  sub?: number;
  topic?: TicketTopic;
  text?: string;
  files?: Attachment[];
  nonce?: string;
  /** The ticket of the screen the user is on. */
  ticketId?: number;
  /** Where «Связаться со специалистом» was pressed (R-HANDOVER context). */
  section?: string;
  /** The last sent form, so a second «Отправить» shows the same ticket (R-IDEMP). */
  sent?: { nonce: string; ticketId: number };
}

export type Requester = Extract<Actor, { kind: 'admin' | 'subscriber' }>;

export function feedbackState(ctx: BotContext): FeedbackState {
  return ctx.scene.state as FeedbackState;
}

export function setFeedbackState(ctx: BotContext, state: FeedbackState): void {
  ctx.scene.state = state as Record<string, unknown>;
}

export function requester(ctx: BotContext): Requester {
  const actor = ctx.actor;
  if (!actor || (actor.kind !== 'admin' && actor.kind !== 'subscriber'))
    throw new StaleButtonError('no requester role');
  return actor;
}

/**
 * The subscriber the screens are about: a subscriber's own number; for an administrator the id in the
 * button (re-authorized, R-SCOPE) or none (their own requests).
 */
export async function resolveSub(ctx: BotContext, arg: string | undefined): Promise<number | undefined> {
  const actor = requester(ctx);
  if (arg === undefined) return actor.kind === 'subscriber' ? actor.subscriberId : undefined;
  const id = idArg(arg);
  if (id === undefined) throw new StaleButtonError('bad subscriber id');
  await subscriberInScope(ctx.services.deps.db, actor, id);
  return id;
}

/** The menu's «Назад» and on-behalf line for this subscriber. */
export async function menuTarget(ctx: BotContext, sub: number | undefined): Promise<MenuTarget> {
  const actor = requester(ctx);
  if (actor.kind === 'subscriber')
    return { sub: actor.subscriberId, back: { area: 'sm', action: 'show', args: [actor.subscriberId] } };
  if (sub === undefined) return { back: { area: 'menu', action: 'admin', args: [] } };
  const subscriber = await subscriberInScope(ctx.services.deps.db, actor, sub);
  return { sub, onBehalfMsisdn: subscriber.msisdn, back: { area: 'sm', action: 'show', args: [sub] } };
}

/** The administrator's subscriber for the domain (a subscriber's own is implied there). */
export function onBehalf(actor: Requester, sub: number | undefined): number | undefined {
  return actor.kind === 'admin' ? sub : undefined;
}
