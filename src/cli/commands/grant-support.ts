// `grant-support --telegram-id <id>`: gives a Telegram user the support role (R-AUTH-SUP).
import { z } from 'zod';
import { grantSupport } from '../../domain/access/support.js';
import { defineCommand } from '../command.js';

export const telegramIdFlags = z
  .object({
    telegramId: z.coerce
      .number({ error: 'give the numeric Telegram user id: --telegram-id 123456789' })
      .int('a Telegram id is a whole number')
      .positive('a Telegram id is positive')
      .max(Number.MAX_SAFE_INTEGER, 'too large for a Telegram id'),
  })
  .strict();

export const command = defineCommand({
  name: 'grant-support',
  summary: 'make a Telegram user support staff (they work in the SUPPORT_CHAT_ID group)',
  usage: '--telegram-id <id>',
  flags: telegramIdFlags,
  async run(flags, ctx) {
    const { deps } = await ctx.open();
    const { granted } = await grantSupport(deps, flags.telegramId);
    ctx.out(
      granted
        ? `Telegram user ${flags.telegramId} is now support staff.`
        : `Telegram user ${flags.telegramId} already was support staff.`,
    );
  },
});
