// R-IDEMP × R-SCOPE: a confirmation's one-time nonce is no key to anyone else's change. An administrator
// of another client who copies a confirmation button (its nonce) — onto the original number, or onto a
// number of their own — never sees or repeats the original change: the first is refused, the second is
// a change of their own number only, made once.
import { and, eq, notLike, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, subscribers } from '../../src/db/schema/index.js';
import { formatPhone } from '../../src/domain/phone.js';
import type { FakeUser } from '../helpers/bot.js';
import { textsOf } from '../helpers/bot.js';
import { buildWorld, USERS } from './world.js';

const w = await buildWorld();
const db = w.h.deps.db;

interface Flow {
  name: string;
  /** From the subscriber menu to the confirmation screen. */
  reach(u: FakeUser): Promise<void>;
}

const flows: Flow[] = [
  { name: 'tariff change', reach: async (u) => void (await u.press('Смена ТП'), await u.press(/^Бизнес/)) },
  {
    name: 'pause',
    reach: async (u) => void (await u.press('Операции с услугами'), await u.press('Пауза'), await u.press('7 дней')),
  },
  {
    name: 'service',
    reach: async (u) =>
      void (await u.press('Операции с услугами'), await u.press('Услуги абонента'), await u.press(/^➕/)),
  },
  {
    name: 'forwarding',
    reach: async (u) => {
      await u.press('Операции с услугами');
      await u.press('Переадресация звонков');
      await u.press('Если занято');
      await u.press('Установить');
      await u.sendText('+375 29 765-43-21');
    },
  },
  {
    name: 'voicemail',
    reach: async (u) =>
      void (await u.press('Операции с услугами'),
      await u.press('Голосовая почта (пакет «Плюс»)'),
      await u.press('Подключить пакет')),
  },
];

const changesBy = async (telegramId: number, subscriberId: number) =>
  (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.actorTelegramId, telegramId),
          eq(auditLog.subscriberId, subscriberId),
          notLike(auditLog.action, 'security.%'),
        ),
      )
  )[0]!.n;

// Ordinary numbers of the demo client (not blocked, paused or in debt), one per flow.
const targets = await Promise.all(
  ['375291000008', '375291000009', '375291000010', '375291000011', '375291000012'].map(
    async (m) => (await db.select().from(subscribers).where(eq(subscribers.msisdn, m)))[0]!,
  ),
);

describe('R-IDEMP × R-SCOPE: another user’s confirmation nonce', () => {
  it.each(flows.map((f, i) => ({ ...f, i })))(
    '$name: copied by another client’s administrator — refused on the original number, fresh on their own',
    async ({ reach, i }) => {
      const target = targets[i]!;
      const theirs = w.foreign.subscriberId;
      const theirsBefore = await changesBy(USERS.otherAdmin, theirs);
      await w.admin.pressData(`sm:show:${target.id}`);
      await reach(w.admin);
      const { data, message } = w.admin.findButton('Подтвердить');
      await w.admin.pressData(data, message);
      expect(await changesBy(USERS.admin, target.id)).toBe(1);

      // The very button, pressed by the other client's administrator: another client's number — refused.
      const stolen = await w.otherAdmin.pressData(data);
      expect(textsOf(stolen)).toContain('Меню устарело');
      // The nonce carried onto their own number: at most their own change, never the original's result.
      const parts = data.split(':');
      parts[2] = String(theirs);
      const replayed = [
        ...(await w.otherAdmin.pressData(parts.join(':'))),
        ...(await w.otherAdmin.pressData(parts.join(':'))),
      ];
      const shown = textsOf(replayed).join('\n');
      expect(shown).not.toContain(formatPhone(target.msisdn));
      expect(shown).not.toContain(target.displayName);
      expect(await changesBy(USERS.otherAdmin, target.id)).toBe(0);
      const made = (await changesBy(USERS.otherAdmin, theirs)) - theirsBefore;
      expect(made).toBeLessThanOrEqual(1);
      // No change of their own means a refusal they were told about — never the original's stored result.
      if (made === 0) expect(replayed.some((c) => c.method === 'answerCallbackQuery' && c.payload.text)).toBe(true);
      expect(await changesBy(USERS.admin, target.id)).toBe(1);
    },
  );
});
