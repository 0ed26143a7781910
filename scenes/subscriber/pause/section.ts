// «Пауза» (R-PAUSE): the current pause or the rules of a new one; the end date by buttons (7, 14, 30, 60,
// 90 days) or typed; a confirmation with start (tomorrow), end and fee before anything changes; early end.
import { actions, type RoleContext, type SubscriberContext } from '../../../src/bot/actions.js';
import { arg, args, noArgs } from '../../../src/bot/args.js';
import { date } from '../../../src/bot/format.js';
import { field } from '../../../src/bot/middleware/typed-input.js';
import { show } from '../../../src/bot/render.js';
import { formScene, sceneForm } from '../../../src/bot/scene-form.js';
import { type Section, section } from '../../../src/bot/sections.js';
import { today } from '../../../src/domain/clock.js';
import { endPauseEarly, pauseOverview, pauseQuote, startPause } from '../../../src/domain/services/pause.js';
import { parsePauseEnd, pauseEndForDays } from '../../../src/domain/services/pause-window.js';
import type { IsoDate } from '../../../src/domain/time.js';
import { outcome } from '../service-operations/views.js';
import { pauseConfirmView, pauseEndConfirmView, pauseView } from './views.js';
import { issueNonce } from '../../../src/bot/nonces.js';

const AREA = 'pause';
/** The typed end date. */
const END_DATE = field(32);

const form = sceneForm<{ sid?: number }>();

async function overview(ctx: SubscriberContext, done?: string): Promise<void> {
  form.set(ctx, { sid: ctx.subscriberId });
  const data = await pauseOverview(ctx.services.deps, ctx.actor, ctx.subscriberId);
  await show(ctx, pauseView(ctx.t, data, done));
}

async function quote(ctx: RoleContext, subscriberId: number, endsOn: IsoDate, newMessage = false): Promise<void> {
  const q = await pauseQuote(ctx.services.deps, ctx.actor, { subscriberId, endsOn });
  await show(ctx, pauseConfirmView(ctx.t, q, issueNonce(ctx)), { newMessage });
}

const pause = actions(AREA, { scope: 'subscriber', roles: ['admin', 'subscriber'] });

export const pauseScreen = pause.action('show', { args: noArgs, changes: false, handler: (ctx) => overview(ctx) });

export const quoteDays = pause.action('days', {
  args: args([arg.int(1, 999)]),
  changes: false,
  handler: async (ctx, [days]) => {
    form.set(ctx, { sid: ctx.subscriberId });
    await quote(ctx, ctx.subscriberId, pauseEndForDays(today(ctx.services.deps.clock), days));
  },
});

export const confirmStart = pause.action('ok', {
  args: args([arg.date, arg.nonce]),
  changes: true,
  handler: async (ctx, [endsOn, nonce]) => {
    const started = await startPause(ctx.services.deps, ctx.actor, { subscriberId: ctx.subscriberId, endsOn, nonce });
    const done = ctx.t.services.pause.started(date(started.startsOn), date(started.endsOn));
    await overview(ctx, outcome(ctx.t, started, done));
  },
});

export const askEnd = pause.action('end', {
  args: noArgs,
  changes: false,
  handler: async (ctx) => {
    const deps = ctx.services.deps;
    const data = await pauseOverview(deps, ctx.actor, ctx.subscriberId);
    if (!data.current) return overview(ctx);
    await show(ctx, pauseEndConfirmView(ctx.t, ctx.subscriberId, data.current, today(deps.clock), issueNonce(ctx)));
  },
});

export const confirmEnd = pause.action('endok', {
  args: args([arg.nonce]),
  changes: true,
  handler: async (ctx, [nonce]) => {
    const ended = await endPauseEarly(ctx.services.deps, ctx.actor, { subscriberId: ctx.subscriberId, nonce });
    await overview(ctx, outcome(ctx.t, ended, ctx.t.services.pause.ended(date(ended.endedOn))));
  },
});

const scene = formScene(AREA, {
  text: async (ctx, input) => {
    const subscriberId = form.get(ctx).sid;
    if (!subscriberId) return void (await ctx.reply(ctx.t.core.start.useButtons));
    await quote(ctx, subscriberId, parsePauseEnd(input.read(END_DATE), today(ctx.services.deps.clock)), true);
  },
});

export const sections: Section[] = [section(pause, { scene })];
