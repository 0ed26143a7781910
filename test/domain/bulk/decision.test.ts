// R-BULK decides a list's lines with the single change's own rules: the pure decision on facts read a
// batch at a time gives the outcome connectService gives (a table of cases), and a batch of mixed lines
// ends exactly as applying each line singly would — outcome, connections, balances, fee lines, audit rows.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, charges, subscriberServices, subscribers } from '../../../src/db/schema/index.js';
import { today } from '../../../src/domain/clock.js';
import {
  applyNextLines,
  applyServiceLine,
  confirmServiceList,
  createServiceList,
  openServiceList,
} from '../../../src/domain/bulk/index.js';
import { decideLines } from '../../../src/domain/bulk/decide.js';
import { audit } from '../../../src/domain/audit.js';
import { isDomainError } from '../../../src/domain/errors.js';
import { balanceFloor } from '../../../src/domain/fees.js';
import { decodeReason } from '../../../src/domain/lists/reason.js';
import type { ServiceRow } from '../../../src/domain/services/catalog.js';
import { connectFacts } from '../../../src/domain/services/connect-facts.js';
import { decideConnect } from '../../../src/domain/services/connect-rules.js';
import { connectService, disconnectService } from '../../../src/domain/services/services.js';
import { createTestDeps } from '../../helpers/deps.js';
import {
  adminActor,
  makeAccount,
  makeClient,
  makeService,
  makeSubscriber,
  makeTariff,
} from '../../helpers/fixtures.js';
import { connect, exclude, makePause, nonce } from '../services/builders.js';

const deps = await createTestDeps('2026-11-10T10:00');
const db = deps.db;

type Outcome = { code: string; params: Record<string, string | number> } | null;

/** What the single change does: null when applied, else its refusal. */
async function single(fn: () => Promise<unknown>): Promise<Outcome> {
  try {
    await fn();
    return null;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { code: error.code, params: error.params };
  }
}

async function catalog() {
  const open = await makeTariff(db);
  const closed = await makeTariff(db);
  const service = await makeService(db, { name: 'Определитель', connectFee: 250 }, [open.id]);
  const rival = await makeService(db, { name: 'Антиопределитель' }, [open.id]);
  await exclude(db, service.id, rival.id);
  const pkgA = await makeService(db, { kind: 'mobile_internet', name: 'Интернет 1 ГБ', connectFee: 0 }, [open.id]);
  const pkgB = await makeService(db, { kind: 'mobile_internet', name: 'Интернет 5 ГБ', connectFee: 100 }, [open.id]);
  const voicemail = await makeService(db, { kind: 'voicemail', name: 'Голосовая почта Плюс', connectFee: 50 }, []);
  return { open, closed, service, rival, pkgA, pkgB, voicemail };
}

describe('R-BULK, R-SVC, R-FEE: the pure decision on batch facts gives the single change’s outcome', () => {
  it('a table of cases: allowed, tariff, excluded, blocked, paused, already connected, one package, fee not covered, voicemail on any plan', async () => {
    const c = await catalog();
    const credit = await makeClient(db, { paymentForm: 'credit', creditLimit: 10_000 });
    const advance = await makeClient(db, { paymentForm: 'advance', creditLimit: 0 });
    type Case = {
      name: string;
      client?: number;
      service?: ServiceRow;
      over?: Record<string, unknown>;
      prepare?: (id: number) => Promise<void>;
      expected: string | null;
    };
    const cases: Case[] = [
      { name: 'allowed', expected: null },
      { name: 'tariff does not allow it', over: { tariffPlanId: c.closed.id }, expected: 'services.notAllowed' },
      {
        name: 'excluded by a connected service',
        prepare: (id) => connect(db, id, c.rival.id),
        expected: 'services.excluded',
      },
      { name: 'blocked', over: { status: 'blocked' }, expected: 'services.blocked' },
      {
        name: 'paused today',
        prepare: async (id) => void (await makePause(db, id, '2026-11-09', '2026-11-20')),
        expected: 'services.paused',
      },
      {
        name: 'pause ordered for tomorrow',
        prepare: async (id) => void (await makePause(db, id, '2026-11-11', '2026-11-20')),
        expected: null,
      },
      {
        name: 'already connected',
        prepare: (id) => connect(db, id, c.service.id),
        expected: 'services.alreadyConnected',
      },
      {
        name: 'blocked and already connected: blocked first',
        over: { status: 'blocked' },
        prepare: (id) => connect(db, id, c.service.id),
        expected: 'services.blocked',
      },
      {
        name: 'another internet package',
        service: c.pkgB,
        prepare: (id) => connect(db, id, c.pkgA.id),
        expected: 'services.onePackage',
      },
      {
        name: 'fee not covered (advance: floor 0)',
        client: advance.id,
        over: { balance: 249 },
        expected: 'fees.insufficientFunds',
      },
      { name: 'fee exactly covered (advance)', client: advance.id, over: { balance: 250 }, expected: null },
      { name: 'fee not covered (credit: floor −limit)', over: { balance: -9_800 }, expected: 'fees.insufficientFunds' },
      { name: 'fee within the credit limit', over: { balance: -9_750 }, expected: null },
      {
        name: 'excluded and fee not covered: the service rule first',
        client: advance.id,
        over: { balance: 0 },
        prepare: (id) => connect(db, id, c.rival.id),
        expected: 'services.excluded',
      },
      {
        name: 'voicemail on a plan that lists no service',
        service: c.voicemail,
        over: { tariffPlanId: c.closed.id },
        expected: null,
      },
    ];
    const seen: string[] = [];
    for (const k of cases) {
      const clientId = k.client ?? credit.id;
      const service = k.service ?? c.service;
      const sub = await makeSubscriber(db, { clientId, tariffPlanId: c.open.id, balance: 50_000, ...k.over });
      await k.prepare?.(sub.id);
      const [row] = await db.select().from(subscribers).where(eq(subscribers.id, sub.id));
      // The list's way: batch facts + the pure decision (read only).
      const [batch] = await decideLines(db, {
        day: today(deps.clock),
        clientId,
        service,
        action: 'connect',
        lines: [{ lineNo: 1, subscriber: row }],
      });
      // The single subscriber's facts + the same pure decision.
      const one = decideConnect(service, {
        ...(await connectFacts(db, deps, row!, service)),
        balance: row!.balance,
        floor: await balanceFloor(db, clientId),
      });
      // The single change itself.
      const applied = await single(() =>
        connectService(deps, adminActor(clientId), { subscriberId: sub.id, serviceId: service.id, nonce: nonce() }),
      );
      expect({ case: k.name, batch: batch!.refusal, one }).toEqual({ case: k.name, batch: applied, one: applied });
      expect({ case: k.name, code: applied?.code ?? null }).toEqual({ case: k.name, code: k.expected });
      seen.push(applied?.code ?? 'ok');
    }
    expect(new Set(seen).size).toBe(8);
  });
});

/** One client's numbers, each set up for one case once the list is confirmed (so the worker, not the preview, meets it). */
const CASES = [
  'ok',
  'ok',
  'tariff',
  'blocked',
  'paused',
  'connected',
  'excluded',
  'poor',
  'moved',
  'terminated',
  'ok',
  'poorButCredit',
] as const;

async function twin(c: Awaited<ReturnType<typeof catalog>>) {
  const client = await makeClient(db, { paymentForm: 'credit', creditLimit: 10_000 });
  const account = await makeAccount(db, client.id);
  const subs = [];
  for (const _ of CASES)
    subs.push(
      await makeSubscriber(db, {
        clientId: client.id,
        personalAccountId: account.id,
        tariffPlanId: c.open.id,
        balance: 5_000,
      }),
    );
  return { client, subs };
}

/** The changes between preview and apply, the same on both twins. */
async function breakCases(
  c: Awaited<ReturnType<typeof catalog>>,
  subs: { id: number }[],
  action: 'connect' | 'disconnect',
) {
  const elsewhere = await makeClient(db);
  for (const [i, kind] of CASES.entries()) {
    const id = subs[i]!.id;
    const set = (v: Partial<typeof subscribers.$inferInsert>) =>
      db.update(subscribers).set(v).where(eq(subscribers.id, id));
    if (kind === 'tariff') await set({ tariffPlanId: c.closed.id });
    if (kind === 'blocked') await set({ status: 'blocked' });
    if (kind === 'paused') await makePause(db, id, '2026-11-10', '2026-11-12');
    if (kind === 'connected')
      await (action === 'connect'
        ? connect(db, id, c.service.id)
        : db.delete(subscriberServices).where(eq(subscriberServices.subscriberId, id)));
    if (kind === 'excluded') await connect(db, id, c.rival.id);
    if (kind === 'poor') await set({ balance: -9_900 });
    if (kind === 'poorButCredit') await set({ balance: -9_700 });
    if (kind === 'moved') await set({ clientId: elsewhere.id });
    if (kind === 'terminated') await set({ status: 'terminated' });
  }
}

/** Everything a line's change leaves behind, per subscriber (in list order). */
async function footprint(subs: { id: number }[], serviceId: number) {
  const ids = subs.map((s) => s.id);
  const rows = await db.select().from(subscribers).where(inArray(subscribers.id, ids));
  const svc = await db.select().from(subscriberServices).where(inArray(subscriberServices.subscriberId, ids));
  const fees = await db.select().from(charges).where(inArray(charges.subscriberId, ids)).orderBy(asc(charges.id));
  const audits = await db
    .select()
    .from(auditLog)
    .where(
      and(inArray(auditLog.subscriberId, ids), inArray(auditLog.action, ['services.connect', 'services.disconnect'])),
    );
  return subs.map((s) => ({
    balance: rows.find((r) => r.id === s.id)!.balance,
    services: svc.filter((r) => r.subscriberId === s.id && r.serviceId === serviceId).length,
    fees: fees
      .filter((f) => f.subscriberId === s.id)
      .map((f) => [f.kind, f.amount, f.description, f.period, f.chargedOn]),
    audits: audits
      .filter((a) => a.subscriberId === s.id)
      .map((a) => {
        const after = a.after as { serviceId: number; fee: number; lineNo: number };
        return [
          a.action,
          a.actorKind,
          a.actorTelegramId,
          a.role,
          a.clientId,
          a.before,
          after.serviceId,
          after.fee,
          after.lineNo,
        ];
      }),
  }));
}

describe('R-BULK: a batch of mixed lines ends exactly as applying each line singly', () => {
  for (const action of ['connect', 'disconnect'] as const) {
    it(`${action}: the same outcome per line, and the same connections, balances, fee lines and audit rows`, async () => {
      const c = await catalog();
      const a = await twin(c);
      const b = await twin(c);
      if (action === 'disconnect') for (const s of [...a.subs, ...b.subs]) await connect(db, s.id, c.service.id);
      const admin = adminActor(a.client.id, 4242);
      const text = a.subs.map((s) => s.msisdn).join('\n');
      const preview = await createServiceList(deps, admin, {
        serviceId: c.service.id,
        action,
        source: { kind: 'text', text },
      });
      expect(preview.fine).toBe(CASES.length);
      await confirmServiceList(deps, admin, { listId: preview.listId, nonce: nonce() });
      await breakCases(c, a.subs, action);
      await breakCases(c, b.subs, action);

      // Twin A: the list, every line in one batch.
      const list = await openServiceList(deps, preview.listId);
      expect(await applyNextLines(deps, list!, { batch: 500 })).toBe(CASES.length);
      const lines = await db.query.bulkListLines.findMany({
        where: (l, { eq: is }) => is(l.listId, preview.listId),
        orderBy: (l, { asc: by }) => by(l.lineNo),
      });
      const batchOutcomes = lines.map((l) => (l.status === 'done' ? null : decodeReason(l.reason)));

      // Twin B: each line singly, as the worker used to (one transaction per line: the change and its audit row).
      const actorB = adminActor(b.client.id, 4242);
      const singleOutcomes: Outcome[] = [];
      for (const [i, s] of b.subs.entries()) {
        const outcome = await single(() =>
          db.transaction(async (tx) => {
            const { fee } = await applyServiceLine(tx, deps, actorB, {
              subscriberId: s.id,
              serviceId: c.service.id,
              action,
            });
            await audit(tx, actorB, deps.clock.now(), {
              action: action === 'connect' ? 'services.connect' : 'services.disconnect',
              clientId: b.client.id,
              subscriberId: s.id,
              before: action === 'disconnect' ? { serviceId: c.service.id } : null,
              after: { serviceId: c.service.id, fee, listId: 0, lineNo: lines[i]!.lineNo },
            });
          }),
        );
        singleOutcomes.push(
          outcome?.code === 'access.forbidden' ? { code: 'lists.notThisClient', params: {} } : outcome,
        );
      }
      const norm = (o: Outcome | ReturnType<typeof decodeReason>) =>
        o ? { code: o.code, params: o.params ?? {} } : null;
      expect(batchOutcomes.map(norm)).toEqual(singleOutcomes.map(norm));
      // The mix really is mixed: applied lines and several different refusals.
      const codes = new Set(singleOutcomes.map((o) => o?.code ?? 'ok'));
      expect(codes.size).toBeGreaterThanOrEqual(action === 'connect' ? 8 : 3);

      const fa = await footprint(a.subs, c.service.id);
      const fb = await footprint(b.subs, c.service.id);
      // Same per subscriber, except the client id of the audit row (two twin clients).
      const strip = (f: Awaited<ReturnType<typeof footprint>>) =>
        f.map((x) => ({ ...x, audits: x.audits.map((r) => r.filter((_, i) => i !== 4)) }));
      expect(strip(fa)).toEqual(strip(fb));
      expect(fa.filter((x) => x.audits.length === 1).length).toBe(singleOutcomes.filter((o) => o === null).length);
    });
  }

  it('a single disconnect and a list disconnect of a blocked number both go through', async () => {
    const c = await catalog();
    const sub = await makeSubscriber(db, { tariffPlanId: c.open.id, status: 'blocked' });
    await connect(db, sub.id, c.service.id);
    const [row] = await db.select().from(subscribers).where(eq(subscribers.id, sub.id));
    const [decided] = await decideLines(db, {
      day: today(deps.clock),
      clientId: sub.clientId,
      service: c.service,
      action: 'disconnect',
      lines: [{ lineNo: 1, subscriber: row }],
    });
    expect(decided!.refusal).toBeNull();
    expect(
      await single(() =>
        disconnectService(deps, adminActor(sub.clientId), {
          subscriberId: sub.id,
          serviceId: c.service.id,
          nonce: nonce(),
        }),
      ),
    ).toBeNull();
  });
});
