// «Связаться со специалистом» and /support (R-HANDOVER): from any menu the user writes their question;
// a ticket opens carrying the conversation so far — role, client, chosen subscriber, section, the last
// screens and messages, sanitised by the domain (never PIN/PUK). After that the user is on the
// ticket's screen, so what they type next goes to the same ticket.
import type { Message } from 'telegraf/types';
import type { BotContext } from '../../../src/bot/context.js';
import { show } from '../../../src/bot/render.js';
import type { ActionHandler } from '../../../src/bot/sections.js';
import { subscriberInScope } from '../../../src/domain/scope.js';
import { buildHandoverContext, openTicket } from '../../../src/domain/tickets/index.js';
import { supportRelay } from '../../../src/support/index.js';
import { showHome } from '../menu/section.js';
import { userContent } from './input.js';
import { feedbackState, onBehalf, requester, resolveSub, setFeedbackState } from './state.js';
import { AREA, handoverView, sentView } from './views.js';

const SECTION_MAX = 100;

/** The first line of the screen the button was pressed on names the section (e.g. «Главное меню абонента»). */
function sectionOfPress(ctx: BotContext): string {
  const message = ctx.callbackQuery?.message;
  const text = message && 'text' in message ? message.text : '';
  return (text.split('\n')[0] ?? '').slice(0, SECTION_MAX);
}

export const handover: ActionHandler = async (ctx, [subArg]) => {
  const sub = await resolveSub(ctx, subArg);
  setFeedbackState(ctx, { step: 'handover', sub, section: sectionOfPress(ctx) });
  await show(ctx, handoverView(ctx.t));
};

/** `/support` from anywhere: the same prompt, for the role the user works in. */
export async function supportCommand(ctx: BotContext): Promise<void> {
  const actor = ctx.actor;
  if (!actor || (actor.kind !== 'admin' && actor.kind !== 'subscriber')) return showHome(ctx);
  // The scene the user was in is the section; for an administrator the chosen subscriber comes along.
  const section = ctx.scene.current?.id ?? ctx.session.recent?.screens.at(-1)?.split('\n')[0] ?? '';
  let sub: number | undefined = actor.kind === 'subscriber' ? actor.subscriberId : undefined;
  if (actor.kind === 'admin' && ctx.session.subscriberId !== undefined) {
    sub = await subscriberInScope(ctx.services.deps.db, actor, ctx.session.subscriberId).then(
      (s) => s.id,
      () => undefined,
    );
  }
  await ctx.scene.enter(AREA, { step: 'handover', sub, section: section.slice(0, SECTION_MAX) }, true);
  await show(ctx, handoverView(ctx.t), { newMessage: true });
}

async function handoverContext(ctx: BotContext, sub: number | undefined, section: string) {
  const actor = requester(ctx);
  const role = ctx.role;
  let msisdn: string | undefined;
  if (role?.kind === 'subscriber') msisdn = role.msisdn;
  else if (sub !== undefined) msisdn = (await subscriberInScope(ctx.services.deps.db, actor, sub)).msisdn;
  const prompt = ctx.t.tickets.handoverPrompt.split('\n')[0]!;
  const recent = ctx.session.recent ?? { screens: [], messages: [] };
  return buildHandoverContext({
    role: actor.kind,
    clientName: role?.kind === 'admin' ? role.clientName : undefined,
    subscriberMsisdn: msisdn,
    section,
    // Our own prompt is not part of what the user was doing.
    lastScreens: recent.screens.filter((s) => !s.startsWith(prompt)),
    lastUserMessages: recent.messages,
  });
}

/** The question typed on the handover prompt opens the ticket. */
export async function handoverInput(ctx: BotContext, message: Message): Promise<boolean> {
  const state = feedbackState(ctx);
  const content = userContent(message);
  if (state.step !== 'handover' || !content) return false;
  const actor = requester(ctx);
  const context = await handoverContext(ctx, state.sub, state.section ?? '');
  const opened = await openTicket(ctx.services.deps, actor, {
    topic: 'other',
    text: content.text,
    attachments: content.attachments,
    subscriberId: onBehalf(actor, state.sub),
    requesterChatId: ctx.chat!.id,
    context: context as unknown as Record<string, unknown>,
    userMessageId: message.message_id,
    nonce: `handover:${ctx.chat!.id}:${message.message_id}`,
  });
  setFeedbackState(ctx, { step: 'thread', ticketId: opened.ticketId, sub: state.sub });
  await show(ctx, sentView(ctx.t, opened.ticketId), { newMessage: true });
  await supportRelay(ctx)?.ticketOpened(opened.ticketId);
  return true;
}
