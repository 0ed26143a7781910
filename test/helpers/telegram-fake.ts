// A stand-in for the Telegram Bot API: answers each method like Telegram would, keeps every chat's
// messages (text and inline keyboard) and records every call. Used in-process through nock
// (test/helpers/bot.ts) and over loopback HTTP for end-to-end runs (test/helpers/fake-bot-api.ts).
import { expect } from 'vitest';
import { MAX_CALLBACK_BYTES, parseCallback } from '../../src/bot/callback-data.js';

export interface ApiCall {
  method: string;
  payload: Record<string, any>;
  /** Files of a multipart call (sendDocument, sendPhoto): field → { filename, content }. */
  files: Record<string, { filename: string; content: Buffer }>;
}

export interface ChatMessage {
  message_id: number;
  text?: string;
  caption?: string;
  reply_markup?: { inline_keyboard?: { text: string; callback_data?: string }[][] };
  document?: { file_name: string };
  photo?: boolean;
  message_thread_id?: number;
  fromBot: boolean;
}

export const BOT_INFO = {
  id: 777000111,
  is_bot: true as const,
  first_name: 'Portal Bot',
  username: 'portal_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: true,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
};

/** Every button the bot renders must fit Telegram's 64 bytes and parse with the one codec. */
export function assertKeyboardValid(markup: ChatMessage['reply_markup']): void {
  for (const row of markup?.inline_keyboard ?? []) {
    for (const b of row) {
      if (b.callback_data === undefined) continue;
      expect(Buffer.byteLength(b.callback_data, 'utf8'), b.callback_data).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
      expect(parseCallback(b.callback_data), b.callback_data).toBeDefined();
    }
  }
}

export class FakeTelegram {
  readonly calls: ApiCall[] = [];
  readonly chats = new Map<number, Map<number, ChatMessage>>();
  /** Chats that blocked the bot: sends to them fail with 403. */
  readonly blocked = new Set<number>();
  private nextMessageId = 1000;
  private nextTopicId = 500;

  chat(chatId: number): Map<number, ChatMessage> {
    let chat = this.chats.get(chatId);
    if (!chat) {
      chat = new Map();
      this.chats.set(chatId, chat);
    }
    return chat;
  }

  /** Records a message the user sent, so later bot edits and replies see it. */
  userMessage(chatId: number, text: string, threadId?: number): number {
    const id = this.nextMessageId++;
    this.chat(chatId).set(id, { message_id: id, text, fromBot: false, message_thread_id: threadId });
    return id;
  }

  /** Answers one Bot API method; throws { error_code, description } for failures. */
  handle(method: string, payload: Record<string, any>, files: ApiCall['files'] = {}): unknown {
    this.calls.push({ method, payload, files });
    if (payload.reply_markup) {
      const markup = typeof payload.reply_markup === 'string' ? JSON.parse(payload.reply_markup) : payload.reply_markup;
      payload.reply_markup = markup;
      assertKeyboardValid(markup);
    }
    const chatId = Number(payload.chat_id);
    if (this.blocked.has(chatId)) throw { error_code: 403, description: 'Forbidden: bot was blocked by the user' };
    const now = Math.floor(Date.now() / 1000);
    const message = (m: ChatMessage) => ({
      message_id: m.message_id,
      date: now,
      chat: { id: chatId, type: chatId < 0 ? 'supergroup' : 'private' },
      from: BOT_INFO,
      ...(m.text !== undefined ? { text: m.text } : {}),
      ...(m.caption !== undefined ? { caption: m.caption } : {}),
      ...(m.reply_markup ? { reply_markup: m.reply_markup } : {}),
      ...(m.message_thread_id ? { message_thread_id: m.message_thread_id, is_topic_message: true } : {}),
      ...(m.document
        ? {
            document: {
              file_id: `doc${m.message_id}`,
              file_unique_id: `u${m.message_id}`,
              file_name: m.document.file_name,
            },
          }
        : {}),
    });
    switch (method) {
      case 'getMe':
        return BOT_INFO;
      case 'sendMessage': {
        const m: ChatMessage = {
          message_id: this.nextMessageId++,
          text: String(payload.text),
          reply_markup: payload.reply_markup?.inline_keyboard ? payload.reply_markup : undefined,
          message_thread_id: payload.message_thread_id ? Number(payload.message_thread_id) : undefined,
          fromBot: true,
        };
        this.chat(chatId).set(m.message_id, m);
        return message(m);
      }
      case 'sendDocument':
      case 'sendPhoto': {
        const file = files.document ?? files.photo;
        const m: ChatMessage = {
          message_id: this.nextMessageId++,
          caption: payload.caption,
          document: method === 'sendDocument' ? { file_name: file?.filename ?? 'file' } : undefined,
          photo: method === 'sendPhoto',
          reply_markup: payload.reply_markup?.inline_keyboard ? payload.reply_markup : undefined,
          message_thread_id: payload.message_thread_id ? Number(payload.message_thread_id) : undefined,
          fromBot: true,
        };
        this.chat(chatId).set(m.message_id, m);
        return message(m);
      }
      case 'editMessageText':
      case 'editMessageReplyMarkup':
      case 'editMessageCaption': {
        const m = this.chat(chatId).get(Number(payload.message_id));
        if (!m) throw { error_code: 400, description: 'Bad Request: message to edit not found' };
        const text = method === 'editMessageText' ? String(payload.text) : m.text;
        const markup = payload.reply_markup?.inline_keyboard
          ? payload.reply_markup
          : method === 'editMessageReplyMarkup'
            ? undefined
            : undefined;
        if (text === m.text && JSON.stringify(markup ?? null) === JSON.stringify(m.reply_markup ?? null)) {
          throw { error_code: 400, description: 'Bad Request: message is not modified' };
        }
        m.text = text;
        m.reply_markup = markup;
        return message(m);
      }
      case 'deleteMessage':
        this.chat(chatId).delete(Number(payload.message_id));
        return true;
      case 'createForumTopic':
        return { message_thread_id: this.nextTopicId++, name: payload.name, icon_color: 0x6fb9f0 };
      case 'copyMessage':
      case 'forwardMessage':
        return { message_id: this.nextMessageId++ };
      default:
        return true;
    }
  }

  /** The bot's messages in a chat, oldest first. */
  botMessages(chatId: number): ChatMessage[] {
    return [...this.chat(chatId).values()].filter((m) => m.fromBot);
  }

  /** The newest bot message in a chat that carries an inline keyboard. */
  lastMenu(chatId: number): ChatMessage | undefined {
    return this.botMessages(chatId)
      .filter((m) => m.reply_markup?.inline_keyboard?.length)
      .at(-1);
  }
}

/** Splits a multipart/form-data body into fields and files. */
export function parseMultipart(
  body: Buffer,
  contentType: string,
): { fields: Record<string, string>; files: ApiCall['files'] } {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const fields: Record<string, string> = {};
  const files: ApiCall['files'] = {};
  if (!boundary) return { fields, files };
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const name = /name="([^"]+)"/.exec(headers)?.[1];
    const filename = /filename="([^"]*)"/.exec(headers)?.[1];
    if (name && filename !== undefined) files[name] = { filename, content: Buffer.from(content) };
    else if (name) fields[name] = content.toString('utf8');
    start = next;
  }
  return { fields, files };
}
