// «Пауза» (R-PAUSE): the current pause or the rules of a new one; the end date by buttons (7, 14, 30, 60,
// 90 days) or typed; a confirmation with start (tomorrow), end and fee before anything changes; early end.
import { Scenes } from 'telegraf';
import { cb } from '../../src/bot/callback-data.js';
import type { BotContext } from '../../src/bot/context.js';
import { date, money } from '../../src/bot/format.js';
import { routeButton, grid, type Keyboard, type View } from '../../src/bot/keyboards.js';
import { show } from '../../src/bot/render.js';
import { type Section, StaleButtonError, legacySection } from '../../src/bot/sections.js';
import type { Texts } from '../../src/bot/texts/index.js';
import { today } from '../../src/domain/clock.js';
import {
  endPauseEarly,
  type PauseOverview,
  type PauseQuote,
  pauseOverview,
  pauseQuote,
  startPause,
} from '../../src/domain/services/pause.js';
import { parsePauseEnd, pauseEndForDays } from '../../src/domain/services/pause-window.js';
import { addDays, type IsoDate, isValidIsoDate } from '../../src/domain/time.js';
import { backRow, confirmRows, header, idOf, nonceOf, outcome, sid } from './service-operations/common.js';

const AREA = 'pause';
/** The length buttons the issue asks for; those outside the configured window are not shown. */
export const PAUSE_PRESETS = [7, 14, 30, 60, 90];

export function pauseView(t: Texts, data: PauseOverview, done?: string): View {
  const p = t.services.pause;
  const keyboard: Keyboard = [];
  let body: string;
  if (data.current) {
    const { startsOn, endsOn } = data.current;
    body = data.current.running
      ? p.running(date(startsOn), date(endsOn), date(addDays(endsOn, 1)))
      : p.scheduled(date(startsOn), date(endsOn));
    keyboard.push([routeButton(data.current.running ? p.endEarly : p.cancelScheduled, AREA, 'end', data.subscriberId)]);
  } else if (data.blocked) {
    body = p.blocked;
  } else {
    body = `${p.rules({ min: data.minDays, max: data.maxDays, fee: money(data.fee), perYear: data.perYear, used: data.usedThisYear, startsOn: date(data.startsOn) })}\n\n${p.choose}`;
    const presets = PAUSE_PRESETS.filter((n) => n >= data.minDays && n <= data.maxDays);
    keyboard.push(
      ...grid(
        presets.map((n) => routeButton(p.daysButton(n), AREA, 'days', data.subscriberId, n)),
        3,
      ),
    );
  }
  keyboard.push(backRow(t, data.subscriberId));
  return { text: [header(p.title, data.msisdn, p.intro, done), body].join('\n\n'), keyboard };
}

/** Dates travel in buttons as YYYYMMDD (no `-`, to stay short). */
const packDate = (d: IsoDate) => d.replaceAll('-', '');
function unpackDate(v: string | undefined): IsoDate {
  const d = v && /^\d{8}$/.test(v) ? `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}` : '';
  if (!isValidIsoDate(d)) throw new StaleButtonError('bad date');
  return d;
}

export function pauseConfirmView(t: Texts, quote: PauseQuote, nonce: string): View {
  return {
    text: t.services.pause.confirm({
      from: date(quote.startsOn),
      to: date(quote.endsOn),
      days: quote.days,
      fee: money(quote.fee),
    }),
    keyboard: confirmRows(
      t,
      cb(AREA, 'ok', quote.subscriberId, packDate(quote.endsOn), nonce),
      cb(AREA, 'show', quote.subscriberId),
    ),
  };
}

export function pauseEndConfirmView(t: Texts, data: PauseOverview, day: IsoDate, nonce: string): View {
  const c = data.current!;
  return {
    text: t.services.pause.confirmEnd(date(c.startsOn), date(c.endsOn), date(day)),
    keyboard: confirmRows(t, cb(AREA, 'endok', data.subscriberId, nonce), cb(AREA, 'show', data.subscriberId)),
  };
}

interface PauseState {
  sid?: number;
}
const state = (ctx: BotContext) => ctx.scene.state as PauseState;

async function overview(ctx: BotContext, subscriberId: number, done?: string): Promise<void> {
  state(ctx).sid = subscriberId;
  const deps = ctx.services.deps;
  await show(ctx, pauseView(ctx.t, await pauseOverview(deps, ctx.actor!, subscriberId), done));
}

async function quote(ctx: BotContext, subscriberId: number, endsOn: IsoDate, newMessage = false): Promise<void> {
  const q = await pauseQuote(ctx.services.deps, ctx.actor!, { subscriberId, endsOn });
  await show(ctx, pauseConfirmView(ctx.t, q, ctx.services.nonce()), { newMessage });
}

const scene = new Scenes.BaseScene<BotContext>(AREA);
scene.on('text', async (ctx, next) => {
  const text = ctx.message.text;
  if (text.startsWith('/')) return next();
  const subscriberId = state(ctx).sid;
  if (!subscriberId) return void (await ctx.reply(ctx.t.core.start.useButtons));
  await quote(ctx, subscriberId, parsePauseEnd(text.slice(0, 32), today(ctx.services.deps.clock)), true);
});

export const pauseSection: Section = legacySection({
  area: AREA,
  roles: ['admin', 'subscriber'],
  subscriberScoped: true,
  scene,
  actions: {
    show: (ctx) => overview(ctx, sid(ctx)),
    days: async (ctx, [n]) => {
      const days = idOf(n);
      state(ctx).sid = sid(ctx);
      await quote(ctx, sid(ctx), pauseEndForDays(today(ctx.services.deps.clock), days));
    },
    ok: async (ctx, [endsOn, nonce]) => {
      const started = await startPause(ctx.services.deps, ctx.actor!, {
        subscriberId: sid(ctx),
        endsOn: unpackDate(endsOn),
        nonce: nonceOf(nonce),
      });
      await overview(
        ctx,
        sid(ctx),
        outcome(ctx.t, started, ctx.t.services.pause.started(date(started.startsOn), date(started.endsOn))),
      );
    },
    end: async (ctx) => {
      const deps = ctx.services.deps;
      const data = await pauseOverview(deps, ctx.actor!, sid(ctx));
      if (!data.current) return overview(ctx, sid(ctx));
      await show(ctx, pauseEndConfirmView(ctx.t, data, today(deps.clock), ctx.services.nonce()));
    },
    endok: async (ctx, [nonce]) => {
      const ended = await endPauseEarly(ctx.services.deps, ctx.actor!, {
        subscriberId: sid(ctx),
        nonce: nonceOf(nonce),
      });
      await overview(ctx, sid(ctx), outcome(ctx.t, ended, ctx.t.services.pause.ended(date(ended.endedOn))));
    },
  },
});

export const sections: Section[] = [pauseSection];
