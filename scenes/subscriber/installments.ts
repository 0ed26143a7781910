// «Информация по рассрочке» (R-INSTALL): the view shared by the client's list and one number's list,
// and the subscriber menu's entry `inst:sub:<subscriberId>` (the id is re-checked by the domain).
import { idArg } from '../../src/bot/callback-data.js';
import type { BotContext } from '../../src/bot/context.js';
import { date, money, phone } from '../../src/bot/format.js';
import type { View } from '../../src/bot/keyboards.js';
import { routeButton } from '../../src/bot/keyboards.js';
import { show } from '../../src/bot/render.js';
import { StaleButtonError } from '../../src/bot/sections.js';
import type { Texts } from '../../src/bot/texts/index.js';
import { type InstallmentSummary, subscriberInstallments } from '../../src/domain/installments.js';

/** Item, payments left, monthly payment, payoff date and sum left for each item, then the totals. */
export function installmentsView(
  t: Texts,
  title: string,
  summary: InstallmentSummary,
  back: { area: string; action: string; args: (string | number)[] },
  showNumbers: boolean,
): View {
  const l = t.billing.installments;
  const blocks = summary.items.map((i, n) =>
    [
      l.item(n + 1, i.item, showNumbers && i.msisdn ? phone(i.msisdn) : null),
      `   ${l.remaining(i.remainingPayments, i.totalPayments)}`,
      `   ${l.monthly(money(i.monthlyPayment))}`,
      `   ${l.payoff(date(i.payoffDate))}`,
      `   ${l.remainingSum(money(i.remainingSum))}`,
    ].join('\n'),
  );
  const body = summary.items.length
    ? `${blocks.join('\n\n')}\n\n${l.totals(money(summary.remainingSum), money(summary.monthlyPayment))}`
    : l.empty;
  return {
    text: `${title}\n\n${body}`,
    keyboard: [[routeButton(t.core.labels.back, back.area, back.action, ...back.args)]],
  };
}

/** `inst:sub:<id>`: a subscriber's own list, or the chosen subscriber's for an administrator. */
export async function showSubscriberInstallments(ctx: BotContext, [id]: string[]): Promise<void> {
  const subscriberId = idArg(id);
  if (!subscriberId) throw new StaleButtonError('bad subscriber id');
  const summary = await subscriberInstallments(ctx.services.deps, ctx.actor!, subscriberId);
  if (ctx.role?.kind === 'admin') ctx.session.subscriberId = subscriberId;
  const title = ctx.t.billing.installments.titleFor(phone(summary.msisdn));
  await show(ctx, installmentsView(ctx.t, title, summary, { area: 'sm', action: 'show', args: [subscriberId] }, false));
}
