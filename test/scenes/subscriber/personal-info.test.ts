// «Персональная информация» of a subscriber through the bot, on the demo data: R-SUB-INFO with PIN/PUK.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, clients, jobs, subscribers } from '../../../src/db/schema/index.js';
import {
  DEMO_BLOCKED_MSISDN,
  DEMO_CLIENT_UNP,
  DEMO_PAUSED_MSISDN,
  DEMO_SECOND_SUBSCRIBER_MSISDN,
  DEMO_SUBSCRIBER_MSISDN,
  DEMO_SUBSCRIBER_SIM_CODES,
} from '../../../src/db/seed/identities.js';
import { createHarness, expectText, textsOf } from '../../helpers/bot.js';
import { TEST_SECRETS_KEY } from '../../helpers/deps.js';
import { linkAdmin } from '../../helpers/fixtures.js';

// The demo seed encrypts the SIM codes with the app's key: make it the tests' key.
const h = await createHarness({ demo: true, env: { SECRETS_KEY: TEST_SECRETS_KEY.toString('hex') } });
const db = h.deps.db;
const idOf = async (msisdn: string) => (await db.select().from(subscribers).where(eq(subscribers.msisdn, msisdn)))[0]!;
const codes = Object.values(DEMO_SUBSCRIBER_SIM_CODES);

async function subscriber(userId: number) {
  const u = h.user(userId);
  await u.shareContact(DEMO_SUBSCRIBER_MSISDN);
  return u;
}

describe('R-SUB-INFO: «Персональная информация» shows the demo subscriber', () => {
  it('number, name, tariff plan, balance, status and closed user group — and no codes', async () => {
    const u = await subscriber(7101);
    const calls = await u.press('Персональная информация');
    const text = textsOf(calls).join('\n');
    expect(text).toContain('Номер телефона: +375 29 100-00-01');
    expect(text).toMatch(/ФИО: \S+/);
    expect(text).toContain('Тарифный план: Бизнес Оптимальный');
    expect(text).toContain('Баланс: 500,00 руб.');
    expect(text).toContain('Статус: активен');
    expect(text).toContain('Закрытая абонентская группа: Демо Телеком — офис');
    for (const code of codes) expect(text).not.toContain(code);
    expect(u.buttons().flat()).toEqual(['Показать PIN/PUK', '« Назад']);
  });

  it('an administrator sees «пауза» for a paused number and «заблокирован» for a blocked one', async () => {
    const [client] = await db.select().from(clients).where(eq(clients.unp, DEMO_CLIENT_UNP));
    await linkAdmin(db, 7201, client!.id);
    const admin = h.user(7201);
    await admin.sendText('/start');
    expectText(await admin.pressData(`si:show:${(await idOf(DEMO_PAUSED_MSISDN)).id}`), 'Статус: пауза');
    expectText(await admin.pressData(`si:show:${(await idOf(DEMO_BLOCKED_MSISDN)).id}`), 'Статус: заблокирован');
  });

  it('another client’s number in a forged button is refused (R-SCOPE)', async () => {
    const u = await subscriber(7102);
    const foreign = await idOf(DEMO_SECOND_SUBSCRIBER_MSISDN);
    const calls = await u.pressData(`si:show:${foreign.id}`);
    expectText(calls, 'Меню устарело');
    expect(textsOf(calls).join('\n')).not.toContain('+375 44 200-00-01');
    expect(textsOf(await u.pressData(`si:pin:${foreign.id}`)).join('\n')).not.toContain('PIN1');
  });
});

describe('R-SUB-INFO: PIN/PUK only on the extra press, deleted after 60 s by a job row', () => {
  it('shows the four codes in a message of their own, audited without them, never logged', async () => {
    const u = await subscriber(7103);
    await u.press('Персональная информация');
    const calls = await u.press('Показать PIN/PUK');
    const sent = calls.find((c) => c.method === 'sendMessage')!;
    expect(sent.payload.text).toContain(`PIN1: ${DEMO_SUBSCRIBER_SIM_CODES.pin1}`);
    expect(sent.payload.text).toContain(`PUK2: ${DEMO_SUBSCRIBER_SIM_CODES.puk2}`);
    expect(sent.payload.text).toContain('будет удалено через 60 с');
    expect(sent.payload.protect_content).toBe(true);
    expect(sent.payload.reply_markup?.inline_keyboard ?? []).toEqual([]);

    const me = await idOf(DEMO_SUBSCRIBER_MSISDN);
    const views = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subscriberId, me.id), eq(auditLog.action, 'subscriber.simCodes.view')));
    expect(views.length).toBeGreaterThan(0);
    const stored = JSON.stringify([views, await db.select().from(jobs)]);
    const logged = h.logs.join('\n');
    for (const code of codes) {
      expect(stored).not.toContain(code);
      expect(logged).not.toContain(code);
    }
  });

  it('the codes message is still there at 59 s and deleted by the job runner after 60 s', async () => {
    const u = await subscriber(7104);
    await u.press('Персональная информация');
    const calls = await u.press('Показать PIN/PUK');
    const sentId = h.telegram.botMessages(u.chatId).find((m) => m.text?.includes('PIN1'))!.message_id;
    expect(calls.some((c) => c.method === 'sendMessage')).toBe(true);

    const start = h.deps.clock.now().getTime();
    h.deps.clock.set(new Date(start + 59_000));
    await h.app.runner.runDue();
    expect(h.telegram.botMessages(u.chatId).some((m) => m.message_id === sentId)).toBe(true);

    h.deps.clock.set(new Date(start + 61_000));
    const before = h.telegram.calls.length;
    await h.app.runner.runDue();
    const deletes = h.telegram.calls.slice(before).filter((c) => c.method === 'deleteMessage');
    expect(deletes.map((c) => [Number(c.payload.chat_id), Number(c.payload.message_id)])).toContainEqual([
      u.chatId,
      sentId,
    ]);
    expect(h.telegram.botMessages(u.chatId).some((m) => m.message_id === sentId)).toBe(false);
    expect(h.telegram.botMessages(u.chatId).some((m) => m.text?.includes('PIN1'))).toBe(false);
  });
});
