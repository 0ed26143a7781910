// The outgoing-call policy (ARCHITECTURE.md, Outgoing calls), installed on every Telegraf `Telegram` client
// (the bot's, each update's, the worker's) by wrapping its callApi: a 429 is retried after `retry_after`, a
// request that never left (connection refused, DNS) is retried, a call that may have arrived (timeout, reset,
// 5xx) is resent only when resending cannot duplicate anything; "message is not modified" is a success.
// Error texts lose the bot token; a 403 from a private chat (the user blocked the bot) is reported.
import type { Telegram } from 'telegraf';
import type { Logger } from '../logger.js';
import type { ApiOutcome, Metrics } from '../metrics/registry.js';

export interface ApiPolicyOptions {
  metrics?: Pick<Metrics, 'apiCalls' | 'apiRetries' | 'apiRateLimited'>;
  logger?: Logger;
  /** Attempts per call, the first included. */
  maxAttempts?: number;
  /** A longer retry_after is not waited for: the call fails (a user would not wait that long anyway). */
  maxRetryAfterSeconds?: number;
  /** Deadline of one attempt; getUpdates gets its long-poll timeout on top. */
  requestTimeoutMs?: number;
  /** Deadline of one attempt of an upload (sendDocument, sendPhoto). */
  uploadTimeoutMs?: number;
  /** Waits between attempts (tests record the delays instead of sleeping). */
  sleep?: (ms: number) => Promise<void>;
  /** A call to a private chat was refused with 403 (blocked, deactivated): the user is not reachable. */
  onBlocked?: (chatId: number) => Promise<void>;
}

/**
 * Methods whose second delivery changes nothing new: reads, edits to a given state, deletions, answers.
 * Everything else (sendMessage, sendDocument, copyMessage, createForumTopic…) may duplicate when resent.
 */
const RESENDABLE =
  /^(get|edit|delete|set|answer|close|reopen|unpin|pin|sendChatAction$|leaveChat$|setMessageReaction$)/;

export function isResendable(method: string): boolean {
  return RESENDABLE.test(method);
}

/** Socket errors raised before any byte of the request was written: the request never left. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
]);

type Failure =
  | { kind: 'not_modified' }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: 'not_sent' | 'timeout' | 'network' | 'server_error'; maybeArrived: boolean }
  | { kind: 'refused' | 'aborted' };

interface ErrorShape {
  name?: string;
  code?: string | number;
  errno?: string;
  type?: string;
  message?: string;
  response?: { error_code?: number; description?: string; parameters?: { retry_after?: number } };
}

export function classifyFailure(error: unknown, timedOut: boolean): Failure {
  const e = (error ?? {}) as ErrorShape;
  if (e.response && typeof e.response.error_code === 'number') {
    const { error_code: status, parameters } = e.response;
    if (status === 429)
      return { kind: 'rate_limited', retryAfterSeconds: Math.max(0, Number(parameters?.retry_after ?? 1)) };
    if (isNotModified(error)) return { kind: 'not_modified' };
    if (status >= 500) return { kind: 'server_error', maybeArrived: true };
    return { kind: 'refused' };
  }
  if (e.name === 'AbortError') return timedOut ? { kind: 'timeout', maybeArrived: true } : { kind: 'aborted' };
  const code = String(e.code ?? e.errno ?? '');
  if (NOT_SENT_CODES.has(code)) return { kind: 'not_sent', maybeArrived: false };
  if (e.name === 'FetchError' || code) return { kind: 'network', maybeArrived: true };
  return { kind: 'refused' };
}

interface ApiErrorShape {
  code?: number;
  message?: string;
  description?: string;
  response?: { error_code?: number; description?: string };
}

function errorCode(error: unknown): number | undefined {
  const e = (error ?? {}) as ApiErrorShape;
  return e.response?.error_code ?? (typeof e.code === 'number' ? e.code : undefined);
}

/** Telegram refused the chat: the user blocked the bot or deleted the account. */
export function isBlockedByUser(error: unknown): boolean {
  return errorCode(error) === 403;
}

/** Telegram's 400 for an edit that changes nothing: the message already shows what was asked. */
export function isNotModified(error: unknown): boolean {
  const e = (error ?? {}) as ApiErrorShape;
  const description = String(e.response?.description ?? e.description ?? e.message ?? '');
  return errorCode(error) === 400 && description.includes('message is not modified');
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Removes the bot token from an error's texts (Telegraf's URLs carry it: `/bot<token>/method`). */
export function scrubToken(error: unknown, token: string): void {
  if (!token || !error || typeof error !== 'object') return;
  const e = error as { message?: unknown; stack?: unknown };
  if (typeof e.message === 'string') e.message = e.message.split(token).join('[REDACTED]');
  if (typeof e.stack === 'string') e.stack = e.stack.split(token).join('[REDACTED]');
}

type CallApi = (
  method: string,
  payload: Record<string, unknown>,
  options?: { signal?: AbortSignal },
) => Promise<unknown>;
const INSTALLED = Symbol.for('portal.apiPolicy');

/** Wraps `telegram.callApi` in place (once) and returns the same client. */
export function installApiPolicy<T extends Telegram>(telegram: T, options: ApiPolicyOptions = {}): T {
  const target = telegram as unknown as { callApi: CallApi; token: string; [INSTALLED]?: true };
  if (target[INSTALLED]) return telegram;
  const original: CallApi = target.callApi.bind(telegram);
  const { metrics, logger } = options;
  const maxAttempts = options.maxAttempts ?? 3;
  const maxRetryAfterSeconds = options.maxRetryAfterSeconds ?? 30;
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const uploadTimeoutMs = options.uploadTimeoutMs ?? 120_000;
  const sleep = options.sleep ?? defaultSleep;

  const timeoutFor = (method: string, payload: Record<string, unknown>): number => {
    if (method === 'getUpdates') return requestTimeoutMs + Number(payload.timeout ?? 0) * 1000;
    return /^send(Document|Photo|MediaGroup|Video|Audio|Voice)$/.test(method) ? uploadTimeoutMs : requestTimeoutMs;
  };

  /** One attempt with its own deadline; the caller's signal (polling stop) still aborts it. */
  const attempt = async (method: string, payload: Record<string, unknown>, signal: AbortSignal | undefined) => {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(
      () => {
        timedOut = true;
        controller.abort();
      },
      timeoutFor(method, payload),
    );
    timer.unref?.();
    const forward = () => controller.abort();
    if (signal?.aborted) controller.abort();
    signal?.addEventListener('abort', forward);
    try {
      return { ok: true as const, value: await original(method, payload, { signal: controller.signal }) };
    } catch (error) {
      return { ok: false as const, error, timedOut };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    }
  };

  const callApi: CallApi = async (method, payload, callOptions = {}) => {
    const signal = callOptions.signal;
    for (let n = 1; ; n++) {
      const result = await attempt(method, payload, signal);
      if (result.ok) {
        metrics?.apiCalls.inc({ method, outcome: 'ok' });
        return result.value;
      }
      const failure = classifyFailure(result.error, result.timedOut);
      if (failure.kind === 'not_modified') {
        metrics?.apiCalls.inc({ method, outcome: 'not_modified' });
        return true;
      }
      if (failure.kind === 'rate_limited') metrics?.apiRateLimited.inc({ method });
      const delayMs = retryDelay(failure, method, n);
      if (delayMs === undefined || n >= maxAttempts || signal?.aborted) {
        metrics?.apiCalls.inc({ method, outcome: failure.kind as ApiOutcome });
        scrubToken(result.error, target.token);
        await reportBlocked(payload, result.error);
        throw result.error;
      }
      metrics?.apiRetries.inc({ method, reason: failure.kind });
      logger?.warn({ method, attempt: n, reason: failure.kind, delayMs }, 'Bot API call retried');
      await sleep(delayMs);
    }
  };

  async function reportBlocked(payload: Record<string, unknown>, error: unknown): Promise<void> {
    const chatId = Number(payload.chat_id);
    if (!options.onBlocked || !isBlockedByUser(error) || !Number.isSafeInteger(chatId) || chatId <= 0) return;
    await options.onBlocked(chatId).catch((err) => logger?.warn({ err, chatId }, 'blocked user not recorded'));
  }

  /** Milliseconds to wait before the next attempt, or undefined when this failure must not be resent. */
  function retryDelay(failure: Failure, method: string, n: number): number | undefined {
    switch (failure.kind) {
      case 'rate_limited':
        return failure.retryAfterSeconds <= maxRetryAfterSeconds ? failure.retryAfterSeconds * 1000 : undefined;
      case 'not_sent':
      case 'timeout':
      case 'network':
      case 'server_error':
        if (failure.maybeArrived && !isResendable(method)) return undefined;
        return Math.min(2_000, 250 * 2 ** (n - 1));
      default:
        return undefined;
    }
  }

  target.callApi = callApi;
  target[INSTALLED] = true;
  return telegram;
}
