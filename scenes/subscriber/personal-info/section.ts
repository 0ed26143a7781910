// «Персональная информация» of a subscriber (R-SUB-INFO): number, name, tariff, balance, status, closed
// user group; PIN/PUK only on the extra press «Показать PIN/PUK», in a message deleted by a job row.
import { actions } from '../../../src/bot/actions.js';
import { noArgs } from '../../../src/bot/args.js';
import { answerOnce, show } from '../../../src/bot/render.js';
import { type Section, section } from '../../../src/bot/sections.js';
import { revealSimCodes, subscriberCard } from '../../../src/domain/subscriber-info.js';
import { schedulePinMessageDeletion } from '../../../src/domain/pin-message.js';
import { cardView } from './views.js';

const si = actions('si', { scope: 'subscriber', roles: ['admin', 'subscriber'] });

export const personalInfo = si.action('show', {
  args: noArgs,
  changes: false,
  handler: async (ctx) => {
    const card = await subscriberCard(ctx.services.deps, ctx.actor, ctx.subscriberId);
    await show(ctx, cardView(ctx.t, card));
  },
});

/**
 * Sends the codes as a message of their own (never through `show`, which remembers screens for a
 * handover ticket) and schedules its deletion at once. Nothing here logs the codes.
 */
export const showSimCodes = si.action('pin', {
  args: noArgs,
  changes: false,
  handler: async (ctx) => {
    const deps = ctx.services.deps;
    const codes = await revealSimCodes(deps, ctx.actor, ctx.subscriberId);
    const sent = await ctx.reply(ctx.t.account.info.codes(codes, deps.settings.pinMessageTtlSeconds), {
      protect_content: true,
    });
    try {
      await schedulePinMessageDeletion(deps, sent.chat.id, sent.message_id);
    } catch (error) {
      // Without the job row the codes would stay on screen: take them down now.
      await ctx.deleteMessage(sent.message_id).catch(() => {});
      throw error;
    }
    await answerOnce(ctx, ctx.t.account.info.codesSent);
  },
});

export const sections: Section[] = [section(si)];
