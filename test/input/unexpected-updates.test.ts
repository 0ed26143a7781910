// Updates the bot does not expect — edited messages, stickers, voice, locations, polls, messages in
// other groups, channel posts, inline queries, member changes, payments, reactions, updates without a
// sender, unknown update types — sent to a stranger, a subscriber and an administrator in the middle of
// a form: each is ignored or answered, never a crash, never a word into a chat that is not the sender's
// own private chat, and the form the administrator was filling is still there afterwards.

import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { clients } from '../../src/db/schema/index.js';
import { DEMO_CLIENT_UNP, DEMO_SUBSCRIBER_MSISDN } from '../../src/db/seed/identities.js';
import { createHarness, type FakeUser, textsOf } from '../helpers/bot.js';
import { linkAdmin } from '../helpers/fixtures.js';
import { BOT_INFO } from '../helpers/telegram-fake.js';

const h = await createHarness({ demo: true, now: '2026-11-10T10:00', env: { SUPPORT_CHAT_ID: '-1001234567890' } });
const [demo] = await h.deps.db.select().from(clients).where(eq(clients.unp, DEMO_CLIENT_UNP));
await linkAdmin(h.deps.db, 9911, demo!.id);
const admin = h.user(9911);
await admin.sendText('/start');
const subscriber = h.user(9912);
await subscriber.shareContact(DEMO_SUBSCRIBER_MSISDN);
const stranger = h.user(9913);

const now = () => Math.floor(Date.now() / 1000);
const person = (id: number) => ({ id, is_bot: false, first_name: `U${id}`, language_code: 'ru' });
const privateChat = (id: number) => ({ id, type: 'private', first_name: `U${id}` });
const group = { id: -100555, type: 'supergroup', title: 'Чужая группа' };
const channel = { id: -100777, type: 'channel', title: 'Канал' };
let messageId = 50_000;
const msg = (id: number, extra: Record<string, unknown>, chat: Record<string, unknown> = privateChat(id)) => ({
  message: { message_id: messageId++, date: now(), chat, from: person(id), ...extra },
});

/** Update bodies (without update_id) from or about user `id`. */
const UNEXPECTED: [string, (id: number) => Record<string, unknown>][] = [
  [
    'an edited message',
    (id) => ({
      edited_message: {
        message_id: messageId++,
        date: now(),
        edit_date: now(),
        chat: privateChat(id),
        from: person(id),
        text: '291000001',
      },
    }),
  ],
  [
    'a sticker',
    (id) =>
      msg(id, {
        sticker: {
          file_id: 'stk',
          file_unique_id: 'stku',
          type: 'regular',
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
        },
      }),
  ],
  [
    'a voice message',
    (id) => msg(id, { voice: { file_id: 'v', file_unique_id: 'vu', duration: 3, mime_type: 'audio/ogg' } }),
  ],
  ['a video note', (id) => msg(id, { video_note: { file_id: 'vn', file_unique_id: 'vnu', length: 240, duration: 2 } })],
  ['a location', (id) => msg(id, { location: { latitude: 53.9, longitude: 27.56 } })],
  [
    'a poll',
    (id) =>
      msg(id, {
        poll: {
          id: 'p',
          question: '?',
          options: [{ text: 'a', voter_count: 0 }],
          total_voter_count: 0,
          is_closed: false,
          is_anonymous: true,
          type: 'regular',
          allows_multiple_answers: false,
        },
      }),
  ],
  ['a dice', (id) => msg(id, { dice: { emoji: '🎲', value: 3 } })],
  [
    'a photo outside any form',
    (id) => msg(id, { photo: [{ file_id: 'ph', file_unique_id: 'phu', width: 90, height: 90 }] }),
  ],
  [
    'a document outside any form',
    (id) => msg(id, { document: { file_id: 'doc', file_unique_id: 'docu', file_name: 'x.pdf', file_size: 10 } }),
  ],
  [
    'a forwarded message',
    (id) => msg(id, { text: 'переслано', forward_origin: { type: 'hidden_user', sender_user_name: 'X', date: now() } }),
  ],
  [
    'a reply to a message that does not exist',
    (id) =>
      msg(id, {
        text: 'ответ',
        reply_to_message: { message_id: 1, date: now(), chat: privateChat(id), text: 'старое' },
      }),
  ],
  [
    'a contact of somebody else',
    (id) => msg(id, { contact: { phone_number: '375291000002', first_name: 'Чужой', user_id: id + 1 } }),
  ],
  ['a contact without a user id', (id) => msg(id, { contact: { phone_number: '375291000001', first_name: 'Без id' } })],
  [
    'a message from a bot',
    (id) => ({
      message: {
        message_id: messageId++,
        date: now(),
        chat: privateChat(id),
        from: { ...person(id), is_bot: true },
        text: '/start',
      },
    }),
  ],
  [
    'a command in another group',
    (id) => msg(id, { text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] }, group),
  ],
  ['text in another group', (id) => msg(id, { text: '291000001' }, group)],
  ['a new member in another group', (id) => msg(id, { new_chat_members: [person(id)] }, group)],
  [
    'a message without a sender (anonymous group admin)',
    () => ({ message: { message_id: messageId++, date: now(), chat: group, sender_chat: group, text: '/start' } }),
  ],
  [
    'a channel post',
    () => ({
      channel_post: { message_id: messageId++, date: now(), chat: channel, sender_chat: channel, text: '/start' },
    }),
  ],
  [
    'an edited channel post',
    () => ({
      edited_channel_post: { message_id: messageId++, date: now(), edit_date: now(), chat: channel, text: 'x' },
    }),
  ],
  [
    'an inline query',
    (id) => ({ inline_query: { id: `iq${id}`, from: person(id), query: "' or 1=1 --", offset: '' } }),
  ],
  ['a chosen inline result', (id) => ({ chosen_inline_result: { result_id: 'r', from: person(id), query: 'x' } })],
  [
    'a callback without data (a game)',
    (id) => ({
      callback_query: { id: `cq${messageId++}`, from: person(id), chat_instance: 'ci', game_short_name: 'game' },
    }),
  ],
  [
    'a callback from an inline message',
    (id) => ({
      callback_query: {
        id: `cq${messageId++}`,
        from: person(id),
        chat_instance: 'ci',
        inline_message_id: 'im1',
        data: 'sm:show:1',
      },
    }),
  ],
  [
    'a callback on a message in another chat',
    (id) => ({
      callback_query: {
        id: `cq${messageId++}`,
        from: person(id),
        chat_instance: 'ci',
        data: 'start:home',
        message: { message_id: 1, date: now(), chat: group, from: BOT_INFO, text: 'x' },
      },
    }),
  ],
  [
    'the bot blocked (my_chat_member)',
    (id) => ({
      my_chat_member: {
        chat: privateChat(id),
        from: person(id),
        date: now(),
        old_chat_member: { status: 'member', user: BOT_INFO },
        new_chat_member: { status: 'kicked', user: BOT_INFO, until_date: 0 },
      },
    }),
  ],
  [
    'a member change in a group',
    (id) => ({
      chat_member: {
        chat: group,
        from: person(id),
        date: now(),
        old_chat_member: { status: 'left', user: person(id) },
        new_chat_member: { status: 'member', user: person(id) },
      },
    }),
  ],
  ['a join request', (id) => ({ chat_join_request: { chat: group, from: person(id), user_chat_id: id, date: now() } })],
  ['a poll answer', (id) => ({ poll_answer: { poll_id: 'p', user: person(id), option_ids: [0] } })],
  [
    'a pre-checkout query',
    (id) => ({
      pre_checkout_query: { id: 'pc', from: person(id), currency: 'BYN', total_amount: 100, invoice_payload: 'x' },
    }),
  ],
  [
    'a shipping query',
    (id) => ({
      shipping_query: {
        id: 'sq',
        from: person(id),
        invoice_payload: 'x',
        shipping_address: {
          country_code: 'BY',
          state: '',
          city: 'Минск',
          street_line1: 'x',
          street_line2: '',
          post_code: '220000',
        },
      },
    }),
  ],
  [
    'a reaction',
    (id) => ({
      message_reaction: {
        chat: privateChat(id),
        message_id: 1,
        user: person(id),
        date: now(),
        old_reaction: [],
        new_reaction: [{ type: 'emoji', emoji: '👍' }],
      },
    }),
  ],
  [
    'an update of a type that does not exist yet',
    (id) => ({ future_update_kind: { from: person(id), anything: true } }),
  ],
  ['a message without text or content', (id) => msg(id, {})],
];

let updateId = 7_000_000;
async function deliver(body: Record<string, unknown>) {
  const before = h.telegram.calls.length;
  const logsFrom = h.logs.length;
  await h.app.bot.handleUpdate({ update_id: updateId++, ...body } as never);
  return { calls: h.telegram.calls.slice(before), logs: h.logs.slice(logsFrom) };
}

const users: [string, FakeUser][] = [
  ['a stranger', stranger],
  ['a subscriber', subscriber],
  ['an administrator in the middle of a payment form', admin],
];

describe('Unexpected updates: ignored or answered, never a crash, never into a foreign chat', () => {
  it.each(users)('%s', async (_who, u) => {
    if (u === admin) {
      await u.sendText('/menu');
      await u.press('Платежи');
      await u.press('Зарегистрировать неподтвержденный платеж');
      await u.sendText('ВНЕЗАПНО-1');
    }
    let answered = 0;
    for (const [name, make] of UNEXPECTED) {
      const { calls, logs } = await deliver(make(u.id));
      expect(
        logs.filter((l) => l.includes('"msg":"unhandled error"')),
        name,
      ).toEqual([]);
      expect(
        textsOf(calls).filter((t) => /Произошла ошибка|Сервис временно недоступен/.test(t)),
        name,
      ).toEqual([]);
      // Nothing is ever written into a group, a channel or another user's chat.
      for (const c of calls)
        if (c.payload.chat_id !== undefined) expect(Number(c.payload.chat_id), `${name}: ${c.method}`).toBe(u.id);
      if (calls.length > 0) answered++;
    }
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThan(UNEXPECTED.length);
    if (u === admin) {
      // The form survived all of it: the date step is still where the administrator left it.
      const calls = await u.press('Сегодня');
      expect(textsOf(calls).join('\n')).toContain('Шаг 3 из 3');
    }
  });
});
