// «Переадресация звонков» (R-FWD): the four conditions; set one (target typed and normalised by the
// domain, the «нет ответа» delay by buttons) or cancel one or all, each after a confirmation.
import { Scenes } from 'telegraf';
import type { BotContext } from '../../src/bot/context.js';
import { show } from '../../src/bot/render.js';
import { type Section, StaleButtonError, legacySection } from '../../src/bot/sections.js';
import {
  cancelForwarding,
  type ForwardCondition,
  forwardingPreview,
  forwardingState,
  setForwarding,
} from '../../src/domain/services/forwarding.js';
import { formatForwardTarget } from '../../src/domain/services/forwarding-target.js';
import {
  AREA,
  askTargetView,
  cancelConfirmView,
  conditionOf,
  conditionView,
  forwardingView,
  setConfirmView,
} from './forwarding/views.js';
import { nonceOf, outcome, sid } from './service-operations/common.js';

interface ForwardingSceneState {
  sid?: number;
  /** The condition whose target is being typed. */
  cond?: ForwardCondition;
}
const state = (ctx: BotContext) => ctx.scene.state as ForwardingSceneState;

function condition(code: string | undefined): ForwardCondition {
  const c = conditionOf(code);
  if (!c) throw new StaleButtonError('bad condition');
  return c;
}

/** Targets travel in buttons as the international digits the domain produced. */
function targetArg(value: string | undefined): string {
  if (!value || !/^[1-9]\d{7,14}$/.test(value)) throw new StaleButtonError('bad target');
  return `+${value}`;
}

function delayArg(value: string | undefined): number | null {
  if (!value || !/^\d{1,2}$/.test(value)) throw new StaleButtonError('bad delay');
  return Number(value) || null;
}

async function overview(ctx: BotContext, done?: string): Promise<void> {
  Object.assign(state(ctx), { sid: sid(ctx), cond: undefined });
  await show(ctx, forwardingView(ctx.t, await forwardingState(ctx.services.deps, ctx.actor!, sid(ctx)), done));
}

async function preview(
  ctx: BotContext,
  subscriberId: number,
  cond: ForwardCondition,
  target: string,
  delaySeconds: number | null,
  newMessage = false,
) {
  const deps = ctx.services.deps;
  const p = await forwardingPreview(deps, ctx.actor!, { subscriberId, condition: cond, target, delaySeconds });
  await show(ctx, setConfirmView(ctx.t, subscriberId, p, deps.settings.forwardDelays, ctx.services.nonce()), {
    newMessage,
  });
}

const scene = new Scenes.BaseScene<BotContext>(AREA);
scene.on('text', async (ctx, next) => {
  const text = ctx.message.text;
  if (text.startsWith('/')) return next();
  const st = state(ctx);
  if (!st.sid || !st.cond) return void (await ctx.reply(ctx.t.core.start.useButtons));
  await preview(ctx, st.sid, st.cond, text.slice(0, 40), null, true);
});

export const forwardingSection: Section = legacySection({
  area: AREA,
  roles: ['admin', 'subscriber'],
  subscriberScoped: true,
  scene,
  actions: {
    show: (ctx) => overview(ctx),
    cond: async (ctx, [code]) => {
      const c = condition(code);
      Object.assign(state(ctx), { sid: sid(ctx), cond: undefined });
      const st = await forwardingState(ctx.services.deps, ctx.actor!, sid(ctx));
      await show(ctx, conditionView(ctx.t, sid(ctx), st.lines.find((l) => l.condition === c)!));
    },
    set: async (ctx, [code]) => {
      const c = condition(code);
      Object.assign(state(ctx), { sid: sid(ctx), cond: c });
      await show(ctx, askTargetView(ctx.t, sid(ctx), c));
    },
    dl: (ctx, [target, delay]) => preview(ctx, sid(ctx), 'no_reply', targetArg(target), delayArg(delay)),
    ok: async (ctx, [code, target, delay, nonce]) => {
      const c = condition(code);
      const result = await setForwarding(ctx.services.deps, ctx.actor!, {
        subscriberId: sid(ctx),
        condition: c,
        target: targetArg(target),
        delaySeconds: delayArg(delay),
        nonce: nonceOf(nonce),
      });
      const f = ctx.t.services.fwd;
      await overview(ctx, outcome(ctx.t, result, f.setDone(f.conditions[c]!, formatForwardTarget(result.target))));
    },
    cx: async (ctx, [code]) => {
      const st = await forwardingState(ctx.services.deps, ctx.actor!, sid(ctx));
      const which = code === 'all' ? 'all' : st.lines.find((l) => l.condition === condition(code))!;
      if (which !== 'all' && !which.active) return overview(ctx);
      await show(ctx, cancelConfirmView(ctx.t, sid(ctx), which, ctx.services.nonce()));
    },
    cxok: async (ctx, [code, nonce]) => {
      const which = code === 'all' ? 'all' : condition(code);
      const result = await cancelForwarding(ctx.services.deps, ctx.actor!, {
        subscriberId: sid(ctx),
        condition: which,
        nonce: nonceOf(nonce),
      });
      const f = ctx.t.services.fwd;
      await overview(
        ctx,
        outcome(ctx.t, result, f.cancelDone(result.cancelled.map((c) => f.conditions[c]).join(', '))),
      );
    },
  },
});

export const sections: Section[] = [forwardingSection];
