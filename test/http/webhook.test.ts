// Webhook mode over real HTTP: only a request carrying WEBHOOK_SECRET is handled; the same server answers
// /healthz and /metrics in Prometheus format.
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHealth, postgresCheck } from '../../src/http/health.js';
import { createOpsServer, listen } from '../../src/http/server.js';
import { SECRET_HEADER, webhookRoute } from '../../src/http/webhook.js';
import { createHarness } from '../helpers/bot.js';

const h = await createHarness({ now: '2026-11-10T10:00' });
const SECRET = 'webhook-secret-0123456789abcdef';
const PATH = '/telegram/hook';
let server: Server;
let base = '';
let updateId = 9000;

beforeAll(async () => {
  server = createOpsServer({
    health: () => checkHealth([postgresCheck(h.app.database.db)]),
    metrics: h.app.metrics.registry,
    webhook: webhookRoute(h.app.bot, { path: PATH, secret: SECRET }),
    logger: h.app.logger,
  });
  base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const startFrom = (userId: number, id = ++updateId) => ({
  update_id: id,
  message: {
    message_id: id,
    date: 1_700_000_000,
    chat: { id: userId, type: 'private' },
    from: { id: userId, is_bot: false, first_name: 'Ivan', language_code: 'ru' },
    text: '/start',
    entities: [{ type: 'bot_command', offset: 0, length: 6 }],
  },
});

function post(update: unknown, secret?: string, path = PATH) {
  return fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret === undefined ? {} : { [SECRET_HEADER]: secret }) },
    body: JSON.stringify(update),
  });
}

const sentTo = (chatId: number) =>
  h.telegram.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === chatId);

describe('Webhook: WEBHOOK_SECRET is checked on every request', () => {
  it('with the right secret the update is handled and answered 200', async () => {
    const res = await post(startFrom(7101), SECRET);
    expect(res.status).toBe(200);
    expect(sentTo(7101).length).toBeGreaterThan(0);
    expect(String(sentTo(7101)[0]!.payload.text)).toContain('Поделиться контактом');
  });

  it('without the secret header: 403 and nothing is processed (the same update later still counts as new)', async () => {
    const update = startFrom(7102);
    const res = await post(update);
    expect(res.status).toBe(403);
    expect(sentTo(7102)).toHaveLength(0);
    // Not even de-duplicated: the refused request was never read.
    expect((await post(update, SECRET)).status).toBe(200);
    expect(sentTo(7102).length).toBeGreaterThan(0);
  });

  it('with a wrong secret: 403 and nothing is processed', async () => {
    for (const wrong of ['wrong-secret-0123456789abcdef', `${SECRET}x`, SECRET.slice(0, -1), '']) {
      const res = await post(startFrom(7103), wrong);
      expect(res.status).toBe(403);
    }
    expect(sentTo(7103)).toHaveLength(0);
  });

  it('other methods and paths are not the webhook', async () => {
    expect((await fetch(base + PATH)).status).toBe(405);
    expect((await post(startFrom(7104), SECRET, '/telegram/other')).status).toBe(404);
    expect(sentTo(7104)).toHaveLength(0);
  });

  it('Telegraf 4.16.3 refuses a wrong secret by itself too (its webhook filter), so the check holds twice', async () => {
    const { createServer } = await import('node:http');
    const bare = createServer(h.app.bot.webhookCallback(PATH, { secretToken: SECRET }));
    const url = `http://127.0.0.1:${await listen(bare, 0, '127.0.0.1')}${PATH}`;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { [SECRET_HEADER]: 'nope-nope-nope-nope' },
        body: JSON.stringify(startFrom(7105)),
      });
      expect(res.status).toBe(403);
      const missing = await fetch(url, { method: 'POST', body: JSON.stringify(startFrom(7105)) });
      expect(missing.status).toBe(403);
      expect(sentTo(7105)).toHaveLength(0);
    } finally {
      await new Promise<void>((resolve) => bare.close(() => resolve()));
    }
  });
});

describe('The same server: /healthz and /metrics', () => {
  it('/healthz answers 200 with each check', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; checks: Record<string, { ok: boolean }> };
    expect(body.status).toBe('ok');
    expect(body.checks.postgres?.ok).toBe(true);
  });

  it('/metrics counts the handled updates only, their latency, the Bot API calls and the job backlog', async () => {
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    // Two handled: 7101 and 7102 (after its refused attempt); none of the refused requests.
    expect(text).toMatch(/^portal_updates_total\{type="message"\} 2$/m);
    expect(text).toMatch(/^portal_update_duration_seconds_count\{type="message",outcome="ok"\} 2$/m);
    expect(text).toMatch(/^portal_bot_api_calls_total\{method="sendMessage",outcome="ok"\} [1-9]/m);
    expect(text).toMatch(/^portal_job_backlog \d+$/m);
    expect(text).toContain('portal_bot_api_429_total');
    expect(text).toContain('portal_update_errors_total');
  });
});
