// Secrets never leave where they belong (R-SUB-INFO, R-AUTH-ADM, ARCHITECTURE.md Secrets). A tour of
// every screen reachable by buttons — as the demo subscriber and as the demo administrator — that also
// reveals the PIN/PUK codes, issues an invite, asks for a specialist right after seeing the codes, and
// presses forged buttons; then every log line is searched for the bot token, SECRETS_KEY, the SIM codes
// and the invite code, and the support group is searched for the SIM codes.
import { describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIBER_SIM_CODES } from '../../src/db/seed/identities.js';
import type { FakeUser } from '../helpers/bot.js';
import { SUPPORT_CHAT, SUPPORT_ENV, unthrottled } from '../support/helpers.js';
import { secretLeaks, secretsShown } from './secrets.js';
import { buildWorld } from './world.js';

const w = await buildWorld('2026-11-10T10:00', SUPPORT_ENV, unthrottled());
const h = w.h;
const token = h.app.config.BOT_TOKEN!;
const SKIP = /^(start:(exit|logout)|sm:unlink|role:)/;

/**
 * Presses every button reachable from the user's current menu, breadth first. Buttons of one shape
 * (the same data with other ids) are pressed at most twice, so a list of 20 numbers costs two presses.
 */
async function tour(u: FakeUser, limit: number): Promise<number> {
  const seen = new Set<string>();
  const shapes = new Map<string, number>();
  const queue: string[] = [];
  const harvest = () => {
    for (const m of h.telegram.botMessages(u.chatId)) {
      for (const b of m.reply_markup?.inline_keyboard?.flat() ?? []) {
        const data = b.callback_data;
        if (!data || seen.has(data) || SKIP.test(data)) continue;
        seen.add(data);
        const shape = data.replace(/\d+/g, '#');
        if ((shapes.get(shape) ?? 0) >= 2) continue;
        shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
        queue.push(data);
      }
    }
  };
  harvest();
  let presses = 0;
  while (queue.length > 0 && presses < limit) {
    await u.pressData(queue.shift()!);
    presses++;
    harvest();
  }
  return presses;
}

describe('Secrets: nothing secret in the logs, nothing of the SIM codes in the support group', () => {
  it('a tour of every screen as the subscriber and as the administrator, with the codes revealed and a handover', {
    timeout: 120_000,
  }, async () => {
    const s = w.subscriber;
    await s.sendText('/menu');
    await s.press('Персональная информация');
    const codes = await s.press('Показать PIN/PUK');
    expect(secretsShown(codes).pins).toEqual(expect.arrayContaining(Object.values(DEMO_SUBSCRIBER_SIM_CODES)));
    // Straight after seeing the codes the subscriber asks for a specialist: the conversation so far goes
    // with the ticket (R-HANDOVER), the codes must not (what the user chooses to type is theirs to send).
    await s.sendText('/menu');
    await s.press('Связаться со специалистом');
    await s.sendText('Не работает SIM-карта после замены телефона');
    // The codes message is deleted by its job, also after a restart.
    h.deps.clock.set(new Date(h.deps.clock.now().getTime() + 120_000));
    await h.app.runner.runDue();

    await s.sendText('/menu');
    const bySubscriber = await tour(s, 150);
    await w.admin.sendText('/menu');
    const invite = await w.admin.sendText('/invite');
    expect(secretsShown(invite).codes).toHaveLength(1);
    const byAdmin = await tour(w.admin, 250);
    for (const forged of ['si:pin:999999', `si:pin:${w.foreign.subscriberId}`, 'x'.repeat(70)])
      await w.admin.pressData(forged);

    expect(bySubscriber).toBeGreaterThan(30);
    expect(byAdmin).toBeGreaterThan(60);
    expect(h.logs.length).toBeGreaterThan(300);
    expect(secretLeaks(h.logs, { token, secretsKey: h.deps.secretsKey, calls: h.telegram.calls })).toEqual([]);

    const group = h.telegram.calls.filter((c) => Number(c.payload.chat_id) === SUPPORT_CHAT);
    expect(group.length).toBeGreaterThan(0);
    const toStaff = group.map((c) => JSON.stringify(c.payload)).join('\n');
    for (const value of Object.values(DEMO_SUBSCRIBER_SIM_CODES))
      expect(toStaff).not.toMatch(new RegExp(`(?<!\\d)${value}(?!\\d)`));
  });

  it('the scan finds what it looks for (so a clean result means something)', () => {
    const line = (msg: string) => JSON.stringify({ level: 30, time: 1795623414719, update_id: 4719, msg });
    const known = { token, secretsKey: h.deps.secretsKey, calls: h.telegram.calls };
    expect(secretLeaks([line('fine')], known)).toEqual([]);
    expect(secretLeaks([line(`url /bot${token}/sendMessage`)], known)).toContain('the bot token');
    expect(secretLeaks([line(`key ${h.deps.secretsKey.toString('hex')}`)], known)).toContain('SECRETS_KEY (hex)');
    expect(secretLeaks([line(`codes ${DEMO_SUBSCRIBER_SIM_CODES.pin1}`)], known)).toEqual([
      'a PIN/PUK value (4 digits)',
    ]);
    const code = secretsShown(h.telegram.calls).codes[0]!;
    expect(secretLeaks([line(`/start ${code}`)], known)).toContain('invite code #1');
  });
});
