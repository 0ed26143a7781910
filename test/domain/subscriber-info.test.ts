import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, jobs, pauses, subscribers } from '../../src/db/schema/index.js';
import { PIN_MESSAGE_DELETE, schedulePinMessageDeletion } from '../../src/domain/pin-message.js';
import { pinMessageHandler } from '../../src/jobs/handlers/pin-message.js';
import { JobRunner } from '../../src/jobs/runner.js';
import type { Notifier } from '../../src/jobs/types.js';
import { createLogger } from '../../src/logger.js';
import { writeSimCodes } from '../../src/domain/sim-codes-store.js';
import { revealSimCodes, subscriberCard } from '../../src/domain/subscriber-info.js';
import { createTestDeps, minsk } from '../helpers/deps.js';
import { adminActor, makeClient, makeSubscriber, makeTariff, subscriberActor } from '../helpers/fixtures.js';

const deps = await createTestDeps('2026-11-30T23:30');
const codes = { pin1: '1234', puk1: '12345678', pin2: '5678', puk2: '87654321' };

async function pause(subscriberId: number, startsOn: string, endsOn: string, endedOn: string | null = null) {
  await deps.db
    .insert(pauses)
    .values({ subscriberId, startsOn, endsOn, endedOn, fee: 300, createdAt: deps.clock.now() });
}

function fakeNotifier() {
  const deleted: [number, number][] = [];
  const notifier: Notifier = {
    sendText: async () => undefined,
    editText: async () => {},
    sendDocument: async () => undefined,
    deleteMessage: async (chatId, messageId) => {
      deleted.push([chatId, messageId]);
    },
  };
  return { notifier, deleted };
}

describe('R-SUB-INFO: the subscriber card', () => {
  it('shows number, names, tariff plan, balance, status and closed user group', async () => {
    const plan = await makeTariff(deps.db, { name: 'Бизнес 25', monthlyFee: 2500 });
    const s = await makeSubscriber(deps.db, {
      tariffPlanId: plan.id,
      fullName: 'Иванов Иван Иванович',
      displayName: 'Отдел продаж',
      balance: 50000,
      cugName: 'ЗАГ «Офис»',
    });
    const card = await subscriberCard(deps, subscriberActor(s), s.id);
    expect(card).toMatchObject({
      msisdn: s.msisdn,
      fullName: 'Иванов Иван Иванович',
      displayName: 'Отдел продаж',
      tariffPlan: { id: plan.id, name: 'Бизнес 25', monthlyFee: 2500 },
      balance: 50000,
      status: 'active',
      closedUserGroup: 'ЗАГ «Офис»',
      hasSimCodes: false,
    });
    const outside = await makeSubscriber(deps.db);
    expect((await subscriberCard(deps, adminActor(outside.clientId), outside.id)).closedUserGroup).toBeNull();
  });

  it('shows «пауза» only on the days a pause is in force (Minsk calendar, last day of a month)', async () => {
    deps.clock.set(minsk('2026-11-30T23:30'));
    const s = await makeSubscriber(deps.db);
    await pause(s.id, '2026-12-01', '2026-12-20');
    // 23:30 in Minsk on 30 November: the pause starts tomorrow.
    expect((await subscriberCard(deps, subscriberActor(s), s.id)).status).toBe('active');
    deps.clock.set(minsk('2026-12-01T00:10'));
    expect((await subscriberCard(deps, subscriberActor(s), s.id)).status).toBe('paused');
    deps.clock.set(minsk('2026-12-20T23:59'));
    expect((await subscriberCard(deps, subscriberActor(s), s.id)).status).toBe('paused');
    deps.clock.set(minsk('2026-12-21T00:00'));
    expect((await subscriberCard(deps, subscriberActor(s), s.id)).status).toBe('active');
  });

  it('an ended pause and a blocked number are not shown as paused', async () => {
    deps.clock.set(minsk('2027-01-01T12:00'));
    const ended = await makeSubscriber(deps.db);
    await pause(ended.id, '2026-12-25', '2027-01-10', '2027-01-01');
    expect((await subscriberCard(deps, subscriberActor(ended), ended.id)).status).toBe('active');
    const blocked = await makeSubscriber(deps.db, { status: 'blocked' });
    await pause(blocked.id, '2026-12-25', '2027-01-10');
    expect((await subscriberCard(deps, subscriberActor(blocked), blocked.id)).status).toBe('blocked');
  });

  it('is refused outside the actor’s scope', async () => {
    const s = await makeSubscriber(deps.db);
    const other = await makeClient(deps.db);
    await expect(subscriberCard(deps, adminActor(other.id), s.id)).rejects.toThrow('access.forbidden');
  });
});

/** A subscriber whose codes are sealed with `key`, bound to its id. */
async function subscriberWithCodes(key: Buffer) {
  const s = await makeSubscriber(deps.db);
  await writeSimCodes(deps.db, key, [{ subscriberId: s.id, codes }]);
  return s;
}

describe('R-SUB-INFO: PIN/PUK on an extra press, encrypted at rest, audited without the codes', () => {
  it('round-trips the four codes and stores none of them in clear', async () => {
    const s = await subscriberWithCodes(deps.secretsKey);
    const [stored] = await deps.db
      .select({ sealed: subscribers.simCodesEncrypted })
      .from(subscribers)
      .where(eq(subscribers.id, s.id));
    for (const code of Object.values(codes)) expect(stored!.sealed).not.toContain(code);
    expect((await subscriberCard(deps, subscriberActor(s), s.id)).hasSimCodes).toBe(true);
    await expect(revealSimCodes(deps, subscriberActor(s), s.id)).resolves.toEqual(codes);
  });

  it('writes one audit row per view, and the row holds no code', async () => {
    const s = await subscriberWithCodes(deps.secretsKey);
    await revealSimCodes(deps, adminActor(s.clientId, 777), s.id);
    await revealSimCodes(deps, adminActor(s.clientId, 777), s.id);
    const rows = await deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subscriberId, s.id), eq(auditLog.action, 'subscriber.simCodes.view')));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ actorTelegramId: 777, role: 'admin', clientId: s.clientId });
    const text = JSON.stringify(rows);
    for (const code of Object.values(codes)) expect(text).not.toContain(code);
  });

  it('refuses another client’s number without auditing, and a number without codes', async () => {
    const s = await subscriberWithCodes(deps.secretsKey);
    const other = await makeClient(deps.db);
    await expect(revealSimCodes(deps, adminActor(other.id), s.id)).rejects.toThrow('access.forbidden');
    const none = await makeSubscriber(deps.db);
    await expect(revealSimCodes(deps, subscriberActor(none), none.id)).rejects.toThrow('subscriberInfo.noSimCodes');
    const rows = await deps.db.select().from(auditLog).where(eq(auditLog.subscriberId, s.id));
    expect(rows).toHaveLength(0);
  });

  it('fails closed with a wrong key (the ciphertext is authenticated)', async () => {
    const s = await subscriberWithCodes(Buffer.alloc(32, 1));
    await expect(revealSimCodes(deps, subscriberActor(s), s.id)).rejects.toThrow();
  });
});

describe('R-SUB-INFO: the codes message is deleted after the configured time, by a job row', () => {
  it('is not deleted before the time and is deleted after it, by a runner started later (a restart)', async () => {
    deps.clock.set(minsk('2026-12-31T23:59:30'));
    const jobId = await schedulePinMessageDeletion(deps, 5005, 42);
    const [row] = await deps.db.select().from(jobs).where(eq(jobs.id, jobId!));
    expect(row).toMatchObject({ kind: PIN_MESSAGE_DELETE, payload: { chatId: 5005, messageId: 42 } });
    expect(row!.runAt.getTime() - deps.clock.now().getTime()).toBe(deps.settings.pinMessageTtlSeconds * 1000);
    expect(JSON.stringify(row!.payload)).not.toMatch(/1234|5678/);

    const first = fakeNotifier();
    const logger = createLogger('silent');
    expect(
      await new JobRunner({ deps, notifier: first.notifier, logger, handlers: [pinMessageHandler] }).runDue(),
    ).toBe(0);
    expect(first.deleted).toEqual([]);

    // The process "restarts": a new runner, past the TTL (into 1 January), finds the row and deletes.
    deps.clock.set(minsk('2027-01-01T00:00:31'));
    const second = fakeNotifier();
    expect(
      await new JobRunner({ deps, notifier: second.notifier, logger, handlers: [pinMessageHandler] }).runDue(),
    ).toBe(1);
    expect(second.deleted).toEqual([[5005, 42]]);
  });

  it('treats a message that is already gone as done', async () => {
    const notifier = fakeNotifier().notifier;
    notifier.deleteMessage = async () => {
      throw new Error('400: Bad Request: message to delete not found');
    };
    await expect(
      pinMessageHandler.run(
        { chatId: 1, messageId: 2 },
        { deps, notifier, logger: createLogger('silent'), heartbeat: async () => {} },
      ),
    ).resolves.toBeUndefined();
  });
});
