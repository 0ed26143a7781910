// The Telegram client of a process without Telegraf updates (the worker), built once at its entry with
// the same outgoing policy as the bot's clients.
import { Telegram } from 'telegraf';
import { type ApiPolicyOptions, installApiPolicy } from './policy.js';

export function createTelegramClient(
  token: string,
  apiRoot = 'https://api.telegram.org',
  policy: ApiPolicyOptions = {},
): Telegram {
  return installApiPolicy(new Telegram(token, { apiRoot }), policy);
}
