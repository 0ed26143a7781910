// Structured logs (pino). Secrets never reach a log line: known secret paths are redacted, and code
// never passes PIN/PUK, invite codes or file URLs (which contain the bot token) to the logger.
import pino from 'pino';

export const redactPaths = [
  'token',
  'botToken',
  'config.BOT_TOKEN',
  'config.SECRETS_KEY',
  'config.WEBHOOK_SECRET',
  'code',
  'inviteCode',
  'pin1',
  'puk1',
  'pin2',
  'puk2',
  'codes',
  '*.token',
  '*.code',
  '*.codes',
  'update.message.text',
  'req.headers["x-telegram-bot-api-secret-token"]',
  // A failed Bot API call (Telegraf's TelegramError) carries what was sent: message texts may hold PIN/PUK.
  '*.on.payload',
];

export type Logger = pino.Logger;

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, redact: { paths: redactPaths, censor: '[redacted]' }, base: { app: 'portal-bot' } },
    destination,
  );
}
