// What a background job handler gets: the domain deps, a way to reach users in Telegram without a
// Telegraf context, and a logger. Handlers are registered by kind in the composition root; each is made
// with defineJob (src/jobs/define.ts), which parses the payload with the kind's zod schema.
import type { z } from 'zod';
import type { DomainDeps } from '../domain/deps.js';
import type { Logger } from '../logger.js';

export interface InlineButton {
  text: string;
  callback_data: string;
}

/** Proactive messages to users (throttled by the implementation); ids are Telegram chat/message ids. */
export interface Notifier {
  sendText(
    chatId: number,
    text: string,
    options?: { buttons?: InlineButton[][]; html?: boolean },
  ): Promise<{ messageId: number } | undefined>;
  editText(
    chatId: number,
    messageId: number,
    text: string,
    options?: { buttons?: InlineButton[][]; html?: boolean },
  ): Promise<void>;
  sendDocument(
    chatId: number,
    file: { content: Buffer; filename: string },
    caption?: string,
  ): Promise<{ messageId: number } | undefined>;
  deleteMessage(chatId: number, messageId: number): Promise<void>;
}

export interface JobContext {
  deps: DomainDeps;
  notifier: Notifier;
  logger: Logger;
  /** Extends the claim while a long job works, so no other worker takes it. */
  heartbeat(): Promise<void>;
}

export type JobPayload = Record<string, unknown>;

/** What the runner sees of a kind. */
export interface JobHandler {
  kind: string;
  /** Throw to retry later (with backoff); return normally when done. */
  run(payload: JobPayload, ctx: JobContext): Promise<void>;
  /** Attempts before the job is marked failed (default 5; never more than the runner's claim cap). */
  maxAttempts?: number;
  /** The job was marked failed (attempts or claims used up): its owner is told, where it has one. */
  onFailed?(payload: JobPayload, ctx: JobContext): Promise<void>;
}

/** One kind of job: its payload schema and what running it does. */
export interface JobDefinition<S extends z.ZodType> {
  kind: string;
  payload: S;
  run(payload: z.output<S>, ctx: JobContext): Promise<void>;
  maxAttempts?: number;
  onFailed?(payload: z.output<S>, ctx: JobContext): Promise<void>;
}
