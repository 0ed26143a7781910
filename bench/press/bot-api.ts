// A minimal loopback Bot API stand-in for the press bench, lighter than test/helpers/fake-bot-api.ts (no
// call log, no multipart): getUpdates long-polls a queue; sendMessage/editMessageText keep each chat's
// current message and wake whoever waits for that chat; every call is counted per chat.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatMessageState {
  messageId: number;
  text: string;
  replyMarkup?: { inline_keyboard: { text: string; callback_data?: string }[][] };
}

interface ChatState {
  message?: ChatMessageState;
  calls: number;
  waiter?: () => void;
}

/** A Bot API request body as the bot sends it (JSON). */
interface Payload {
  offset?: number;
  timeout?: number;
  callback_query_id?: string;
  chat_id?: number | string;
  message_id?: number;
  text?: string;
  reply_markup?: string | ChatMessageState['replyMarkup'];
}

const BOT = { id: 123456, is_bot: true, first_name: 'Portal', username: 'portal_bench_bot' };

export class LoopbackBotApi {
  private server?: Server;
  private queue: Record<string, unknown>[] = [];
  private polls: { offset: number; res: ServerResponse; timer: NodeJS.Timeout }[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 1000;
  readonly chats = new Map<number, ChatState>();
  readonly methods = new Map<string, number>();
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const p of this.polls.splice(0)) {
      clearTimeout(p.timer);
      this.reply(p.res, []);
    }
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  chat(id: number): ChatState {
    let state = this.chats.get(id);
    if (!state) {
      state = { calls: 0 };
      this.chats.set(id, state);
    }
    return state;
  }

  /** Resolves at the chat's next sendMessage/editMessageText. */
  nextScreen(chatId: number): Promise<void> {
    const state = this.chat(chatId);
    return new Promise((resolve) => {
      state.waiter = resolve;
    });
  }

  push(update: Record<string, unknown>): void {
    this.queue.push({ update_id: this.nextUpdateId++, ...update });
    const poll = this.polls.shift();
    if (poll) {
      clearTimeout(poll.timer);
      this.answerPoll(poll.offset, poll.res);
    }
  }

  resetCounts(): void {
    this.methods.clear();
    for (const state of this.chats.values()) state.calls = 0;
  }

  private answerPoll(offset: number, res: ServerResponse): void {
    while (this.queue.length && Number(this.queue[0]!.update_id) < offset) this.queue.shift();
    this.reply(res, this.queue.slice(0, 100));
  }

  private reply(res: ServerResponse, result: unknown): void {
    const body = JSON.stringify({ ok: true, result });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.url ?? '').slice((req.url ?? '').lastIndexOf('/') + 1);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? Buffer.concat(chunks).toString('utf8') : '';
    const payload: Payload = body ? (JSON.parse(body) as Payload) : {};
    this.methods.set(method, (this.methods.get(method) ?? 0) + 1);
    switch (method) {
      case 'getUpdates': {
        const offset = Number(payload.offset ?? 0);
        while (this.queue.length && Number(this.queue[0]!.update_id) < offset) this.queue.shift();
        if (this.queue.length || !payload.timeout) return this.answerPoll(offset, res);
        const timer = setTimeout(() => {
          this.polls = this.polls.filter((p) => p.res !== res);
          this.answerPoll(offset, res);
        }, 1_000);
        this.polls.push({ offset, res, timer });
        return;
      }
      case 'getMe':
        return this.reply(res, BOT);
      case 'answerCallbackQuery': {
        const chatId = Number(String(payload.callback_query_id).split(':')[0]);
        this.chat(chatId).calls++;
        return this.reply(res, true);
      }
      case 'sendMessage':
      case 'editMessageText': {
        const chatId = Number(payload.chat_id);
        const state = this.chat(chatId);
        state.calls++;
        const messageId = method === 'sendMessage' ? this.nextMessageId++ : Number(payload.message_id);
        const markup = (
          typeof payload.reply_markup === 'string' ? JSON.parse(payload.reply_markup) : payload.reply_markup
        ) as ChatMessageState['replyMarkup'];
        if (markup?.inline_keyboard || method === 'editMessageText')
          state.message = { messageId, text: String(payload.text), replyMarkup: markup };
        this.reply(res, {
          message_id: messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: 'private' },
          from: BOT,
          text: payload.text,
          ...(markup?.inline_keyboard ? { reply_markup: markup } : {}),
        });
        const waiter = state.waiter;
        state.waiter = undefined;
        waiter?.();
        return;
      }
      default:
        if (payload.chat_id !== undefined) this.chat(Number(payload.chat_id)).calls++;
        return this.reply(res, true);
    }
  }
}
