// Proactive messages (notices, list progress, documents from jobs) through the Bot API, throttled to
// Telegram's limits: about 30 messages a second overall and one a second per chat (20 a minute for
// groups). Replies to a user's own update do not go through here.
import type { Telegram } from 'telegraf';
import type { InlineButton, Notifier } from '../jobs/types.js';
import type { Logger } from '../logger.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Throttle {
  private nextGlobal = 0;
  private readonly nextByChat = new Map<number, number>();

  constructor(
    private readonly perSecond = 30,
    private readonly perChatMs = 1000,
    private readonly perGroupMs = 3000,
  ) {}

  /** Waits until a message to `chatId` may go. */
  async take(chatId: number): Promise<void> {
    const now = Date.now();
    const chatGap = chatId < 0 ? this.perGroupMs : this.perChatMs;
    const at = Math.max(now, this.nextGlobal, this.nextByChat.get(chatId) ?? 0);
    this.nextGlobal = at + 1000 / this.perSecond;
    this.nextByChat.set(chatId, at + chatGap);
    if (this.nextByChat.size > 10_000) {
      for (const [id, t] of this.nextByChat) if (t < now) this.nextByChat.delete(id);
    }
    if (at > now) await sleep(at - now);
  }
}

export class TelegramNotifier implements Notifier {
  constructor(
    private readonly telegram: Telegram,
    private readonly logger: Logger,
    private readonly throttle = new Throttle(),
  ) {}

  async sendText(chatId: number, text: string, options: { buttons?: InlineButton[][]; html?: boolean } = {}) {
    await this.throttle.take(chatId);
    const message = await this.telegram.sendMessage(chatId, text, {
      ...(options.buttons ? { reply_markup: { inline_keyboard: options.buttons } } : {}),
      ...(options.html ? { parse_mode: 'HTML' as const } : {}),
    });
    return { messageId: message.message_id };
  }

  async editText(
    chatId: number,
    messageId: number,
    text: string,
    options: { buttons?: InlineButton[][]; html?: boolean } = {},
  ) {
    await this.throttle.take(chatId);
    try {
      await this.telegram.editMessageText(chatId, messageId, undefined, text, {
        ...(options.buttons ? { reply_markup: { inline_keyboard: options.buttons } } : {}),
        ...(options.html ? { parse_mode: 'HTML' as const } : {}),
      });
    } catch (error) {
      if (!String((error as Error).message).includes('message is not modified')) throw error;
    }
  }

  async sendDocument(chatId: number, file: { content: Buffer; filename: string }, caption?: string) {
    await this.throttle.take(chatId);
    const message = await this.telegram.sendDocument(
      chatId,
      { source: file.content, filename: file.filename },
      caption ? { caption } : {},
    );
    return { messageId: message.message_id };
  }

  async deleteMessage(chatId: number, messageId: number) {
    try {
      await this.telegram.deleteMessage(chatId, messageId);
    } catch (error) {
      // Already gone (deleted by the user, or older than 48 h): nothing left to do.
      this.logger.debug({ err: error, chatId }, 'deleteMessage failed');
    }
  }
}
