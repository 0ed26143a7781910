// Webhook mode: Telegram POSTs each update to WEBHOOK_URL's path with the secret in
// X-Telegram-Bot-Api-Secret-Token. A request without the right secret is refused with 403 before its
// body is read, so nothing of it is processed; the rest goes to Telegraf's webhook callback.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context, Telegraf, Telegram } from 'telegraf';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
/** Updates are small; anything bigger than this is not from Telegram. */
const MAX_BODY_BYTES = 1_000_000;

/** Constant-time comparison of two strings of any lengths. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export interface WebhookRoute {
  /** The request target Telegram posts to: WEBHOOK_URL's path and query. */
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** The path part of WEBHOOK_URL, which the reverse proxy passes through unchanged. */
export function webhookPath(webhookUrl: string): string {
  const url = new URL(webhookUrl);
  return `${url.pathname}${url.search}`;
}

export function webhookRoute<C extends Context>(
  bot: Telegraf<C>,
  options: { path: string; secret: string },
): WebhookRoute {
  // Telegraf 4.16.3 checks the secret too (webhookFilter, safe-compare); ours runs first so a refused
  // request is never read, and the check does not depend on Telegraf's internals.
  const callback = bot.webhookCallback(options.path, { secretToken: options.secret });
  return {
    path: options.path,
    async handle(req, res) {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      const header = req.headers[SECRET_HEADER];
      if (!sameSecret(Array.isArray(header) ? header[0] : header, options.secret)) {
        res.writeHead(403, { connection: 'close' }).end();
        return;
      }
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
        res.writeHead(413, { connection: 'close' }).end();
        return;
      }
      await callback(req, res);
      // Telegraf ends the response after the update is handled (the answer is empty: webhookReply is off).
      if (!res.writableEnded) res.end();
    },
  };
}

export interface WebhookRegistration {
  url: string;
  secret: string;
  allowedUpdates: readonly string[];
  maxConnections: number;
}

/** Tells Telegram where to post; pending updates are kept (another instance may still be handling them). */
export async function registerWebhook(telegram: Telegram, registration: WebhookRegistration): Promise<void> {
  await telegram.setWebhook(registration.url, {
    secret_token: registration.secret,
    allowed_updates: [...registration.allowedUpdates] as never,
    max_connections: registration.maxConnections,
    drop_pending_updates: false,
  });
}
