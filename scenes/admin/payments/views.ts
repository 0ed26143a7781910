// Screens of «Платежи» as pure functions of domain data: the history page, the registration steps and
// the confirmation (R-PAY-HIST, R-PAY-REG).
import { date, money } from '../../../src/bot/format.js';
import { routeButton, type Keyboard, pagerRow, type View } from '../../../src/bot/keyboards.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import type { PaymentPage } from '../../../src/domain/payments.js';
import { adminMenu } from '../../shared/menu/section.js';
import { button } from '../../../src/bot/actions.js';

export const AREA = 'pay';

/** History, newest first; «‹ Назад» / «Далее ›» carry keyset cursors, never page numbers. */
export function paymentsListView(t: Texts, page: PaymentPage, notice?: string): View {
  const p = t.billing.payments;
  const lines = page.items.map((i) =>
    p.line(date(i.paidOn), money(i.amount), i.documentNumber, p.statuses[i.status] ?? i.status),
  );
  const keyboard: Keyboard = [];
  const pager = pagerRow(
    t.core.labels,
    page.prevCursor ? routeButton(t.core.labels.prev, AREA, 'newer', page.prevCursor).callback_data : undefined,
    page.nextCursor ? routeButton(t.core.labels.next, AREA, 'older', page.nextCursor).callback_data : undefined,
  );
  if (pager.length) keyboard.push(pager);
  keyboard.push([routeButton(p.register, AREA, 'reg')], [button(t.core.labels.back, adminMenu)]);
  const body = lines.length ? lines.join('\n') : p.empty;
  return { text: `${notice ? `${notice}\n\n` : ''}${p.title}\n\n${body}`, keyboard };
}

const cancelRow = (t: Texts) => [routeButton(t.core.labels.cancel, AREA, 'list')];

export function askDocumentView(t: Texts): View {
  return { text: t.billing.payments.askDocument, keyboard: [cancelRow(t)] };
}

export function askDateView(t: Texts, documentNumber: string): View {
  const p = t.billing.payments;
  return {
    text: p.askDate(documentNumber),
    keyboard: [[routeButton(p.today, AREA, 'day', 0), routeButton(p.yesterday, AREA, 'day', 1)], cancelRow(t)],
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
    keyboard: [[routeButton(t.core.labels.confirm, AREA, 'ok', nonce)], cancelRow(t)],
  };
}
