import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { auditLog, jobs, pauses } from '../../../src/db/schema/index.js';
import { pauseJobHandlers, schedulePauseSweep } from '../../../src/jobs/handlers/pause.js';
import { JobRunner } from '../../../src/jobs/runner.js';
import type { Notifier } from '../../../src/jobs/types.js';
import { endPauseEarly, startPause } from '../../../src/domain/services/pause.js';
import { createTestDeps, minsk } from '../../helpers/deps.js';
import {
  adminActor,
  linkSubscriber,
  makeSubscriber,
  makeTelegramUser,
  subscriberActor,
} from '../../helpers/fixtures.js';
import { makePause, nonce } from './builders.js';

const deps = await createTestDeps('2026-11-10T10:00');
const at = (local: string) => deps.clock.set(minsk(local));

const sent: { chatId: number; text: string }[] = [];
const notifier: Notifier = {
  async sendText(chatId, text) {
    sent.push({ chatId, text });
    return { messageId: sent.length };
  },
  async editText() {},
  async sendDocument() {
    return undefined;
  },
  async deleteMessage() {},
};
// batch 1 and a loop: a runner that was never start()ed returns after its first job (see the report).
const runner = new JobRunner({
  deps,
  notifier,
  logger: pino({ level: 'silent' }),
  handlers: pauseJobHandlers,
  batch: 1,
});
const drain = async () => {
  while ((await runner.runDue()) > 0);
};
const sentTo = (chatId: number) => sent.filter((m) => m.chatId === chatId).map((m) => m.text);

describe('R-PAUSE: the day-before notice and the natural end (jobs)', () => {
  it('tells the subscriber and the ordering administrator once, the day before the end date, then records the end', async () => {
    at('2026-11-10T10:00');
    const sub = await makeSubscriber(deps.db, { msisdn: '375291110001' });
    await linkSubscriber(deps.db, 5001, sub);
    await makeTelegramUser(deps.db, 5002);
    await startPause(deps, adminActor(sub.clientId, 5002), {
      subscriberId: sub.id,
      endsOn: '2026-11-17',
      nonce: nonce(),
    });

    at('2026-11-16T09:59');
    await drain();
    expect(sentTo(5001)).toEqual([]);
    at('2026-11-16T10:00');
    await drain();
    await drain();
    expect(sentTo(5001)).toEqual([
      'Пауза номера +375 29 111-00-01 заканчивается 17.11.2026. С 18.11.2026 услуги связи снова работают.',
    ]);
    expect(sentTo(5002)).toHaveLength(1);
    expect((await deps.db.select().from(pauses).where(eq(pauses.subscriberId, sub.id)))[0]!.noticeSent).toBe(true);

    at('2026-11-18T00:00');
    await drain();
    await schedulePauseSweep(deps.db, deps.clock.now());
    await drain(); // the sweep must not record it twice
    expect(sentTo(5001)).toHaveLength(2);
    expect(sentTo(5001)[1]).toContain('закончилась');
    const finished = await deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subscriberId, sub.id), eq(auditLog.action, 'pause.finished')));
    expect(finished).toHaveLength(1);
  });

  it('a pause ended early gets neither the notice nor the end record', async () => {
    at('2026-11-10T10:00');
    const sub = await makeSubscriber(deps.db);
    await linkSubscriber(deps.db, 6001, sub);
    await startPause(deps, subscriberActor(sub, 6001), { subscriberId: sub.id, endsOn: '2026-11-17', nonce: nonce() });
    at('2026-11-12T10:00');
    await endPauseEarly(deps, subscriberActor(sub, 6001), { subscriberId: sub.id, nonce: nonce() });
    at('2026-11-20T10:00');
    await drain();
    expect(sentTo(6001)).toEqual([]);
    expect(
      await deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subscriberId, sub.id), eq(auditLog.action, 'pause.finished'))),
    ).toHaveLength(0);
  });

  it('the daily sweep covers pauses without jobs (seeded) and books the next sweep', async () => {
    at('2026-12-05T10:30');
    const sub = await makeSubscriber(deps.db);
    await linkSubscriber(deps.db, 7001, sub);
    await makePause(deps.db, sub.id, '2026-11-30', '2026-12-06');
    await schedulePauseSweep(deps.db, deps.clock.now());
    await drain();
    expect(sentTo(7001)).toHaveLength(1);
    const next = await deps.db.select().from(jobs).where(eq(jobs.dedupeKey, 'pause.sweep:2026-12-06'));
    expect(next[0]!.runAt.toISOString()).toBe(minsk('2026-12-06T10:00').toISOString());
    at('2026-12-07T10:00');
    await drain();
    expect(sentTo(7001)).toHaveLength(2);
    expect(
      await deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subscriberId, sub.id), eq(auditLog.action, 'pause.finished'))),
    ).toHaveLength(1);
  });
});
