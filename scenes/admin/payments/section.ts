// «Платежи» (R-PAY-HIST, R-PAY-REG): the history in keyset pages, and the registration of an
// unconfirmed payment — document number → date («Сегодня», «Вчера» or ДД.ММ.ГГГГ) → amount →
// confirmation. A wrong value gets its own message and the user stays on that step.
import { actions, type RoleContext } from '../../../src/bot/actions.js';
import { arg, args, noArgs } from '../../../src/bot/args.js';
import { parseDate } from '../../../src/bot/format.js';
import { field } from '../../../src/bot/middleware/typed-input.js';
import { show } from '../../../src/bot/render.js';
import { formScene, sceneForm } from '../../../src/bot/scene-form.js';
import { type Section, StaleButtonError, section } from '../../../src/bot/sections.js';
import { today } from '../../../src/domain/clock.js';
import { DomainError } from '../../../src/domain/errors.js';
import { parseAmount } from '../../../src/domain/money.js';
import {
  checkPaymentAmount,
  checkPaymentDate,
  documentNumberTaken,
  listPayments,
  normalizeDocumentNumber,
  registerPayment,
} from '../../../src/domain/payments.js';
import { addDays } from '../../../src/domain/time.js';
import { askAmountView, askDateView, askDocumentView, confirmPaymentView, paymentsListView } from './views.js';
import { issueNonce } from '../../../src/bot/nonces.js';

const AREA = 'pay';
/** Each typed step: a document number, a date or an amount. */
const TYPED = field(200);
/** A keyset cursor of the history (date and id), written by listPayments. */
const cursor = arg.token(/^\d{8}\.\d{1,10}$/, 19);

/** The form lives in the scene state (the session): only the typed values and the step. */
type PaymentForm =
  | { step?: undefined }
  | { step: 'doc' }
  | { step: 'date'; doc: string }
  | { step: 'amount'; doc: string; date: string }
  | { step: 'confirm' | 'done'; doc: string; date: string; amount: number; nonce: string };

const form = sceneForm<PaymentForm>();

async function showList(
  ctx: RoleContext,
  page: { cursor?: string; direction?: 'older' | 'newer' } = {},
  notice?: string,
): Promise<void> {
  form.set(ctx);
  const deps = ctx.services.deps;
  const result = await listPayments(deps, ctx.actor, { ...page, limit: deps.settings.pageSize });
  await show(ctx, paymentsListView(ctx.t, result, notice));
}

async function acceptDate(ctx: RoleContext, doc: string, paidOn: string): Promise<void> {
  checkPaymentDate(ctx.services.deps, paidOn);
  form.set(ctx, { step: 'amount', doc, date: paidOn });
  await show(ctx, askAmountView(ctx.t, doc, paidOn));
}

const pay = actions(AREA, { scope: 'role', roles: ['admin'] });

export const paymentsList = pay.action('list', { args: noArgs, changes: false, handler: (ctx) => showList(ctx) });
export const paymentsOlder = pay.action('older', {
  args: args([cursor]),
  changes: false,
  handler: (ctx, [at]) => showList(ctx, { cursor: at, direction: 'older' }),
});
export const paymentsNewer = pay.action('newer', {
  args: args([cursor]),
  changes: false,
  handler: (ctx, [at]) => showList(ctx, { cursor: at, direction: 'newer' }),
});
export const registerStart = pay.action('reg', {
  args: noArgs,
  changes: false,
  handler: async (ctx) => {
    form.set(ctx, { step: 'doc' });
    await show(ctx, askDocumentView(ctx.t));
  },
});
/** «Сегодня» (0) or «Вчера» (1) at the date step. */
export const paymentDay = pay.action('day', {
  args: args([arg.int(0, 1)]),
  changes: false,
  handler: async (ctx, [daysAgo]) => {
    const state = form.get(ctx);
    if (state.step !== 'date') throw new StaleButtonError('no payment form at the date step');
    await acceptDate(ctx, state.doc, addDays(today(ctx.services.deps.clock), -daysAgo));
  },
});
export const confirmPayment = pay.action('ok', {
  args: args([arg.nonce]),
  changes: true,
  handler: async (ctx, [nonce]) => {
    const state = form.get(ctx);
    // A second press of the same confirmation finds the form 'done' and gets the same answer (R-IDEMP).
    if ((state.step !== 'confirm' && state.step !== 'done') || state.nonce !== nonce)
      throw new StaleButtonError('no payment to confirm');
    const { payment } = await registerPayment(ctx.services.deps, ctx.actor, {
      documentNumber: state.doc,
      paidOn: state.date,
      amount: state.amount,
      nonce,
    });
    await showList(ctx, {}, ctx.t.billing.payments.saved(payment.documentNumber));
    form.set(ctx, { ...state, step: 'done' });
  },
});

const scene = formScene(AREA, {
  text: async (ctx, input) => {
    const state = form.get(ctx);
    if (!state.step || state.step === 'confirm' || state.step === 'done') return false;
    const deps = ctx.services.deps;
    const typed = input.read(TYPED);
    if (state.step === 'doc') {
      const doc = normalizeDocumentNumber(typed);
      if (await documentNumberTaken(deps, ctx.actor, doc))
        throw new DomainError('payments.duplicateDocument', { documentNumber: doc });
      form.set(ctx, { step: 'date', doc });
      await show(ctx, askDateView(ctx.t, doc));
    } else if (state.step === 'date') {
      const paidOn = parseDate(typed);
      if (!paidOn) throw new DomainError('payments.invalidDate');
      await acceptDate(ctx, state.doc, paidOn);
    } else {
      const amount = parseAmount(typed);
      checkPaymentAmount(amount);
      const nonce = issueNonce(ctx);
      form.set(ctx, { step: 'confirm', doc: state.doc, date: state.date, amount, nonce });
      await show(ctx, confirmPaymentView(ctx.t, { documentNumber: state.doc, paidOn: state.date, amount }, nonce));
    }
  },
});

export const sections: Section[] = [section(pay, { scene })];
