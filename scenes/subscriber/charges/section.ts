// «Начисления за период» (R-CHARGES): the current month and the previous ones itemised with VAT and
// totals, then the bar chart of the months as a photo (rendered once per data, file_id reused).
import { actions } from '../../../src/bot/actions.js';
import { noArgs } from '../../../src/bot/args.js';
import type { BotContext } from '../../../src/bot/context.js';
import { show } from '../../../src/bot/render.js';
import { type Section, section } from '../../../src/bot/sections.js';
import { chargesForPeriods } from '../../../src/domain/charges.js';
import { renderChargesChart } from '../../../src/documents/charges-chart.js';
import { chargesView, chartInput } from './views.js';

/** Telegram's file_id of a chart already sent, by the chart's data hash: the same picture is not uploaded twice. */
const sentCharts = new Map<string, string>();
const MAX_SENT = 500;

async function sendChart(ctx: BotContext, periods: Awaited<ReturnType<typeof chargesForPeriods>>): Promise<void> {
  const chart = renderChargesChart(chartInput(ctx.t, ctx.lang, periods));
  const caption = ctx.t.account.charges.chartCaption;
  const known = sentCharts.get(chart.hash);
  const message = await ctx.replyWithPhoto(known ?? { source: chart.png, filename: 'charges.png' }, { caption });
  const fileId = message.photo?.at(-1)?.file_id;
  if (fileId && !known) {
    sentCharts.set(chart.hash, fileId);
    const oldest = sentCharts.keys().next();
    if (sentCharts.size > MAX_SENT && !oldest.done) sentCharts.delete(oldest.value);
  }
}

const chg = actions('chg', { scope: 'subscriber', roles: ['admin', 'subscriber'] });

export const charges = chg.action('show', {
  args: noArgs,
  changes: false,
  handler: async (ctx) => {
    const periods = await chargesForPeriods(ctx.services.deps, ctx.actor, ctx.subscriberId);
    await show(ctx, chargesView(ctx.t, ctx.lang, ctx.subscriberId, periods));
    await sendChart(ctx, periods);
  },
});

export const sections: Section[] = [section(chg)];
