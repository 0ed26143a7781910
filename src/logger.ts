// Structured logs (pino). Secrets never reach a log line: known secret paths are redacted, and code
// never passes PIN/PUK, invite codes or file URLs (which contain the bot token) to the logger.
// On a terminal outside production the lines are made readable by pino-pretty (after redaction);
// everywhere else — pipes, files, containers, production — they stay JSON lines.
import pino from 'pino';
import pretty from 'pino-pretty';

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

export interface LoggerOptions {
  /** Readable lines instead of JSON (see prettyLogs). */
  pretty?: boolean;
}

/** Readable lines when stdout is a terminal and NODE_ENV is not production; JSON lines otherwise. */
export function prettyLogs(nodeEnv: string, stdout: { isTTY?: boolean } = process.stdout): boolean {
  return nodeEnv !== 'production' && stdout.isTTY === true;
}

export function createLogger(level: string, destination?: pino.DestinationStream, options: LoggerOptions = {}): Logger {
  const stream = options.pretty
    ? pretty({
        colorize: destination === undefined,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'pid,hostname,app',
        sync: true,
        destination: destination ?? 1,
      })
    : destination;
  return pino({ level, redact: { paths: redactPaths, censor: '[redacted]' }, base: { app: 'portal-bot' } }, stream);
}
