// R-HANDOVER: a topic is created once per ticket even when the user's messages arrive at once, in one
// process or in several; a failed creation lets the next message try again.
import pino from 'pino';
import type { Telegram } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { forumTopicOf, openTicket } from '../../src/domain/tickets/index.js';
import { SupportRelay } from '../../src/support/index.js';
import { unlimitedThrottle } from '../../src/telegram/index.js';
import { createTestDeps } from '../helpers/deps.js';
import { linkSubscriber, makeSubscriber, subscriberActor } from '../helpers/fixtures.js';

const deps = await createTestDeps();
const CHAT = -100777;

/** A Bot API stand-in for the group: createForumTopic is slow (a wide race window) and may fail. */
function fakeGroup(opts: { failFirst?: boolean } = {}) {
  let topics = 0;
  let failures = opts.failFirst ? 1 : 0;
  const calls: { method: string; args: unknown[] }[] = [];
  const record =
    (method: string) =>
    async (...args: unknown[]) => {
      calls.push({ method, args });
      if (method === 'createForumTopic') {
        await new Promise((r) => setTimeout(r, 50));
        if (failures-- > 0) throw Object.assign(new Error('Bad Request: not enough rights'), { code: 400 });
        return { message_thread_id: 800 + ++topics, name: args[1] };
      }
      return { message_id: 10_000 + calls.length };
    };
  const telegram = new Proxy({}, { get: (_t, method: string) => record(method) }) as unknown as Telegram;
  return { telegram, calls };
}

function relay(telegram: Telegram) {
  return new SupportRelay({
    telegram,
    deps,
    chatId: CHAT,
    logger: pino({ level: 'silent' }),
    throttle: unlimitedThrottle(),
    pendingWaitMs: 5000,
    pollMs: 10,
  });
}

async function newTicket() {
  const subscriber = await makeSubscriber(deps.db);
  const telegramId = 6000 + subscriber.id;
  await linkSubscriber(deps.db, telegramId, subscriber);
  return openTicket(deps, subscriberActor(subscriber, telegramId), {
    topic: 'quality',
    text: 'Нет связи',
    requesterChatId: telegramId,
  });
}

describe('R-HANDOVER: one forum topic per ticket under concurrent messages', () => {
  it('six concurrent callers in one process: one createForumTopic, one card, everyone gets its id', async () => {
    const { ticketId } = await newTicket();
    const group = fakeGroup();
    const r = relay(group.telegram);
    const ids = await Promise.all(Array.from({ length: 6 }, () => r.ensureTopic(ticketId)));
    expect(group.calls.filter((c) => c.method === 'createForumTopic')).toHaveLength(1);
    expect(group.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(1);
    expect(new Set(ids)).toEqual(new Set([await forumTopicOf(deps, ticketId)]));
    expect(ids[0]).toBeGreaterThan(800);
  });

  it('two bot processes (two relays) racing: still one topic', async () => {
    const { ticketId } = await newTicket();
    const a = fakeGroup();
    const b = fakeGroup();
    const ids = await Promise.all([relay(a.telegram).ensureTopic(ticketId), relay(b.telegram).ensureTopic(ticketId)]);
    const created = [...a.calls, ...b.calls].filter((c) => c.method === 'createForumTopic');
    expect(created).toHaveLength(1);
    expect(ids[0]).toBe(ids[1]);
  });

  it('concurrent user messages each reach the one topic', async () => {
    const { ticketId, messageId } = await newTicket();
    const group = fakeGroup();
    const r = relay(group.telegram);
    await Promise.all([1, 2, 3].map((i) => r.userMessage(ticketId, messageId!, { chatId: 1, messageId: i })));
    const topicId = await forumTopicOf(deps, ticketId);
    const copies = group.calls.filter((c) => c.method === 'copyMessage');
    expect(group.calls.filter((c) => c.method === 'createForumTopic')).toHaveLength(1);
    expect(copies).toHaveLength(3);
    for (const c of copies) expect(c.args[3]).toMatchObject({ message_thread_id: topicId });
  });

  it('a failed creation releases the claim: the next message creates the topic', async () => {
    const { ticketId } = await newTicket();
    const group = fakeGroup({ failFirst: true });
    const r = relay(group.telegram);
    expect(await r.ensureTopic(ticketId)).toBeNull();
    expect(await forumTopicOf(deps, ticketId)).toBeNull();
    const id = await r.ensureTopic(ticketId);
    expect(id).toBeGreaterThan(800);
    expect(group.calls.filter((c) => c.method === 'createForumTopic')).toHaveLength(2);
  });
});
