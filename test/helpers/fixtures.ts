// Small builders for domain tests: each inserts one row with sensible defaults and returns it.
// Tests say only what matters to the rule they prove.
import type { Executor } from '../../src/db/client.js';
import {
  clients,
  numberCategories,
  numberCategoryPatterns,
  numberPool,
  personalAccounts,
  services,
  subscribers,
  tariffPlans,
  tariffServices,
  telegramRoles,
  telegramUsers,
} from '../../src/db/schema/index.js';
import type { Actor } from '../../src/domain/actor.js';
import { classifyNumber, compileRules, defaultCategoryRules } from '../../src/domain/numbers/categories.js';

let seq = 0;
const next = () => ++seq;
const at = new Date('2026-01-01T00:00:00Z');

export async function makeClient(db: Executor, over: Partial<typeof clients.$inferInsert> = {}) {
  const n = next();
  const [row] = await db
    .insert(clients)
    .values({
      name: `ООО «Клиент ${n}»`,
      unp: String(100000000 + n * 7919).slice(0, 9),
      paymentForm: 'credit',
      creditLimit: 10000,
      balance: 0,
      contractNumber: `Д-${n}`,
      contractDate: '2024-01-15',
      billDeliveryMethod: 'email',
      billDeliveryAddress: `billing${n}@example.by`,
      createdAt: at,
      ...over,
    })
    .returning();
  return row!;
}

export async function makeAccount(
  db: Executor,
  clientId: number,
  over: Partial<typeof personalAccounts.$inferInsert> = {},
) {
  const n = next();
  const [row] = await db
    .insert(personalAccounts)
    .values({ clientId, number: `LS${String(n).padStart(8, '0')}`, name: `Счет ${n}`, ...over })
    .returning();
  return row!;
}

export async function makeTariff(db: Executor, over: Partial<typeof tariffPlans.$inferInsert> = {}) {
  const n = next();
  const [row] = await db
    .insert(tariffPlans)
    .values({ code: `tp${n}`, name: `Тариф ${n}`, monthlyFee: 1500, ...over })
    .returning();
  return row!;
}

export async function makeService(
  db: Executor,
  over: Partial<typeof services.$inferInsert> = {},
  allowOn: number[] = [],
) {
  const n = next();
  const [row] = await db
    .insert(services)
    .values({ code: `svc${n}`, kind: 'additional', name: `Услуга ${n}`, monthlyFee: 100, ...over })
    .returning();
  for (const tariffPlanId of allowOn) await db.insert(tariffServices).values({ tariffPlanId, serviceId: row!.id });
  return row!;
}

/** A subscriber with its own client, account and tariff unless given. */
export async function makeSubscriber(
  db: Executor,
  over: Partial<typeof subscribers.$inferInsert> & { clientId?: number } = {},
) {
  const clientId = over.clientId ?? (await makeClient(db)).id;
  const personalAccountId = over.personalAccountId ?? (await makeAccount(db, clientId)).id;
  const tariffPlanId = over.tariffPlanId ?? (await makeTariff(db)).id;
  const n = next();
  const [row] = await db
    .insert(subscribers)
    .values({
      msisdn: `37529${String(1000000 + n).slice(-7)}`,
      fullName: `Абонент ${n}`,
      displayName: `Абонент ${n}`,
      balance: 50000,
      createdAt: at,
      ...over,
      clientId,
      personalAccountId,
      tariffPlanId,
    })
    .returning();
  return row!;
}

/** Writes the default number categories and their patterns; returns id by code. */
export async function makeCategories(db: Executor): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const rule of defaultCategoryRules) {
    const [row] = await db
      .insert(numberCategories)
      .values({ code: rule.code, name: rule.name, nameEn: rule.nameEn, rank: rule.rank, fee: rule.fee })
      .returning();
    ids[rule.code] = row!.id;
    await db.insert(numberCategoryPatterns).values(
      rule.patterns.map((p, i) => ({
        categoryId: row!.id,
        position: i + 1,
        pattern: p.pattern,
        description: p.description,
      })),
    );
  }
  return ids;
}

export async function makeTelegramUser(db: Executor, telegramId: number) {
  await db
    .insert(telegramUsers)
    .values({ telegramId, firstName: `U${telegramId}`, createdAt: at, lastSeenAt: at })
    .onConflictDoNothing();
  return telegramId;
}

export async function linkSubscriber(db: Executor, telegramId: number, subscriber: { id: number; clientId: number }) {
  await makeTelegramUser(db, telegramId);
  await db.insert(telegramRoles).values({
    telegramId,
    role: 'subscriber',
    clientId: subscriber.clientId,
    subscriberId: subscriber.id,
    createdAt: at,
  });
}

export async function linkAdmin(db: Executor, telegramId: number, clientId: number) {
  await makeTelegramUser(db, telegramId);
  await db.insert(telegramRoles).values({ telegramId, role: 'admin', clientId, createdAt: at });
}

export const adminActor = (clientId: number, telegramId = 1001): Actor => ({ kind: 'admin', telegramId, clientId });
export const subscriberActor = (s: { id: number; clientId: number }, telegramId = 2001): Actor => ({
  kind: 'subscriber',
  telegramId,
  clientId: s.clientId,
  subscriberId: s.id,
});

/** A number of the pool (R-NUM-OFFER); its category by the default rules unless given. */
export async function makePoolNumber(
  db: Executor,
  categoryIds: Record<string, number>,
  msisdn: string,
  over: Partial<typeof numberPool.$inferInsert> = {},
) {
  const code = classifyNumber(msisdn, compileRules(defaultCategoryRules));
  const [row] = await db
    .insert(numberPool)
    .values({ msisdn, categoryId: categoryIds[code]!, status: 'free', randomKey: Math.random(), ...over })
    .returning();
  return row!;
}
