// `revoke-support --telegram-id <id>`: takes the support role away (R-AUTH-SUP).
import { revokeSupport } from '../../domain/access/support.js';
import { defineCommand } from '../command.js';
import { telegramIdFlags } from './grant-support.js';

export const command = defineCommand({
  name: 'revoke-support',
  summary: 'take the support role away from a Telegram user',
  usage: '--telegram-id <id>',
  flags: telegramIdFlags,
  async run(flags, ctx) {
    const { deps } = await ctx.open();
    const { revoked } = await revokeSupport(deps, flags.telegramId);
    ctx.out(
      revoked
        ? `Telegram user ${flags.telegramId} is no longer support staff.`
        : `Telegram user ${flags.telegramId} was not support staff.`,
    );
  },
});
