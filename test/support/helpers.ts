// The support group as tests drive it: a forum supergroup the bot administers (the FakeTelegram answers
// createForumTopic, copyMessage, closeForumTopic…), staff and other members writing in it, and users
// sending photos or replying to a staff message in their private chat.
import { telegramRoles } from '../../src/db/schema/index.js';
import type { AppOverrides } from '../../src/app.js';
import { unlimitedThrottle } from '../../src/telegram/index.js';
import type { Harness } from '../helpers/bot.js';
import type { ApiCall } from '../helpers/telegram-fake.js';
import { makeTelegramUser } from '../helpers/fixtures.js';

export const SUPPORT_CHAT = -1001234567890;
export const SUPPORT_ENV = { SUPPORT_CHAT_ID: String(SUPPORT_CHAT) };

/** Tests do not wait out the group's 20-a-minute pace (SendThrottle has its own unit test). */
export function unthrottled(): Pick<AppOverrides, 'throttle' | 'supportPendingWaitMs'> {
  return { throttle: unlimitedThrottle(), supportPendingWaitMs: 5000 };
}

let updateId = 90_000_000;

export async function grantSupport(h: Harness, telegramId: number): Promise<void> {
  await makeTelegramUser(h.deps.db, telegramId);
  await h.deps.db
    .insert(telegramRoles)
    .values({ telegramId, role: 'support', createdAt: new Date('2026-01-01T00:00:00Z') })
    .onConflictDoNothing();
}

export interface GroupMessage {
  text?: string;
  /** The ticket's topic; none: the General topic. */
  threadId?: number;
  photo?: string;
  caption?: string;
}

/** A member of the support group writes; returns the Bot API calls it caused. */
export async function inGroup(h: Harness, fromId: number, m: GroupMessage): Promise<ApiCall[]> {
  const before = h.telegram.calls.length;
  const messageId = h.telegram.userMessage(SUPPORT_CHAT, m.text ?? m.caption ?? '', m.threadId);
  const content: Record<string, unknown> = m.photo
    ? {
        photo: [
          { file_id: `${m.photo}s`, file_unique_id: 'a', width: 90, height: 90 },
          { file_id: m.photo, file_unique_id: 'b', width: 800, height: 800 },
        ],
        ...(m.caption ? { caption: m.caption } : {}),
      }
    : {
        text: m.text,
        ...(m.text?.startsWith('/')
          ? { entities: [{ type: 'bot_command', offset: 0, length: m.text.split(/\s/)[0]!.length }] }
          : {}),
      };
  await h.app.bot.handleUpdate({
    update_id: updateId++,
    message: {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: SUPPORT_CHAT, type: 'supergroup', title: 'Поддержка', is_forum: true },
      from: { id: fromId, is_bot: false, first_name: `Staff${fromId}`, language_code: 'ru' },
      ...(m.threadId ? { message_thread_id: m.threadId, is_topic_message: true } : {}),
      ...content,
    },
  } as never);
  return h.telegram.calls.slice(before);
}

/** A user's private message with a photo (optionally a reply to one of the bot's messages). */
export async function userPhoto(
  h: Harness,
  userId: number,
  fileId: string,
  opts: { caption?: string; replyTo?: number } = {},
): Promise<ApiCall[]> {
  const before = h.telegram.calls.length;
  const messageId = h.telegram.userMessage(userId, opts.caption ?? '');
  await h.app.bot.handleUpdate({
    update_id: updateId++,
    message: {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: 'private', first_name: `User${userId}` },
      from: { id: userId, is_bot: false, first_name: `User${userId}`, language_code: 'ru' },
      photo: [{ file_id: fileId, file_unique_id: `u${fileId}`, width: 800, height: 600 }],
      ...(opts.caption ? { caption: opts.caption } : {}),
      ...(opts.replyTo
        ? { reply_to_message: { message_id: opts.replyTo, date: 0, chat: { id: userId, type: 'private' } } }
        : {}),
    },
  } as never);
  return h.telegram.calls.slice(before);
}

export function toGroup(calls: ApiCall[], method?: string): ApiCall[] {
  return calls.filter((c) => Number(c.payload.chat_id) === SUPPORT_CHAT && (!method || c.method === method));
}

export function toChat(calls: ApiCall[], chatId: number, method?: string): ApiCall[] {
  return calls.filter((c) => Number(c.payload.chat_id) === chatId && (!method || c.method === method));
}
