// Finding 3 of issue 22 (forged nonces): a confirmation nonce is one the bot issued to this user — a
// made-up one or another user's is refused before any domain work, so 300 forged «Загрузить» presses
// make no document; idempotency keys are scoped by client and object; pending documents per client capped.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { clients, invoiceOrders, jobs } from '../../src/db/schema/index.js';
import { DEMO_CLIENT_UNP } from '../../src/db/seed/identities.js';
import { createHarness, expectText, textsOf } from '../helpers/bot.js';
import { createTestDeps } from '../helpers/deps.js';
import { linkAdmin } from '../helpers/fixtures.js';

const deps = await createTestDeps('2026-11-10T10:00', { pendingDocumentsMax: 2 });
const h = await createHarness({ deps, demo: true });
const db = h.deps.db;
const [demo] = await db.select().from(clients).where(eq(clients.unp, DEMO_CLIENT_UNP));
await linkAdmin(db, 6601, demo!.id);
await linkAdmin(db, 6602, demo!.id);

const orders = async () => (await db.select().from(invoiceOrders).where(eq(invoiceOrders.clientId, demo!.id))).length;
const renderJobs = async () => (await db.select().from(jobs).where(eq(jobs.kind, 'invoice.render'))).length;

async function openCard(id: number) {
  const u = h.user(id);
  await u.sendText('/start');
  await u.press('Счета');
  await u.press(/^октябрь 2026/);
  const download = u
    .lastMenu()
    ?.reply_markup?.inline_keyboard?.flat()
    .find((b) => b?.text === 'Загрузить');
  const data = download?.callback_data;
  if (!data) throw new Error('no «Загрузить» on the card');
  return { u, data };
}

describe('Finding 3: forged nonces', () => {
  it('300 presses with made-up nonces are each answered «Меню устарело» and make no document', async () => {
    const { u, data } = await openCard(6601);
    const prefix = data.slice(0, data.lastIndexOf(':') + 1);
    const jobsBefore = await renderJobs();
    for (let i = 0; i < 300; i++) {
      const forged = `${prefix}${randomBytes(15).toString('base64url').slice(0, 20)}`;
      const answer = await u.pressData(forged);
      if (i % 50 === 0) expectText(answer, 'Меню устарело');
    }
    expect(await orders()).toBe(0);
    expect(await renderJobs()).toBe(jobsBefore);
  });

  it("another administrator's genuine nonce is refused too; the user's own orders once, however often pressed", async () => {
    const mine = await openCard(6601);
    const theirs = await openCard(6602);
    expectText(await mine.u.pressData(theirs.data), 'Меню устарело');
    expect(await orders()).toBe(0);
    expectText(await mine.u.pressData(mine.data), 'Счет формируется');
    for (let i = 0; i < 5; i++) await mine.u.pressData(mine.data);
    expect(await orders()).toBe(1);
  });

  it('a client has at most PENDING_DOCUMENTS_MAX documents waiting; the next is refused with the reason', async () => {
    const second = await openCard(6602);
    expectText(await second.u.pressData(second.data), 'Счет формируется');
    expect(await orders()).toBe(2);
    const third = await openCard(6601);
    const refused = await third.u.pressData(third.data);
    expect(textsOf(refused).join('\n')).toContain('Уже готовится 2 счета');
    expect(await orders()).toBe(2);
  });
});
