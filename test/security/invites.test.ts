// R-AUTH-ADM under attack, through the bot: guessed invite codes (random, malformed, injected) lock the
// guesser out after five, even for the right code; expired and used codes are refused; a code is long
// and random enough that guessing is hopeless anyway; and no code ever reaches a log line.

import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { telegramRoles } from '../../src/db/schema/index.js';
import { issueInvite } from '../../src/domain/access/invites.js';
import { createHarness, textsOf } from '../helpers/bot.js';
import { minsk } from '../helpers/deps.js';
import { makeClient } from '../helpers/fixtures.js';

const h = await createHarness({ now: '2026-11-10T10:00' });
const db = h.deps.db;
const client = await makeClient(db, { name: 'ООО «Приглашение»' });
const cli = { kind: 'system', name: 'cli' } as const;
const issued: string[] = [];
const invite = async () => {
  const code = await issueInvite(h.deps, cli, client.id);
  issued.push(code);
  return code;
};
const rolesOf = async (telegramId: number) =>
  db.select().from(telegramRoles).where(eq(telegramRoles.telegramId, telegramId));
const said = async (userId: number, text: string) => textsOf(await h.user(userId).sendText(text)).join('\n');

/** Guesses: random codes of a plausible shape, and payloads that are not codes at all. */
const guesses = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{24}$/),
  fc.constantFrom(
    "' or 1=1 --",
    '%',
    '_',
    '*',
    '<script>',
    'A'.repeat(64),
    'A'.repeat(65),
    '../../etc',
    '\u202e',
    '🙂',
    'NULL',
  ),
);

describe('R-AUTH-ADM: invite codes under attack', () => {
  it('five wrong codes lock the guesser out — then even the right code is refused, until the hour has passed', async () => {
    const code = await invite();
    const wrong = fc.sample(guesses, 5);
    for (const guess of wrong) expect(await said(9701, `/start ${guess}`)).toMatch(/Приглашение не найдено/);
    expect(await said(9701, `/start ${code}`)).toContain('Слишком много неверных кодов');
    expect(await rolesOf(9701)).toEqual([]);
    // The lockout is this guesser's only; an hour later it is over and the code still works.
    expect(await said(9706, '/start nope')).toMatch(/Приглашение не найдено/);
    h.deps.clock.set(minsk('2026-11-10T11:01'));
    expect(await said(9701, `/start ${code}`)).toContain('Главное меню администратора');
    expect((await rolesOf(9701)).map((r) => r.clientId)).toEqual([client.id]);
  });

  it('a used code is refused for anyone; an expired one too', async () => {
    const code = await invite();
    expect(await said(9702, `/start ${code}`)).toContain('Главное меню администратора');
    expect(await said(9703, `/start ${code}`)).toContain('Это приглашение уже использовано');
    expect(await rolesOf(9703)).toEqual([]);
    const late = await invite();
    h.deps.clock.set(new Date(h.deps.clock.now().getTime() + 24 * 3_600_000));
    expect(await said(9704, `/start ${late}`)).toContain('Срок действия приглашения истек');
    expect(await rolesOf(9704)).toEqual([]);
  });

  it('a burst of 200 guesses from one user: only the first five are even checked, nothing is granted', async () => {
    const answers = [];
    for (const guess of fc.sample(guesses, 200)) answers.push(await said(9705, `/start ${guess}`));
    expect(answers.slice(0, 5).every((a) => /Приглашение не найдено/.test(a))).toBe(true);
    expect(answers.slice(5).every((a) => a.includes('Слишком много неверных кодов'))).toBe(true);
    expect(await rolesOf(9705)).toEqual([]);
  });

  it('codes are 144 random bits: 24 URL-safe characters, never repeated', async () => {
    const codes = await Promise.all(Array.from({ length: 200 }, () => invite()));
    expect(new Set(codes).size).toBe(200);
    for (const c of codes) expect(c).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it('no invite code ever appears in a log line', () => {
    expect(issued.length).toBeGreaterThan(200);
    const logs = h.logs.join('\n');
    expect(issued.filter((code) => logs.includes(code))).toEqual([]);
  });
});
