// «Начисления за период» as text (R-CHARGES, R-MONEY) and the data of its bar chart. Pure.
import { date, money, monthName, phone } from '../../../src/bot/format.js';
import { type View } from '../../../src/bot/keyboards.js';
import type { Lang, Texts } from '../../../src/bot/texts/index.js';
import type { ChargeText } from '../../../src/domain/charge-texts.js';
import type { ChargeLine, ChargePeriod } from '../../../src/domain/charges.js';
import type { ChargesChartInput } from '../../../src/documents/charges-chart.js';
import { subscriberMenu } from '../../shared/menu/section.js';
import { button } from '../../../src/bot/actions.js';

/** Telegram's limit is 4096 characters; a very long month is cut rather than failing the screen. */
const MAX_TEXT = 4000;

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function monthLabel(period: string, lang: Lang): string {
  return capitalised(monthName(period, lang));
}

/** A line the bot wrote with a code, in the user's language. */
function chargeText(t: Texts, lang: Lang, text: ChargeText): string {
  const x = t.account.charges.texts;
  switch (text.code) {
    case 'numbers.change':
      return x.numberChange(phone(text.params.msisdn), lang === 'en' ? text.params.categoryEn : text.params.category);
    case 'services.connect':
      return x.serviceConnect(text.params.service);
    case 'services.pause':
      return x.pause(date(text.params.from), date(text.params.to));
    case 'tariffs.change':
      return x.tariffChange(text.params.from, text.params.to);
  }
}

function lineText(t: Texts, lang: Lang, line: ChargeLine): string {
  const description = line.usageKind
    ? t.account.charges.usage[line.usageKind]
    : line.text
      ? chargeText(t, lang, line.text)
      : line.description;
  return t.account.charges.line(description, money(line.amount), money(line.vat));
}

export function chargesView(t: Texts, lang: Lang, subscriberId: number, periods: ChargePeriod[]): View {
  const l = t.account.charges;
  const blocks = [`${l.title}\n${l.intro}`];
  // Newest month first: the current month is what the user usually came for.
  for (const p of [...periods].reverse()) {
    blocks.push(
      [
        l.month(monthLabel(p.period, lang), p.current),
        ...(p.lines.length ? p.lines.map((line) => lineText(t, lang, line)) : [l.empty]),
        l.total(money(p.total), money(p.vatTotal)),
      ].join('\n'),
    );
  }
  let text = blocks.join('\n\n');
  if (text.length > MAX_TEXT) text = `${text.slice(0, MAX_TEXT - 1)}…`;
  return { text, keyboard: [[button(t.core.labels.back, subscriberMenu, subscriberId)]] };
}

export function chartInput(t: Texts, lang: Lang, periods: ChargePeriod[]): ChargesChartInput {
  return {
    title: t.account.charges.chartTitle,
    unit: t.account.charges.unit,
    bars: periods.map((p) => ({ label: monthLabel(p.period, lang), amount: p.total })),
  };
}
