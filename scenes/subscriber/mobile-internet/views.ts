// «Мобильный интернет» as pure views: the active package and the tariff's packages, and the confirmation.
import { button, callbackOf } from '../../../src/bot/actions.js';
import { money } from '../../../src/bot/format.js';
import type { Keyboard, View } from '../../../src/bot/keyboards.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import type { ServiceView } from '../../../src/domain/services/catalog.js';
import type { MobileInternet, PackagePreview } from '../../../src/domain/services/mobile-internet.js';
import { pauseScreen } from '../pause/section.js';
import { backRow, confirmRows, header } from '../service-operations/views.js';
import { feesLine } from '../services/views.js';
import { askDisconnect, askPackage, confirmDisconnect, confirmPackage, mobileInternetScreen } from './section.js';

function packageLine(t: Texts, p: ServiceView): string {
  const volume = p.volumeMb ? ` (${t.services.mi.volume(p.volumeMb)})` : '';
  return `${p.name}${volume} — ${feesLine(t, p)}`;
}

export function mobileInternetView(t: Texts, data: MobileInternet, done?: string): View {
  const m = t.services.mi;
  const c = t.services.common;
  const lines: string[] = [];
  if (data.blocked) lines.push(c.blockedNote);
  else if (data.paused) lines.push(c.pausedNote);
  lines.push(
    data.active ? m.active(packageLine(t, data.active)) : m.activeNone,
    '',
    data.packages.length ? m.packages : m.packagesNone,
  );
  for (const p of data.packages) lines.push(`${p.id === data.active?.id ? '✓' : '•'} ${packageLine(t, p)}`);
  const keyboard: Keyboard = [];
  if (!data.blocked && !data.paused) {
    for (const p of data.packages.filter((x) => x.id !== data.active?.id)) {
      const label = data.active ? m.changeButton(p.name) : m.connectButton(p.name);
      keyboard.push([button(label, askPackage, data.subscriberId, p.id)]);
    }
  }
  if (data.active)
    keyboard.push([button(m.disconnectButton(data.active.name), askDisconnect, data.subscriberId, data.active.id)]);
  if (data.paused) keyboard.push([button(c.toPause, pauseScreen, data.subscriberId)]);
  keyboard.push(backRow(t, data.subscriberId));
  return { text: [header(m.title, data.msisdn, m.intro, done), lines.join('\n')].join('\n\n'), keyboard };
}

export function packageConfirmView(t: Texts, subscriberId: number, preview: PackagePreview, nonce: string): View {
  const m = t.services.mi;
  const c = t.services.common;
  const lines: string[] = [];
  if (preview.action === 'disconnect') lines.push(m.confirmDisconnect(preview.from.name));
  else {
    lines.push(
      preview.action === 'change'
        ? m.confirmChange(preview.from.name, preview.to.name)
        : m.confirmConnect(preview.to.name),
    );
    lines.push(preview.fee > 0 ? c.fee(money(preview.fee)) : c.noFee);
    if (preview.to.monthlyFee > 0) lines.push(c.perMonth(money(preview.to.monthlyFee)));
  }
  const ok =
    preview.action === 'disconnect'
      ? callbackOf(confirmDisconnect, subscriberId, preview.from.id, nonce)
      : callbackOf(confirmPackage, subscriberId, preview.to.id, nonce);
  return { text: lines.join('\n'), keyboard: confirmRows(t, ok, callbackOf(mobileInternetScreen, subscriberId)) };
}
