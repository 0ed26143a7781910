// «Настройки» as a pure view: one button per kind of settings.
import { button } from '../../../src/bot/actions.js';
import type { View } from '../../../src/bot/keyboards.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import { SETTINGS_KINDS } from '../../../src/domain/services/settings.js';
import { backRow, header } from '../service-operations/views.js';
import { sendSettings } from './section.js';

export function settingsMenuView(t: Texts, subscriber: { id: number; msisdn: string }): View {
  const s = t.services.set;
  return {
    text: header(s.title, subscriber.msisdn, s.intro),
    keyboard: [
      ...SETTINGS_KINDS.map((kind) => [button(s.kinds[kind] ?? kind, sendSettings, subscriber.id, kind)]),
      backRow(t, subscriber.id),
    ],
  };
}
