// R-SCOPE: forged callback data is refused and audited, for every section. The cases come from ONE
// table — (role, button, forged id) — generated from the bot's own list of sections, so a section added
// later is attacked too: every action of every subscriber section with another client's (and, for a
// subscriber, another number's) id; every id-bearing button of the other sections with the other
// client's objects; every section a role may not reach; malformed and oversized data.
import { and, eq, like, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { allSections } from '../../scenes/index.js';
import { auditLog } from '../../src/db/schema/index.js';
import { textsOf } from '../helpers/bot.js';
import { buildWorld, USERS } from './world.js';

const w = await buildWorld();
const { own, foreign } = w;
const db = w.h.deps.db;

type Role = 'admin' | 'subscriber' | 'support';
interface ForgedPress {
  role: Role;
  data: string;
  /** What the forged part names. */
  forged: string;
  /** The refusal the user sees (default «Меню устарело»). */
  refusal?: string;
}

const NONCE = 'Zx9forged';
const cases: ForgedPress[] = [];
const add = (role: Role, forged: string, ...data: string[]) => {
  for (const d of data) cases.push({ role, data: d, forged });
};
// Tickets answer an unreachable ticket exactly like a missing one (src/domain/tickets/scope.ts).
const addTicket = (role: Role, ...data: string[]) => {
  for (const d of data)
    cases.push({ role, data: d, forged: "another client's ticket", refusal: 'Обращение не найдено' });
};

// 1. Every action of every subscriber section, with an id the role may not touch.
for (const section of allSections.filter((s) => s.subscriberScoped)) {
  for (const action of Object.keys(section.actions)) {
    add('admin', "another client's subscriber", `${section.area}:${action}:${foreign.subscriberId}`);
    add('subscriber', "another client's subscriber", `${section.area}:${action}:${foreign.subscriberId}`);
    add('subscriber', 'another number of the same client', `${section.area}:${action}:${own.otherSubscriberId}`);
    add('support', 'a subscriber section', `${section.area}:${action}:${own.subscriberId}`);
  }
}
// 2. Every section a role may not reach at all, entered by its first action.
for (const section of allSections.filter((s) => !s.public && Object.keys(s.actions).length > 0)) {
  const action = Object.keys(section.actions)[0]!;
  for (const role of ['subscriber', 'support'] as const) {
    if (!section.roles.includes(role))
      add(role, `${section.area}: a section of another role`, `${section.area}:${action}`);
  }
}
// 3. Buttons of the other sections that name an object: the other client's object.
add(
  'admin',
  "another client's invoice",
  `inv:show:${foreign.invoiceId}`,
  `inv:dl:${foreign.invoiceId}:${NONCE}`,
  `inv:mail:${foreign.invoiceId}:${NONCE}`,
  `inv:to:${foreign.invoiceId}`,
);
add('admin', "another client's personal account", `pick:acc:${foreign.accountId}`);
addTicket(
  'admin',
  `fb:open:${foreign.ticketId}`,
  `fb:close:${foreign.ticketId}`,
  `fb:reopen:${foreign.ticketId}`,
  `fb:rate:${foreign.ticketId}:5`,
);
addTicket('subscriber', `fb:open:${foreign.ticketId}`, `fb:close:${foreign.ticketId}`);
add(
  'admin',
  "another client's subscriber",
  `fb:menu:${foreign.subscriberId}`,
  `fb:new:${foreign.subscriberId}`,
  `fb:handover:${foreign.subscriberId}`,
  `inst:sub:${foreign.subscriberId}`,
  `ren:pick:${foreign.subscriberId}`,
);
add(
  'subscriber',
  'another number of the same client',
  `fb:menu:${own.otherSubscriberId}`,
  `inst:sub:${own.otherSubscriberId}`,
);
add(
  'admin',
  "another client's list",
  `ren:lok:${foreign.listId}:${NONCE}`,
  `ren:lapp:${foreign.listId}:${NONCE}`,
  `bulk:ok:${foreign.listId}:${NONCE}`,
);
add('admin', "another client's role", `role:adm:${foreign.clientId}`, `role:sub:${foreign.subscriberId}`);
add('subscriber', 'a role not held', `role:adm:${own.clientId}`, `role:sub:${own.otherSubscriberId}`);
add('support', 'a role not held', `role:adm:${own.clientId}`);
// 4. A confirmation whose one-time nonce lives in the session: another user's nonce.
add('admin', "another user's confirmation nonce", `pay:ok:${NONCE}`, `ren:ok:${NONCE}`);
// 5. Malformed and oversized data, for every role.
for (const role of ['admin', 'subscriber', 'support'] as const) {
  add(
    role,
    'malformed or oversized data',
    'x'.repeat(65),
    `si:show:${'9'.repeat(64 - 8)}`,
    `si:show:${'9'.repeat(20)}`,
    'si:show:-1',
    'si:show:0',
    'si:show:1e3',
    'si:show:٣',
    `si:show:${own.subscriberId} or 1=1`,
    `si:show:${own.subscriberId};drop table subscribers`,
    'si:show:<b>1</b>',
    'si:show:1\u0000',
    'si:show:\u202e1',
    '::',
    ':',
    'si',
    'nosuch:area',
    'sm:nosuch:1',
    '🙂:🙂',
  );
}

const userOf = (role: Role) => (role === 'admin' ? w.admin : role === 'subscriber' ? w.subscriber : w.support);
const idOf = (role: Role) => USERS[role];

async function auditRows(telegramId: number, security: boolean) {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorTelegramId, telegramId),
        security ? like(auditLog.action, 'security.%') : sql`${auditLog.action} not like 'security.%'`,
      ),
    );
  return rows[0]!.n;
}

describe('R-SCOPE: forged callback data is refused and audited, in every section', () => {
  it('the table covers every subscriber section, every role and every kind of forgery', () => {
    const scoped = allSections.filter((s) => s.subscriberScoped).map((s) => s.area);
    expect(scoped.length).toBeGreaterThanOrEqual(10);
    for (const area of scoped) expect(cases.some((c) => c.data.startsWith(`${area}:`))).toBe(true);
    expect(cases.length).toBeGreaterThan(200);
  });

  it.each(cases)(
    '$role presses $data ($forged): «Меню устарело», audited, nothing shown, nothing changed',
    async ({ role, data, refusal }) => {
      const u = userOf(role);
      const logsFrom = w.h.logs.length;
      const before = { security: await auditRows(idOf(role), true), changes: await auditRows(idOf(role), false) };
      const calls = await u.pressData(data);
      const texts = textsOf(calls);
      expect(
        texts.some((t) => t.includes(refusal ?? 'Меню устарело')),
        JSON.stringify(texts),
      ).toBe(true);
      const shown = texts.join('\n');
      for (const secret of [
        foreign.msisdn,
        foreign.subscriberName,
        foreign.clientName,
        'Обращение другого клиента',
        'Чужое имя',
      ])
        expect(shown).not.toContain(secret);
      expect(await auditRows(idOf(role), true)).toBe(before.security + 1);
      expect(await auditRows(idOf(role), false)).toBe(before.changes);
      expect(w.h.logs.slice(logsFrom).filter((l) => l.includes('"msg":"unhandled error"'))).toEqual([]);
    },
  );
});
