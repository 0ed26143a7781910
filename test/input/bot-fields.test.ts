// Bad input through the bot, field by field: every typed input of the portal gets hostile text — fixed
// nasty cases and random ones — on its own screen. The user always gets an answer that is a clear
// message or the next step (never the generic apology, never silence), no answer breaks Telegram's
// limits, the error boundary never logs 'unhandled error', and no row changes unless the field's own
// rule accepted the value and the field changes something by itself (an invoice ordered by e-mail,
// a delivery address).

import { and, eq, notLike, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/bot/format.js';
import { auditLog, clients } from '../../src/db/schema/index.js';
import { DEMO_CLIENT_UNP, DEMO_SUBSCRIBER_MSISDN } from '../../src/db/seed/identities.js';
import { validEmail, validPostAddress } from '../../src/domain/invoices/index.js';
import { parseAmount } from '../../src/domain/money.js';
import { checkPaymentAmount, checkPaymentDate, normalizeDocumentNumber } from '../../src/domain/payments.js';
import { normalizeName } from '../../src/domain/renames/index.js';
import { messageText } from '../../src/domain/tickets/index.js';
import { createHarness, type FakeUser, textsOf } from '../helpers/bot.js';
import { linkAdmin } from '../helpers/fixtures.js';
import { nasty } from './nasty.js';

const h = await createHarness({ demo: true, now: '2026-11-10T10:00' });
const db = h.deps.db;
const [demo] = await db.select().from(clients).where(eq(clients.unp, DEMO_CLIENT_UNP));
await linkAdmin(db, 9801, demo!.id);
const admin = h.user(9801);
await admin.sendText('/start');
const subscriber = h.user(9802);
await subscriber.shareContact(DEMO_SUBSCRIBER_MSISDN);
// Voicemail must be connected before its e-mail can be typed.
await subscriber.press('Операции с услугами');
await subscriber.press('Голосовая почта (пакет «Плюс»)');
await subscriber.press('Подключить пакет');
await subscriber.press('Подтвердить');

/** Fixed cases every field gets, besides the random ones. */
const FIXED = [
  '\u0000',
  'a\u0000b',
  '29\u0000%',
  '\u202e1000001',
  '🙂🙂🙂',
  '<b>bold</b><script>x</script>',
  "'; drop table subscribers; --",
  '%',
  '_',
  '  ',
  '\u200b',
  'x'.repeat(4096),
  '9'.repeat(100_000),
  'я'.repeat(10_000),
  'test@example.by\r\nBcc: all@example.by',
  '+375 29 765-43-21',
];
const RANDOM_RUNS = 12;

interface BotField {
  field: string;
  user: FakeUser;
  /** Brings the user to the screen where typed text is this field. */
  reach(u: FakeUser): Promise<void>;
  /** Whether this value is accepted and moves the screen on (then the field is reached again). */
  moves?: (input: string) => boolean;
  /** Whether this value may change rows by itself (no confirmation step follows). */
  mayChange?: (input: string) => boolean;
}

const menu = async (u: FakeUser) => void (await u.sendText('/menu'));
const accepts = (check: (s: string) => unknown) => (input: string) => {
  try {
    check(input);
    return true;
  } catch {
    return false;
  }
};

const email = accepts((s) => validEmail(s.slice(0, 300)));
const post = accepts((s) => validPostAddress(s.slice(0, 300)));
const fields: BotField[] = [
  {
    field: 'mask in «Выбор абонента»',
    user: admin,
    reach: async (u) => void (await menu(u), await u.press('Выбор абонента')),
  },
  {
    field: 'document number in «Платежи»',
    user: admin,
    moves: accepts((s) => normalizeDocumentNumber(s.slice(0, 200))),
    reach: async (u) =>
      void (await menu(u), await u.press('Платежи'), await u.press('Зарегистрировать неподтвержденный платеж')),
  },
  {
    field: 'date in «Платежи»',
    user: admin,
    moves: accepts((s) => checkPaymentDate(h.deps, parseDate(s.slice(0, 200)) ?? 'no date')),
    reach: async (u) =>
      void (await menu(u),
      await u.press('Платежи'),
      await u.press('Зарегистрировать неподтвержденный платеж'),
      await u.sendText('НОВЫЙ-1')),
  },
  {
    field: 'amount in «Платежи»',
    user: admin,
    moves: accepts((s) => checkPaymentAmount(parseAmount(s.slice(0, 200)))),
    reach: async (u) =>
      void (await menu(u),
      await u.press('Платежи'),
      await u.press('Зарегистрировать неподтвержденный платеж'),
      await u.sendText('НОВЫЙ-2'),
      await u.press('Сегодня')),
  },
  {
    field: 'e-mail of an invoice order in «Счета»',
    user: admin,
    moves: email,
    mayChange: email,
    reach: async (u) =>
      void (await menu(u), await u.press('Счета'), await u.press(/^август 2026/), await u.press('На другой e-mail')),
  },
  {
    field: 'e-mail of bill delivery in «Счета»',
    user: admin,
    moves: email,
    mayChange: email,
    reach: async (u) =>
      void (await menu(u),
      await u.press('Счета'),
      await u.press('Изменить доставку счетов'),
      await u.press('Электронная почта')),
  },
  {
    field: 'post address of bill delivery in «Счета»',
    user: admin,
    moves: post,
    mayChange: post,
    reach: async (u) =>
      void (await menu(u), await u.press('Счета'), await u.press('Изменить доставку счетов'), await u.press(/^Почта/)),
  },
  {
    field: 'name in «Переименование абонента»',
    user: admin,
    moves: accepts((s) => normalizeName(s, 64)),
    reach: async (u) =>
      void (await menu(u),
      await u.press('Переименование абонента'),
      await u.sendText('291000002'),
      await u.press(/^\+375 29 100-00-02/)),
  },
  {
    field: 'mask in «Смена номера»',
    user: subscriber,
    reach: async (u) => void (await menu(u), await u.press('Операции с услугами'), await u.press('Смена номера')),
  },
  {
    field: 'forwarding target in «Переадресация звонков»',
    user: subscriber,
    reach: async (u) =>
      void (await menu(u),
      await u.press('Операции с услугами'),
      await u.press('Переадресация звонков'),
      await u.press('Если занято'),
      await u.press('Установить')),
  },
  {
    field: 'e-mail in «Голосовая почта»',
    user: subscriber,
    reach: async (u) =>
      void (await menu(u),
      await u.press('Операции с услугами'),
      await u.press('Голосовая почта (пакет «Плюс»)'),
      await u.press(/e-mail$/)),
  },
  {
    field: 'ticket text in «Обратная связь»',
    user: subscriber,
    moves: accepts((s) => messageText(s, true)),
    reach: async (u) =>
      void (await menu(u), await u.press('Обратная связь'), await u.press('Новое обращение'), await u.press('Другое')),
  },
];

const changesBy = async (telegramId: number) =>
  (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.actorTelegramId, telegramId), notLike(auditLog.action, 'security.%')))
  )[0]!.n;

const tried = new Map<string, number>();

describe('Bad input through the bot: every typed field answers clearly and changes nothing it should not', () => {
  it.each(fields)('$field', { timeout: 60_000 }, async ({ field, user, reach, moves, mayChange }) => {
    await reach(user);
    // Telegram never delivers an empty text message, so an empty string is not a typed input.
    const inputs = [
      ...FIXED,
      ...fc.sample(
        nasty.filter((s) => s.length > 0),
        RANDOM_RUNS,
      ),
    ];
    for (const input of inputs) {
      const logsFrom = h.logs.length;
      const before = await changesBy(user.id);
      const calls = await user.sendText(input);
      const texts = textsOf(calls);
      const context = `${field}: ${JSON.stringify(input.slice(0, 80))} → ${JSON.stringify(texts).slice(0, 300)}`;
      expect(texts.length, context).toBeGreaterThan(0);
      expect(
        texts.filter((t) => /Произошла ошибка|Сервис временно недоступен/.test(t)),
        context,
      ).toEqual([]);
      for (const c of calls) {
        if (c.method === 'sendMessage' || c.method === 'editMessageText')
          expect(String(c.payload.text).length, context).toBeLessThanOrEqual(4096);
        if (c.method === 'answerCallbackQuery')
          expect(String(c.payload.text ?? '').length, context).toBeLessThanOrEqual(200);
      }
      expect(
        h.logs.slice(logsFrom).filter((l) => l.includes('"msg":"unhandled error"')),
        context,
      ).toEqual([]);
      const changed = (await changesBy(user.id)) - before;
      expect(changed, context).toBeLessThanOrEqual(mayChange?.(input) ? 1 : 0);
      if (moves?.(input)) await reach(user);
    }
    tried.set(field, inputs.length);
  });

  it('every field was tried with the fixed and the random inputs', () => {
    expect([...tried.keys()]).toEqual(fields.map((f) => f.field));
    for (const n of tried.values()) expect(n).toBe(FIXED.length + RANDOM_RUNS);
  });
});
