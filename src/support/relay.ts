// R-HANDOVER / R-SUP-SCOPE: the bridge between a ticket and its forum topic in the support group.
// User → topic: the topic is created once per ticket (the domain's claim), opened with the card, and
// each later user message is copied into it. Staff → user: a staff message goes only to the chat of
// the ticket it was written under. Every id pair is stored, so replies on either side find their way.
import type { Telegram } from 'telegraf';
import type { InlineKeyboardButton, Message } from 'telegraf/types';
import type { BotContext } from '../bot/context.js';
import { textsFor, type Texts } from '../bot/texts/index.js';
import type { DomainDeps } from '../domain/deps.js';
import {
  claimTopicCreation,
  forumTopicOf,
  recordRelay,
  relayThread,
  releaseTopicClaim,
  setForumTopic,
  type TicketView,
} from '../domain/tickets/index.js';
import type { Logger } from '../logger.js';
import { isBlockedByUser, SendThrottle } from '../telegram/index.js';
import { cardText, topicName } from './card.js';

export interface RelayOptions {
  /** The bot's client, with the outgoing policy (retries, token scrubbing, 403 → blocked). */
  telegram: Telegram;
  deps: DomainDeps;
  /** SUPPORT_CHAT_ID: the forum supergroup. */
  chatId: number;
  logger: Logger;
  /** The process's one throttle of proactive sends. */
  throttle?: SendThrottle;
  /** Show the staff member's first name to users (staff are anonymous by default). */
  signStaff?: boolean;
  /** How long a caller that lost the topic-creation claim waits for the winner's id. */
  pendingWaitMs?: number;
  pollMs?: number;
}

export type Delivery = 'sent' | 'blocked' | 'failed';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const TEXT_MAX = 4096;
const CAPTION_MAX = 1024;

export class SupportRelay {
  readonly chatId: number;
  /** The group speaks the operator's language whatever the staff member's Telegram is set to. */
  readonly t: Texts = textsFor('ru');
  private readonly throttle: SendThrottle;

  constructor(private readonly options: RelayOptions) {
    this.chatId = options.chatId;
    this.throttle = options.throttle ?? new SendThrottle();
  }

  private get telegram(): Telegram {
    return this.options.telegram;
  }

  private get log(): Logger {
    return this.options.logger;
  }

  /** One paced call to the Bot API (the client's policy retries a 429 after retry_after). */
  private async send<T>(chatId: number, call: () => Promise<T>): Promise<T> {
    await this.throttle.take(chatId);
    return call();
  }

  /**
   * The ticket's topic id, creating the topic (and its card) if nobody has. Of concurrent callers
   * exactly one creates it; the others wait for its id. Null when the topic cannot be had now (Telegram
   * refused, or the creator is still at work after the wait): the messages stay in the ticket.
   */
  async ensureTopic(ticketId: number): Promise<number | null> {
    const { deps } = this.options;
    const claim = await claimTopicCreation(deps, ticketId);
    if (claim.state === 'exists') return claim.topicId;
    if (claim.state === 'pending') return this.awaitTopic(ticketId);
    let created: number;
    try {
      const thread = await relayThread(deps, ticketId);
      const topic = await this.send(this.chatId, () =>
        this.telegram.createForumTopic(this.chatId, topicName(this.t, thread.ticket)),
      );
      created = topic.message_thread_id;
      const kept = await setForumTopic(deps, ticketId, created);
      if (!kept.won) {
        // Only after a stale claim was taken over: keep the first topic, close this one.
        await this.send(this.chatId, () => this.telegram.closeForumTopic(this.chatId, created)).catch(() => undefined);
        return kept.topicId;
      }
      await this.postCard(created, thread);
      return created;
    } catch (error) {
      this.log.warn({ err: error, ticketId }, 'support topic could not be created');
      await releaseTopicClaim(deps, ticketId).catch(() => undefined);
      return null;
    }
  }

  private async awaitTopic(ticketId: number): Promise<number | null> {
    const deadline = Date.now() + (this.options.pendingWaitMs ?? 15_000);
    for (;;) {
      const topicId = await forumTopicOf(this.options.deps, ticketId);
      if (topicId !== null) return topicId;
      if (Date.now() >= deadline) {
        this.log.warn({ ticketId }, 'support topic still being created; message kept in the ticket only');
        return null;
      }
      await sleep(this.options.pollMs ?? 100);
    }
  }

  /** The card, then the files of the first message; the card is the first message's pair in the topic. */
  private async postCard(topicId: number, thread: Awaited<ReturnType<typeof relayThread>>): Promise<void> {
    const card = await this.send(this.chatId, () =>
      this.telegram.sendMessage(this.chatId, cardText(this.t, thread), { message_thread_id: topicId }),
    );
    const first = thread.messages[0];
    if (!first) return;
    await recordRelay(this.options.deps, { messageId: first.id, supportMessageId: card.message_id });
    for (const file of first.attachments) {
      const extra = { message_thread_id: topicId, ...(file.name ? { caption: file.name.slice(0, CAPTION_MAX) } : {}) };
      await this.send(
        this.chatId,
        (): Promise<unknown> =>
          file.kind === 'photo'
            ? this.telegram.sendPhoto(this.chatId, file.fileId, extra)
            : this.telegram.sendDocument(this.chatId, file.fileId, extra),
      ).catch((error) => this.log.warn({ err: error, ticketId: thread.ticket.id }, 'attachment not relayed'));
    }
  }

  /** A new ticket: its topic and card (the first message is in the card). */
  async ticketOpened(ticketId: number): Promise<number | null> {
    return this.ensureTopic(ticketId);
  }

  /** A user's later message (text, photo, file): copied into the topic, and the pair stored. */
  async userMessage(ticketId: number, messageId: number, source: { chatId: number; messageId: number }): Promise<void> {
    const topicId = await this.ensureTopic(ticketId);
    if (topicId === null) return;
    try {
      const copy = await this.send(this.chatId, () =>
        this.telegram.copyMessage(this.chatId, source.chatId, source.messageId, { message_thread_id: topicId }),
      );
      await recordRelay(this.options.deps, { messageId, supportMessageId: copy.message_id });
    } catch (error) {
      this.log.warn({ err: error, ticketId }, 'user message not relayed to the topic');
    }
  }

  /** A notice in the ticket's topic (status changes, delivery problems). */
  async topicNotice(topicId: number | null, text: string): Promise<void> {
    if (topicId === null) return;
    await this.send(this.chatId, () =>
      this.telegram.sendMessage(this.chatId, text, { message_thread_id: topicId }),
    ).catch((error) => this.log.warn({ err: error, topicId }, 'topic notice not sent'));
  }

  async closeTopic(topicId: number | null): Promise<void> {
    if (topicId === null) return;
    await this.send(this.chatId, () => this.telegram.closeForumTopic(this.chatId, topicId)).catch((error) =>
      this.log.debug({ err: error, topicId }, 'closeForumTopic failed'),
    );
  }

  async reopenTopic(topicId: number | null): Promise<void> {
    if (topicId === null) return;
    await this.send(this.chatId, () => this.telegram.reopenForumTopic(this.chatId, topicId)).catch((error) =>
      this.log.debug({ err: error, topicId }, 'reopenForumTopic failed'),
    );
  }

  /**
   * A staff message from the topic to the ticket's requester, and nowhere else. Text goes as a message
   * headed with the ticket number; media are copied with the header as caption. 403 → the topic is told.
   */
  async staffMessage(ticket: TicketView, messageId: number, source: Message, staffName: string): Promise<Delivery> {
    const t = textsFor(ticket.requesterLanguageCode?.startsWith('en') ? 'en' : 'ru');
    const header = t.tickets.notices.fromStaff(ticket.id) + (this.options.signStaff ? ` · ${staffName}` : '');
    const to = ticket.requesterChatId;
    try {
      let userMessageId: number;
      if ('text' in source) {
        const sent = await this.send(to, () =>
          this.telegram.sendMessage(to, `${header}\n\n${source.text}`.slice(0, TEXT_MAX)),
        );
        userMessageId = sent.message_id;
      } else {
        const caption = 'caption' in source && source.caption ? `${header}\n\n${source.caption}` : header;
        const copy = await this.send(to, () =>
          this.telegram.copyMessage(to, this.chatId, source.message_id, { caption: caption.slice(0, CAPTION_MAX) }),
        );
        userMessageId = copy.message_id;
      }
      await recordRelay(this.options.deps, { messageId, userMessageId });
      return 'sent';
    } catch (error) {
      return this.deliveryFailed(ticket, error);
    }
  }

  /** A notice to the requester (taken, closed, opened by staff); 403 → the topic is told. */
  async userNotice(
    ticket: TicketView,
    text: (t: Texts) => string,
    buttons?: (t: Texts) => InlineKeyboardButton[][],
  ): Promise<Delivery> {
    const t = textsFor(ticket.requesterLanguageCode?.startsWith('en') ? 'en' : 'ru');
    const to = ticket.requesterChatId;
    try {
      await this.send(to, () =>
        this.telegram.sendMessage(to, text(t), buttons ? { reply_markup: { inline_keyboard: buttons(t) } } : {}),
      );
      return 'sent';
    } catch (error) {
      return this.deliveryFailed(ticket, error);
    }
  }

  private async deliveryFailed(ticket: TicketView, error: unknown): Promise<Delivery> {
    const blocked = isBlockedByUser(error);
    this.log.warn({ err: error, ticketId: ticket.id, blocked }, 'message to the user not delivered');
    const topicId = ticket.forumTopicId ?? (await forumTopicOf(this.options.deps, ticket.id));
    await this.topicNotice(topicId, blocked ? this.t.tickets.support.blocked : this.t.tickets.support.notDelivered);
    return blocked ? 'blocked' : 'failed';
  }
}

/** The app's relay (built once by the composition root); none without SUPPORT_CHAT_ID. */
export function supportRelay(ctx: BotContext): SupportRelay | undefined {
  return ctx.services.support;
}
