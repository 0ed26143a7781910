// Screens of «Переименование абонента» as pure functions of texts and data (tested without Telegram).
import { phone } from '../../../src/bot/format.js';
import { routeButton, type InlineButton, pagerRow, type View } from '../../../src/bot/keyboards.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import type { SubscriberPage } from '../../../src/domain/subscribers/search.js';
import { adminMenu } from '../../shared/menu/section.js';
import { button } from '../../../src/bot/actions.js';

export const AREA = 'ren';

const toMenu = (t: Texts): InlineButton[] => [button(t.core.labels.toMenu, adminMenu)];
const cancel = (t: Texts): InlineButton[] => [routeButton(t.core.labels.cancel, AREA, 'start')];

export function startView(
  t: Texts,
  o: { delaySeconds: number; maxLines: number; maxMb: number; blackout?: string },
): View {
  const text = t.lists.rename.start(t.lists.delay(o.delaySeconds), o.maxLines, o.maxMb);
  return {
    text: o.blackout ? `${text}\n\n${t.lists.rename.blackoutNote(o.blackout)}` : text,
    keyboard: [[routeButton(t.core.labels.showAll, AREA, 'all')], [button(t.core.labels.back, adminMenu)]],
  };
}

/** Found subscribers as buttons that pick one for renaming; «Далее» continues after the last number. */
export function resultsView(t: Texts, page: SubscriberPage, nextAction: 'all' | 'more'): View {
  const rows = page.items.map((s) => [routeButton(`${phone(s.msisdn)} · ${s.displayName}`, AREA, 'pick', s.id)]);
  const pager = pagerRow(
    t.core.labels,
    undefined,
    page.nextAfter ? routeButton(t.core.labels.next, AREA, nextAction, page.nextAfter).callback_data : undefined,
  );
  if (pager.length) rows.push(pager);
  rows.push(cancel(t));
  return { text: page.items.length ? t.lists.rename.results : t.lists.rename.none, keyboard: rows };
}

export function askNameView(t: Texts, msisdn: string, current: string, max: number): View {
  return { text: t.lists.rename.askName(phone(msisdn), current, max), keyboard: [cancel(t)] };
}

export function confirmView(
  t: Texts,
  o: { msisdn: string; from: string; to: string; delaySeconds: number; nonce: string },
): View {
  return {
    text: t.lists.rename.confirm(phone(o.msisdn), o.from, o.to, t.lists.delay(o.delaySeconds)),
    keyboard: [[routeButton(t.core.labels.confirm, AREA, 'ok', o.nonce)], cancel(t)],
  };
}

export function doneView(text: string, t: Texts): View {
  return { text, keyboard: [toMenu(t)] };
}

/** Refused on the last days of the month: the reason, and the written application offered as a ticket. */
export function blackoutView(t: Texts, reason: string, send: InlineButton): View {
  return { text: `${reason}\n\n${t.lists.rename.offer}`, keyboard: [[send], toMenu(t)] };
}

export function sendApplicationButton(t: Texts, ...args: (string | number)[]): InlineButton {
  return routeButton(t.lists.rename.sendApplication, AREA, args.length > 1 ? 'lapp' : 'app', ...args);
}

/** The buttons under a rename list's preview: confirm (or, in the blackout, the application), cancel. */
export function listButtons(
  t: Texts,
  o: { listId: number; nonce: string; fine: number; blackout: boolean },
): InlineButton[][] {
  if (o.fine === 0) return [cancel(t)];
  if (o.blackout) return [[sendApplicationButton(t, o.listId, o.nonce)], cancel(t)];
  return [[routeButton(`${t.core.labels.confirm} (${o.fine})`, AREA, 'lok', o.listId, o.nonce)], cancel(t)];
}
