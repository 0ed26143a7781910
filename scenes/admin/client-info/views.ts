// «Персональная информация» of the client (R-CLIENT-INFO) as a pure view: requisites, bank accounts, bill
// delivery, balance, status, payment form and contract, with a way to change the bill delivery.
import { date, money } from '../../../src/bot/format.js';
import { routeButton, type View } from '../../../src/bot/keyboards.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import type { ClientInfo } from '../../../src/domain/client-info.js';
import { adminMenu } from '../../shared/menu/section.js';
import { button } from '../../../src/bot/actions.js';

export function clientInfoView(t: Texts, info: ClientInfo): View {
  const c = t.billing.clientInfo;
  const lines = [
    c.title,
    '',
    `${c.name}: ${info.name}`,
    `${c.unp}: ${info.unp}${info.okpo ? ` · ${c.okpo}: ${info.okpo}` : ''}`,
    ...(info.legalAddress ? [`${c.legalAddress}: ${info.legalAddress}`] : []),
    `${c.bankAccounts}:${info.bankAccounts.length ? '' : ` ${c.noBankAccounts}`}`,
    ...info.bankAccounts.map((a) => c.bankAccount(a.iban, a.bankName, a.bic)),
    `${c.delivery}: ${t.billing.delivery.methods[info.delivery.method] ?? info.delivery.method}`,
    ...(info.delivery.address ? [`${c.deliveryAddress}: ${info.delivery.address}`] : []),
    `${c.balance}: ${money(info.balance)}`,
    `${c.status}: ${c.statuses[info.status] ?? info.status}`,
    `${c.paymentForm}: ${c.paymentForms[info.paymentForm] ?? info.paymentForm}`,
    ...(info.paymentForm === 'credit' ? [`${c.creditLimit}: ${money(info.creditLimit)}`] : []),
    c.contract(info.contract.number, date(info.contract.date)),
  ];
  return {
    text: lines.join('\n'),
    keyboard: [[routeButton(c.changeDelivery, 'inv', 'dlv')], [button(t.core.labels.back, adminMenu)]],
  };
}
