// «Смена номера» (R-NUM-MASK, R-NUM-ATTEMPTS, R-NUM-OFFER, R-NUM-CATEGORY, R-FEE, R-IDEMP): the screen
// as the portal shows it, a typed mask, category buttons, offers, reservation and a one-time confirmation.
// Buttons carry the mask and category they were rendered with, so a press on any message does what it showed.
import { actions, type RoleContext, type SubscriberContext } from '../../../src/bot/actions.js';
import { arg, args, noArgs } from '../../../src/bot/args.js';
import { field } from '../../../src/bot/middleware/typed-input.js';
import { show } from '../../../src/bot/render.js';
import { formScene, sceneForm } from '../../../src/bot/scene-form.js';
import { type Section, StaleButtonError, section } from '../../../src/bot/sections.js';
import {
  confirmNumberChange,
  leaveNumberRequest,
  numberChangeScreen,
  type Reservation,
  reserveNumber,
  searchNumbers,
} from '../../../src/domain/numbers/index.js';
import { parseMask } from '../../../src/domain/phone.js';
import {
  categoryName,
  confirmView,
  doneView,
  numberChangeView,
  offersView,
  requestDoneView,
  termsView,
} from './views.js';
import { issueNonce } from '../../../src/bot/nonces.js';

const AREA = 'num';
/** «Все» in callback data. */
export const ALL = 'all';
const DEFAULT_MASK = '%';
/** The typed mask. */
const MASK = field(64);

/** A category code as the catalog has it, or «all». */
const category = arg.token(/^[A-Za-z0-9_-]{1,16}$/, 16);
/** A mask the screen rendered (digits, `%`, `_`); parsed again by the domain rules. */
const mask = arg.token(/^[\d%_]{1,20}$/, 20);
/** A number of the pool, as the offers carry it. */
const msisdn = arg.token(/^375\d{9}$/, 12);

/** What the scene keeps in the session: the subscriber, the chosen mask and category, the last offers. */
interface NumberChangeForm {
  sid?: number;
  mask?: string;
  cat?: string | null;
  offers?: string[];
}
const form = sceneForm<NumberChangeForm>();
const update = (ctx: RoleContext, change: NumberChangeForm) => form.set(ctx, { ...form.get(ctx), ...change });

/** The mask and category a button carries («all» is «Все»); a mask no rule accepts is a stale button. */
function choice(cat: string, typed: string): { mask: string; categoryCode: string | null } {
  try {
    return { mask: parseMask(typed).mask, categoryCode: cat === ALL ? null : cat };
  } catch {
    throw new StaleButtonError('bad mask');
  }
}

async function showScreen(ctx: RoleContext, subscriberId: number): Promise<void> {
  const st = form.get(ctx);
  const screen = await numberChangeScreen(ctx.services.deps, ctx.actor, subscriberId);
  const known = st.cat && screen.categories.some((c) => c.code === st.cat) ? st.cat : null;
  const current = st.mask ?? DEFAULT_MASK;
  update(ctx, { sid: subscriberId, mask: current, cat: known });
  await show(ctx, numberChangeView(ctx.t, ctx.lang, screen, current, known));
}

async function showConfirmation(ctx: SubscriberContext, reservation: Reservation): Promise<void> {
  const screen = await numberChangeScreen(ctx.services.deps, ctx.actor, ctx.subscriberId);
  await show(
    ctx,
    confirmView(ctx.t, ctx.lang, {
      subscriberId: ctx.subscriberId,
      currentMsisdn: screen.msisdn,
      reservation,
      quarantineDays: screen.quarantineDays,
      nonce: issueNonce(ctx),
    }),
  );
}

const num = actions(AREA, { scope: 'subscriber', roles: ['admin', 'subscriber'] });

export const numberChange = num.action('show', {
  args: noArgs,
  changes: false,
  handler: (ctx) => showScreen(ctx, ctx.subscriberId),
});

export const chooseCategory = num.action('cat', {
  args: args([category, mask]),
  changes: false,
  handler: async (ctx, [cat, typed]) => {
    const { mask: chosen, categoryCode } = choice(cat, typed);
    update(ctx, { mask: chosen, cat: categoryCode });
    await showScreen(ctx, ctx.subscriberId);
  },
});

export const findNumbers = num.action('find', {
  args: args([category, mask]),
  // A search spends one of the day's attempts (R-NUM-ATTEMPTS).
  changes: true,
  handler: async (ctx, [cat, typed]) => {
    const subscriberId = ctx.subscriberId;
    const { mask: chosen, categoryCode } = choice(cat, typed);
    update(ctx, { sid: subscriberId, mask: chosen, cat: categoryCode });
    const deps = ctx.services.deps;
    const result = await searchNumbers(deps, ctx.actor, { subscriberId, mask: chosen, categoryCode });
    const screen = await numberChangeScreen(deps, ctx.actor, subscriberId);
    update(ctx, { offers: result.offers.map((o) => o.msisdn) });
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
  },
});

export const pickNumber = num.action('pick', {
  args: args([msisdn]),
  // Reserves the number for a while.
  changes: true,
  handler: async (ctx, [picked]) => {
    // Only a number this session was offered can be picked: a forged button cannot skip the attempt count.
    if (!form.get(ctx).offers?.includes(picked)) throw new StaleButtonError('number not offered');
    const reservation = await reserveNumber(ctx.services.deps, ctx.actor, {
      subscriberId: ctx.subscriberId,
      msisdn: picked,
    });
    await showConfirmation(ctx, reservation);
  },
});

export const heldNumber = num.action('held', {
  args: noArgs,
  changes: false,
  handler: async (ctx) => {
    const screen = await numberChangeScreen(ctx.services.deps, ctx.actor, ctx.subscriberId);
    if (!screen.reservation) return showScreen(ctx, ctx.subscriberId);
    await showConfirmation(ctx, screen.reservation);
  },
});

export const confirmChange = num.action('ok', {
  args: args([msisdn, arg.nonce]),
  changes: true,
  handler: async (ctx, [reserved, nonce]) => {
    const subscriberId = ctx.subscriberId;
    const done = await confirmNumberChange(ctx.services.deps, ctx.actor, { subscriberId, msisdn: reserved, nonce });
    update(ctx, { offers: [] });
    await show(ctx, doneView(ctx.t, ctx.lang, subscriberId, done));
  },
});

export const leaveRequest = num.action('req', {
  args: args([category, mask]),
  changes: true,
  handler: async (ctx, [cat, typed]) => {
    const subscriberId = ctx.subscriberId;
    const { mask: chosen, categoryCode } = choice(cat, typed);
    const saved = await leaveNumberRequest(ctx.services.deps, ctx.actor, { subscriberId, mask: chosen, categoryCode });
    const screen = await numberChangeScreen(ctx.services.deps, ctx.actor, subscriberId);
    const name = categoryName(ctx.t, ctx.lang, screen, saved.categoryCode);
    await show(ctx, requestDoneView(ctx.t, subscriberId, saved.mask, name));
  },
});

export const numberTerms = num.action('terms', {
  args: noArgs,
  changes: false,
  handler: async (ctx) => {
    const screen = await numberChangeScreen(ctx.services.deps, ctx.actor, ctx.subscriberId);
    await show(ctx, termsView(ctx.t, ctx.lang, screen));
  },
});

// A typed message on these screens is the mask (R-NUM-MASK); a bad one is refused with its reason.
const scene = formScene(AREA, {
  text: async (ctx, input) => {
    const st = form.get(ctx);
    if (!st.sid) return false;
    update(ctx, { mask: parseMask(input.read(MASK)).mask });
    await showScreen(ctx, st.sid);
  },
});

export const sections: Section[] = [section(num, { scene })];
