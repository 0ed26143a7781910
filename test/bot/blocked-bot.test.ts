// Blocked bot (issue 15): `my_chat_member` kicked marks the user as having blocked the bot, and a 403 on any
// send does the same; proactive sends stop (R-PAUSE's end notice here) and start again once the user is back.
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { telegramUsers } from '../../src/db/schema/index.js';
import { startPause } from '../../src/domain/services/pause.js';
import { unlimitedThrottle } from '../../src/telegram/index.js';
import { createHarness } from '../helpers/bot.js';
import { minsk } from '../helpers/deps.js';
import { linkSubscriber, makeSubscriber, subscriberActor } from '../helpers/fixtures.js';
import { BOT_INFO } from '../helpers/telegram-fake.js';
import { nonce } from '../domain/services/builders.js';

const h = await createHarness({ now: '2026-11-10T10:00', app: { throttle: unlimitedThrottle() } });
afterAll(() => h.close());
const USER = 5101;
let updateId = 70_000_000;

async function chatMember(status: 'kicked' | 'member'): Promise<void> {
  const user = { id: USER, is_bot: false, first_name: 'Anna' };
  await h.app.bot.handleUpdate({
    update_id: updateId++,
    my_chat_member: {
      chat: { id: USER, type: 'private', first_name: 'Anna' },
      from: user,
      date: Math.floor(Date.now() / 1000),
      old_chat_member: { user: BOT_INFO, status: status === 'kicked' ? 'member' : 'kicked' },
      new_chat_member:
        status === 'kicked'
          ? { user: BOT_INFO, status: 'kicked', until_date: 0 }
          : { user: BOT_INFO, status: 'member' },
    },
  } as never);
}

async function blocked(): Promise<boolean> {
  const [row] = await h.deps.db.select().from(telegramUsers).where(eq(telegramUsers.telegramId, USER));
  return row!.blockedBot;
}

const drain = async () => {
  while ((await h.app.runner.runDue()) > 0);
};
const textsTo = (chatId: number) =>
  h.telegram.calls
    .filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === chatId)
    .map((c) => String(c.payload.text));

describe('Blocked bot: no proactive sends until the user is back', () => {
  it('a user who blocked the bot gets no pause-end notice, and gets it again after unblocking', async () => {
    const sub = await makeSubscriber(h.deps.db, { msisdn: '375291115101' });
    await linkSubscriber(h.deps.db, USER, sub);
    const actor = subscriberActor(sub, USER);
    await startPause(h.deps, actor, { subscriberId: sub.id, endsOn: '2026-11-17', nonce: nonce() });

    await chatMember('kicked');
    expect(await blocked()).toBe(true);
    h.deps.clock.set(minsk('2026-11-18T00:30'));
    await drain();
    expect(textsTo(USER)).toEqual([]);

    await chatMember('member');
    expect(await blocked()).toBe(false);
    await startPause(h.deps, actor, { subscriberId: sub.id, endsOn: '2026-11-25', nonce: nonce() });
    h.deps.clock.set(minsk('2026-11-26T00:30'));
    await drain();
    expect(textsTo(USER).some((t) => t.includes('закончилась'))).toBe(true);
  });

  it('a 403 on a send marks the user as having blocked the bot', async () => {
    expect(await blocked()).toBe(false);
    h.telegram.blocked.add(USER);
    await h
      .user(USER)
      .sendText('/start')
      .catch(() => undefined);
    expect(await blocked()).toBe(true);
    h.telegram.blocked.delete(USER);
  });
});
