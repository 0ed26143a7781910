// "Sends to the group are throttled to its limit": about 20 a minute for the forum supergroup, about one
// a second per private chat, with a short burst; a 429 is retried after retry_after. No real waiting:
// the clock and the waits are injected and recorded.
import { describe, expect, it } from 'vitest';
import { ChatThrottle, withRetry } from '../../src/support/index.js';

function pacedThrottle() {
  let now = 0;
  const waits: number[] = [];
  const throttle = new ChatThrottle(
    undefined,
    () => now,
    async (ms) => {
      waits.push(ms);
    },
  );
  return { throttle, waits, advance: (ms: number) => (now += ms) };
}

describe('support relay pacing', () => {
  it('the group takes a burst of 20, then one message every 3 s', async () => {
    const { throttle, waits } = pacedThrottle();
    for (let i = 0; i < 20; i++) await throttle.take(-100123);
    expect(waits).toEqual([]);
    await throttle.take(-100123);
    await throttle.take(-100123);
    expect(waits.map(Math.round)).toEqual([3000, 6000]);
  });

  it('the bucket refills with time; private chats have their own, smaller bucket', async () => {
    const { throttle, waits, advance } = pacedThrottle();
    for (let i = 0; i < 20; i++) await throttle.take(-100123);
    advance(30_000);
    for (let i = 0; i < 10; i++) await throttle.take(-100123);
    expect(waits).toEqual([]);
    for (let i = 0; i < 5; i++) await throttle.take(5001);
    await throttle.take(5001);
    expect(waits.map(Math.round)).toEqual([1000]);
  });

  it('a 429 waits retry_after and tries again; other errors are not retried', async () => {
    const slept: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw { code: 429, response: { error_code: 429, parameters: { retry_after: 2 } } };
        return 'ok';
      },
      3,
      async (ms) => {
        slept.push(ms);
      },
    );
    expect(result).toBe('ok');
    expect(slept).toEqual([2000, 2000]);
    let once = 0;
    await expect(
      withRetry(async () => {
        once++;
        throw { code: 400 };
      }),
    ).rejects.toEqual({ code: 400 });
    expect(once).toBe(1);
  });
});
