// «Голосовая почта (пакет «Плюс»)» (R-VM): connect or disconnect the package, and set or cancel the
// e-mail voice messages are duplicated to (typed, validated by the domain) — each after a confirmation.
import { Scenes } from 'telegraf';
import { cb } from '../../src/bot/callback-data.js';
import type { BotContext } from '../../src/bot/context.js';
import { money } from '../../src/bot/format.js';
import { routeButton, type Keyboard, type View } from '../../src/bot/keyboards.js';
import { show } from '../../src/bot/render.js';
import { type Section, StaleButtonError, legacySection } from '../../src/bot/sections.js';
import type { Texts } from '../../src/bot/texts/index.js';
import {
  cancelVoicemailEmail,
  connectVoicemail,
  disconnectVoicemail,
  normalizeEmail,
  setVoicemailEmail,
  type VoicemailState,
  voicemailPreview,
  voicemailState,
} from '../../src/domain/services/voicemail.js';
import { backRow, confirmRows, header, nonceOf, outcome, sid } from './service-operations/common.js';
import { feesLine } from './services.js';

const AREA = 'vm';

export function voicemailView(t: Texts, data: VoicemailState, done?: string): View {
  const v = t.services.vm;
  const lines = [
    v.package(data.package.name, feesLine(t, data.package)),
    data.connected ? v.connected : v.disconnected,
  ];
  const keyboard: Keyboard = [];
  if (data.connected) {
    lines.push(data.email ? v.email(data.email) : v.emailNone);
    keyboard.push([routeButton(data.email ? v.changeEmail : v.setEmail, AREA, 'mail', data.subscriberId)]);
    if (data.email) keyboard.push([routeButton(v.cancelEmail, AREA, 'unmail', data.subscriberId)]);
    keyboard.push([routeButton(v.disconnect, AREA, 'off', data.subscriberId)]);
  } else {
    keyboard.push([routeButton(v.connect, AREA, 'on', data.subscriberId)]);
  }
  keyboard.push(backRow(t, data.subscriberId));
  return { text: [header(v.title, data.msisdn, v.intro, done), lines.join('\n')].join('\n\n'), keyboard };
}

interface VoicemailSceneState {
  sid?: number;
  /** Waiting for the typed address. */
  typing?: boolean;
  /** The validated address awaiting confirmation (too long for a button). */
  email?: string;
}
const state = (ctx: BotContext) => ctx.scene.state as VoicemailSceneState;

async function overview(ctx: BotContext, done?: string): Promise<void> {
  Object.assign(state(ctx), { sid: sid(ctx), typing: false, email: undefined });
  await show(ctx, voicemailView(ctx.t, await voicemailState(ctx.services.deps, ctx.actor!, sid(ctx)), done));
}

async function askPackage(ctx: BotContext, action: 'connect' | 'disconnect'): Promise<void> {
  const v = ctx.t.services.vm;
  const c = ctx.t.services.common;
  const p = await voicemailPreview(ctx.services.deps, ctx.actor!, { subscriberId: sid(ctx), action });
  const lines =
    action === 'connect'
      ? [
          v.confirmConnect(p.service.name, c.perMonth(money(p.service.monthlyFee))),
          p.fee > 0 ? c.fee(money(p.fee)) : '',
        ]
      : [v.confirmDisconnect(p.service.name)];
  const ok = cb(AREA, action === 'connect' ? 'onok' : 'offok', sid(ctx), ctx.services.nonce());
  await show(ctx, {
    text: lines.filter(Boolean).join('\n'),
    keyboard: confirmRows(ctx.t, ok, cb(AREA, 'show', sid(ctx))),
  });
}

const scene = new Scenes.BaseScene<BotContext>(AREA);
scene.on('text', async (ctx, next) => {
  const text = ctx.message.text;
  if (text.startsWith('/')) return next();
  const st = state(ctx);
  if (!st.sid || !st.typing) return void (await ctx.reply(ctx.t.core.start.useButtons));
  const email = normalizeEmail(text.slice(0, 300));
  st.email = email;
  const keyboard = confirmRows(ctx.t, cb(AREA, 'mailok', st.sid, ctx.services.nonce()), cb(AREA, 'show', st.sid));
  await show(ctx, { text: ctx.t.services.vm.confirmEmail(email), keyboard }, { newMessage: true });
});

export const voicemailSection: Section = legacySection({
  area: AREA,
  roles: ['admin', 'subscriber'],
  subscriberScoped: true,
  scene,
  actions: {
    show: (ctx) => overview(ctx),
    on: (ctx) => askPackage(ctx, 'connect'),
    off: (ctx) => askPackage(ctx, 'disconnect'),
    onok: async (ctx, [nonce]) => {
      const r = await connectVoicemail(ctx.services.deps, ctx.actor!, {
        subscriberId: sid(ctx),
        nonce: nonceOf(nonce),
      });
      await overview(ctx, outcome(ctx.t, r, ctx.t.services.vm.done));
    },
    offok: async (ctx, [nonce]) => {
      const r = await disconnectVoicemail(ctx.services.deps, ctx.actor!, {
        subscriberId: sid(ctx),
        nonce: nonceOf(nonce),
      });
      await overview(ctx, outcome(ctx.t, r, ctx.t.services.vm.done));
    },
    mail: async (ctx) => {
      Object.assign(state(ctx), { sid: sid(ctx), typing: true, email: undefined });
      await show(ctx, {
        text: ctx.t.services.vm.askEmail,
        keyboard: [[routeButton(ctx.t.core.labels.cancel, AREA, 'show', sid(ctx))]],
      });
    },
    mailok: async (ctx, [nonce]) => {
      const email = state(ctx).email;
      if (!email) throw new StaleButtonError('no e-mail in the session');
      const r = await setVoicemailEmail(ctx.services.deps, ctx.actor!, {
        subscriberId: sid(ctx),
        email,
        nonce: nonceOf(nonce),
      });
      await overview(ctx, outcome(ctx.t, r, ctx.t.services.vm.done));
    },
    unmail: async (ctx) => {
      const data = await voicemailState(ctx.services.deps, ctx.actor!, sid(ctx));
      if (!data.email) return overview(ctx);
      const keyboard = confirmRows(
        ctx.t,
        cb(AREA, 'unmailok', sid(ctx), ctx.services.nonce()),
        cb(AREA, 'show', sid(ctx)),
      );
      await show(ctx, { text: ctx.t.services.vm.confirmCancelEmail(data.email), keyboard });
    },
    unmailok: async (ctx, [nonce]) => {
      const r = await cancelVoicemailEmail(ctx.services.deps, ctx.actor!, {
        subscriberId: sid(ctx),
        nonce: nonceOf(nonce),
      });
      await overview(ctx, outcome(ctx.t, r, ctx.t.services.vm.done));
    },
  },
});

export const sections: Section[] = [voicemailSection];
