// R-IDEMP across processes: the same update delivered twice (a webhook redelivery, a polling restart
// before the offset is confirmed) and a confirmation pressed twice quickly — landing in one process or
// in two processes of the same deployment (shared Postgres and Redis) at once — make one change.
import { and, eq, notLike } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  callForwarding,
  charges,
  clients,
  pauses,
  payments,
  subscriberServices,
  subscribers,
  tariffChanges,
  tickets,
} from '../../src/db/schema/index.js';
import { DEMO_CLIENT_UNP } from '../../src/db/seed/identities.js';
import { createRedis, redisReady } from '../../src/session/index.js';
import type { FakeUser } from '../helpers/bot.js';
import { textsOf } from '../helpers/bot.js';
import { linkAdmin } from '../helpers/fixtures.js';
import { BOT_INFO, type ChatMessage } from '../helpers/telegram-fake.js';
import { connectTestRedis, REDIS_TEST_URL, removeKeys } from '../session/redis-helper.js';
import { createFaultHarness, type FaultHarness, unhandled } from './support/fault-app.js';

// Registered first, so it runs after both apps are closed.
let prefix = '';
afterAll(async () => {
  const redis = await connectTestRedis();
  await removeKeys(redis, prefix);
  redis.disconnect();
});

async function readyRedis() {
  const redis = createRedis(REDIS_TEST_URL);
  await redisReady(redis);
  return redis;
}

const a = await createFaultHarness({ demo: true, now: '2026-11-10T10:00', redis: await readyRedis() });
const b = await createFaultHarness({ sibling: a, redis: await readyRedis() });
prefix = a.redisPrefix;
const db = a.deps.db;
const [demoClient] = await db.select().from(clients).where(eq(clients.unp, DEMO_CLIENT_UNP));
const subscriberId = async (msisdn: string) =>
  (await db.select().from(subscribers).where(eq(subscribers.msisdn, msisdn)))[0]!.id;

let nextUpdateId = 900_000;
/** A press of `data` on `message`, as Telegram delivers it (the same object may be delivered twice). */
function pressUpdate(u: FakeUser, data: string, message: ChatMessage, updateId = nextUpdateId++) {
  return {
    update_id: updateId,
    callback_query: {
      id: `q${updateId}`,
      from: { id: u.id, is_bot: false, first_name: `User${u.id}`, language_code: 'ru' },
      chat_instance: `ci${u.id}`,
      data,
      message: {
        message_id: message.message_id,
        date: Math.floor(Date.now() / 1000),
        chat: { id: u.id, type: 'private' },
        from: BOT_INFO,
        text: message.text ?? '',
        ...(message.reply_markup ? { reply_markup: message.reply_markup } : {}),
      },
    },
  };
}

const handle = (h: FaultHarness, update: unknown) => h.app.bot.handleUpdate(update as never);

/** Rows a change writes: its audit rows by this Telegram user, and the section's own rows. */
async function auditsBy(telegramId: number) {
  return (
    await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorTelegramId, telegramId), notLike(auditLog.action, 'security.%')))
  ).length;
}
const count = async (rows: Promise<unknown[]>) => (await rows).length;

interface Confirmation {
  name: string;
  adminId: number;
  msisdn?: string;
  /** From the subscriber menu (or the admin menu) to the confirmation screen; returns the button's label. */
  reach(u: FakeUser): Promise<string>;
  rows(subscriberId: number): Promise<number>;
}

const confirmations: Confirmation[] = [
  {
    name: 'a tariff change («Смена ТП»)',
    adminId: 9401,
    msisdn: '375291000002',
    reach: async (u) => {
      await u.press('Смена ТП');
      await u.press(/^Бизнес/);
      return 'Подтвердить';
    },
    rows: async (id) => count(db.select().from(tariffChanges).where(eq(tariffChanges.subscriberId, id))),
  },
  {
    name: 'a pause («Пауза»)',
    adminId: 9402,
    msisdn: '375291000004',
    reach: async (u) => {
      await u.press('Операции с услугами');
      await u.press('Пауза');
      await u.press('7 дней');
      return 'Подтвердить';
    },
    rows: async (id) => count(db.select().from(pauses).where(eq(pauses.subscriberId, id))),
  },
  {
    name: 'a service connected («Услуги абонента»)',
    adminId: 9403,
    msisdn: '375291000005',
    reach: async (u) => {
      await u.press('Операции с услугами');
      await u.press('Услуги абонента');
      await u.press(/^➕/);
      return 'Подтвердить';
    },
    rows: async (id) => count(db.select().from(subscriberServices).where(eq(subscriberServices.subscriberId, id))),
  },
  {
    name: 'a forwarding set («Переадресация звонков»)',
    adminId: 9404,
    msisdn: '375291000006',
    reach: async (u) => {
      await u.press('Операции с услугами');
      await u.press('Переадресация звонков');
      await u.press('Если занято');
      await u.press('Установить');
      await u.sendText('+375 29 765-43-21');
      return 'Подтвердить';
    },
    rows: async (id) => count(db.select().from(callForwarding).where(eq(callForwarding.subscriberId, id))),
  },
  {
    name: 'an unconfirmed payment registered («Платежи»)',
    adminId: 9405,
    reach: async (u) => {
      await u.press('Платежи');
      await u.press('Зарегистрировать неподтвержденный платеж');
      await u.sendText('ДВОЙНОЙ-1');
      await u.press('Сегодня');
      await u.sendText('12,34');
      return 'Подтвердить';
    },
    rows: async () => count(db.select().from(payments).where(eq(payments.documentNumber, 'ДВОЙНОЙ-1'))),
  },
  {
    name: 'a ticket sent («Обратная связь»)',
    adminId: 9406,
    reach: async (u) => {
      await u.press('Обратная связь');
      await u.press('Новое обращение');
      await u.press('Другое');
      await u.sendText('Прошу перезвонить');
      return 'Отправить';
    },
    rows: async () => count(db.select().from(tickets).where(eq(tickets.requesterTelegramId, 9406))),
  },
];

describe('R-IDEMP: one change however often a confirmation arrives', () => {
  it.each(confirmations)(
    '$name: redelivered to two processes and pressed twice more at once — one change',
    async (c) => {
      await linkAdmin(db, c.adminId, demoClient!.id);
      const u = a.user(c.adminId);
      await u.sendText('/start');
      const id = c.msisdn ? await subscriberId(c.msisdn) : undefined;
      if (id) await u.pressData(`sm:show:${id}`);
      const label = await c.reach(u);
      const { data, message } = u.findButton(label);
      const fees = async () => (id ? count(db.select().from(charges).where(eq(charges.subscriberId, id))) : 0);
      const before = { rows: await c.rows(id ?? 0), audits: await auditsBy(c.adminId), fees: await fees() };
      const logsFrom = [a.logs.length, b.logs.length];
      const callsFrom = a.telegram.calls.length;

      const delivered = pressUpdate(u, data, message);
      await Promise.all([
        handle(a, delivered),
        handle(b, delivered), // the same update, redelivered to the other process
        handle(b, pressUpdate(u, data, message)), // pressed again, landing in the other process
        handle(a, pressUpdate(u, data, message)), // and once more here
      ]);
      // A late redelivery after everything settled (a restarted process polling from an old offset).
      await handle(b, delivered);

      expect(await c.rows(id ?? 0)).toBe(before.rows + 1);
      // A fee, where the change has one, is debited once.
      expect((await fees()) - before.fees).toBeLessThanOrEqual(1);
      expect(await auditsBy(c.adminId)).toBe(before.audits + 1);
      expect([...unhandled(a.logs.slice(logsFrom[0])), ...unhandled(b.logs.slice(logsFrom[1]))]).toEqual([]);
      // Whatever the user saw, none of it was an error.
      const seen = textsOf(a.telegram.calls.slice(callsFrom));
      expect(seen.filter((t) => /Произошла ошибка|Сервис временно недоступен|Меню устарело/.test(t))).toEqual([]);
    },
  );
});
