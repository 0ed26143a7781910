// «Персональная информация» of a subscriber (R-SUB-INFO): number, name, tariff, balance, status, closed
// user group; PIN/PUK only on the extra press «Показать PIN/PUK», in a message deleted by a job row.
import type { BotContext } from '../../src/bot/context.js';
import { answerOnce, show } from '../../src/bot/render.js';
import { type Section, legacySection } from '../../src/bot/sections.js';
import { revealSimCodes, subscriberCard } from '../../src/domain/subscriber-info.js';
import { schedulePinMessageDeletion } from '../../src/jobs/handlers/pin-message.js';
import { cardView } from './personal-info/view.js';

async function showCard(ctx: BotContext): Promise<void> {
  const card = await subscriberCard(ctx.services.deps, ctx.actor!, ctx.subscriberId!);
  await show(ctx, cardView(ctx.t, card));
}

/**
 * Sends the codes as a message of their own (never through `show`, which remembers screens for a
 * handover ticket) and schedules its deletion at once. Nothing here logs the codes.
 */
async function showCodes(ctx: BotContext): Promise<void> {
  const deps = ctx.services.deps;
  const codes = await revealSimCodes(deps, ctx.actor!, ctx.subscriberId!);
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
}

export const sections: Section[] = [
  legacySection({
    area: 'si',
    roles: ['admin', 'subscriber'],
    subscriberScoped: true,
    actions: { show: showCard, pin: showCodes },
  }),
];
