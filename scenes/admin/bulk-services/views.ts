// Screens of «Действия с услугами по списку абонентов» as pure functions of texts and data.
import { money } from '../../../src/bot/format.js';
import { routeButton, type View } from '../../../src/bot/keyboards.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import type { BulkAction, BulkServiceChoice } from '../../../src/domain/bulk/index.js';
import { adminMenu } from '../../shared/menu/section.js';
import { button } from '../../../src/bot/actions.js';

export const AREA = 'bulk';

/** The action as a one-letter callback argument. */
export const actionArg = (action: BulkAction) => (action === 'connect' ? 'c' : 'd');
export const actionOf = (arg: string | undefined): BulkAction | undefined =>
  arg === 'c' ? 'connect' : arg === 'd' ? 'disconnect' : undefined;

export function servicesView(t: Texts, choices: BulkServiceChoice[]): View {
  return {
    text: choices.length ? t.lists.bulk.chooseService : t.lists.bulk.noServices,
    keyboard: [
      ...choices.map((s) => [routeButton(`${s.name} · ${money(s.monthlyFee)}`, AREA, 'svc', s.id)]),
      [button(t.core.labels.back, adminMenu)],
    ],
  };
}

export function actionView(t: Texts, service: BulkServiceChoice): View {
  return {
    text: t.lists.bulk.chooseAction(service.name),
    keyboard: [
      [
        routeButton(t.lists.bulk.connect, AREA, 'act', service.id, 'c'),
        routeButton(t.lists.bulk.disconnect, AREA, 'act', service.id, 'd'),
      ],
      [routeButton(t.core.labels.back, AREA, 'start')],
    ],
  };
}

export function askListView(
  t: Texts,
  o: { service: string; action: BulkAction; maxLines: number; maxMb: number },
): View {
  return {
    text: t.lists.bulk.askList(o.service, o.action, o.maxLines, o.maxMb),
    keyboard: [[routeButton(t.core.labels.cancel, AREA, 'start')]],
  };
}

export function listButtons(t: Texts, o: { listId: number; nonce: string; fine: number }) {
  const cancel = [routeButton(t.core.labels.cancel, AREA, 'start')];
  if (o.fine === 0) return [cancel];
  return [[routeButton(`${t.core.labels.confirm} (${o.fine})`, AREA, 'ok', o.listId, o.nonce)], cancel];
}

/** The message the worker edits with progress: no buttons, so nothing is pressed mid-run. */
export function startedView(t: Texts, o: { service: string; action: BulkAction; lines: number }): View {
  return { text: t.lists.jobs.progress(o.service, o.action, 0, o.lines) };
}
