// Proactive messages (notices, list progress, documents from jobs) through the Bot API: paced by the one
// SendThrottle, sent by a client that carries the outgoing policy (retries, "not modified", token scrubbing,
// 403 → blocked). A user who blocked the bot gets nothing until they come back (the send returns undefined).
import type { Telegram } from 'telegraf';
import type { InlineButton, Notifier } from '../jobs/types.js';
import type { Logger } from '../logger.js';
import { SendThrottle } from './throttle.js';

export interface NotifierOptions {
  throttle?: SendThrottle;
  /** True when the private chat's user blocked the bot (telegram_users.blocked_bot). */
  isBlocked?: (chatId: number) => Promise<boolean>;
}

export class TelegramNotifier implements Notifier {
  private readonly throttle: SendThrottle;

  constructor(
    private readonly telegram: Telegram,
    private readonly logger: Logger,
    private readonly options: NotifierOptions = {},
  ) {
    this.throttle = options.throttle ?? new SendThrottle();
  }

  /** False for a user who blocked the bot: nothing is sent to them. */
  private async reachable(chatId: number): Promise<boolean> {
    if (chatId <= 0 || !this.options.isBlocked) return true;
    if (!(await this.options.isBlocked(chatId))) return true;
    this.logger.info({ chatId }, 'proactive message skipped: the user blocked the bot');
    return false;
  }

  async sendText(chatId: number, text: string, options: { buttons?: InlineButton[][]; html?: boolean } = {}) {
    if (!(await this.reachable(chatId))) return undefined;
    await this.throttle.take(chatId);
    const message = await this.telegram.sendMessage(chatId, text, {
      ...(options.buttons ? { reply_markup: { inline_keyboard: options.buttons } } : {}),
      ...(options.html ? { parse_mode: 'HTML' as const } : {}),
    });
    return { messageId: message.message_id };
  }

  /** "message is not modified" is a success of the policy (the message already shows the text). */
  async editText(
    chatId: number,
    messageId: number,
    text: string,
    options: { buttons?: InlineButton[][]; html?: boolean } = {},
  ) {
    if (!(await this.reachable(chatId))) return;
    await this.throttle.take(chatId);
    await this.telegram.editMessageText(chatId, messageId, undefined, text, {
      ...(options.buttons ? { reply_markup: { inline_keyboard: options.buttons } } : {}),
      ...(options.html ? { parse_mode: 'HTML' as const } : {}),
    });
  }

  async sendDocument(chatId: number, file: { content: Buffer; filename: string }, caption?: string) {
    if (!(await this.reachable(chatId))) return undefined;
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
