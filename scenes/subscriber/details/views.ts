import { date, money, monthName, phone } from '../../../src/bot/format.js';
import { type Keyboard, pagerRow, type View } from '../../../src/bot/keyboards.js';
import type { Lang, Texts } from '../../../src/bot/texts/index.js';
import type { DetailPage, DetailPeriod, UsageKind } from '../../../src/domain/details.js';
import { duration, isCall, otherParty } from '../../../src/documents/details-rows.js';
import { monthLabel } from '../charges/views.js';
import { subscriberMenu } from '../../shared/menu/section.js';
import { button, callbackOf } from '../../../src/bot/actions.js';
import { detailsPage, detailsPeriods, downloadCsv, downloadXlsx } from './section.js';

const dayMonth = (iso: string) => date(iso).slice(0, 5);

function periodButtonLabel(t: Texts, lang: Lang, p: DetailPeriod): string {
  if (!p.current) return monthLabel(p.from, lang);
  return p.to ? t.account.details.currentPeriod(dayMonth(p.from), date(p.to)) : t.account.details.currentEmpty;
}

export function periodsView(t: Texts, lang: Lang, subscriberId: number, periods: DetailPeriod[]): View {
  const l = t.account.details;
  const [current, ...months] = periods;
  const keyboard: Keyboard = [];
  if (current) keyboard.push([button(periodButtonLabel(t, lang, current), detailsPage, subscriberId, current.key)]);
  for (let i = 0; i < months.length; i += 2) {
    keyboard.push(
      months.slice(i, i + 2).map((p) => button(periodButtonLabel(t, lang, p), detailsPage, subscriberId, p.key)),
    );
  }
  keyboard.push([button(t.core.labels.back, subscriberMenu, subscriberId)]);
  return { text: [l.title, '', l.intro, '', l.choose].join('\n'), keyboard };
}

function quantityText(t: Texts, kind: UsageKind, quantity: number): string {
  return isCall(kind) ? duration(quantity) : t.account.details.smsCount(quantity);
}

function periodName(t: Texts, lang: Lang, p: DetailPeriod): string {
  // «Детализация за октябрь 2026» — Russian month names are lower case inside a sentence.
  if (!p.current) return lang === 'ru' ? monthName(p.from, lang) : monthLabel(p.from, lang);
  return t.account.details.currentName(dayMonth(p.from), p.to ? date(p.to) : dayMonth(p.from));
}

export function pageView(t: Texts, lang: Lang, subscriberId: number, page: DetailPage): View {
  const l = t.account.details;
  const lines = [l.header(periodName(t, lang, page.period), phone(page.msisdn)), ''];
  const back = [button(t.core.labels.back, detailsPeriods, subscriberId)];
  if (page.period.current && !page.period.to) return { text: [...lines, l.emptyCurrent].join('\n'), keyboard: [back] };
  if (page.totalRecords === 0) return { text: [...lines, l.none].join('\n'), keyboard: [back] };
  lines.push(
    l.totals,
    ...page.totals.map((x) =>
      isCall(x.kind)
        ? l.total(l.kindsLong[x.kind], x.records, duration(x.quantity), money(x.cost))
        : l.totalSms(l.kindsLong[x.kind], x.records, money(x.cost)),
    ),
    l.grandTotal(page.totalRecords, money(page.totalCost)),
    '',
    ...page.records.map((r) =>
      l.record(
        date(r.date),
        r.time,
        l.kinds[r.kind],
        otherParty(r.otherParty),
        quantityText(t, r.kind, r.quantity),
        money(r.cost),
      ),
    ),
  );
  const key = page.period.key;
  const pager = pagerRow(
    t.core.labels,
    page.prevCursor ? callbackOf(detailsPage, subscriberId, key, page.prevCursor) : undefined,
    page.nextCursor ? callbackOf(detailsPage, subscriberId, key, page.nextCursor) : undefined,
  );
  const keyboard: Keyboard = [
    ...(pager.length ? [pager] : []),
    [button(l.csv, downloadCsv, subscriberId, key), button(l.xlsx, downloadXlsx, subscriberId, key)],
    back,
  ];
  return { text: lines.join('\n'), keyboard };
}
