// «Смена номера» screens as pure views (R-NUM-*): the main screen as the portal shows it, the offers,
// the confirmation with the fee, the result and «Условия смены номера».
import { date, money, phone, time } from '../../../src/bot/format.js';
import { grid, type InlineButton, type View } from '../../../src/bot/keyboards.js';
import type { Lang, Texts } from '../../../src/bot/texts/index.js';
import { minskDate } from '../../../src/domain/time.js';
import type { NumberChanged, NumberChangeScreen, Offer, Reservation } from '../../../src/domain/numbers/index.js';
import { subscriberMenu } from '../../shared/menu/section.js';
import { button } from '../../../src/bot/actions.js';
import {
  ALL,
  confirmChange,
  findNumbers,
  heldNumber,
  leaveRequest,
  numberChange,
  numberTerms,
  pickNumber,
  chooseCategory,
} from './section.js';

type Named = { name: string; nameEn: string };
const nameOf = (lang: Lang, c: Named) => (lang === 'en' ? c.nameEn : c.name);
const hhmm = (at: Date) => time(at).slice(0, 5);

export function categoryName(
  t: Texts,
  lang: Lang,
  screen: Pick<NumberChangeScreen, 'categories'>,
  code: string | null,
): string {
  const category = code === null ? undefined : screen.categories.find((c) => c.code === code);
  return category ? nameOf(lang, category) : t.numbers.labels.all;
}

function menuButton(t: Texts, subscriberId: number): InlineButton {
  return button(t.numbers.labels.toMenu, subscriberMenu, subscriberId);
}

/** The main screen: mask, category, attempts left; category buttons and the portal's actions. */
export function numberChangeView(
  t: Texts,
  lang: Lang,
  screen: NumberChangeScreen,
  mask: string,
  categoryCode: string | null,
): View {
  const s = t.numbers.screen;
  const l = t.numbers.labels;
  const id = screen.subscriberId;
  const cat = categoryCode ?? ALL;
  const lines = [
    s.title,
    '',
    s.mask(mask),
    s.maskHint,
    '',
    s.category(categoryName(t, lang, screen, categoryCode)),
    '',
    s.attempts(screen.attemptsLeft),
  ];
  if (screen.blocked) lines.push('', s.blocked);
  else if (screen.attemptsLeft === 0) lines.push('', s.noAttempts);
  if (screen.reservation)
    lines.push('', s.reserved(phone(screen.reservation.msisdn), hhmm(screen.reservation.reservedUntil)));
  lines.push('', s.typeMask);
  const categoryButtons = [
    button(l.all, chooseCategory, id, ALL, mask),
    ...screen.categories.map((c) => button(nameOf(lang, c), chooseCategory, id, c.code, mask)),
  ];
  const keyboard = [...grid(categoryButtons, 3), [button(l.terms, numberTerms, id)]];
  if (screen.attemptsLeft > 0 && !screen.blocked) keyboard.push([button(l.find, findNumbers, id, cat, mask)]);
  keyboard.push([button(l.request, leaveRequest, id, cat, mask)]);
  if (screen.reservation && !screen.blocked) keyboard.push([button(l.reservation, heldNumber, id)]);
  keyboard.push([menuButton(t, id)]);
  return { text: lines.join('\n'), keyboard };
}

export function offerLabel(t: Texts, lang: Lang, offer: Offer): string {
  return t.numbers.offers.button(
    phone(offer.msisdn),
    nameOf(lang, { name: offer.categoryName, nameEn: offer.categoryNameEn }),
    money(offer.fee),
  );
}

/** The offers of one search, each a button `+375 29 777-00-77 · Золотой · 115,60 руб.`. */
export function offersView(
  t: Texts,
  lang: Lang,
  input: {
    subscriberId: number;
    mask: string;
    categoryName: string;
    attemptsLeft: number;
    reservationMinutes: number;
    offers: Offer[];
  },
): View {
  const o = t.numbers.offers;
  const lines = [o.title(input.mask, input.categoryName), t.numbers.screen.attempts(input.attemptsLeft), ''];
  lines.push(input.offers.length > 0 ? o.pick(input.reservationMinutes) : o.none);
  const keyboard = input.offers.map((offer) => [
    button(offerLabel(t, lang, offer), pickNumber, input.subscriberId, offer.msisdn),
  ]);
  keyboard.push([button(t.core.labels.back, numberChange, input.subscriberId)]);
  keyboard.push([menuButton(t, input.subscriberId)]);
  return { text: lines.join('\n'), keyboard };
}

/** The confirmation of a reserved number with its fee; the nonce makes the confirmation one-time. */
export function confirmView(
  t: Texts,
  lang: Lang,
  input: {
    subscriberId: number;
    currentMsisdn: string;
    reservation: Reservation;
    quarantineDays: number;
    nonce: string;
  },
): View {
  const c = t.numbers.confirm;
  const r = input.reservation;
  const text = [
    c.title,
    '',
    c.number(phone(r.msisdn)),
    c.category(nameOf(lang, { name: r.categoryName, nameEn: r.categoryNameEn })),
    c.fee(money(r.fee)),
    c.quarantine(phone(input.currentMsisdn), input.quarantineDays),
    '',
    c.until(hhmm(r.reservedUntil)),
  ].join('\n');
  return {
    text,
    keyboard: [
      [button(t.core.labels.confirm, confirmChange, input.subscriberId, r.msisdn, input.nonce)],
      [button(t.core.labels.cancel, numberChange, input.subscriberId)],
    ],
  };
}

export function doneView(t: Texts, lang: Lang, subscriberId: number, done: NumberChanged): View {
  const d = t.numbers.done;
  const text = [
    d.title,
    '',
    d.number(phone(done.newMsisdn)),
    d.fee(`${money(done.fee)} (${nameOf(lang, { name: done.categoryName, nameEn: done.categoryNameEn })})`),
    d.balance(money(done.balanceAfter)),
    d.quarantine(phone(done.oldMsisdn), date(minskDate(new Date(done.quarantineUntil)))),
    d.telegram,
  ].join('\n');
  return { text, keyboard: [[menuButton(t, subscriberId)]] };
}

/** «Условия смены номера»: each category's fee, attempts, reservation time and quarantine. */
export function termsView(t: Texts, lang: Lang, screen: NumberChangeScreen): View {
  const x = t.numbers.terms;
  const text = [
    x.title,
    '',
    x.fees,
    ...screen.categories.map((c) => x.fee(nameOf(lang, c), money(c.fee))),
    '',
    x.attempts(screen.attemptsPerDay),
    x.reservation(screen.reservationMinutes),
    x.quarantine(screen.quarantineDays),
    x.funds,
  ].join('\n');
  return {
    text,
    keyboard: [[button(t.core.labels.back, numberChange, screen.subscriberId)], [menuButton(t, screen.subscriberId)]],
  };
}

export function requestDoneView(t: Texts, subscriberId: number, mask: string, categoryName: string): View {
  return {
    text: t.numbers.request.done(mask, categoryName),
    keyboard: [[button(t.core.labels.back, numberChange, subscriberId)], [menuButton(t, subscriberId)]],
  };
}
