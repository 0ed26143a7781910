// «Информация по рассрочке» (R-INSTALL): `inst:client` lists the client's equipment for the
// administrator; `inst:sub:<id>` (scenes/subscriber/installments.ts) one number's, in the subscriber menu.
import type { BotContext } from '../../src/bot/context.js';
import { show } from '../../src/bot/render.js';
import { legacySection, type Section } from '../../src/bot/sections.js';
import { clientInstallments } from '../../src/domain/installments.js';
import { installmentsView, showSubscriberInstallments } from '../subscriber/installments.js';

async function showClientInstallments(ctx: BotContext): Promise<void> {
  // clientInstallments refuses anyone but an administrator (R-SCOPE).
  const summary = await clientInstallments(ctx.services.deps, ctx.actor!);
  await show(
    ctx,
    installmentsView(
      ctx.t,
      ctx.t.billing.installments.title,
      summary,
      { area: 'menu', action: 'admin', args: [] },
      true,
    ),
  );
}

export const sections: Section[] = [
  legacySection({
    area: 'inst',
    roles: ['admin', 'subscriber'],
    actions: { client: showClientInstallments, sub: showSubscriberInstallments },
  }),
];
