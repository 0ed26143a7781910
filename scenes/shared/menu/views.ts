// The two main menus of the portal and the choice of roles, as pure views.
import { button } from '../../../src/bot/actions.js';
import { phone } from '../../../src/bot/format.js';
import { grid, routeButton, type View } from '../../../src/bot/keyboards.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import type { Role } from '../../../src/domain/access/identity.js';
import { adminMenu, unlinkTelegram } from './section.js';
import { exitPortal, chooseAdmin, chooseSubscriber, chooseSupport } from '../start/section.js';
import { chooseSubscriberStart } from '../choose-subscriber/section.js';
import { personalInfo } from '../../subscriber/personal-info/section.js';
import { tariffList } from '../../subscriber/tariff-change/section.js';
import { charges } from '../../subscriber/charges/section.js';
import { detailsPeriods } from '../../subscriber/details/section.js';
import { clientInstallmentList, subscriberInstallmentList } from '../installments/section.js';
import { clientInfoCard } from '../../admin/client-info/section.js';
import { serviceOperations } from '../../subscriber/service-operations/section.js';
import { bulkStart } from '../../admin/bulk-services/section.js';
import { clientOrders } from '../../admin/orders/section.js';
import { paymentsList } from '../../admin/payments/section.js';
import { invoicesList } from '../../admin/invoices/section.js';

/**
 * «Главное меню администратора»: the nine sections of the portal, in its order. A suspended client's
 * administrator is told up front that changes are refused (R-API-EFFECT), before pressing any.
 */
export function adminMenuView(t: Texts, client: { clientName: string; clientSuspended: boolean }): View {
  const l = t.core.labels;
  const menu = t.core.menus.admin(client.clientName);
  return {
    text: client.clientSuspended ? `${menu}\n\n${t.access.errors.clientSuspended}` : menu,
    keyboard: [
      ...grid(
        [
          button(l.clientInfo, clientInfoCard),
          button(l.payments, paymentsList),
          button(l.invoices, invoicesList),
          button(l.installments, clientInstallmentList),
          button(l.chooseSubscriber, chooseSubscriberStart),
          routeButton(l.feedback, 'fb', 'menu'),
        ],
        2,
      ),
      [routeButton(l.rename, 'ren', 'start')],
      [button(l.bulkServices, bulkStart)],
      [routeButton(l.contactSpecialist, 'fb', 'handover')],
      [button(t.orders.labels.client, clientOrders, 'all', 0)],
      [button(l.exit, exitPortal)],
    ],
  };
}

/** «Главное меню абонента»; «Выбор абонента», «Меню администратора» and «Отвязать Telegram» for administrators. */
export function subscriberMenuView(
  t: Texts,
  subscriber: { id: number; msisdn: string; name: string },
  asAdmin: boolean,
): View {
  const l = t.core.labels;
  const id = subscriber.id;
  const rows = [
    ...grid(
      [
        button(l.personalInfo, personalInfo, id),
        button(l.serviceOperations, serviceOperations, id),
        button(l.installments, subscriberInstallmentList, id),
        button(l.tariffChange, tariffList, id),
        button(l.charges, charges, id),
        button(l.details, detailsPeriods, id),
      ],
      2,
    ),
  ];
  if (asAdmin) rows.push([button(l.chooseSubscriber, chooseSubscriberStart), button(l.adminMenu, adminMenu)]);
  rows.push([routeButton(l.feedback, 'fb', 'menu', id), routeButton(l.contactSpecialist, 'fb', 'handover', id)]);
  if (asAdmin) rows.push([button(l.unlinkTelegram, unlinkTelegram, id)]);
  rows.push([button(l.exit, exitPortal)]);
  return { text: t.core.menus.subscriber(phone(subscriber.msisdn), subscriber.name), keyboard: rows };
}

export function roleLabel(t: Texts, role: Role): string {
  if (role.kind === 'admin') return t.core.start.roleAdmin(role.clientName);
  if (role.kind === 'subscriber') return t.core.start.roleSubscriber(phone(role.msisdn));
  return t.core.start.roleSupport;
}

export function roleChoiceView(t: Texts, roles: Role[]): View {
  return {
    text: t.core.start.chooseRole,
    keyboard: roles.map((r) => [
      r.kind === 'admin'
        ? button(roleLabel(t, r), chooseAdmin, r.clientId)
        : r.kind === 'subscriber'
          ? button(roleLabel(t, r), chooseSubscriber, r.subscriberId)
          : button(roleLabel(t, r), chooseSupport),
    ]),
  };
}
