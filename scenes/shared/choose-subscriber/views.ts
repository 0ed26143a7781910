// «Выбор абонента» as pure views: the prompt with the personal accounts, and a page of results.
import { button, callbackOf } from '../../../src/bot/actions.js';
import { phone } from '../../../src/bot/format.js';
import { type Keyboard, pagerRow, type View } from '../../../src/bot/keyboards.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import type { SubscriberPage } from '../../../src/domain/subscribers/search.js';
import { adminMenu, subscriberMenu } from '../menu/section.js';
import { byAccountPage, byMaskPage, everyonePage, chooseSubscriberStart } from './section.js';

export function pickPromptView(t: Texts, accounts: { id: number; number: string; name: string }[]): View {
  const l = t.core.labels;
  return {
    text: t.core.pick.prompt,
    keyboard: [
      ...accounts.map((a) => [button(t.core.pick.account(a.number, a.name), byAccountPage, a.id)]),
      [button(l.showAll, everyonePage)],
      [button(l.back, adminMenu)],
    ],
  };
}

/** Where «Далее» goes: the typed mask, one personal account, or everyone. */
export type PickSource = { kind: 'mask' } | { kind: 'account'; accountId: number } | { kind: 'all' };

function nextPage(source: PickSource, after: string): string {
  if (source.kind === 'mask') return callbackOf(byMaskPage, after);
  if (source.kind === 'account') return callbackOf(byAccountPage, source.accountId, after);
  return callbackOf(everyonePage, after);
}

/** Results: the number first, then the name; «Далее» continues after the last number (keyset). */
export function pickResultsView(t: Texts, page: SubscriberPage, opts: { title: string; source: PickSource }): View {
  const l = t.core.labels;
  const rows: Keyboard = page.items.map((s) => [button(`${phone(s.msisdn)} · ${s.displayName}`, subscriberMenu, s.id)]);
  const pager = pagerRow(l, undefined, page.nextAfter ? nextPage(opts.source, page.nextAfter) : undefined);
  if (pager.length) rows.push(pager);
  rows.push([button(l.back, chooseSubscriberStart)]);
  return { text: page.items.length ? opts.title : t.core.pick.none, keyboard: rows };
}
