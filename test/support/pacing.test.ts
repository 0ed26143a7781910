// "Sends to the group are throttled to its limit": about 20 a minute for the forum supergroup, about one
// a second per private chat, with a short burst; a 429 is retried after retry_after, by the one outgoing
// policy (src/telegram) and only there. No real waiting: the clock and the waits are injected and recorded.
import pino from 'pino';
import { Telegram } from 'telegraf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupportRelay } from '../../src/support/index.js';
import { installApiPolicy, SendThrottle, unlimitedThrottle } from '../../src/telegram/index.js';
import { ScriptedBotApi } from '../ops/scripted-api.js';
import { createTestDeps } from '../helpers/deps.js';
import { BOT_INFO } from '../helpers/telegram-fake.js';

function pacedThrottle() {
  let now = 0;
  const waits: number[] = [];
  const throttle = new SendThrottle({
    now: () => now,
    wait: async (ms) => {
      waits.push(ms);
    },
  });
  return { throttle, waits, advance: (ms: number) => (now += ms) };
}

/** A client whose Bot API is `answer`, with the policy installed and its waits recorded. */
function scriptedClient(answer: () => Promise<unknown>, slept: number[]): Telegram {
  const telegram = new Telegram(`${BOT_INFO.id}:PACING-TOKEN-abcdefghijklmnopqrstuvwxyz`);
  (telegram as unknown as { callApi: () => Promise<unknown> }).callApi = answer;
  return installApiPolicy(telegram, {
    sleep: async (ms) => {
      slept.push(ms);
    },
  });
}

const api = new ScriptedBotApi();
beforeAll(async () => {
  await api.start();
});
afterAll(() => api.stop());

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
    const result = await scriptedClient(async () => {
      calls++;
      if (calls < 3) throw { code: 429, response: { error_code: 429, parameters: { retry_after: 2 } } };
      return 'ok';
    }, slept).callApi('sendMessage', { chat_id: -100123, text: 'x' });
    expect(result).toBe('ok');
    expect(slept).toEqual([2000, 2000]);
    let once = 0;
    await expect(
      scriptedClient(async () => {
        once++;
        throw { code: 400 };
      }, []).callApi('sendMessage', { chat_id: -100123, text: 'x' }),
    ).rejects.toEqual({ code: 400 });
    expect(once).toBe(1);
  });

  it('a 429 in the support relay is retried once after retry_after, by the one policy (not 3×3 times)', async () => {
    const deps = await createTestDeps();
    const slept: number[] = [];
    const telegram = installApiPolicy(
      new Telegram(`${BOT_INFO.id}:RELAY-TOKEN-abcdefghijklmnopqrstuvwxyz`, { apiRoot: api.url }),
      {
        sleep: async (ms) => {
          slept.push(ms);
        },
      },
    );
    const relay = new SupportRelay({
      telegram,
      deps,
      chatId: -100777,
      logger: pino({ level: 'silent' }),
      throttle: unlimitedThrottle(),
    });
    const tooMany = {
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 3',
        parameters: { retry_after: 3 },
      },
    };
    api.script = (call, nth) => (call.method === 'sendMessage' && nth === 1 ? tooMany : 'pass');
    await relay.topicNotice(55, 'Заявка взята в работу');
    expect(api.count('sendMessage')).toBe(2);
    expect(slept).toEqual([3000]);

    // Telegram keeps answering 429: the relay's call is tried as often as the policy allows, and no more.
    api.seen.length = 0;
    slept.length = 0;
    api.script = (call) => (call.method === 'sendMessage' ? tooMany : 'pass');
    await relay.topicNotice(55, 'Заявка закрыта');
    expect(api.count('sendMessage')).toBe(3);
    expect(slept).toEqual([3000, 3000]);
  });
});
