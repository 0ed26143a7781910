// «Переадресация звонков» (R-FWD): the four conditions; set one (target typed and normalised by the
// domain, the «нет ответа» delay by buttons) or cancel one or all, each after a confirmation.
import { actions, type RoleContext, type SubscriberContext } from '../../../src/bot/actions.js';
import { arg, args, noArgs } from '../../../src/bot/args.js';
import { field } from '../../../src/bot/middleware/typed-input.js';
import { show } from '../../../src/bot/render.js';
import { formScene, sceneForm } from '../../../src/bot/scene-form.js';
import { type Section, StaleButtonError, section } from '../../../src/bot/sections.js';
import {
  cancelForwarding,
  type ForwardCondition,
  forwardingPreview,
  forwardingState,
  setForwarding,
} from '../../../src/domain/services/forwarding.js';
import { formatForwardTarget } from '../../../src/domain/services/forwarding-target.js';
import { outcome } from '../service-operations/views.js';
import {
  askTargetView,
  cancelConfirmView,
  conditionOf,
  conditionView,
  forwardingView,
  setConfirmView,
} from './views.js';
import { issueNonce } from '../../../src/bot/nonces.js';

const AREA = 'fwd';
/** The typed target number. */
const TARGET = field(40);

export const FORWARD_CODES = ['u', 'b', 'n', 'r'] as const;
export type ForwardCode = (typeof FORWARD_CODES)[number];
const code = arg.oneOf(FORWARD_CODES);
const codeOrAll = arg.oneOf([...FORWARD_CODES, 'all']);
/** Targets travel in buttons as the international digits the domain produced. */
const target = arg.token(/^[1-9]\d{7,14}$/, 15);
/** The «нет ответа» delay in seconds; 0 for none. */
const delay = arg.int(0, 99);

interface ForwardingForm {
  sid?: number;
  /** The condition whose target is being typed. */
  cond?: ForwardCondition;
}
const form = sceneForm<ForwardingForm>();

async function overview(ctx: SubscriberContext, done?: string): Promise<void> {
  form.set(ctx, { sid: ctx.subscriberId });
  const data = await forwardingState(ctx.services.deps, ctx.actor, ctx.subscriberId);
  await show(ctx, forwardingView(ctx.t, data, done));
}

async function preview(
  ctx: RoleContext,
  subscriberId: number,
  condition: ForwardCondition,
  to: string,
  delaySeconds: number | null,
  newMessage = false,
) {
  const deps = ctx.services.deps;
  const p = await forwardingPreview(deps, ctx.actor, { subscriberId, condition, target: to, delaySeconds });
  await show(ctx, setConfirmView(ctx.t, subscriberId, p, deps.settings.forwardDelays, issueNonce(ctx)), {
    newMessage,
  });
}

async function lineOf(ctx: SubscriberContext, condition: ForwardCondition) {
  const state = await forwardingState(ctx.services.deps, ctx.actor, ctx.subscriberId);
  const line = state.lines.find((l) => l.condition === condition);
  if (!line) throw new StaleButtonError('no such condition');
  return line;
}

const fwd = actions(AREA, { scope: 'subscriber', roles: ['admin', 'subscriber'] });

export const forwardingScreen = fwd.action('show', { args: noArgs, changes: false, handler: (ctx) => overview(ctx) });

export const forwardingCondition = fwd.action('cond', {
  args: args([code]),
  changes: false,
  handler: async (ctx, [c]) => {
    form.set(ctx, { sid: ctx.subscriberId });
    await show(ctx, conditionView(ctx.t, ctx.subscriberId, await lineOf(ctx, conditionOf(c))));
  },
});

export const askTarget = fwd.action('set', {
  args: args([code]),
  changes: false,
  handler: async (ctx, [c]) => {
    form.set(ctx, { sid: ctx.subscriberId, cond: conditionOf(c) });
    await show(ctx, askTargetView(ctx.t, ctx.subscriberId, conditionOf(c)));
  },
});

export const chooseDelay = fwd.action('dl', {
  args: args([target, delay]),
  changes: false,
  handler: (ctx, [to, seconds]) => preview(ctx, ctx.subscriberId, 'no_reply', `+${to}`, seconds || null),
});

export const confirmSet = fwd.action('ok', {
  args: args([code, target, delay, arg.nonce]),
  changes: true,
  handler: async (ctx, [c, to, seconds, nonce]) => {
    const condition = conditionOf(c);
    const result = await setForwarding(ctx.services.deps, ctx.actor, {
      subscriberId: ctx.subscriberId,
      condition,
      target: `+${to}`,
      delaySeconds: seconds || null,
      nonce,
    });
    const f = ctx.t.services.fwd;
    const done = f.setDone(f.conditions[condition], formatForwardTarget(result.target));
    await overview(ctx, outcome(ctx.t, result, done));
  },
});

export const askCancel = fwd.action('cx', {
  args: args([codeOrAll]),
  changes: false,
  handler: async (ctx, [c]) => {
    const which = c === 'all' ? 'all' : await lineOf(ctx, conditionOf(c));
    if (which !== 'all' && !which.active) return overview(ctx);
    await show(ctx, cancelConfirmView(ctx.t, ctx.subscriberId, which, issueNonce(ctx)));
  },
});

export const confirmCancel = fwd.action('cxok', {
  args: args([codeOrAll, arg.nonce]),
  changes: true,
  handler: async (ctx, [c, nonce]) => {
    const result = await cancelForwarding(ctx.services.deps, ctx.actor, {
      subscriberId: ctx.subscriberId,
      condition: c === 'all' ? 'all' : conditionOf(c),
      nonce,
    });
    const f = ctx.t.services.fwd;
    await overview(ctx, outcome(ctx.t, result, f.cancelDone(result.cancelled.map((x) => f.conditions[x]).join(', '))));
  },
});

const scene = formScene(AREA, {
  text: async (ctx, input) => {
    const st = form.get(ctx);
    if (!st.sid || !st.cond) return void (await ctx.reply(ctx.t.core.start.useButtons));
    await preview(ctx, st.sid, st.cond, input.read(TARGET), null, true);
  },
});

export const sections: Section[] = [section(fwd, { scene })];
