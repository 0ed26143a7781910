// «Просмотр детализации» (R-DETAIL): seven period buttons, records page by page with totals per type,
// and «Скачать CSV» / «Скачать XLSX», which queue a job that builds and sends the whole period.
import type { BotContext } from '../../src/bot/context.js';
import { answerOnce, show } from '../../src/bot/render.js';
import { legacySection, type Section, StaleButtonError } from '../../src/bot/sections.js';
import { detailPage, detailPeriods } from '../../src/domain/details.js';
import { type DetailsFormat, requestDetailsExport } from '../../src/jobs/handlers/details-export.js';
import { pageView, periodsView } from './details/view.js';

async function periods(ctx: BotContext): Promise<void> {
  const list = await detailPeriods(ctx.services.deps, ctx.actor!, ctx.subscriberId!);
  await show(ctx, periodsView(ctx.t, ctx.lang, ctx.subscriberId!, list));
}

async function page(ctx: BotContext, [period, cursor]: string[]): Promise<void> {
  if (!period) throw new StaleButtonError('no period');
  const result = await detailPage(ctx.services.deps, ctx.actor!, {
    subscriberId: ctx.subscriberId!,
    period,
    cursor: cursor || undefined,
  });
  await show(ctx, pageView(ctx.t, ctx.lang, ctx.subscriberId!, result));
}

function download(format: DetailsFormat) {
  return async (ctx: BotContext, [period]: string[]): Promise<void> => {
    if (!period || !ctx.chat) throw new StaleButtonError('no period');
    await requestDetailsExport(ctx.services.deps, ctx.actor!, {
      subscriberId: ctx.subscriberId!,
      period,
      format,
      chatId: ctx.chat.id,
      lang: ctx.lang,
    });
    await answerOnce(ctx, ctx.t.account.details.preparing);
  };
}

export const sections: Section[] = [
  legacySection({
    area: 'det',
    roles: ['admin', 'subscriber'],
    subscriberScoped: true,
    actions: { periods, page, csv: download('csv'), xlsx: download('xlsx') },
  }),
];
