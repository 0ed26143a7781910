// «Смена номера» (R-NUM-MASK, R-NUM-ATTEMPTS, R-NUM-OFFER, R-NUM-CATEGORY, R-FEE, R-IDEMP): the screen
// as the portal shows it, a typed mask, category buttons, offers, reservation and a one-time confirmation.
// Buttons carry the mask and category they were rendered with, so a press on any message does what it showed.
import { Scenes } from 'telegraf';
import type { BotContext } from '../../src/bot/context.js';
import { show } from '../../src/bot/render.js';
import { legacySection, type Section, StaleButtonError } from '../../src/bot/sections.js';
import {
  confirmNumberChange,
  leaveNumberRequest,
  numberChangeScreen,
  reserveNumber,
  searchNumbers,
} from '../../src/domain/numbers/index.js';
import { normalizePhone, parseMask } from '../../src/domain/phone.js';
import {
  ALL,
  AREA,
  categoryName,
  confirmView,
  doneView,
  numberChangeView,
  offersView,
  requestDoneView,
  termsView,
} from './number-change/views.js';

/** What the scene keeps in the session: the subscriber, the chosen mask and category, the last offers. */
interface NumberChangeState {
  sid?: number;
  mask?: string;
  cat?: string | null;
  offers?: string[];
}

const DEFAULT_MASK = '%';

function state(ctx: BotContext): NumberChangeState {
  return ctx.scene.state as NumberChangeState;
}

/** The mask and category a button carries («all» is «Все»); malformed data is a stale button. */
function choice(args: string[]): { mask: string; categoryCode: string | null } {
  const [cat, mask] = args;
  if (!cat || mask === undefined) throw new StaleButtonError('no mask or category');
  try {
    return { mask: parseMask(mask).mask, categoryCode: cat === ALL ? null : cat };
  } catch {
    throw new StaleButtonError('bad mask');
  }
}

async function showScreen(ctx: BotContext, subscriberId: number): Promise<void> {
  const st = state(ctx);
  const screen = await numberChangeScreen(ctx.services.deps, ctx.actor!, subscriberId);
  const known = st.cat && screen.categories.some((c) => c.code === st.cat) ? st.cat : null;
  Object.assign(st, { sid: subscriberId, mask: st.mask ?? DEFAULT_MASK, cat: known });
  await show(ctx, numberChangeView(ctx.t, ctx.lang, screen, st.mask ?? DEFAULT_MASK, known));
}

async function find(ctx: BotContext, subscriberId: number, args: string[]): Promise<void> {
  const { mask, categoryCode } = choice(args);
  Object.assign(state(ctx), { sid: subscriberId, mask, cat: categoryCode });
  const deps = ctx.services.deps;
  const result = await searchNumbers(deps, ctx.actor!, { subscriberId, mask, categoryCode });
  const screen = await numberChangeScreen(deps, ctx.actor!, subscriberId);
  state(ctx).offers = result.offers.map((o) => o.msisdn);
  await show(
    ctx,
    offersView(ctx.t, ctx.lang, {
      subscriberId,
      mask: result.mask,
      categoryName: categoryName(ctx.t, ctx.lang, screen, result.categoryCode),
      attemptsLeft: result.attemptsLeft,
      reservationMinutes: screen.reservationMinutes,
      offers: result.offers,
    }),
  );
}

async function showConfirmation(
  ctx: BotContext,
  subscriberId: number,
  reservation: Parameters<typeof confirmView>[2]['reservation'],
): Promise<void> {
  const screen = await numberChangeScreen(ctx.services.deps, ctx.actor!, subscriberId);
  await show(
    ctx,
    confirmView(ctx.t, ctx.lang, {
      subscriberId,
      currentMsisdn: screen.msisdn,
      reservation,
      quarantineDays: screen.quarantineDays,
      nonce: ctx.services.nonce(),
    }),
  );
}

async function pick(ctx: BotContext, subscriberId: number, [msisdnArg]: string[]): Promise<void> {
  let msisdn: string;
  try {
    msisdn = normalizePhone(msisdnArg ?? '');
  } catch {
    throw new StaleButtonError('bad number');
  }
  // Only a number this session was offered can be picked: a forged button cannot skip the attempt count.
  if (!state(ctx).offers?.includes(msisdn)) throw new StaleButtonError('number not offered');
  const reservation = await reserveNumber(ctx.services.deps, ctx.actor!, { subscriberId, msisdn });
  await showConfirmation(ctx, subscriberId, reservation);
}

async function held(ctx: BotContext, subscriberId: number): Promise<void> {
  const screen = await numberChangeScreen(ctx.services.deps, ctx.actor!, subscriberId);
  if (!screen.reservation) return showScreen(ctx, subscriberId);
  await showConfirmation(ctx, subscriberId, screen.reservation);
}

async function confirm(ctx: BotContext, subscriberId: number, [msisdn, nonce]: string[]): Promise<void> {
  if (!msisdn || !nonce) throw new StaleButtonError('no nonce');
  const done = await confirmNumberChange(ctx.services.deps, ctx.actor!, { subscriberId, msisdn, nonce });
  state(ctx).offers = [];
  await show(ctx, doneView(ctx.t, ctx.lang, subscriberId, done));
}

async function request(ctx: BotContext, subscriberId: number, args: string[]): Promise<void> {
  const { mask, categoryCode } = choice(args);
  const saved = await leaveNumberRequest(ctx.services.deps, ctx.actor!, { subscriberId, mask, categoryCode });
  const screen = await numberChangeScreen(ctx.services.deps, ctx.actor!, subscriberId);
  await show(
    ctx,
    requestDoneView(ctx.t, subscriberId, saved.mask, categoryName(ctx.t, ctx.lang, screen, saved.categoryCode)),
  );
}

async function terms(ctx: BotContext, subscriberId: number): Promise<void> {
  const screen = await numberChangeScreen(ctx.services.deps, ctx.actor!, subscriberId);
  await show(ctx, termsView(ctx.t, ctx.lang, screen));
}

const scene = new Scenes.BaseScene<BotContext>(AREA);
// A typed message on these screens is the mask (R-NUM-MASK); a bad one is refused with its reason.
scene.on('text', async (ctx, next) => {
  const text = ctx.message.text;
  if (text.startsWith('/')) return next();
  const st = state(ctx);
  if (!st.sid) return next();
  st.mask = parseMask(text.slice(0, 64)).mask;
  await showScreen(ctx, st.sid);
});

const withId =
  (handler: (ctx: BotContext, subscriberId: number, args: string[]) => Promise<void>) =>
  (ctx: BotContext, args: string[]): Promise<void> =>
    handler(ctx, ctx.subscriberId!, args);

export const sections: Section[] = [
  legacySection({
    area: AREA,
    roles: ['admin', 'subscriber'],
    subscriberScoped: true,
    scene,
    actions: {
      show: withId(showScreen),
      cat: withId(async (ctx, subscriberId, args) => {
        const { mask, categoryCode } = choice(args);
        Object.assign(state(ctx), { mask, cat: categoryCode });
        await showScreen(ctx, subscriberId);
      }),
      find: withId(find),
      pick: withId(pick),
      held: withId(held),
      ok: withId(confirm),
      req: withId(request),
      terms: withId(terms),
    },
  }),
];
