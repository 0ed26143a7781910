// End to end: the real entry point (`npm start`'s src/main.ts) in polling mode on embedded PGlite,
// against a loopback Bot API stand-in — /start → own contact → subscriber menu; an invite → «Выбор абонента».
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotApi } from '../helpers/fake-bot-api.js';
import { BOT_INFO } from '../helpers/telegram-fake.js';

const api = new FakeBotApi();
const dataDir = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
let bot: ChildProcess;
let output = '';

const from = { id: 4242, is_bot: false, first_name: 'Ivan', language_code: 'ru' };
const chat = { id: 4242, type: 'private' };
let messageId = 1;
const message = (extra: Record<string, unknown>) => ({
  message: { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat, from, ...extra },
});

beforeAll(async () => {
  await api.start();
  bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      BOT_TOKEN: `${BOT_INFO.id}:E2E-TOKEN-abcdefghijklmnopqrstuvwxyz`,
      TELEGRAM_API_ROOT: api.url,
      PGLITE_DIR: join(dataDir, 'pglite'),
      LOG_LEVEL: 'info',
      BOT_NOW: '2026-11-10T10:00:00+03:00',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  bot.stdout!.on('data', (d) => (output += d));
  bot.stderr!.on('data', (d) => (output += d));
  await api
    .waitFor((calls) => calls.some((c) => c.method === 'getUpdates'), 120_000)
    .catch((e) => {
      throw new Error(`${e.message}\n${output}`);
    });
}, 150_000);

afterAll(async () => {
  if (bot && bot.exitCode === null && bot.signalCode === null) {
    bot.kill('SIGTERM');
    await new Promise((r) => bot.once('exit', r));
  }
  await api.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('end to end on embedded PGlite', () => {
  it('starts, migrates and seeds itself, and signs a subscriber in with their contact', async () => {
    expect(output).toContain('demo data seeded');
    api.push(message({ text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] }));
    await api.waitFor((calls) =>
      calls.some((c) => c.method === 'sendMessage' && String(c.payload.text).includes('Поделиться контактом')),
    );
    api.push(message({ contact: { phone_number: '+375291000001', first_name: 'Ivan', user_id: from.id } }));
    await api.waitFor((calls) =>
      calls.some((c) => c.method === 'sendMessage' && String(c.payload.text).includes('Главное меню абонента')),
    );
    const menu = api.telegram.lastMenu(chat.id)!;
    const labels = menu.reply_markup!.inline_keyboard!.flat().map((b) => b.text);
    expect(labels).toContain('Операции с услугами');
    // A press edits the menu in place.
    const info = menu.reply_markup!.inline_keyboard!.flat().find((b) => b.text === 'Персональная информация')!;
    api.push({
      callback_query: {
        id: 'q1',
        from,
        chat_instance: 'c',
        data: info.callback_data,
        message: { message_id: menu.message_id, date: 0, chat, text: menu.text, reply_markup: menu.reply_markup },
      },
    });
    await api.waitFor((calls) =>
      calls.some((c) => c.method === 'editMessageText' && String(c.payload.text).includes('+375 29 100-00-01')),
    );
    expect(api.telegram.calls.some((c) => c.method === 'answerCallbackQuery')).toBe(true);
  }, 60_000);

  it('shuts down cleanly on SIGTERM', async () => {
    bot.kill('SIGTERM');
    const code = await new Promise((r) => bot.once('exit', r));
    expect(code).toBe(0);
  }, 20_000);
});
