// «Мои обращения» and one request's screen (R-TICKET): the thread, «Закрыть обращение», reopening, the
// rating 1–5 after closure. While the user is on an open ticket's screen, what they send goes to it
// (R-HANDOVER); a closed ticket refuses it and offers to reopen.
import type { Message } from 'telegraf/types';
import { idArg } from '../../../src/bot/callback-data.js';
import type { BotContext } from '../../../src/bot/context.js';
import { routeButton } from '../../../src/bot/keyboards.js';
import { answerOnce, show } from '../../../src/bot/render.js';
import { type ActionHandler, StaleButtonError } from '../../../src/bot/sections.js';
import { isDomainError } from '../../../src/domain/errors.js';
import {
  addUserMessage,
  closeTicket,
  listMyTickets,
  rateTicket,
  reopenTicket,
  ticketThread,
} from '../../../src/domain/tickets/index.js';
import { supportRelay } from '../../../src/support/index.js';
import { userContent } from './input.js';
import { feedbackState, type Requester, requester, setFeedbackState } from './state.js';
import { AREA, listView, threadView } from './views.js';

function ticketArg(value: string | undefined): number {
  const id = idArg(value);
  if (id === undefined) throw new StaleButtonError('bad ticket id');
  return id;
}

async function showThread(ctx: BotContext, ticketId: number, newMessage = false): Promise<void> {
  const thread = await ticketThread(ctx.services.deps, requester(ctx), ticketId);
  setFeedbackState(ctx, { step: 'thread', ticketId, sub: feedbackState(ctx).sub });
  await show(ctx, threadView(ctx.t, thread), { newMessage });
}

export const listTickets: ActionHandler = async (ctx, [pageArg]) => {
  const page = pageArg === undefined ? 0 : Number(pageArg);
  if (!Number.isSafeInteger(page) || page < 0 || page > 10_000) throw new StaleButtonError('bad page');
  const result = await listMyTickets(ctx.services.deps, requester(ctx), { page });
  const { sub } = feedbackState(ctx);
  setFeedbackState(ctx, { sub });
  await show(ctx, listView(ctx.t, result, sub));
};

export const openThread: ActionHandler = async (ctx, [id, mode]) => showThread(ctx, ticketArg(id), mode === 'n');

export const closeThread: ActionHandler = async (ctx, [id]) => {
  const ticketId = ticketArg(id);
  const closed = await closeTicket(ctx.services.deps, requester(ctx), { ticketId });
  await showThread(ctx, ticketId);
  const relay = supportRelay(ctx);
  await relay?.topicNotice(closed.forumTopicId, relay.t.tickets.support.closedByUser);
  await relay?.closeTopic(closed.forumTopicId);
};

export const reopenThread: ActionHandler = async (ctx, [id]) => {
  const ticketId = ticketArg(id);
  const reopened = await reopenTicket(ctx.services.deps, requester(ctx), { ticketId });
  await answerOnce(ctx, ctx.t.tickets.reopened(ticketId));
  await showThread(ctx, ticketId);
  const relay = supportRelay(ctx);
  await relay?.reopenTopic(reopened.forumTopicId);
  await relay?.topicNotice(reopened.forumTopicId, relay.t.tickets.support.reopened);
};

export const rateThread: ActionHandler = async (ctx, [id, mark]) => {
  const ticketId = ticketArg(id);
  const rating = Number(mark);
  const rated = await rateTicket(ctx.services.deps, requester(ctx), { ticketId, rating });
  await answerOnce(ctx, ctx.t.tickets.thanksRating);
  await showThread(ctx, ticketId);
  const relay = supportRelay(ctx);
  await relay?.topicNotice(rated.forumTopicId, relay.t.tickets.support.rated(rating));
};

/** Adds what the user sent to a ticket and copies it into the ticket's topic; a closed ticket offers reopening. */
export async function addToTicket(
  ctx: BotContext,
  actor: Requester,
  ticketId: number,
  message: Message,
): Promise<boolean> {
  const content = userContent(message);
  if (!content) return false;
  const chatId = ctx.chat!.id;
  try {
    const added = await addUserMessage(ctx.services.deps, actor, {
      ticketId,
      ...content,
      userMessageId: message.message_id,
      updateKey: `${chatId}:${message.message_id}`,
    });
    await ctx.reply(ctx.t.tickets.messageAdded(ticketId));
    await supportRelay(ctx)?.userMessage(ticketId, added.messageId, { chatId, messageId: message.message_id });
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'tickets.closed') throw error;
    await ctx.reply(ctx.t.tickets.closedOffer(ticketId), {
      reply_markup: { inline_keyboard: [[routeButton(ctx.t.tickets.labels.reopen, AREA, 'reopen', ticketId)]] },
    });
  }
  return true;
}

/** Typed input on a ticket's screen. */
export async function threadInput(ctx: BotContext, message: Message): Promise<boolean> {
  const state = feedbackState(ctx);
  if (state.step !== 'thread' || !state.ticketId) return false;
  return addToTicket(ctx, requester(ctx), state.ticketId, message);
}
