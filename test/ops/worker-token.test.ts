// The worker's Telegram client carries the one outgoing policy (issue 15): a send that fails on the network,
// whose error text names the request URL (and so the bot token), is logged and stored in jobs.last_error
// without the token.
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { jobs } from '../../src/db/schema/index.js';
import { RENAME_NOTICE_JOB } from '../../src/domain/renames/index.js';
import { enqueueJob } from '../../src/jobs/queue.js';
import { createLogger } from '../../src/logger.js';
import { createWorker } from '../../src/worker-app.js';
import { createTestDeps } from '../helpers/deps.js';
import { BOT_INFO } from '../helpers/telegram-fake.js';
import { sparePort } from './scripted-api.js';

const SECRET_PART = 'WORKER-TOKEN-abcdefghijklmnopqrstuvwxyz';
const TOKEN = `${BOT_INFO.id}:${SECRET_PART}`;
const deps = await createTestDeps('2026-11-10T10:00');
const lines: string[] = [];
const logger = createLogger(
  'debug',
  new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  }),
);
const config = loadConfig({
  NODE_ENV: 'test',
  BOT_TOKEN: TOKEN,
  // Nobody listens there: every call fails with ECONNREFUSED, its text naming http://…/bot<token>/sendMessage.
  TELEGRAM_API_ROOT: `http://127.0.0.1:${await sparePort()}`,
  SECRETS_KEY: deps.secretsKey.toString('hex'),
});
const worker = await createWorker(config, {
  database: deps.database,
  clock: deps.clock,
  logger,
  sleep: async () => {},
});
afterAll(() => worker.close());

describe("The worker's failed send", () => {
  it('is logged and stored without the bot token', async () => {
    const id = (await enqueueJob(
      deps.db,
      RENAME_NOTICE_JOB,
      { kind: 'single', chatId: 5301, telegramId: null, msisdn: '375291115301', newName: 'Склад' },
      deps.clock.now(),
    ))!;
    expect(await worker.runner.runDue()).toBe(1);
    const [job] = await deps.db.select().from(jobs).where(eq(jobs.id, id));
    expect(job!.status).toBe('pending');
    expect(job!.lastError).toContain('ECONNREFUSED');
    expect(job!.lastError).not.toContain(SECRET_PART);
    const logged = lines.join('\n');
    expect(logged).toContain('job failed');
    expect(logged).toContain('ECONNREFUSED');
    expect(logged).not.toContain(SECRET_PART);
  });
});
