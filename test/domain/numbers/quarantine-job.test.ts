import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { jobs, numberPool } from '../../../src/db/schema/index.js';
import { confirmNumberChange } from '../../../src/domain/numbers/confirm.js';
import { reserveNumber } from '../../../src/domain/numbers/reserve.js';
import {
  numberJobHandlers,
  QUARANTINE_RELEASE_JOB,
  scheduleQuarantineRelease,
} from '../../../src/jobs/handlers/numbers.js';
import { JobRunner } from '../../../src/jobs/runner.js';
import type { Notifier } from '../../../src/jobs/types.js';
import { createLogger } from '../../../src/logger.js';
import { createTestDeps, minsk } from '../../helpers/deps.js';
import { makeCategories, makePoolNumber, makeSubscriber, subscriberActor } from '../../helpers/fixtures.js';

const deps = await createTestDeps('2026-11-10T10:00');
const categories = await makeCategories(deps.db);
const notifier: Notifier = {
  sendText: async () => undefined,
  editText: async () => {},
  sendDocument: async () => undefined,
  deleteMessage: async () => {},
};
const runner = new JobRunner({ deps, notifier, logger: createLogger('silent'), handlers: numberJobHandlers });

async function status(msisdn: string) {
  const [row] = await deps.db
    .select({ status: numberPool.status })
    .from(numberPool)
    .where(eq(numberPool.msisdn, msisdn));
  return row!.status;
}

describe('R-NUM-OFFER: the daily job frees numbers whose quarantine has ended', () => {
  it('a number change books the run for the day its quarantine ends', async () => {
    await makePoolNumber(deps.db, categories, '375443000009');
    const s = await makeSubscriber(deps.db);
    await reserveNumber(deps, subscriberActor(s), { subscriberId: s.id, msisdn: '375443000009' });
    await confirmNumberChange(deps, subscriberActor(s), {
      subscriberId: s.id,
      msisdn: '375443000009',
      nonce: 'job-test-1',
    });
    const [booked] = await deps.db
      .select()
      .from(jobs)
      .where(eq(jobs.dedupeKey, `${QUARANTINE_RELEASE_JOB}:2027-02-09`));
    expect(booked).toMatchObject({ status: 'pending', runAt: minsk('2027-02-09T00:00') });
    await deps.db.delete(jobs).where(eq(jobs.id, booked!.id));
  });

  it('runs at the start of the next Minsk day, frees what is due, keeps the rest, and books the next day', async () => {
    await makePoolNumber(deps.db, categories, '375443000001', {
      status: 'quarantine',
      quarantineUntil: minsk('2026-11-10T18:00'),
    });
    await makePoolNumber(deps.db, categories, '375443000002', {
      status: 'quarantine',
      quarantineUntil: minsk('2026-11-12T18:00'),
    });
    await scheduleQuarantineRelease(deps.db, deps.clock.now());
    await scheduleQuarantineRelease(deps.db, deps.clock.now()); // a second process starting: still one job
    expect(await runner.runDue()).toBe(0);

    deps.clock.set(minsk('2026-11-11T00:00'));
    expect(await runner.runDue()).toBe(1);
    expect(await status('375443000001')).toBe('free');
    expect(await status('375443000002')).toBe('quarantine');

    const pending = await deps.db.select().from(jobs).where(eq(jobs.kind, QUARANTINE_RELEASE_JOB));
    expect(pending.filter((j) => j.status === 'pending').map((j) => j.runAt.toISOString())).toEqual([
      '2026-11-11T21:00:00.000Z',
    ]);
    deps.clock.set(minsk('2026-11-13T00:00'));
    await runner.runDue();
    expect(await status('375443000002')).toBe('free');
  });
});
