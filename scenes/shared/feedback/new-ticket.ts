// «Новое обращение» (R-TICKET): topic buttons → text → optional photos or files → «Отправить». The form
// lives in the scene state; «Отправить» carries a nonce, so a double press opens one ticket (R-IDEMP).
import type { Message } from 'telegraf/types';
import type { BotContext } from '../../../src/bot/context.js';
import { show } from '../../../src/bot/render.js';
import { type ActionHandler, StaleButtonError } from '../../../src/bot/sections.js';
import { DomainError } from '../../../src/domain/errors.js';
import {
  ATTACHMENTS_MAX,
  isTicketTopic,
  messageText,
  openTicket,
  TICKET_TEXT_MAX,
} from '../../../src/domain/tickets/index.js';
import { supportRelay } from '../../../src/support/index.js';
import { userContent } from './input.js';
import { feedbackState, onBehalf, requester, resolveSub, setFeedbackState } from './state.js';
import { askFilesView, askTextView, sentView, topicsView } from './views.js';
import { issueNonce } from '../../../src/bot/nonces.js';

export const newTicket: ActionHandler = async (ctx, [subArg]) => {
  const sub = await resolveSub(ctx, subArg);
  setFeedbackState(ctx, { sub });
  await show(ctx, topicsView(ctx.t, sub));
};

export const chooseTopic: ActionHandler = async (ctx, [code, subArg]) => {
  if (!isTicketTopic(code)) throw new StaleButtonError('bad topic');
  const sub = await resolveSub(ctx, subArg);
  setFeedbackState(ctx, { step: 'text', topic: code, sub });
  await show(ctx, askTextView(ctx.t, ctx.t.tickets.topics[code]!, sub));
};

export const sendTicket: ActionHandler = async (ctx, [nonce]) => {
  const state = feedbackState(ctx);
  if (nonce && state.sent?.nonce === nonce) return show(ctx, sentView(ctx.t, state.sent.ticketId));
  if (state.step !== 'files' || !state.topic || !state.text || !nonce || state.nonce !== nonce)
    throw new StaleButtonError('no form');
  const actor = requester(ctx);
  const opened = await openTicket(ctx.services.deps, actor, {
    topic: state.topic,
    text: state.text,
    attachments: state.files ?? [],
    subscriberId: onBehalf(actor, state.sub),
    requesterChatId: ctx.chat!.id,
    nonce,
  });
  setFeedbackState(ctx, { sub: state.sub, sent: { nonce, ticketId: opened.ticketId } });
  await show(ctx, sentView(ctx.t, opened.ticketId));
  await supportRelay(ctx)?.ticketOpened(opened.ticketId);
};

/** Typed text, photos and files while the form is open. */
export async function newTicketInput(ctx: BotContext, message: Message): Promise<boolean> {
  const state = feedbackState(ctx);
  const content = userContent(message);
  if (!content || !state.topic || (state.step !== 'text' && state.step !== 'files')) return false;
  const files = [...(state.files ?? []), ...content.attachments];
  if (files.length > ATTACHMENTS_MAX) throw new DomainError('tickets.tooManyAttachments', { max: ATTACHMENTS_MAX });
  const typed = messageText(content.text, false);
  const text = [state.text, typed].filter(Boolean).join('\n');
  if (text.length > TICKET_TEXT_MAX) throw new DomainError('tickets.textTooLong', { max: TICKET_TEXT_MAX });
  const topic = ctx.t.tickets.topics[state.topic]!;
  if (!text) {
    setFeedbackState(ctx, { ...state, files });
    await ctx.reply(ctx.t.tickets.fileNeedsText);
    return true;
  }
  const nonce = state.nonce ?? issueNonce(ctx);
  setFeedbackState(ctx, { ...state, step: 'files', text, files, nonce });
  await show(ctx, askFilesView(ctx.t, topic, files.length, nonce, state.sub), { newMessage: true });
  return true;
}
