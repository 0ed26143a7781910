// «Мобильный интернет» (R-MI): the active package and the tariff's packages; pressing another package
// connects it (or changes to it: one package at a time), pressing «Отключить» drops the active one —
// each after a confirmation that shows what changes and the fee.
import { cb } from '../../src/bot/callback-data.js';
import type { BotContext } from '../../src/bot/context.js';
import { money } from '../../src/bot/format.js';
import { routeButton, type Keyboard, type View } from '../../src/bot/keyboards.js';
import { show } from '../../src/bot/render.js';
import { type Section, legacySection } from '../../src/bot/sections.js';
import type { Texts } from '../../src/bot/texts/index.js';
import type { ServiceView } from '../../src/domain/services/catalog.js';
import {
  changePackage,
  disconnectPackage,
  type MobileInternet,
  mobileInternetOverview,
  type PackagePreview,
  packagePreview,
} from '../../src/domain/services/mobile-internet.js';
import { backRow, confirmRows, header, idOf, nonceOf, outcome, sid } from './service-operations/common.js';
import { feesLine } from './services.js';

const AREA = 'mi';

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
      keyboard.push([
        routeButton(
          data.active ? m.changeButton(p.name) : m.connectButton(p.name),
          AREA,
          'pick',
          data.subscriberId,
          p.id,
        ),
      ]);
    }
  }
  if (data.active)
    keyboard.push([routeButton(m.disconnectButton(data.active.name), AREA, 'off', data.subscriberId, data.active.id)]);
  if (data.paused) keyboard.push([routeButton(c.toPause, 'pause', 'show', data.subscriberId)]);
  keyboard.push(backRow(t, data.subscriberId));
  return { text: [header(m.title, data.msisdn, m.intro, done), lines.join('\n')].join('\n\n'), keyboard };
}

export function packageConfirmView(t: Texts, subscriberId: number, preview: PackagePreview, nonce: string): View {
  const m = t.services.mi;
  const c = t.services.common;
  const lines: string[] = [];
  if (preview.action === 'disconnect') lines.push(m.confirmDisconnect(preview.from!.name));
  else {
    lines.push(
      preview.action === 'change'
        ? m.confirmChange(preview.from!.name, preview.to!.name)
        : m.confirmConnect(preview.to!.name),
    );
    lines.push(preview.fee > 0 ? c.fee(money(preview.fee)) : c.noFee);
    if (preview.to!.monthlyFee > 0) lines.push(c.perMonth(money(preview.to!.monthlyFee)));
  }
  const ok =
    preview.action === 'disconnect'
      ? cb(AREA, 'offok', subscriberId, preview.from!.id, nonce)
      : cb(AREA, 'ok', subscriberId, preview.to!.id, nonce);
  return { text: lines.join('\n'), keyboard: confirmRows(t, ok, cb(AREA, 'show', subscriberId)) };
}

async function overview(ctx: BotContext, done?: string): Promise<void> {
  await show(
    ctx,
    mobileInternetView(ctx.t, await mobileInternetOverview(ctx.services.deps, ctx.actor!, sid(ctx)), done),
  );
}

async function ask(ctx: BotContext, [id]: string[], disconnect: boolean): Promise<void> {
  const preview = await packagePreview(ctx.services.deps, ctx.actor!, {
    subscriberId: sid(ctx),
    serviceId: idOf(id),
    disconnect,
  });
  await show(ctx, packageConfirmView(ctx.t, sid(ctx), preview, ctx.services.nonce()));
}

async function apply(ctx: BotContext, [id, nonce]: string[], disconnect: boolean): Promise<void> {
  const input = { subscriberId: sid(ctx), serviceId: idOf(id), nonce: nonceOf(nonce) };
  const result = disconnect
    ? await disconnectPackage(ctx.services.deps, ctx.actor!, input)
    : await changePackage(ctx.services.deps, ctx.actor!, input);
  await overview(ctx, outcome(ctx.t, result, ctx.t.services.mi.done));
}

export const mobileInternetSection: Section = legacySection({
  area: AREA,
  roles: ['admin', 'subscriber'],
  subscriberScoped: true,
  actions: {
    show: (ctx) => overview(ctx),
    pick: (ctx, args) => ask(ctx, args, false),
    off: (ctx, args) => ask(ctx, args, true),
    ok: (ctx, args) => apply(ctx, args, false),
    offok: (ctx, args) => apply(ctx, args, true),
  },
});

export const sections: Section[] = [mobileInternetSection];
