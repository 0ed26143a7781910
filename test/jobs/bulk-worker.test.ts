import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { jobs, subscriberServices, subscribers } from '../../src/db/schema/index.js';
import { type BatchHook, BULK_APPLY_JOB, confirmServiceList, createServiceList } from '../../src/domain/bulk/index.js';
import { neutralizeCell } from '../../src/documents/list-result-xlsx.js';
import { bulkHandlers, makeBulkApplyHandler } from '../../src/jobs/handlers/bulk.js';
import { claimJobs } from '../../src/jobs/queue.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { createLogger } from '../../src/logger.js';
import { createTestDeps } from '../helpers/deps.js';
import { adminActor, makeClient, makeSubscriber } from '../helpers/fixtures.js';
import { appliedTimes, bulkClient, lineStatuses, readXlsx, recordingNotifier } from './bulk-fixtures.js';

const deps = await createTestDeps('2026-11-10T10:00');
const logger = createLogger('silent');
let seq = 0;
const nonce = () => `bulk-${++seq}`;
const tick = () => new Promise<void>((r) => setTimeout(r, 1));

async function drain(runner: JobRunner) {
  while ((await runner.runDue()) > 0);
}

async function confirmedList(n: { allowed: number; forbidden?: number }, extraLines: string[] = []) {
  const setup = await bulkClient(deps.db, n);
  const admin = adminActor(setup.client.id, 3001);
  const text = [...setup.subs.map((s) => s.msisdn), ...extraLines].join('\n');
  const preview = await createServiceList(deps, admin, {
    serviceId: setup.service.id,
    action: 'connect',
    source: { kind: 'text', text },
    chatId: 3001,
  });
  return { ...setup, admin, preview };
}

describe('R-BULK: a list is applied line by line with the single-change rules; every line gets its outcome', () => {
  it('200 numbers, some on a tariff that forbids the service: the result file gives every line’s outcome', async () => {
    const { service, subs, admin, preview } = await confirmedList({ allowed: 160, forbidden: 40 }, [
      '=HYPERLINK("http://evil")',
      '@SUM(1)',
    ]);
    expect(preview.total).toBe(202);
    expect(preview.fine).toBe(160);
    expect(preview.bad.filter((b) => b.reason.code === 'services.notAllowed')).toHaveLength(40);
    expect(preview.bad.filter((b) => b.reason.code === 'lists.notANumber')).toHaveLength(2);

    // Between preview and confirmation one number is blocked and one leaves the client: refused at apply, per line.
    const other = await makeClient(deps.db);
    await deps.db.update(subscribers).set({ status: 'blocked' }).where(eq(subscribers.id, subs[0]!.id));
    await deps.db.update(subscribers).set({ clientId: other.id }).where(eq(subscribers.id, subs[1]!.id));

    const key = nonce();
    const confirmed = await confirmServiceList(deps, admin, {
      listId: preview.listId,
      nonce: key,
      progressMessageId: 55,
    });
    expect(confirmed).toEqual({ listId: preview.listId, lines: 160 });
    expect(await confirmServiceList(deps, admin, { listId: preview.listId, nonce: key })).toEqual(confirmed); // R-IDEMP
    await expect(confirmServiceList(deps, admin, { listId: preview.listId, nonce: nonce() })).rejects.toMatchObject({
      code: 'lists.alreadyConfirmed',
    });
    const listJobs = await deps.db.select().from(jobs).where(eq(jobs.kind, BULK_APPLY_JOB));
    expect(listJobs.filter((j) => j.payload.listId === preview.listId)).toHaveLength(2);

    const notifier = recordingNotifier();
    await drain(new JobRunner({ deps, notifier, logger, handlers: bulkHandlers({ batch: 25 }) }));

    const lines = await lineStatuses(deps.db, preview.listId);
    expect(lines.filter((l) => l.status === 'done')).toHaveLength(158);
    expect(lines.filter((l) => l.status === 'refused').map((l) => l.reason)).toEqual([
      `services.blocked {"service":"${service.name}"}`,
      'lists.notThisClient',
    ]);
    expect(lines.filter((l) => l.status === 'pending')).toHaveLength(0);
    for (const s of subs.slice(2, 160))
      expect(await appliedTimes(deps.db, s.id, service.id)).toEqual({ audits: 1, fees: 1, rows: 1 });
    for (const s of subs.slice(160))
      expect(await appliedTimes(deps.db, s.id, service.id)).toEqual({ audits: 0, fees: 0, rows: 0 });

    expect(notifier.recorded.documents).toHaveLength(1);
    const doc = notifier.recorded.documents[0]!;
    expect(doc).toMatchObject({ chatId: 3001, filename: `result-${preview.listId}.xlsx` });
    expect(notifier.recorded.edits.at(-1)).toMatchObject({ chatId: 3001, messageId: 55 });
    expect(notifier.recorded.edits.at(-1)!.text).toContain('выполнено 158, отказано 2');
    const sheet = await readXlsx(doc.content);
    const body = sheet.rows.filter((r) => /^\d+$/.test(r[0] ?? ''));
    expect(body).toHaveLength(202);
    expect(body[0]!.slice(0, 3)).toEqual(['1', subs[0]!.msisdn, 'отказ']);
    expect(body[0]![3]).not.toBe('');
    expect(body.find((r) => r[1] === subs[1]!.msisdn)?.[3]).toBe('номер не принадлежит вашей компании');
    expect(body.filter((r) => r[2] === 'выполнено')).toHaveLength(158);
    expect(body.filter((r) => r[2] === 'не принято')).toHaveLength(42);
    // Formulas neutralised: what the user sent is text, never a formula.
    expect(sheet.formulas).toBe(0);
    expect(body.find((r) => r[4]?.includes('HYPERLINK'))?.[4]).toBe(`'=HYPERLINK("http://evil")`);
    expect(body.find((r) => r[4]?.includes('SUM'))?.[4]).toBe(`'@SUM(1)`);
    expect(sheet.rows.flat().filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  });

  it('neutralises every formula lead-in', () => {
    expect(['=1+1', '+375', '-5', '@x', '\tq', 'ok', "'=x"].map(neutralizeCell)).toEqual([
      "'=1+1",
      "'+375",
      "'-5",
      "'@x",
      "'\tq",
      'ok',
      "'=x",
    ]);
  });
});

describe('R-BULK: the list survives a restart and no line is applied twice', () => {
  it('a worker killed half-way: a new worker finishes the list, every line applied exactly once', async () => {
    const { service, subs, admin, preview } = await confirmedList({ allowed: 60 });
    await confirmServiceList(deps, admin, { listId: preview.listId, nonce: nonce() });

    // Worker «dead» takes the list's jobs and is killed once its 26th line is written (mid-batch, before the commit).
    let applied = 0;
    const dying: BatchHook = async (_tx, lines) => {
      applied += lines.length;
      if (applied > 25) throw new Error('SIGKILL');
    };
    const claimed = await claimJobs(deps.db, {
      kinds: [BULK_APPLY_JOB],
      workerId: 'dead',
      now: deps.clock.now(),
      lockMs: 60_000,
      limit: 10,
    });
    const mine = claimed.filter((j) => j.payload.listId === preview.listId);
    expect(mine).toHaveLength(2);
    const ctx = { deps, notifier: recordingNotifier(), logger, heartbeat: async () => {} };
    await expect(makeBulkApplyHandler({ onBatch: dying, batch: 10 }).run(mine[0]!.payload, ctx)).rejects.toThrow(
      'SIGKILL',
    );
    // Two batches committed; the third (lines 21–30) rolled back whole, its written lines with it.
    const mid = await lineStatuses(deps.db, preview.listId);
    expect(mid.filter((l) => l.status === 'done')).toHaveLength(20);
    expect(mid.filter((l) => l.status === 'pending')).toHaveLength(40);
    for (const s of subs.slice(20, 30))
      expect(await appliedTimes(deps.db, s.id, service.id)).toEqual({ audits: 0, fees: 0, rows: 0 });

    // The dead worker's claims hold until they expire; then a new worker takes the list over.
    const notifier = recordingNotifier();
    const next = new JobRunner({ deps, notifier, logger, handlers: bulkHandlers({ batch: 10 }), workerId: 'next' });
    expect(await next.runDue()).toBe(0);
    deps.clock.advance(60_000);
    await drain(next);

    const end = await lineStatuses(deps.db, preview.listId);
    expect(end.every((l) => l.status === 'done')).toBe(true);
    for (const s of subs)
      expect(await appliedTimes(deps.db, s.id, service.id)).toEqual({ audits: 1, fees: 1, rows: 1 });
    expect(notifier.recorded.documents).toHaveLength(1);
    const [afterwards] = await deps.db.select().from(subscribers).where(eq(subscribers.id, subs[0]!.id));
    expect(afterwards!.balance).toBe(10_000 - service.connectFee);
  });

  it('two workers on one list share it without overlap: every line once, both did some', async () => {
    const { service, subs, admin, preview } = await confirmedList({ allowed: 200 });
    await confirmServiceList(deps, admin, { listId: preview.listId, nonce: nonce() });
    const by = new Map<number, string[]>();
    const recording =
      (worker: string): BatchHook =>
      async (_tx, lines) => {
        await tick();
        for (const l of lines) if (!l.reason) by.set(l.subscriberId!, [...(by.get(l.subscriberId!) ?? []), worker]);
      };
    const notifier = recordingNotifier();
    const a = new JobRunner({
      deps,
      notifier,
      logger,
      handlers: bulkHandlers({ onBatch: recording('a'), batch: 5, concurrency: 2 }),
      batch: 1,
      workerId: 'A',
    });
    const b = new JobRunner({
      deps,
      notifier,
      logger,
      handlers: bulkHandlers({ onBatch: recording('b'), batch: 5, concurrency: 2 }),
      batch: 1,
      workerId: 'B',
    });
    await Promise.all([drain(a), drain(b)]);

    expect(by.size).toBe(200);
    expect([...by.values()].every((w) => w.length === 1)).toBe(true);
    const counts = {
      a: [...by.values()].filter((w) => w[0] === 'a').length,
      b: [...by.values()].filter((w) => w[0] === 'b').length,
    };
    expect(counts.a).toBeGreaterThan(0);
    expect(counts.b).toBeGreaterThan(0);
    for (const s of subs)
      expect(await appliedTimes(deps.db, s.id, service.id)).toEqual({ audits: 1, fees: 1, rows: 1 });
    expect(notifier.recorded.documents).toHaveLength(1);
  });
});

describe('R-BULK: two lists over the same numbers, applied at once', () => {
  it('each number is connected and charged once: one list applies it, the other refuses it as already connected', async () => {
    const setup = await bulkClient(deps.db, { allowed: 120 });
    const admin = adminActor(setup.client.id, 3002);
    const text = setup.subs.map((s) => s.msisdn).join('\n');
    // The second list runs backwards, so the two meet from both ends (locks taken in id order never cycle).
    const reversed = [...setup.subs]
      .reverse()
      .map((s) => s.msisdn)
      .join('\n');
    const one = await createServiceList(deps, admin, {
      serviceId: setup.service.id,
      action: 'connect',
      source: { kind: 'text', text },
    });
    const two = await createServiceList(deps, admin, {
      serviceId: setup.service.id,
      action: 'connect',
      source: { kind: 'text', text: reversed },
    });
    await confirmServiceList(deps, admin, { listId: one.listId, nonce: nonce() });
    await confirmServiceList(deps, admin, { listId: two.listId, nonce: nonce() });
    // Both lists at the same time, two lanes each, as two processes would run them.
    const notifier = recordingNotifier();
    const ctx = { deps, notifier, logger, heartbeat: async () => {} };
    const apply = makeBulkApplyHandler({ onBatch: tick, batch: 15, concurrency: 2 });
    await Promise.all([
      apply.run({ listId: one.listId, part: 0 }, ctx),
      apply.run({ listId: two.listId, part: 0 }, ctx),
    ]);
    await drain(new JobRunner({ deps, notifier, logger, handlers: bulkHandlers() }));

    const lines = [...(await lineStatuses(deps.db, one.listId)), ...(await lineStatuses(deps.db, two.listId))];
    expect(lines.filter((l) => l.status === 'done')).toHaveLength(120);
    expect(lines.filter((l) => l.status === 'refused').map((l) => l.reason?.split(' ')[0])).toEqual(
      Array(120).fill('services.alreadyConnected'),
    );
    for (const s of setup.subs)
      expect(await appliedTimes(deps.db, s.id, setup.service.id)).toEqual({ audits: 1, fees: 1, rows: 1 });
    expect(notifier.recorded.documents).toHaveLength(2);
    // No batch failed on the way (a duplicate connection caught by the key would fail one and retry it).
    const listJobs = (await deps.db.select().from(jobs).where(eq(jobs.kind, BULK_APPLY_JOB))).filter((j) =>
      [one.listId, two.listId].includes(Number(j.payload.listId)),
    );
    expect(listJobs.map((j) => [j.status, j.lastError])).toEqual(Array(4).fill(['done', null]));
  });
});

describe('R-BULK: progress edits one message at most once a second', () => {
  it('40 lines at 0,3 s each: progress edits at least 1 s apart, then the final one', async () => {
    const { admin, preview } = await confirmedList({ allowed: 40 });
    await confirmServiceList(deps, admin, { listId: preview.listId, nonce: nonce(), progressMessageId: 77 });
    const slow: BatchHook = async (_tx, lines) => {
      deps.clock.advance(300 * lines.length);
    };
    const times: number[] = [];
    const notifier = recordingNotifier(() => times.push(deps.clock.now().getTime()));
    await drain(new JobRunner({ deps, notifier, logger, handlers: bulkHandlers({ onBatch: slow, batch: 1 }) }));
    const progress = notifier.recorded.edits.filter((e) => e.text.includes('обработано'));
    expect(progress.length).toBeGreaterThanOrEqual(5);
    expect(progress.length).toBeLessThanOrEqual(12);
    for (let i = 1; i < progress.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
    expect(progress.at(-1)!.text).toMatch(/обработано \d+ из 40/);
    expect(notifier.recorded.edits.at(-1)!.text).toContain('завершено');
  });
});

describe('R-BULK: the preview names what the single-change rules would refuse', () => {
  it('disconnect: a number without the service is refused; a foreign list is not reachable', async () => {
    const setup = await bulkClient(deps.db, { allowed: 3 });
    const admin = adminActor(setup.client.id);
    await deps.db
      .insert(subscriberServices)
      .values({ subscriberId: setup.subs[0]!.id, serviceId: setup.service.id, connectedAt: deps.clock.now() });
    const text = setup.subs.map((s) => s.msisdn).join('\n');
    const preview = await createServiceList(deps, admin, {
      serviceId: setup.service.id,
      action: 'disconnect',
      source: { kind: 'text', text },
    });
    expect(preview.fine).toBe(1);
    expect(preview.bad.map((b) => b.reason.code)).toEqual(['services.notConnected', 'services.notConnected']);
    const stranger = await makeSubscriber(deps.db);
    await expect(
      confirmServiceList(deps, adminActor(stranger.clientId), { listId: preview.listId, nonce: nonce() }),
    ).rejects.toMatchObject({ code: 'access.forbidden' });
    await expect(
      createServiceList(deps, admin, { serviceId: 99_999_999, action: 'connect', source: { kind: 'text', text } }),
    ).rejects.toMatchObject({ code: 'services.notFound' });
    const none = await createServiceList(deps, admin, {
      serviceId: setup.service.id,
      action: 'disconnect',
      source: { kind: 'text', text: setup.subs[1]!.msisdn },
    });
    await expect(confirmServiceList(deps, admin, { listId: none.listId, nonce: nonce() })).rejects.toMatchObject({
      code: 'lists.nothingToApply',
    });
    const pending = await deps.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, BULK_APPLY_JOB), eq(jobs.status, 'pending')));
    expect(pending.filter((j) => j.payload.listId === none.listId)).toEqual([]);
  });
});
