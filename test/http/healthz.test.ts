// /healthz follows Redis: 503 while it is gone, 200 again when it is back. The Redis here is a private
// redis-server the test starts and kills — never the machine's own.
import { type ChildProcess, spawn } from 'node:child_process';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { appHealthChecks, checkHealth } from '../../src/http/health.js';
import { createOpsServer, listen } from '../../src/http/server.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase } from '../helpers/db.js';
import { BOT_INFO } from '../helpers/telegram-fake.js';
import { sparePort } from '../ops/scripted-api.js';

const database = await createTestDatabase();
let redisPort = 0;
let redisServer: ChildProcess | undefined;
let app: App;
let server: Server;
let base = '';

/** Starts redis-server on the private port, without persistence, and waits until it accepts connections. */
async function startRedis(): Promise<void> {
  const child = spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  redisServer = child;
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      output += d;
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
}

async function killRedis(): Promise<void> {
  const child = redisServer;
  redisServer = undefined;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function health(): Promise<{
  status: number;
  body: { status: string; checks: Record<string, { ok: boolean; error?: string }> };
}> {
  const res = await fetch(`${base}/healthz`);
  return { status: res.status, body: (await res.json()) as never };
}

beforeAll(async () => {
  redisPort = await sparePort();
  await startRedis();
  const config = loadConfig({
    NODE_ENV: 'test',
    BOT_TOKEN: `${BOT_INFO.id}:HEALTH-TOKEN-abcdefghijklmnopqrstuvwxyz`,
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    LOG_LEVEL: 'silent',
  });
  app = await createApp(config, { database, logger: createLogger('silent') });
  server = createOpsServer({
    health: () => checkHealth(appHealthChecks(app)),
    metrics: app.metrics.registry,
    logger: app.logger,
  });
  base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await app?.runner.stop();
  app?.redis?.disconnect();
  await killRedis();
});

describe('/healthz: Postgres and Redis reachable, else 503', () => {
  it('is 200 with both checks while both answer', async () => {
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.checks.postgres?.ok).toBe(true);
    expect(body.checks.redis?.ok).toBe(true);
  });

  it('turns 503 when Redis is gone, naming the failing check', async () => {
    await killRedis();
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body.status).toBe('unavailable');
    expect(body.checks.redis?.ok).toBe(false);
    expect(body.checks.postgres?.ok).toBe(true);
  });

  it('is 200 again once Redis is back (the client reconnects by itself)', async () => {
    await startRedis();
    const deadline = Date.now() + 20_000;
    let last = await health();
    while (last.status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      last = await health();
    }
    expect(last.status).toBe(200);
    expect(last.body.checks.redis?.ok).toBe(true);
  });
});
