// R-SUP-SCOPE: updates from the support group. Only verified support staff act here; anyone else is
// ignored. A staff message in a ticket's topic goes to that ticket's requester and nowhere else;
// /take, /close and /ticket <Telegram id or number> manage tickets. Nothing from the group reaches the
// scenes: the update stops here.
import type { MiddlewareFn } from 'telegraf';
import type { Message, User } from 'telegraf/types';
import type { BotContext } from '../bot/context.js';
import { errorText } from '../bot/texts/index.js';
import { isDomainError } from '../domain/errors.js';
import {
  addStaffMessage,
  closeTicket,
  openTicketForUser,
  relayThread,
  type SupportActor,
  staffTicketView,
  supportStaff,
  takeTicket,
  ticketByForumTopic,
  type TicketUser,
} from '../domain/tickets/index.js';
import { openTicketButton, ratingRow } from './buttons.js';
import { type SupportRelay, supportRelay } from './relay.js';

type GroupMessage = Message & { message_thread_id?: number; is_topic_message?: boolean };

function staffName(user: User): string {
  return (
    [user.first_name, user.last_name].filter(Boolean).join(' ') ||
    (user.username ? `@${user.username}` : String(user.id))
  );
}

/** `/ticket` takes a Telegram id, or a number written as a number (`+375…`, `375…`, `80…`, separators). */
export function ticketUser(arg: string): TicketUser | undefined {
  const value = arg.trim();
  if (!value) return undefined;
  if (/^\+|[\s\-()]/.test(value) || /^(375|80)\d{9}$/.test(value)) return { msisdn: value };
  if (/^\d{1,15}$/.test(value)) return { telegramId: Number(value) };
  return undefined;
}

interface Command {
  name: string;
  arg: string;
}

function commandOf(message: GroupMessage, botUsername: string | undefined): Command | undefined {
  if (!('text' in message)) return undefined;
  const m = /^\/([a-z]+)(?:@(\w+))?(?:\s+([\s\S]*))?$/i.exec(message.text.trim());
  if (!m) return undefined;
  if (m[2] && botUsername && m[2].toLowerCase() !== botUsername.toLowerCase()) return { name: '', arg: '' };
  return { name: m[1]!.toLowerCase(), arg: m[3] ?? '' };
}

/** Service messages (topic created/closed, members joined, pins) are not staff content. */
function isContent(message: GroupMessage): boolean {
  return ['text', 'photo', 'document', 'video', 'voice', 'audio', 'animation', 'sticker', 'video_note'].some(
    (k) => k in message,
  );
}

function contentOf(message: GroupMessage): {
  text: string;
  attachments: { kind: 'photo' | 'document'; fileId: string; name?: string }[];
} {
  if ('text' in message) return { text: message.text, attachments: [] };
  const caption = 'caption' in message && message.caption ? message.caption : '';
  if ('photo' in message)
    return { text: caption, attachments: [{ kind: 'photo', fileId: message.photo.at(-1)!.file_id }] };
  if ('document' in message) {
    const name = message.document.file_name;
    return {
      text: caption,
      attachments: [{ kind: 'document', fileId: message.document.file_id, ...(name ? { name } : {}) }],
    };
  }
  // Other media are relayed as they are; the thread keeps a marker of what was sent.
  const kind = ['video', 'voice', 'audio', 'animation', 'sticker', 'video_note'].find((k) => k in message) ?? 'media';
  return { text: caption || `[${kind}]`, attachments: [] };
}

async function onTake(
  ctx: BotContext,
  relay: SupportRelay,
  staff: SupportActor,
  topicId: number,
  name: string,
): Promise<void> {
  const ticket = await ticketByForumTopic(ctx.services.deps, staff, topicId);
  if (!ticket) return relay.topicNotice(topicId, relay.t.tickets.support.notTicketTopic);
  const taken = await takeTicket(ctx.services.deps, staff, { ticketId: ticket.id });
  if (!taken.changed) return relay.topicNotice(topicId, relay.t.tickets.support.alreadyYours);
  await relay.topicNotice(topicId, relay.t.tickets.support.taken(name));
  await relay.userNotice(ticket, (t) => t.tickets.notices.taken(ticket.id));
}

async function onClose(
  ctx: BotContext,
  relay: SupportRelay,
  staff: SupportActor,
  topicId: number,
  name: string,
): Promise<void> {
  const ticket = await ticketByForumTopic(ctx.services.deps, staff, topicId);
  if (!ticket) return relay.topicNotice(topicId, relay.t.tickets.support.notTicketTopic);
  await closeTicket(ctx.services.deps, staff, { ticketId: ticket.id });
  await relay.userNotice(
    ticket,
    (t) => t.tickets.notices.closedByStaff(ticket.id),
    ticket.rating === null ? (t) => [ratingRow(t, ticket.id)] : undefined,
  );
  await relay.topicNotice(topicId, relay.t.tickets.support.closedByStaff(name));
  await relay.closeTopic(topicId);
}

async function onTicket(
  ctx: BotContext,
  relay: SupportRelay,
  staff: SupportActor,
  message: GroupMessage,
  arg: string,
  threadId: number | undefined,
) {
  const s = relay.t.tickets.support;
  const user = ticketUser(arg);
  if (!user) return groupReply(ctx, relay, threadId, s.ticketUsage);
  const opened = await openTicketForUser(ctx.services.deps, staff, {
    user,
    nonce: `${message.chat.id}:${message.message_id}`,
  });
  const topicId = await relay.ticketOpened(opened.ticketId);
  const reply = topicId === null ? s.ticketOpenedNoTopic(opened.ticketId) : s.ticketOpened(opened.ticketId);
  await groupReply(ctx, relay, threadId, reply);
  const ticket = (await relayThread(ctx.services.deps, opened.ticketId)).ticket;
  await relay.userNotice(
    ticket,
    (t) => t.tickets.notices.staffOpened(ticket.id),
    (t) => [[openTicketButton(t, ticket.id)]],
  );
}

/** An answer to staff where they wrote: in the topic, or in the General topic. */
async function groupReply(
  ctx: BotContext,
  relay: SupportRelay,
  threadId: number | undefined,
  text: string,
): Promise<void> {
  if (threadId !== undefined) return relay.topicNotice(threadId, text);
  await ctx.telegram
    .sendMessage(relay.chatId, text)
    .catch((error) => ctx.log.warn({ err: error }, 'group reply failed'));
}

async function onStaffContent(
  ctx: BotContext,
  relay: SupportRelay,
  staff: SupportActor,
  message: GroupMessage,
  topicId: number,
  name: string,
) {
  const ticket = await ticketByForumTopic(ctx.services.deps, staff, topicId);
  if (!ticket) return; // a topic that is no ticket's: staff talk among themselves
  if (ticket.status === 'closed') return relay.topicNotice(topicId, relay.t.tickets.support.ticketClosed);
  const added = await addStaffMessage(ctx.services.deps, staff, {
    ticketId: ticket.id,
    ...contentOf(message),
    supportMessageId: message.message_id,
    updateKey: `${message.chat.id}:${message.message_id}`,
  });
  await relay.staffMessage(await staffTicketView(ctx.services.deps, staff, ticket.id), added.messageId, message, name);
}

export function supportGroupMiddleware(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const chatId = ctx.services.config.SUPPORT_CHAT_ID;
    if (chatId === undefined || ctx.chat?.id !== chatId) return next();
    const message = ctx.message as GroupMessage | undefined;
    if (!message || !ctx.from || ctx.from.is_bot) return;
    const staff = await supportStaff(ctx.services.deps.db, ctx.from.id);
    if (!staff) {
      ctx.log.info({ from: ctx.from.id }, 'support group: message from a non-staff member ignored');
      return;
    }
    const relay = supportRelay(ctx);
    if (!relay) return;
    const threadId = message.is_topic_message ? message.message_thread_id : undefined;
    const name = staffName(ctx.from);
    try {
      const command = commandOf(message, ctx.botInfo?.username);
      if (command) {
        if (command.name === 'ticket') return await onTicket(ctx, relay, staff, message, command.arg, threadId);
        if (command.name === 'take' || command.name === 'close') {
          if (threadId === undefined)
            return await groupReply(ctx, relay, undefined, relay.t.tickets.support.notTicketTopic);
          return await (command.name === 'take' ? onTake : onClose)(ctx, relay, staff, threadId, name);
        }
        return; // another bot's or an unknown command
      }
      if (threadId !== undefined && isContent(message))
        await onStaffContent(ctx, relay, staff, message, threadId, name);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      await groupReply(ctx, relay, threadId, errorText(relay.t, error) ?? error.code);
    }
  };
}
