// «Платежи» (R-PAY-HIST, R-PAY-REG): the history in keyset pages, and the registration of an
// unconfirmed payment — document number → date («Сегодня», «Вчера» or ДД.ММ.ГГГГ) → amount →
// confirmation. A wrong value gets its own message and the user stays on that step.
import { sceneForm } from '../../src/bot/scene-form.js';
import { Scenes } from 'telegraf';
import type { BotContext } from '../../src/bot/context.js';
import { parseDate } from '../../src/bot/format.js';
import { show } from '../../src/bot/render.js';
import { type Section, StaleButtonError, legacySection } from '../../src/bot/sections.js';
import { today } from '../../src/domain/clock.js';
import { DomainError } from '../../src/domain/errors.js';
import { parseAmount } from '../../src/domain/money.js';
import {
  checkPaymentAmount,
  checkPaymentDate,
  documentNumberTaken,
  listPayments,
  normalizeDocumentNumber,
  registerPayment,
} from '../../src/domain/payments.js';
import { addDays } from '../../src/domain/time.js';
import {
  AREA,
  askAmountView,
  askDateView,
  askDocumentView,
  confirmPaymentView,
  paymentsListView,
} from './payments/views.js';

/** The form lives in the scene state (the session): only the typed values and the step. */
interface PaymentForm {
  step?: 'doc' | 'date' | 'amount' | 'confirm' | 'done';
  doc?: string;
  date?: string;
  amount?: number;
  nonce?: string;
}

const paymentForm = sceneForm<PaymentForm>();
const form = paymentForm.get;
const resetForm = paymentForm.set;

function cursorArg(value: string | undefined): string {
  if (!value || !/^\d{8}\.\d{1,10}$/.test(value)) throw new StaleButtonError('bad payments cursor');
  return value;
}

async function showList(
  ctx: BotContext,
  page: { cursor?: string; direction?: 'older' | 'newer' } = {},
  notice?: string,
): Promise<void> {
  const deps = ctx.services.deps;
  const result = await listPayments(deps, ctx.actor!, { ...page, limit: deps.settings.pageSize });
  await show(ctx, paymentsListView(ctx.t, result, notice));
}

async function acceptDate(ctx: BotContext, paidOn: string): Promise<void> {
  const state = form(ctx);
  checkPaymentDate(ctx.services.deps, paidOn);
  state.date = paidOn;
  state.step = 'amount';
  await show(ctx, askAmountView(ctx.t, state.doc!, paidOn));
}

const scene = new Scenes.BaseScene<BotContext>(AREA);
scene.on('text', async (ctx, next) => {
  const text = ctx.message.text;
  const state = form(ctx);
  if (text.startsWith('/') || !state.step || state.step === 'confirm' || state.step === 'done') return next();
  const deps = ctx.services.deps;
  const input = text.slice(0, 200);
  if (state.step === 'doc') {
    const doc = normalizeDocumentNumber(input);
    if (await documentNumberTaken(deps, ctx.actor!, doc))
      throw new DomainError('payments.duplicateDocument', { documentNumber: doc });
    state.doc = doc;
    state.step = 'date';
    await show(ctx, askDateView(ctx.t, doc));
  } else if (state.step === 'date') {
    const paidOn = parseDate(input);
    if (!paidOn) throw new DomainError('payments.invalidDate');
    await acceptDate(ctx, paidOn);
  } else if (state.step === 'amount') {
    const amount = parseAmount(input);
    checkPaymentAmount(amount);
    state.amount = amount;
    state.nonce = ctx.services.nonce();
    state.step = 'confirm';
    await show(
      ctx,
      confirmPaymentView(ctx.t, { documentNumber: state.doc!, paidOn: state.date!, amount }, state.nonce),
    );
  }
});

export const paymentsSection: Section = legacySection({
  area: AREA,
  roles: ['admin'],
  scene,
  actions: {
    list: async (ctx) => {
      resetForm(ctx);
      await showList(ctx);
    },
    older: async (ctx, [cursor]) => {
      resetForm(ctx);
      await showList(ctx, { cursor: cursorArg(cursor), direction: 'older' });
    },
    newer: async (ctx, [cursor]) => {
      resetForm(ctx);
      await showList(ctx, { cursor: cursorArg(cursor), direction: 'newer' });
    },
    reg: async (ctx) => {
      resetForm(ctx, { step: 'doc' });
      await show(ctx, askDocumentView(ctx.t));
    },
    day: async (ctx, [daysAgo]) => {
      const state = form(ctx);
      if (state.step !== 'date' || !state.doc || (daysAgo !== '0' && daysAgo !== '1'))
        throw new StaleButtonError('no payment form at the date step');
      await acceptDate(ctx, addDays(today(ctx.services.deps.clock), -Number(daysAgo)));
    },
    ok: async (ctx, [nonce]) => {
      const state = form(ctx);
      // A second press of the same confirmation finds the form 'done' and gets the same answer (R-IDEMP).
      if (!nonce || state.nonce !== nonce || !state.doc || !state.date || !state.amount)
        throw new StaleButtonError('no payment to confirm');
      const { payment } = await registerPayment(ctx.services.deps, ctx.actor!, {
        documentNumber: state.doc,
        paidOn: state.date,
        amount: state.amount,
        nonce,
      });
      state.step = 'done';
      await showList(ctx, {}, ctx.t.billing.payments.saved(payment.documentNumber));
    },
  },
});

export const sections: Section[] = [paymentsSection];
