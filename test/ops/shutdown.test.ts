// Graceful shutdown of the real process: SIGTERM while an update is being handled (its reply held by the
// Bot API stand-in) — no new updates are taken, the one in flight finishes, the process exits 0. A second
// signal forces exit 1.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/db.js';
import { connectTestRedis, removeKeys } from '../session/redis-helper.js';
import { type BotProcess, startBotProcess, textUpdate, webhookEnv } from './bot-process.js';
import { ScriptedBotApi } from './scripted-api.js';

const database = await createTestDatabase();
const api = new ScriptedBotApi();
const prefix = `test:ops:${randomBytes(4).toString('hex')}:`;
let webhookBot: BotProcess;
let pollingBot: BotProcess;
let impatientBot: BotProcess;

const env = (extra: Record<string, string> = {}) => ({
  DATABASE_URL: database.url,
  REDIS_URL: 'redis://127.0.0.1:6379',
  REDIS_PREFIX: prefix,
  TELEGRAM_API_ROOT: api.url,
  ...extra,
});

/** The first sendMessage to each of these chats waits until api.release(). */
const holdFirstReplyTo = new Set<number>();
const heldChats = new Set<number>();
api.script = (call) => {
  const chatId = Number(call.payload.chat_id);
  if (call.method !== 'sendMessage' || !holdFirstReplyTo.has(chatId) || heldChats.has(chatId)) return 'pass';
  heldChats.add(chatId);
  return api.hold();
};
const replyHeld = (chatId: number) => api.waitFor(() => heldChats.has(chatId), `the held reply to ${chatId}`);

const repliesTo = (chatId: number) =>
  api.upstream.telegram.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === chatId);
const handled = (bot: BotProcess, updateId: number) =>
  bot.logs.find((l) => l.msg === 'update handled' && l.update_id === updateId);

beforeAll(async () => {
  await api.start();
  // Started together: each start is mostly loading the code, so three at once take about as long as one.
  [webhookBot, pollingBot, impatientBot] = await Promise.all([
    startBotProcess(env(webhookEnv({}))),
    startBotProcess(env({ BOT_MODE: 'polling' })),
    startBotProcess(env(webhookEnv({}))),
  ]);
}, 150_000);

afterAll(async () => {
  for (const bot of [webhookBot, pollingBot, impatientBot]) await bot?.stop();
  await api.stop();
  const redis = await connectTestRedis();
  await removeKeys(redis, prefix);
  redis.disconnect();
});

describe('Shutdown: SIGTERM during a slow update', () => {
  it('webhook: stops taking updates, finishes the one in flight, exits 0', async () => {
    const bot = webhookBot;
    holdFirstReplyTo.add(8101);
    const slow = textUpdate(8101, '/start');
    const answer = bot.post(slow);
    await replyHeld(8101);

    bot.child.kill('SIGTERM');
    await bot.waitForLog((l) => l.msg === 'shutting down', 'shutting down');
    // A new update is not taken any more: refused at the door (connection refused or 503).
    const late = await bot.post(textUpdate(8102, '/start')).then(
      (res) => res.status,
      () => 'refused',
    );
    expect([503, 'refused']).toContain(late);

    api.release();
    expect((await answer).status).toBe(200);
    expect(await bot.exited).toBe(0);
    expect(handled(bot, slow.update_id as number)?.outcome).toBe('ok');
    expect(repliesTo(8101).length).toBeGreaterThan(0);
    expect(repliesTo(8102)).toHaveLength(0);
    const order = bot.logs.map((l) => l.msg);
    expect(order.indexOf('update handled')).toBeLessThan(order.indexOf('stopped'));
  });

  it('polling: the batch in flight is finished and its offset confirmed before exit 0', async () => {
    const bot = pollingBot;
    holdFirstReplyTo.add(8103);
    const { update_id: _, ...update } = textUpdate(8103, '/start');
    api.upstream.push(update); // the stand-in numbers it
    await replyHeld(8103);

    bot.child.kill('SIGTERM');
    await bot.waitForLog((l) => l.msg === 'shutting down', 'shutting down');
    api.release();
    expect(await bot.exited).toBe(0);
    const line = bot.logs.find((l) => l.msg === 'update handled' && l.chat === 8103);
    expect(line?.outcome).toBe('ok');
    // Telegraf confirms what it handled with a last getUpdates at offset = update_id + 1.
    const offsets = api.seen.filter((c) => c.method === 'getUpdates').map((c) => Number(c.payload.offset));
    expect(offsets.at(-1)).toBe(Number(line!.update_id) + 1);
  });

  it('a second signal forces exit 1 without waiting for the update', async () => {
    const bot = impatientBot;
    holdFirstReplyTo.add(8104);
    void bot.post(textUpdate(8104, '/start')).catch(() => undefined);
    await replyHeld(8104);
    bot.child.kill('SIGTERM');
    await bot.waitForLog((l) => l.msg === 'shutting down', 'shutting down');
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(1);
    api.release();
  });
});
