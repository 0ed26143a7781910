// A loopback Bot API stand-in to try the bot without Telegram (README, Trying it and Deploying): prints its
// URL (use it as TELEGRAM_API_ROOT), then what the bot shows. Typed lines become one user's updates, so a
// newcomer can walk the bot in a terminal while it polls:
//   /start                 a text or command
//   contact +375335551234  shares that number as the user's own contact
//   press Баланс           presses the first button of the bot's latest keyboard whose label contains it
// `npx tsx test/ops/bot-api-standin.ts` (STANDIN_USER: the user's id, 4242; STANDIN_LANG: ru or en).
import { createInterface } from 'node:readline';
import { FakeBotApi } from '../helpers/fake-bot-api.js';

const userId = Number(process.env.STANDIN_USER ?? 4242);
const from = { id: userId, is_bot: false, first_name: 'Tester', language_code: process.env.STANDIN_LANG ?? 'ru' };
const chat = { id: userId, type: 'private', first_name: 'Tester' };
const api = new FakeBotApi();
const url = await api.start();
process.stdout.write(`Bot API stand-in at ${url}\n`);
process.stdout.write('Type /start, "contact <number>" or "press <button label>" once the bot has started.\n');

type Button = { text: string; callback_data?: string; url?: string };
let keyboard: { messageId: number; text: string; rows: Button[][] } | undefined;
let messageId = 1;
const date = () => Math.floor(Date.now() / 1000);

setInterval(() => {
  for (const call of api.telegram.calls.splice(0)) {
    if (call.method === 'getUpdates') continue;
    const p = call.payload;
    if (['sendMessage', 'editMessageText', 'sendPhoto', 'sendDocument', 'editMessageMedia'].includes(call.method)) {
      const text = p.text ?? p.caption ?? '';
      process.stdout.write(`\n[${call.method}] ${text}\n`);
      const rows: Button[][] = p.reply_markup?.inline_keyboard ?? [];
      for (const row of rows) process.stdout.write(`  ${row.map((b) => `[${b.text}]`).join(' ')}\n`);
      if (rows.length > 0) {
        const id = Number(p.message_id ?? lastSentId(p.chat_id));
        keyboard = { messageId: id, text, rows };
      }
    } else if (call.method === 'answerCallbackQuery') {
      if (p.text) process.stdout.write(`[answer] ${p.text}\n`);
    } else {
      process.stdout.write(`${call.method} ${JSON.stringify(p).slice(0, 300)}\n`);
    }
  }
}, 200);

/** The id the stand-in gave the bot's latest message in the chat (for presses on a fresh message). */
function lastSentId(chatId: unknown): number {
  const messages = [...api.telegram.chat(Number(chatId)).values()];
  return messages.at(-1)?.message_id ?? 0;
}

createInterface({ input: process.stdin }).on('line', (raw) => {
  const line = raw.trim();
  if (!line) return;
  const contact = /^contact\s+(.+)$/i.exec(line);
  const press = /^press\s+(.+)$/i.exec(line);
  if (contact) {
    const phone = contact[1]!.replace(/[^\d+]/g, '');
    api.push({
      message: {
        message_id: messageId++,
        date: date(),
        chat,
        from,
        contact: { phone_number: phone, first_name: 'Tester', user_id: userId },
      },
    });
  } else if (press) {
    const wanted = press[1]!.toLowerCase();
    const button = keyboard?.rows.flat().find((b) => b.callback_data && b.text.toLowerCase().includes(wanted));
    if (!keyboard || !button?.callback_data) {
      process.stdout.write(`no button "${press[1]}" on the latest keyboard\n`);
      return;
    }
    api.push({
      callback_query: {
        id: String(Date.now()),
        from,
        chat_instance: 'standin',
        data: button.callback_data,
        message: { message_id: keyboard.messageId, date: date(), chat, text: keyboard.text },
      },
    });
  } else {
    const command = /^\/\w+/.exec(line);
    api.push({
      message: {
        message_id: messageId++,
        date: date(),
        chat,
        from,
        text: line,
        ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      },
    });
  }
});

process.once('SIGINT', () => void api.stop().then(() => process.exit(0)));
process.once('SIGTERM', () => void api.stop().then(() => process.exit(0)));
