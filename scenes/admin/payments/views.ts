// Screens of «Платежи» as pure functions of domain data: the history page, the registration steps and
// the confirmation (R-PAY-HIST, R-PAY-REG).
import { date, money } from '../../../src/bot/format.js';
import { type Keyboard, pagerRow, type View } from '../../../src/bot/keyboards.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import type { PaymentPage } from '../../../src/domain/payments.js';
import { adminMenu } from '../../shared/menu/section.js';
import { button } from '../../../src/bot/actions.js';
import { confirmPayment, paymentDay, paymentsList, paymentsNewer, paymentsOlder, registerStart } from './section.js';

/** History, newest first; «‹ Назад» / «Далее ›» carry keyset cursors, never page numbers. */
export function paymentsListView(t: Texts, page: PaymentPage, notice?: string): View {
  const p = t.billing.payments;
  const lines = page.items.map((i) =>
    p.line(date(i.paidOn), money(i.amount), i.documentNumber, p.statuses[i.status] ?? i.status),
  );
  const keyboard: Keyboard = [];
  const pager = pagerRow(
    t.core.labels,
    page.prevCursor ? button(t.core.labels.prev, paymentsNewer, page.prevCursor).callback_data : undefined,
    page.nextCursor ? button(t.core.labels.next, paymentsOlder, page.nextCursor).callback_data : undefined,
  );
  if (pager.length) keyboard.push(pager);
  keyboard.push([button(p.register, registerStart)], [button(t.core.labels.back, adminMenu)]);
  const body = lines.length ? lines.join('\n') : p.empty;
  return { text: `${notice ? `${notice}\n\n` : ''}${p.title}\n\n${body}`, keyboard };
}

const cancelRow = (t: Texts) => [button(t.core.labels.cancel, paymentsList)];

export function askDocumentView(t: Texts): View {
  return { text: t.billing.payments.askDocument, keyboard: [cancelRow(t)] };
}

export function askDateView(t: Texts, documentNumber: string): View {
  const p = t.billing.payments;
  return {
    text: p.askDate(documentNumber),
    keyboard: [[button(p.today, paymentDay, 0), button(p.yesterday, paymentDay, 1)], cancelRow(t)],
  };
}

export function askAmountView(t: Texts, documentNumber: string, paidOn: string): View {
  return { text: t.billing.payments.askAmount(documentNumber, date(paidOn)), keyboard: [cancelRow(t)] };
}

export function confirmPaymentView(
  t: Texts,
  form: { documentNumber: string; paidOn: string; amount: number },
  nonce: string,
): View {
  return {
    text: t.billing.payments.confirm(form.documentNumber, date(form.paidOn), money(form.amount)),
    keyboard: [[button(t.core.labels.confirm, confirmPayment, nonce)], cancelRow(t)],
  };
}
