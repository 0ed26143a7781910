// The «menu» area: the administrator's main menu, a chosen subscriber's menu, «Отвязать Telegram».
import type { BotContext } from '../../src/bot/context.js';
import { phone } from '../../src/bot/format.js';
import { answerOnce, show } from '../../src/bot/render.js';
import { type Section, legacySection } from '../../src/bot/sections.js';
import { unlinkSubscriberTelegram } from '../../src/domain/access/sign-in.js';
import { adminMenuView, showSubscriberMenu } from './menus.js';

export const adminMenuSection: Section = legacySection({
  area: 'menu',
  roles: ['admin'],
  actions: {
    admin: async (ctx: BotContext) => {
      if (ctx.role?.kind !== 'admin') return;
      ctx.session.subscriberId = undefined;
      await show(ctx, adminMenuView(ctx.t, ctx.role.clientName));
    },
  },
});

/** Subscriber-scoped: the id in the button is re-authorized by the dispatcher. */
export const subscriberMenuSection: Section = legacySection({
  area: 'sm',
  roles: ['admin', 'subscriber'],
  subscriberScoped: true,
  actions: {
    show: async (ctx) => showSubscriberMenu(ctx, ctx.subscriberId!),
    unlink: async (ctx) => {
      const result = await unlinkSubscriberTelegram(ctx.services.deps, ctx.actor!, ctx.subscriberId!);
      const t = ctx.t.core.start;
      await answerOnce(
        ctx,
        result.unlinked ? t.unlinked(phone(result.msisdn)) : t.unlinkNone(phone(result.msisdn)),
        true,
      );
      await showSubscriberMenu(ctx, ctx.subscriberId!);
    },
  },
});

export const sections: Section[] = [adminMenuSection, subscriberMenuSection];
