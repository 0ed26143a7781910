// The Bot API answers 5xx or 429 or drops the connection while the bot answers an update (a loopback
// stand-in, through the whole app and its outgoing-call policy): the update is still handled, the answer
// arrives, and nothing reaches the user twice. What may already have been delivered (a sendMessage
// whose answer was lost) is never sent again; the user is told to try again instead.
import { beforeEach, describe, expect, it } from 'vitest';
import { textsOf } from '../helpers/bot.js';
import { linkSubscriber, makeSubscriber } from '../helpers/fixtures.js';
import { createFaultHarness, type Fault, unhandled } from './support/fault-app.js';

const h = await createFaultHarness();
const sub = await makeSubscriber(h.deps.db, { msisdn: '375291130001', displayName: 'Сбой API' });
await linkSubscriber(h.deps.db, 9301, sub);
const u = h.user(9301);

/** The next call of `method` (only the first) gets `fault`; everything else passes. */
function once(method: string, fault: Fault): void {
  let armed = true;
  h.api.fault = (call) => {
    if (!armed || call.method !== method) return 'pass';
    armed = false;
    return fault;
  };
}

/** What Telegram actually performed (the stand-in's FakeTelegram records only performed calls). */
const performed = (method: string) => h.telegram.calls.filter((c) => c.method === method);
const chatTexts = () => h.telegram.botMessages(u.chatId).map((m) => m.text ?? m.caption ?? '');

let logsFrom = 0;
const unhandledNow = () => unhandled(h.logs.slice(logsFrom));

beforeEach(async () => {
  logsFrom = h.logs.length;
  h.api.fault = () => 'pass';
  await u.sendText('/start');
});

describe('Faults: the Bot API fails while the bot answers', () => {
  it('editMessageText answered 502: resent, the new screen is shown once', async () => {
    const seenBefore = h.api.count('editMessageText');
    const editsBefore = performed('editMessageText').length;
    once('editMessageText', { status: 502 });
    await u.press('Персональная информация');
    expect(h.api.count('editMessageText') - seenBefore).toBe(2);
    expect(performed('editMessageText').length - editsBefore).toBe(1);
    expect(u.lastMenu()!.text).toContain('+375 29 113-00-01');
    expect(unhandledNow()).toEqual([]);
  });

  it('answerCallbackQuery answered 500: resent, the press is answered once', async () => {
    const before = performed('answerCallbackQuery').length;
    once('answerCallbackQuery', { status: 500 });
    await u.press('Персональная информация');
    expect(performed('answerCallbackQuery').length - before).toBe(1);
    expect(unhandledNow()).toEqual([]);
  });

  it('sendMessage answered 429: sent again after retry_after, the menu arrives once', async () => {
    const before = performed('sendMessage').length;
    once('sendMessage', { status: 429, retryAfter: 1 });
    const calls = await u.sendText('/start');
    expect(performed('sendMessage').length - before).toBe(1);
    expect(textsOf(calls)).toEqual([expect.stringContaining('Главное меню абонента')]);
    expect(unhandledNow()).toEqual([]);
  });

  it('sendMessage delivered but the connection dropped before the answer: never sent twice', async () => {
    const before = chatTexts().length;
    once('sendMessage', 'drop-after');
    await u.sendText('/start');
    const added = chatTexts().slice(before);
    // The menu reached the user exactly once; the bot could not know it, so it says to try again.
    expect(added.filter((t) => t.includes('Главное меню абонента'))).toHaveLength(1);
    expect(added.filter((t) => !t.includes('Главное меню абонента')).every((t) => t.includes('попробуйте'))).toBe(true);
    expect(unhandledNow()).toEqual([]);
  });

  it.each([
    ['a 502', { status: 502 } as Fault],
    ['a dropped connection', 'drop-before' as Fault],
  ])(
    'sendMessage lost to %s: not resent blindly; the user is told to try again and the next message works',
    async (_name, fault) => {
      const before = chatTexts().length;
      once('sendMessage', fault);
      await u.sendText('/start');
      const added = chatTexts().slice(before);
      expect(added.filter((t) => t.includes('Главное меню абонента'))).toHaveLength(0);
      expect(added).toEqual([expect.stringContaining('Сервис временно недоступен, попробуйте позже')]);
      const next = await u.sendText('/start');
      expect(textsOf(next)).toEqual([expect.stringContaining('Главное меню абонента')]);
      expect(unhandledNow()).toEqual([]);
    },
  );
});
