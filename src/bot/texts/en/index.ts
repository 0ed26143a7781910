// The English catalog: same keys as ru, checked by the type.
import type { Texts } from '../ru/index.js';
import { account, details, subscriberInfo, tariffs } from './account.js';
import { billing, invoices, payments } from './billing.js';
import { access, core, fees, money, phone } from './core.js';
import { lists } from './lists.js';
import { numbers } from './numbers.js';
import { orders } from './orders.js';
import { services } from './services.js';
import { tickets } from './tickets.js';

export const en: Texts = {
  core,
  access,
  phone,
  money,
  fees,
  account,
  subscriberInfo,
  tariffs,
  details,
  billing,
  payments,
  invoices,
  lists,
  numbers,
  services,
  tickets,
  orders,
};
