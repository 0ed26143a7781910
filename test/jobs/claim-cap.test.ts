// Attempts are capped at claim time (issue 15): a job whose handler kills its process is taken again only
// until it was claimed JOB_MAX_ATTEMPTS times; then it is failed, counted in /metrics and its owner told.
// Real child processes die with SIGKILL inside the handler; their claims expire as a dead worker's would.
import { spawn } from 'node:child_process';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jobs } from '../../src/db/schema/index.js';
import { defineJob } from '../../src/jobs/define.js';
import { enqueueJob } from '../../src/jobs/queue.js';
import { JobRunner } from '../../src/jobs/runner.js';
import type { Notifier } from '../../src/jobs/types.js';
import { createMetrics } from '../../src/metrics/registry.js';
import { createTestDeps } from '../helpers/deps.js';

const deps = await createTestDeps('2026-11-10T10:00');
const MAX_CLAIMS = 3;
const KIND = 'test.kills-its-process';

function crashingChild(now: Date): Promise<{ signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/jobs/crashing-worker.ts'], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATABASE_URL: deps.database.url,
        NOW: now.toISOString(),
        KIND,
        MAX_CLAIMS: String(MAX_CLAIMS),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ signal, out }));
  });
}

async function row(id: number) {
  const [job] = await deps.db.select().from(jobs).where(eq(jobs.id, id));
  return job!;
}

describe('Job attempts capped at claim time', () => {
  it('a job whose handler kills the process ends failed after N claims; counted and its owner told', async () => {
    const t0 = deps.clock.now();
    const id = (await enqueueJob(deps.db, KIND, { chatId: 4242 }, t0))!;
    for (let n = 1; n <= MAX_CLAIMS; n++) {
      // Each restart comes after the dead worker's claim (1 s) expired.
      const result = await crashingChild(new Date(t0.getTime() + n * 5_000));
      expect(result.signal).toBe('SIGKILL');
      expect(await row(id)).toMatchObject({ status: 'running', attempts: n });
    }
    // One more process would be killed again: the cap fails the job instead of claiming it.
    const told: { chatId: number; text: string }[] = [];
    const notifier: Notifier = {
      sendText: async (chatId, text) => {
        told.push({ chatId, text });
        return { messageId: 1 };
      },
      editText: async () => {},
      sendDocument: async () => undefined,
      deleteMessage: async () => {},
    };
    let ran = 0;
    const metrics = createMetrics();
    deps.clock.set(new Date(t0.getTime() + (MAX_CLAIMS + 1) * 5_000));
    const runner = new JobRunner({
      deps,
      notifier,
      logger: pino({ level: 'silent' }),
      metrics,
      maxClaims: MAX_CLAIMS,
      handlers: [
        defineJob({
          kind: KIND,
          payload: z.object({ chatId: z.number().int() }),
          async run() {
            ran++;
          },
          async onFailed({ chatId }, ctx) {
            await ctx.notifier.sendText(chatId, 'the job failed');
          },
        }),
      ],
    });
    expect(await runner.runDue()).toBe(0);
    expect(ran).toBe(0);
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: MAX_CLAIMS, lockedBy: null });
    expect(failed.lastError).toContain('claimed too often');
    expect(told).toEqual([{ chatId: 4242, text: 'the job failed' }]);
    const counted = (await metrics.jobsFailed.get()).values.find(
      (v) => v.labels.kind === KIND && v.labels.reason === 'claims',
    );
    expect(counted?.value).toBe(1);
    // And no process takes it again.
    expect((await crashingChild(new Date(t0.getTime() + 60_000))).out).toContain('nothing due');
    // Four real child processes start tsx each: generous on a loaded 2-core machine, since nothing here is timed.
  }, 180_000);
});
