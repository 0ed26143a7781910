// «Информация по рассрочке» (R-INSTALL) as a pure view, shared by the client's list and one number's list.
import { date, money, phone } from '../../../src/bot/format.js';
import type { InlineButton, View } from '../../../src/bot/keyboards.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import type { InstallmentSummary } from '../../../src/domain/installments.js';

/** Item, payments left, monthly payment, payoff date and sum left for each item, then the totals. */
export function installmentsView(
  t: Texts,
  title: string,
  summary: InstallmentSummary,
  back: InlineButton['callback_data'],
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
    keyboard: [[{ text: t.core.labels.back, callback_data: back }]],
  };
}
