// The demo seed keeps the promises of issue 2 and SPEC §5: the named clients and numbers, the counts, a
// number pool classified by R-NUM-CATEGORY, the catalog, billing data for seven months, idempotency.
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/db/client.js';
import {
  bankAccounts,
  callForwarding,
  charges,
  clients,
  installments,
  invoiceLines,
  invoices,
  numberCategories,
  numberCategoryPatterns,
  numberPool,
  pauses,
  payments,
  personalAccounts,
  serviceExclusions,
  services,
  settingsTexts,
  subscribers,
  tariffPlans,
  tariffServices,
  tariffTransitions,
  usageRecords,
} from '../../src/db/schema/index.js';
import * as demo from '../../src/db/seed/index.js';
import { seedDemo } from '../../src/db/seed/index.js';
import { vatPart } from '../../src/domain/money.js';
import { classifyNumber, compileRules, defaultCategoryRules } from '../../src/domain/numbers/categories.js';
import { decryptSecret, subscriberBinding } from '../../src/domain/secrets.js';
import { addDays, addMonths, minskDate, monthStart, startOfMinskDay } from '../../src/domain/time.js';
import { createTestDeps } from '../helpers/deps.js';

const deps = await createTestDeps('2026-11-10T10:00');
const today = minskDate(deps.clock.now());

/** R-UNP, written out here so the test does not trust the seed's own helper. */
function unpValid(unp: string): boolean {
  const w = [29, 23, 19, 17, 13, 7, 5, 3];
  const sum = w.reduce((s, x, i) => s + x * Number(unp[i]), 0) % 11;
  return /^\d{9}$/.test(unp) && sum <= 9 && sum === Number(unp[8]);
}

function ibanValid(iban: string): boolean {
  const moved = iban.slice(4) + iban.slice(0, 4);
  const digits = moved.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return /^BY\d{2}[0-9A-Z]{24}$/.test(iban) && BigInt(digits) % 97n === 1n;
}

const tableCount = async (table: string) =>
  Number((await rawRows<{ n: string }>(deps.db, sql`select count(*) as n from ${sql.identifier(table)}`))[0]!.n);

const COUNTED = [
  'clients',
  'subscribers',
  'number_pool',
  'usage_records',
  'charges',
  'invoices',
  'payments',
  'installments',
  'tariff_plans',
  'services',
];

let first: Awaited<ReturnType<typeof seedDemo>>;
beforeAll(async () => {
  first = await seedDemo(deps);
}, 120_000);

async function clientByUnp(unp: string) {
  const [row] = await deps.db.select().from(clients).where(eq(clients.unp, unp));
  return row!;
}
async function subscriberByMsisdn(msisdn: string) {
  const [row] = await deps.db.select().from(subscribers).where(eq(subscribers.msisdn, msisdn));
  return row!;
}
const pauseCoversToday = async (subscriberId: number) =>
  (await deps.db.select().from(pauses).where(eq(pauses.subscriberId, subscriberId))).some(
    (p) => p.startsOn <= today && today <= p.endsOn && !p.endedOn,
  );

describe('demo seed: the named clients and numbers (issue 2, SPEC §5)', () => {
  it('the demo client ООО "Демо Телеком" with УНП 191234563 on credit, limit 100,00 руб., e-mail delivery, two valid bank accounts', async () => {
    expect(first.seeded).toBe(true);
    const client = await clientByUnp('191234563');
    expect(unpValid('191234563')).toBe(true);
    expect(client).toMatchObject({
      name: 'ООО "Демо Телеком"',
      paymentForm: 'credit',
      creditLimit: 10_000,
      billDeliveryMethod: 'email',
    });
    expect(client.billDeliveryAddress).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    const accounts = await deps.db.select().from(bankAccounts).where(eq(bankAccounts.clientId, client.id));
    expect(accounts.length).toBeGreaterThanOrEqual(2);
    for (const a of accounts) expect(ibanValid(a.iban)).toBe(true);
  });

  it('at least two personal accounts and 40 live subscribers with full Russian-spelled names', async () => {
    const client = await clientByUnp(demo.DEMO_CLIENT_UNP);
    const accounts = await deps.db.select().from(personalAccounts).where(eq(personalAccounts.clientId, client.id));
    expect(accounts.length).toBeGreaterThanOrEqual(2);
    const live = (await deps.db.select().from(subscribers).where(eq(subscribers.clientId, client.id))).filter(
      (s) => s.status !== 'terminated',
    );
    expect(live.length).toBeGreaterThanOrEqual(40);
    for (const s of live) expect(s.fullName).toMatch(/^[А-ЯЁ][а-яё-]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+$/);
    expect(new Set(live.map((s) => s.personalAccountId)).size).toBeGreaterThanOrEqual(2);
  });

  it('+375 29 100-00-01: balance 500,00 руб., active, not paused, no forwarding, SIM codes encrypted with the secrets key', async () => {
    const s = await subscriberByMsisdn('375291000001');
    expect(s).toMatchObject({ balance: 50_000, status: 'active', clientId: (await clientByUnp('191234563')).id });
    expect(await pauseCoversToday(s.id)).toBe(false);
    expect(await deps.db.select().from(callForwarding).where(eq(callForwarding.subscriberId, s.id))).toHaveLength(0);
    expect(s.simCodesEncrypted).not.toContain(demo.DEMO_SUBSCRIBER_SIM_CODES.puk1);
    expect(JSON.parse(decryptSecret(s.simCodesEncrypted!, deps.secretsKey, subscriberBinding(s.id)))).toEqual(
      demo.DEMO_SUBSCRIBER_SIM_CODES,
    );
  });

  it('among the demo client’s numbers one is blocked and one is paused today', async () => {
    const client = await clientByUnp(demo.DEMO_CLIENT_UNP);
    const blocked = await subscriberByMsisdn(demo.DEMO_BLOCKED_MSISDN);
    expect(blocked).toMatchObject({ status: 'blocked', clientId: client.id });
    const paused = await subscriberByMsisdn(demo.DEMO_PAUSED_MSISDN);
    expect(paused).toMatchObject({ status: 'active', clientId: client.id });
    expect(await pauseCoversToday(paused.id)).toBe(true);
  });

  it('the second client with УНП 190000005 has its own subscribers, +375 44 200-00-01 among them', async () => {
    expect(unpValid('190000005')).toBe(true);
    const second = await clientByUnp('190000005');
    const s = await subscriberByMsisdn('375442000001');
    expect(s.clientId).toBe(second.id);
    const own = await deps.db.select().from(subscribers).where(eq(subscribers.clientId, second.id));
    expect(own.length).toBeGreaterThan(1);
  });
});

describe('demo seed: the number pool (R-NUM-CATEGORY)', () => {
  it('categories and their ordered patterns are the catalog’s defaults', async () => {
    const cats = await deps.db.select().from(numberCategories);
    expect(cats.map((c) => c.code).sort()).toEqual(defaultCategoryRules.map((r) => r.code).sort());
    const patterns = await deps.db
      .select()
      .from(numberCategoryPatterns)
      .orderBy(numberCategoryPatterns.categoryId, numberCategoryPatterns.position);
    for (const rule of defaultCategoryRules) {
      const id = cats.find((c) => c.code === rule.code)!.id;
      expect(patterns.filter((p) => p.categoryId === id).map((p) => p.pattern)).toEqual(
        rule.patterns.map((p) => p.pattern),
      );
    }
  });

  it('at least 20 000 free numbers covering all five categories, each stored with the classifier’s category', async () => {
    const rules = compileRules(defaultCategoryRules);
    const codeOf = new Map((await deps.db.select().from(numberCategories)).map((c) => [c.id, c.code]));
    const pool = await deps.db.select().from(numberPool);
    const free = pool.filter((p) => p.status === 'free');
    expect(free.length).toBeGreaterThanOrEqual(20_000);
    expect(new Set(free.map((p) => codeOf.get(p.categoryId)))).toEqual(
      new Set(['simple', 'bronze', 'silver', 'gold', 'platinum']),
    );
    const wrong = pool.filter((p) => codeOf.get(p.categoryId) !== classifyNumber(p.msisdn, rules));
    expect(wrong).toEqual([]);
    for (const p of pool) expect(p.randomKey >= 0 && p.randomKey < 1).toBe(true);
    const taken = new Set((await deps.db.select({ m: subscribers.msisdn }).from(subscribers)).map((r) => r.m));
    expect(pool.filter((p) => taken.has(p.msisdn))).toEqual([]);
  });
});

describe('demo seed: the catalog of SPEC §5', () => {
  it('six or more tariff plans; one closed to changes; from the demo subscriber’s plan a dearer and a cheaper one are open', async () => {
    const plans = await deps.db.select().from(tariffPlans);
    expect(plans.length).toBeGreaterThanOrEqual(6);
    const closed = plans.filter((p) => !p.openForChange);
    expect(closed.length).toBeGreaterThanOrEqual(1);
    const transitions = await deps.db.select().from(tariffTransitions);
    expect(transitions.filter((t) => closed.some((c) => c.id === t.toPlanId))).toEqual([]);
    const { tariffPlanId } = await subscriberByMsisdn(demo.DEMO_SUBSCRIBER_MSISDN);
    const mine = plans.find((p) => p.id === tariffPlanId)!;
    const targets = transitions
      .filter((t) => t.fromPlanId === mine.id)
      .map((t) => plans.find((p) => p.id === t.toPlanId)!);
    expect(targets.some((p) => p.openForChange && p.monthlyFee > mine.monthlyFee)).toBe(true);
    expect(targets.some((p) => p.openForChange && p.monthlyFee < mine.monthlyFee)).toBe(true);
  });

  it('ten or more additional services with fees, an excluding pair, one not allowed on some plan, four internet packages, voicemail «Плюс»', async () => {
    const all = await deps.db.select().from(services);
    const additional = all.filter((s) => s.kind === 'additional');
    expect(additional.length).toBeGreaterThanOrEqual(10);
    for (const s of additional) expect(s.monthlyFee + s.connectFee).toBeGreaterThan(0);
    expect((await deps.db.select().from(serviceExclusions)).length).toBeGreaterThanOrEqual(1);
    const plans = await deps.db.select().from(tariffPlans);
    const allowed = await deps.db.select().from(tariffServices);
    const notEverywhere = all.filter((s) => allowed.filter((a) => a.serviceId === s.id).length < plans.length);
    expect(notEverywhere.some((s) => s.kind === 'additional')).toBe(true);
    expect(all.filter((s) => s.kind === 'mobile_internet').length).toBeGreaterThanOrEqual(4);
    const vm = all.filter((s) => s.kind === 'voicemail');
    expect(vm).toEqual([expect.objectContaining({ monthlyFee: 190 })]);
    expect(vm[0]!.name).toContain('«Плюс»');
  });

  it('settings texts for Internet, MMS and streaming video, with an APN', async () => {
    const texts = await deps.db.select().from(settingsTexts);
    expect(texts.map((t) => t.kind).sort()).toEqual(['internet', 'mms', 'video']);
    for (const t of texts) expect(t.body).toMatch(/APN/);
    expect(texts.find((t) => t.kind === 'mms')!.body).toMatch(/MMSC: http/);
  });
});

describe('demo seed: money and usage, dated from the clock’s «today»', () => {
  it('payments both confirmed and unconfirmed, the unconfirmed ones within 30 days and not in the future', async () => {
    const client = await clientByUnp(demo.DEMO_CLIENT_UNP);
    const rows = await deps.db.select().from(payments).where(eq(payments.clientId, client.id));
    expect(rows.some((p) => p.status === 'confirmed')).toBe(true);
    const open = rows.filter((p) => p.status === 'unconfirmed');
    expect(open.length).toBeGreaterThanOrEqual(1);
    for (const p of open) {
      expect(p.paidOn <= today).toBe(true);
      expect(p.paidOn >= addDays(today, -30)).toBe(true);
    }
  });

  it('invoices only for closed months, with lines summing to the amount and VAT per line (R-MONEY)', async () => {
    const rows = await deps.db.select().from(invoices);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const inv of rows) {
      expect(inv.period < monthStart(today)).toBe(true);
      expect(inv.issuedAt.getTime()).toBeLessThanOrEqual(deps.clock.now().getTime());
      const lines = await deps.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, inv.id));
      expect(lines.reduce((s, l) => s + l.amount, 0)).toBe(inv.amount);
      expect(lines.reduce((s, l) => s + vatPart(l.amount, 20), 0)).toBe(inv.vat);
    }
  });

  it('installments for the client and for single numbers, +375 29 100-00-01 among them', async () => {
    const rows = await deps.db.select().from(installments);
    expect(rows.some((r) => r.subscriberId === null)).toBe(true);
    const demoSub = await subscriberByMsisdn(demo.DEMO_SUBSCRIBER_MSISDN);
    expect(rows.some((r) => r.subscriberId === demoSub.id)).toBe(true);
    for (const r of rows) expect(r.remainingSum).toBe(r.remainingPayments * r.monthlyPayment);
  });

  it('seven months of charges with subscription, services and usage for the demo subscriber', async () => {
    const s = await subscriberByMsisdn(demo.DEMO_SUBSCRIBER_MSISDN);
    const rows = await deps.db.select().from(charges).where(eq(charges.subscriberId, s.id));
    const periods = [...new Set(rows.map((r) => r.period))].sort();
    expect(periods).toEqual(Array.from({ length: 7 }, (_, i) => addMonths(monthStart(today), i - 6)));
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['subscription', 'service', 'usage']));
    for (const r of rows) expect(r.chargedOn <= today).toBe(true);
  });

  it('calls and SMS for every live demo subscriber over seven months, none in the future, in reasonable number', async () => {
    const total = await tableCount('usage_records');
    expect(total).toBeLessThanOrEqual(60_000);
    // The corporate fleet exists for list operations and has no call history of its own.
    const live = (await deps.db.select().from(subscribers)).filter(
      (s) => s.status !== 'terminated' && !s.msisdn.startsWith('37544300'),
    );
    const perSubscriber = await rawRows<{ subscriber_id: number }>(
      deps.db,
      sql`select distinct subscriber_id from usage_records`,
    );
    const withUsage = new Set(perSubscriber.map((r) => Number(r.subscriber_id)));
    for (const s of live) expect(withUsage.has(s.id)).toBe(true);
    const future = await deps.db
      .select()
      .from(usageRecords)
      .where(gte(usageRecords.occurredAt, startOfMinskDay(today)));
    expect(future).toHaveLength(0);
    const oldest = await deps.db
      .select()
      .from(usageRecords)
      .where(and(lt(usageRecords.occurredAt, startOfMinskDay(addMonths(monthStart(today), -6)))));
    expect(oldest).toHaveLength(0);
  });
});

describe('demo seed: a corporate fleet for list operations (R-RENAME, R-BULK)', () => {
  it('gives the demo client 1 200 more numbers on their own account, on tariffs that allow and forbid services', async () => {
    const fleet = (await deps.db.select().from(subscribers)).filter((s) => s.msisdn.startsWith('37544300'));
    expect(fleet).toHaveLength(1_200);
    expect(new Set(fleet.map((s) => s.personalAccountId)).size).toBe(1);
    expect(new Set(fleet.map((s) => s.tariffPlanId)).size).toBeGreaterThanOrEqual(4);
    const pooled = await rawRows<{ n: number }>(
      deps.db,
      sql`select count(*)::int as n from number_pool p join subscribers s on s.msisdn = p.msisdn`,
    );
    expect(Number(pooled[0]!.n)).toBe(0);
  });
});

describe('demo seed: idempotent', () => {
  it('a second run writes nothing', async () => {
    const before = await Promise.all(COUNTED.map(tableCount));
    await expect(seedDemo(deps)).resolves.toMatchObject({ seeded: false });
    expect(await Promise.all(COUNTED.map(tableCount))).toEqual(before);
  });
});

describe('demo seed: dates follow the clock (R-TZ)', () => {
  it('seeded during the billing period, the previous month has no invoice yet and the pause still covers «today»', async () => {
    const other = await createTestDeps('2027-03-02T08:30');
    const otherToday = minskDate(other.clock.now());
    await seedDemo(other);
    const periods = (await other.db.select().from(invoices)).map((i) => i.period);
    expect(periods).not.toContain('2027-02-01');
    expect(periods).toContain('2027-01-01');
    const [paused] = await other.db.select().from(subscribers).where(eq(subscribers.msisdn, demo.DEMO_PAUSED_MSISDN));
    const windows = await other.db.select().from(pauses).where(eq(pauses.subscriberId, paused!.id));
    expect(windows.some((p) => p.startsOn <= otherToday && otherToday <= p.endsOn)).toBe(true);
    const late = await other.db
      .select()
      .from(usageRecords)
      .where(gte(usageRecords.occurredAt, startOfMinskDay(otherToday)));
    expect(late).toHaveLength(0);

    // Only dated rows move with the clock: the people and the pool are the same on any day.
    const people = async (db: typeof deps.db) =>
      (
        await db
          .select({ m: subscribers.msisdn, n: subscribers.fullName })
          .from(subscribers)
          .orderBy(subscribers.msisdn)
      ).map((r) => `${r.m} ${r.n}`);
    expect(await people(other.db)).toEqual(await people(deps.db));
    const pool = async (db: typeof deps.db) =>
      (
        await db.select({ m: numberPool.msisdn, k: numberPool.randomKey }).from(numberPool).orderBy(numberPool.msisdn)
      ).map((r) => `${r.m} ${r.k}`);
    expect(await pool(other.db)).toEqual(await pool(deps.db));
  }, 120_000);
});
