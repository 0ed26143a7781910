// Logs carry no secrets: a failed Bot API call's error is logged without the text it tried to send or the
// bot token; configuration secrets and the webhook secret header are redacted.
import { Writable } from 'node:stream';
import { Telegram } from 'telegraf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installApiPolicy } from '../../src/telegram/index.js';
import { createLogger } from '../../src/logger.js';
import { BOT_INFO } from '../helpers/telegram-fake.js';
import { ScriptedBotApi, sparePort } from './scripted-api.js';

const SECRET_PART = 'LOGGING-TOKEN-abcdefghijklmnopqrstuvwxyz';
const TOKEN = `${BOT_INFO.id}:${SECRET_PART}`;
const api = new ScriptedBotApi();
const lines: string[] = [];
const logger = createLogger(
  'info',
  new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  }),
);

beforeAll(async () => {
  await api.start();
});
afterAll(() => api.stop());

describe('Logs: secrets redacted', () => {
  it('a refused sendMessage is logged without its text (PIN/PUK) and without the token', async () => {
    api.script = () => ({
      status: 400,
      body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' },
    });
    const telegram = installApiPolicy(new Telegram(TOKEN, { apiRoot: api.url }), { logger });
    const error = await telegram.sendMessage(1, 'PIN1: 4821, PUK1: 73519264').catch((e: unknown) => e);
    logger.warn({ err: error }, 'could not answer the user');
    const line = lines.at(-1)!;
    expect(line).toContain('chat not found');
    expect(line).not.toContain('4821');
    expect(line).not.toContain('73519264');
    expect(line).not.toContain(SECRET_PART);
  });

  it('a network failure is logged without the token of the request URL', async () => {
    const telegram = installApiPolicy(new Telegram(TOKEN, { apiRoot: `http://127.0.0.1:${await sparePort()}` }), {
      logger,
      sleep: async () => {},
    });
    const error = await telegram.getMe().catch((e: unknown) => e);
    logger.error({ err: error }, 'getMe failed');
    expect(lines.at(-1)).toContain('ECONNREFUSED');
    expect(lines.join('\n')).not.toContain(SECRET_PART);
  });

  it('configuration secrets and the webhook secret header are redacted', () => {
    logger.info(
      {
        config: { BOT_TOKEN: TOKEN, SECRETS_KEY: 'k'.repeat(64), WEBHOOK_SECRET: 'hook-secret-123456' },
        req: { headers: { 'x-telegram-bot-api-secret-token': 'hook-secret-123456' } },
      },
      'config',
    );
    const line = lines.at(-1)!;
    expect(line).not.toContain(SECRET_PART);
    expect(line).not.toContain('k'.repeat(64));
    expect(line).not.toContain('hook-secret-123456');
  });
});
