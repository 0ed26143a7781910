// Screens of «Счета» as pure functions: closed months, one invoice with the ways to get it, the
// outcome of an order, and the bill delivery screens (R-INV-ORDER, R-INV-DELIVERY).
import { money, monthName } from '../../../src/bot/format.js';
import { type Keyboard, pagerRow, type View } from '../../../src/bot/keyboards.js';
import type { Lang, Texts } from '../../../src/bot/texts/index.js';
import type { InvoiceOrdered, InvoicePage, InvoiceView } from '../../../src/domain/invoices/index.js';
import { adminMenu } from '../../shared/menu/section.js';
import { button } from '../../../src/bot/actions.js';
import {
  askDelivery,
  deliveryScreen,
  deliveryToPortal,
  downloadInvoice,
  invoiceCard,
  invoicesList,
  invoicesNewer,
  invoicesOlder,
  mailInvoice,
  mailInvoiceTo,
} from './section.js';

export interface DeliveryNow {
  method: string;
  address: string | null;
}

const methodName = (t: Texts, method: string) => t.billing.delivery.methods[method] ?? method;

export function invoicesListView(
  t: Texts,
  lang: Lang,
  page: InvoicePage,
  delivery: DeliveryNow,
  billingPeriod: { active: boolean; lastDay: number },
): View {
  const i = t.billing.invoices;
  const keyboard: Keyboard = page.items.map((inv) => [
    button(i.row(monthName(inv.period, lang), money(inv.amount), inv.paid), invoiceCard, inv.id),
  ]);
  const pager = pagerRow(
    t.core.labels,
    page.prevCursor ? button(t.core.labels.prev, invoicesNewer, page.prevCursor).callback_data : undefined,
    page.nextCursor ? button(t.core.labels.next, invoicesOlder, page.nextCursor).callback_data : undefined,
  );
  if (pager.length) keyboard.push(pager);
  keyboard.push([button(i.changeDelivery, deliveryScreen)], [button(t.core.labels.back, adminMenu)]);
  const lines = [i.title, '', i.deliveryNow(methodName(t, delivery.method), delivery.address)];
  if (billingPeriod.active) lines.push('', i.billingPeriodNote(billingPeriod.lastDay));
  lines.push('', page.items.length ? i.closedMonths : i.empty);
  return { text: lines.join('\n'), keyboard };
}

/** One invoice; the order buttons carry a fresh nonce so a double press orders once (R-IDEMP). */
export function invoiceCardView(
  t: Texts,
  lang: Lang,
  invoice: InvoiceView,
  deliveryEmail: string | null,
  nonce: string,
): View {
  const i = t.billing.invoices;
  const keyboard: Keyboard = [];
  if (deliveryEmail) keyboard.push([button(i.toDeliveryEmail(deliveryEmail), mailInvoice, invoice.id, nonce)]);
  keyboard.push(
    [button(i.toOtherEmail, mailInvoiceTo, invoice.id)],
    [button(i.download, downloadInvoice, invoice.id, nonce)],
    [button(t.core.labels.back, invoicesList)],
  );
  return {
    text: i.card(
      invoice.number,
      monthName(invoice.period, lang),
      money(invoice.amount),
      money(invoice.vat),
      invoice.paid,
    ),
    keyboard,
  };
}

export function askOrderEmailView(t: Texts, invoiceId: number): View {
  return {
    text: t.billing.invoices.askEmail,
    keyboard: [[button(t.core.labels.cancel, invoiceCard, invoiceId)]],
  };
}

export function orderedView(t: Texts, ordered: InvoiceOrdered): View {
  const i = t.billing.invoices;
  const text =
    ordered.delivery === 'download'
      ? i.downloadOrdered
      : ordered.waitsInOutbox
        ? i.emailQueued(ordered.email ?? '')
        : i.emailOrdered(ordered.email ?? '');
  return {
    text,
    keyboard: [[button(i.title, invoicesList)], [button(t.core.labels.toMenu, adminMenu)]],
  };
}

export function deliveryView(t: Texts, current: DeliveryNow, postFee: number, nonce: string): View {
  const d = t.billing.delivery;
  return {
    text: d.title(methodName(t, current.method), current.address),
    keyboard: [
      [button(d.email, askDelivery, 'email')],
      [button(d.post(money(postFee)), askDelivery, 'post')],
      [button(d.portal, deliveryToPortal, nonce)],
      [button(t.core.labels.back, invoicesList)],
    ],
  };
}

export function askDeliveryView(t: Texts, method: 'email' | 'post', postFee: number): View {
  const d = t.billing.delivery;
  return {
    text: method === 'email' ? d.askEmail : d.askPost(money(postFee)),
    keyboard: [[button(t.core.labels.cancel, deliveryScreen)]],
  };
}

export function deliveryChangedView(
  t: Texts,
  changed: { method: string; address: string | null; postFeePerMonth: number | null },
): View {
  const d = t.billing.delivery;
  const fee = changed.postFeePerMonth !== null ? `\n${d.postFee(money(changed.postFeePerMonth))}` : '';
  return {
    text: `${d.changed(methodName(t, changed.method), changed.address)}${fee}`,
    keyboard: [[button(t.billing.invoices.title, invoicesList)], [button(t.core.labels.toMenu, adminMenu)]],
  };
}
