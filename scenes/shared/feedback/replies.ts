// R-HANDOVER: a user's reply to a staff message (or to their own earlier ticket message) goes to that
// ticket wherever the user is — before any scene sees it. The ticket is acted on in the role it was
// opened in, if the user still holds that role; the domain re-checks the ticket is theirs.
import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from '../../../src/bot/context.js';
import { actorFor } from '../../../src/domain/access/identity.js';
import { ticketByUserMessage } from '../../../src/domain/tickets/index.js';
import { isCommand } from './input.js';
import type { Requester } from './state.js';
import { addToTicket } from './thread.js';

export function ticketReplies(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const message = ctx.message;
    if (ctx.chat?.type !== 'private' || !message || !ctx.from || isCommand(message)) return next();
    const replyTo = 'reply_to_message' in message ? message.reply_to_message : undefined;
    if (!replyTo) return next();
    const found = await ticketByUserMessage(ctx.services.deps, { chatId: ctx.chat.id, messageId: replyTo.message_id });
    if (!found) return next();
    const role = ctx.identity?.roles.find((r) =>
      found.role === 'admin'
        ? r.kind === 'admin' && r.clientId === found.clientId
        : r.kind === 'subscriber' && r.subscriberId === found.subscriberId,
    );
    if (!role) return next();
    const handled = await addToTicket(ctx, actorFor(ctx.from.id, role) as Requester, found.ticketId, message);
    if (!handled) return next();
  };
}
