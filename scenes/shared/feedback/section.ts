// The «Обратная связь» section (area `fb`) for administrators and subscribers, and the support group's
// section (area `sup`, no buttons: its middleware takes every update from the group).
import { Scenes } from 'telegraf';
import type { BotContext } from '../../../src/bot/context.js';
import { show } from '../../../src/bot/render.js';
import { type Section, legacySection } from '../../../src/bot/sections.js';
import { supportGroupMiddleware } from '../../../src/support/index.js';
import { handover, handoverInput, supportCommand } from './handover.js';
import { isCommand } from './input.js';
import { chooseTopic, newTicket, newTicketInput, sendTicket } from './new-ticket.js';
import { ticketReplies } from './replies.js';
import { feedbackState, menuTarget, resolveSub, setFeedbackState } from './state.js';
import { closeThread, listTickets, openThread, rateThread, reopenThread, threadInput } from './thread.js';
import { AREA, menuView } from './views.js';

const scene = new Scenes.BaseScene<BotContext>(AREA);
scene.on('message', async (ctx, next) => {
  if (isCommand(ctx.message)) return next();
  const step = feedbackState(ctx).step;
  const handled =
    step === 'handover'
      ? await handoverInput(ctx, ctx.message)
      : step === 'thread'
        ? await threadInput(ctx, ctx.message)
        : await newTicketInput(ctx, ctx.message);
  if (!handled) return next();
});

export const feedbackSection: Section = legacySection({
  area: AREA,
  roles: ['admin', 'subscriber'],
  scene,
  actions: {
    menu: async (ctx, [subArg]) => {
      const sub = await resolveSub(ctx, subArg);
      setFeedbackState(ctx, { sub });
      await show(ctx, menuView(ctx.t, await menuTarget(ctx, sub)));
    },
    new: newTicket,
    topic: chooseTopic,
    send: sendTicket,
    list: listTickets,
    open: openThread,
    close: closeThread,
    reopen: reopenThread,
    rate: rateThread,
    handover,
  },
  commands: { support: supportCommand },
  middleware: ticketReplies(),
});

export const supportGroupSection: Section = legacySection({
  area: 'sup',
  roles: ['support'],
  actions: {},
  middleware: supportGroupMiddleware(),
});

export const sections: Section[] = [feedbackSection, supportGroupSection];
