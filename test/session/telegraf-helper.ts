// Offline Telegraf instances for session tests: botInfo preset (no getMe), errors rethrown to the caller
// (Telegraf's default handler would set process.exitCode), and private-chat message updates.
import { type Context, Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';

export const TEST_TOKEN = '123456:ABCdefGhIJKlmNoPQRstuVWXyz0123456789';

export function offlineBot<C extends Context>(): Telegraf<C> {
  const bot = new Telegraf<C>(TEST_TOKEN);
  bot.botInfo = {
    id: 123456,
    is_bot: true,
    first_name: 'Portal Bot',
    username: 'portal_test_bot',
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  };
  bot.catch((err) => {
    throw err;
  });
  return bot;
}

export function messageUpdate(updateId: number, chatId: number, text = 'press'): Update {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1_700_000_000,
      chat: { id: chatId, type: 'private', first_name: 'Тест' },
      from: { id: chatId, is_bot: false, first_name: 'Тест' },
      text,
    },
  } as Update;
}

/** An update with neither chat nor user. */
export function pollUpdate(updateId: number): Update {
  return {
    update_id: updateId,
    poll: {
      id: String(updateId),
      question: 'q',
      options: [],
      total_voter_count: 0,
      is_closed: true,
      is_anonymous: true,
      type: 'regular',
      allows_multiple_answers: false,
    },
  } as Update;
}
