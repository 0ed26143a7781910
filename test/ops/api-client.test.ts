// The outgoing-call policy against a real loopback Bot API stand-in: what is sent again, after how long,
// and what is never sent twice (ARCHITECTURE.md, Outgoing calls).
import { Telegram } from 'telegraf';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installApiPolicy } from '../../src/telegram/index.js';
import { createMetrics, type Metrics } from '../../src/metrics/registry.js';
import { BOT_INFO } from '../helpers/telegram-fake.js';
import { ScriptedBotApi, sparePort } from './scripted-api.js';

const TOKEN = `${BOT_INFO.id}:POLICY-TOKEN-abcdefghijklmnopqrstuvwxyz`;
const api = new ScriptedBotApi();
let metrics: Metrics;
let delays: number[];

beforeAll(async () => {
  await api.start();
});
afterAll(() => api.stop());
afterEach(() => {
  api.script = () => 'pass';
  api.seen.length = 0;
});

/** A client with the policy; waits are recorded instead of slept, and one attempt times out after 300 ms. */
function client(apiRoot = api.url, onSleep?: () => Promise<void>) {
  metrics = createMetrics();
  delays = [];
  const telegram = new Telegram(TOKEN, { apiRoot });
  return installApiPolicy(telegram, {
    metrics,
    requestTimeoutMs: 300,
    sleep: async (ms) => {
      delays.push(ms);
      await onSleep?.();
    },
  });
}

async function value(name: keyof Metrics, labels: Record<string, string>): Promise<number> {
  const metric = (
    await (metrics[name] as { get(): Promise<{ values: { labels: Record<string, unknown>; value: number }[] }> }).get()
  ).values;
  return metric.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))?.value ?? 0;
}

const tooMany = (retryAfter: number) => ({
  status: 429,
  body: {
    ok: false,
    error_code: 429,
    description: `Too Many Requests: retry after ${retryAfter}`,
    parameters: { retry_after: retryAfter },
  },
});

describe('Outgoing calls: 429 is retried after retry_after', () => {
  it('a sendMessage answered 429 (retry_after 1) and then 200 succeeds once, with one retry after 1 s', async () => {
    const telegram = client();
    api.script = (call, nth) => (call.method === 'sendMessage' && nth === 1 ? tooMany(1) : 'pass');
    const message = await telegram.sendMessage(4242, 'Привет');
    expect(message.text).toBe('Привет');
    expect(api.count('sendMessage')).toBe(2);
    expect(delays).toEqual([1000]);
    // The message exists once at Telegram: the 429 was refused before it was performed.
    expect(
      api.upstream.telegram.calls.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === 4242),
    ).toHaveLength(1);
    expect(await value('apiRateLimited', { method: 'sendMessage' })).toBe(1);
    expect(await value('apiRetries', { method: 'sendMessage', reason: 'rate_limited' })).toBe(1);
    expect(await value('apiCalls', { method: 'sendMessage', outcome: 'ok' })).toBe(1);
  });

  it('a retry_after longer than the policy waits for fails the call without waiting', async () => {
    const telegram = client();
    api.script = () => tooMany(600);
    await expect(telegram.sendMessage(4242, 'x')).rejects.toMatchObject({ code: 429 });
    expect(api.count('sendMessage')).toBe(1);
    expect(delays).toEqual([]);
    expect(await value('apiCalls', { method: 'sendMessage', outcome: 'rate_limited' })).toBe(1);
  });
});

describe('Outgoing calls: a request that never left is retried', () => {
  it('connection refused, then the Bot API is up: the sendMessage arrives exactly once', async () => {
    const port = await sparePort();
    const late = new ScriptedBotApi();
    const telegram = client(`http://127.0.0.1:${port}`, async () => {
      if (!late.url) await late.start(port);
    });
    try {
      const message = await telegram.sendMessage(4242, 'после отказа');
      expect(message.text).toBe('после отказа');
      expect(late.count('sendMessage')).toBe(1);
      expect(delays).toHaveLength(1);
      expect(await value('apiRetries', { method: 'sendMessage', reason: 'not_sent' })).toBe(1);
    } finally {
      await late.stop();
    }
  });

  it('attempts are bounded: three refusals and the error reaches the caller, without the token', async () => {
    const port = await sparePort();
    const telegram = client(`http://127.0.0.1:${port}`);
    const error = await telegram.sendMessage(4242, 'x').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as { code?: string }).code).toBe('ECONNREFUSED');
    expect(delays).toHaveLength(2);
    expect(String((error as Error).message)).not.toContain(TOKEN.split(':')[1]);
    expect(await value('apiCalls', { method: 'sendMessage', outcome: 'not_sent' })).toBe(1);
  });
});

describe('Outgoing calls: no blind resend of what may have arrived', () => {
  it('a sendMessage that times out is NOT sent again', async () => {
    const telegram = client();
    api.script = (call) => (call.method === 'sendMessage' ? 'hang' : 'pass');
    await expect(telegram.sendMessage(4242, 'x')).rejects.toMatchObject({ name: 'AbortError' });
    expect(api.count('sendMessage')).toBe(1);
    expect(delays).toEqual([]);
    expect(await value('apiCalls', { method: 'sendMessage', outcome: 'timeout' })).toBe(1);
  });

  it('a sendMessage answered 502 is NOT sent again (Telegram may have delivered it)', async () => {
    const telegram = client();
    api.script = () => ({ status: 502, body: {} });
    await expect(telegram.sendMessage(4242, 'x')).rejects.toMatchObject({ code: 502 });
    expect(api.count('sendMessage')).toBe(1);
  });

  it('an editMessageText that times out IS sent again (a second edit to the same text changes nothing)', async () => {
    const telegram = client();
    const sent = await telegram.sendMessage(4242, 'было');
    api.script = (call, nth) => (call.method === 'editMessageText' && nth === 1 ? 'hang' : 'pass');
    await telegram.editMessageText(4242, sent.message_id, undefined, 'стало');
    expect(api.count('editMessageText')).toBe(2);
    expect(await value('apiRetries', { method: 'editMessageText', reason: 'timeout' })).toBe(1);
  });

  it('answerCallbackQuery and deleteMessage answered 502 are sent again', async () => {
    const telegram = client();
    api.script = (_call, nth) => (nth === 1 ? { status: 502, body: {} } : 'pass');
    await telegram.answerCbQuery('q1');
    await telegram.deleteMessage(4242, 1);
    expect(api.count('answerCallbackQuery')).toBe(2);
    expect(api.count('deleteMessage')).toBe(2);
  });
});

describe('Outgoing calls: "message is not modified" is a success', () => {
  it('an edit to the text already shown resolves and is counted as not_modified', async () => {
    const telegram = client();
    const sent = await telegram.sendMessage(4242, 'тот же');
    await expect(telegram.editMessageText(4242, sent.message_id, undefined, 'тот же')).resolves.toBe(true);
    expect(api.count('editMessageText')).toBe(1);
    expect(await value('apiCalls', { method: 'editMessageText', outcome: 'not_modified' })).toBe(1);
  });

  it('other refusals (400, 403) reach the caller at once', async () => {
    const telegram = client();
    api.script = () => ({
      status: 403,
      body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
    });
    await expect(telegram.sendMessage(4242, 'x')).rejects.toMatchObject({ code: 403 });
    expect(api.count('sendMessage')).toBe(1);
  });
});

describe('Outgoing calls: the token never reaches an error text', () => {
  it('a garbled answer (Telegraf puts the URL with the token into the message) is scrubbed', async () => {
    const telegram = client();
    api.script = () => ({ raw: '<html>bad gateway</html>' });
    const error = (await telegram.getMe().catch((e: Error) => e)) as Error;
    expect(error.message).toContain('[REDACTED]');
    expect(error.message).not.toContain(TOKEN.split(':')[1]);
    expect(String(error.stack)).not.toContain(TOKEN.split(':')[1]);
  });
});
