// Screens of «Действия с услугами по списку абонентов» as pure functions of texts and data.
import { money } from '../../../src/bot/format.js';
import type { View } from '../../../src/bot/keyboards.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import type { BulkAction, BulkServiceChoice } from '../../../src/domain/bulk/index.js';
import { adminMenu } from '../../shared/menu/section.js';
import { button } from '../../../src/bot/actions.js';
import { bulkAction, bulkConfirm, bulkService, bulkStart } from './section.js';

export function servicesView(t: Texts, choices: BulkServiceChoice[]): View {
  return {
    text: choices.length ? t.lists.bulk.chooseService : t.lists.bulk.noServices,
    keyboard: [
      ...choices.map((s) => [button(`${s.name} · ${money(s.monthlyFee)}`, bulkService, s.id)]),
      [button(t.core.labels.back, adminMenu)],
    ],
  };
}

export function actionView(t: Texts, service: BulkServiceChoice): View {
  return {
    text: t.lists.bulk.chooseAction(service.name),
    keyboard: [
      [
        button(t.lists.bulk.connect, bulkAction, service.id, 'c'),
        button(t.lists.bulk.disconnect, bulkAction, service.id, 'd'),
      ],
      [button(t.core.labels.back, bulkStart)],
    ],
  };
}

export function askListView(
  t: Texts,
  o: { service: string; action: BulkAction; maxLines: number; maxMb: number },
): View {
  return {
    text: t.lists.bulk.askList(o.service, o.action, o.maxLines, o.maxMb),
    keyboard: [[button(t.core.labels.cancel, bulkStart)]],
  };
}

export function listButtons(t: Texts, o: { listId: number; nonce: string; fine: number }) {
  const cancel = [button(t.core.labels.cancel, bulkStart)];
  if (o.fine === 0) return [cancel];
  return [[button(`${t.core.labels.confirm} (${o.fine})`, bulkConfirm, o.listId, o.nonce)], cancel];
}

/** The message the worker edits with progress: no buttons, so nothing is pressed mid-run. */
export function startedView(t: Texts, o: { service: string; action: BulkAction; lines: number }): View {
  return { text: t.lists.jobs.progress(o.service, o.action, 0, o.lines) };
}
