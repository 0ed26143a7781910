// «Настройки» (R-SETTINGS): the Mobile Internet, MMS and streaming-video settings, each sent as its own
// message in the chat; the menu stays where it is.
import type { BotContext } from '../../src/bot/context.js';
import { routeButton, type View } from '../../src/bot/keyboards.js';
import { answerOnce, show } from '../../src/bot/render.js';
import { type Section, StaleButtonError, legacySection } from '../../src/bot/sections.js';
import type { Texts } from '../../src/bot/texts/index.js';
import { isSettingsKind, SETTINGS_KINDS, settingsText } from '../../src/domain/services/settings.js';
import { subscriberSummary } from '../../src/domain/subscribers/search.js';
import { backRow, header, sid } from './service-operations/common.js';

const AREA = 'set';

export function settingsMenuView(t: Texts, subscriber: { id: number; msisdn: string }): View {
  const s = t.services.set;
  return {
    text: header(s.title, subscriber.msisdn, s.intro),
    keyboard: [
      ...SETTINGS_KINDS.map((kind) => [routeButton(s.kinds[kind]!, AREA, 'send', subscriber.id, kind)]),
      backRow(t, subscriber.id),
    ],
  };
}

async function menu(ctx: BotContext): Promise<void> {
  const s = await subscriberSummary(ctx.services.deps, ctx.actor!, sid(ctx));
  await show(ctx, settingsMenuView(ctx.t, { id: s.id, msisdn: s.msisdn }));
}

async function send(ctx: BotContext, [kind]: string[]): Promise<void> {
  if (!kind || !isSettingsKind(kind)) throw new StaleButtonError('bad settings kind');
  const text = await settingsText(ctx.services.deps, ctx.actor!, sid(ctx), kind);
  await answerOnce(ctx, ctx.t.services.set.sent);
  await ctx.reply(`${text.title}\n\n${text.body}`, { link_preview_options: { is_disabled: true } });
}

export const settingsSection: Section = legacySection({
  area: AREA,
  roles: ['admin', 'subscriber'],
  subscriberScoped: true,
  actions: { menu, send },
});

export const sections: Section[] = [settingsSection];
