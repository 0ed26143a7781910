// «Смена ТП» screens (R-TARIFF): the plans open from the current one, the confirmation, the result. Pure.
import { money } from '../../../src/bot/format.js';
import { type View } from '../../../src/bot/keyboards.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import type {
  TariffChangeResult,
  TariffOption,
  TariffOptions,
  TariffPlanSummary,
} from '../../../src/domain/tariffs.js';
import { subscriberMenu } from '../../shared/menu/section.js';
import { button } from '../../../src/bot/actions.js';
import { tariffPick, tariffConfirm, tariffList } from './section.js';

const changeCost = (t: Texts, fee: number) => (fee === 0 ? t.account.tariff.free : money(fee));

export function optionsView(t: Texts, subscriberId: number, o: TariffOptions, changeFee: number): View {
  const l = t.account.tariff;
  const lines = [
    l.title,
    '',
    l.intro,
    '',
    l.current(o.current.name, money(o.current.monthlyFee)),
    l.rules(money(changeFee)),
    '',
  ];
  const back = [button(t.core.labels.back, subscriberMenu, subscriberId)];
  if (o.blocked) return { text: [...lines, l.blocked].join('\n'), keyboard: [back] };
  if (o.options.length === 0) return { text: [...lines, l.none].join('\n'), keyboard: [back] };
  if (o.changedToday) lines.push(l.changedToday, '');
  lines.push(l.choose, ...o.options.map((p) => l.option(p.name, money(p.monthlyFee), changeCost(t, p.changeFee))));
  return {
    text: lines.join('\n'),
    keyboard: [...o.options.map((p) => [button(p.name, tariffPick, subscriberId, p.id)]), back],
  };
}

export function confirmView(
  t: Texts,
  subscriberId: number,
  current: TariffPlanSummary,
  option: TariffOption,
  nonce: string,
): View {
  const l = t.account.tariff;
  return {
    text: l.confirm(current.name, option.name, money(option.monthlyFee), changeCost(t, option.changeFee)),
    keyboard: [
      [button(t.core.labels.confirm, tariffConfirm, subscriberId, option.id, nonce)],
      [button(t.core.labels.cancel, tariffList, subscriberId)],
    ],
  };
}

export function doneView(t: Texts, subscriberId: number, r: TariffChangeResult): View {
  return {
    text: t.account.tariff.done(r.toPlanName, changeCost(t, r.fee), money(r.balanceAfter)),
    keyboard: [[button(t.core.labels.toMenu, subscriberMenu, subscriberId)]],
  };
}
