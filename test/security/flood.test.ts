// Finding 4 of issue 22 (floods): a token bucket per Telegram user, taken by the chat lock before the
// session and the identity are read. 200 forged presses from one stranger in a few seconds: 20 are served,
// the rest refused — one «Слишком много действий, подождите немного» and one audit row per window — while
// another user's presses are answered. With Redis (the lock script) and in memory (one process).
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/index.js';
import { createHarness, textsOf } from '../helpers/bot.js';

const TOO_FAST = 'Слишком много действий, подождите немного';
const env = { RATE_LIMIT_UPDATES: '20', RATE_LIMIT_WINDOW_SECONDS: '10' };

describe.each([
  { store: 'Redis (the chat-lock script)', redis: true },
  { store: 'memory (one process)', redis: false },
])('Finding 4 (floods), $store', ({ redis }) => {
  const h = createHarness({ env, redis });

  it('200 presses from one user in 5 s: 20 served, one «Слишком много действий», one audit row; another user is answered', async () => {
    const harness = await h;
    const flooder = harness.user(redis ? 7101 : 7201);
    const other = harness.user(redis ? 7102 : 7202);
    const auditsOf = async (action: string) =>
      (
        await harness.deps.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.actorTelegramId, flooder.id), eq(auditLog.action, action)))
      ).length;

    const before = harness.telegram.calls.length;
    const started = Date.now();
    const otherAnswers: number[] = [];
    const flood = Promise.all(Array.from({ length: 200 }, (_, i) => flooder.pressData(`forged:${i}`)));
    for (let i = 0; i < 3; i++) {
      const t0 = Date.now();
      // Presses overlap, so each answer is picked out by its chat.
      const calls = (await other.sendText('/start')).filter((c) => Number(c.payload.chat_id) === other.id);
      expect(textsOf(calls).length).toBeGreaterThan(0);
      otherAnswers.push(Date.now() - t0);
    }
    await flood;
    const elapsed = Date.now() - started;
    // The other user only typed: every callback answer and every message to the flooder's chat is the flooder's.
    const calls = harness.telegram.calls
      .slice(before)
      .filter((c) => c.method === 'answerCallbackQuery' || Number(c.payload.chat_id) === flooder.id);
    expect(elapsed).toBeLessThan(5_000);
    // The bucket refills as it drains (20 per 10 s): the presses let through are the 20 of the burst and
    // what trickled back in meanwhile.
    const served = await auditsOf('security.refusedCallback');
    expect(served).toBeGreaterThanOrEqual(20);
    expect(served).toBeLessThanOrEqual(20 + Math.ceil((elapsed / 10_000) * 20));

    const texts = textsOf(calls);
    expect(texts.filter((t) => t === TOO_FAST)).toHaveLength(1);
    // The presses let through were answered as forged presses are (stale menu + home screen); the rest not at all.
    expect(calls.filter((c) => c.method === 'answerCallbackQuery')).toHaveLength(served + 1);
    expect(await auditsOf('security.rateLimited')).toBe(1);
    expect(otherAnswers.every((ms) => ms < 5_000)).toBe(true);

    // Still inside the window: no second notice and no second audit row of the limit.
    const more = await Promise.all(Array.from({ length: 10 }, () => flooder.pressData('forged:again')));
    expect(textsOf(more.flat())).not.toContain(TOO_FAST);
    expect(await auditsOf('security.rateLimited')).toBe(1);
  });
});
