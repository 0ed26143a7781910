// «Просмотр детализации» (R-DETAIL): seven period buttons, records page by page with totals per type,
// and «Скачать CSV» / «Скачать XLSX», which queue a job that builds and sends the whole period.
import { actions } from '../../../src/bot/actions.js';
import { arg, args, noArgs } from '../../../src/bot/args.js';
import { answerOnce, show } from '../../../src/bot/render.js';
import { type Section, StaleButtonError, section } from '../../../src/bot/sections.js';
import { detailPage, detailPeriods } from '../../../src/domain/details.js';
import { type DetailsFormat, requestDetailsExport } from '../../../src/domain/details-export.js';
import { pageView, periodsView } from './views.js';

/** A period key (`YYYY-MM`); the domain refuses one it does not offer today. */
const period = arg.token(/^\d{4}-\d{2}$/, 7);
/** A page cursor as the domain wrote it (a direction and a base-36 record id). */
const cursor = arg.token(/^[ab][0-9a-z]{1,11}$/, 12);

const det = actions('det', { scope: 'subscriber', roles: ['admin', 'subscriber'] });

export const detailsPeriods = det.action('periods', {
  args: noArgs,
  changes: false,
  handler: async (ctx) => {
    const list = await detailPeriods(ctx.services.deps, ctx.actor, ctx.subscriberId);
    await show(ctx, periodsView(ctx.t, ctx.lang, ctx.subscriberId, list));
  },
});

export const detailsPage = det.action('page', {
  args: args([period, cursor.optional()]),
  changes: false,
  handler: async (ctx, [key, after]) => {
    const result = await detailPage(ctx.services.deps, ctx.actor, {
      subscriberId: ctx.subscriberId,
      period: key,
      cursor: after,
    });
    await show(ctx, pageView(ctx.t, ctx.lang, ctx.subscriberId, result));
  },
});

function download(format: DetailsFormat) {
  return det.action(format, {
    args: args([period]),
    // Queues a job that sends a file; nothing of the portal's data changes.
    changes: false,
    handler: async (ctx, [key]) => {
      if (!ctx.chat) throw new StaleButtonError('no chat');
      await requestDetailsExport(ctx.services.deps, ctx.actor, {
        subscriberId: ctx.subscriberId,
        period: key,
        format,
        chatId: ctx.chat.id,
        lang: ctx.lang,
      });
      await answerOnce(ctx, ctx.t.account.details.preparing);
    },
  });
}

export const downloadCsv = download('csv');
export const downloadXlsx = download('xlsx');

export const sections: Section[] = [section(det)];
