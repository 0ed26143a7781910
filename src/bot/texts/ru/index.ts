// The Russian catalog: one typed key set that en/ must match. Areas are one file each.
import { account, details, subscriberInfo, tariffs } from './account.js';
import { billing, invoices, payments } from './billing.js';
import { access, core, fees, money, phone } from './core.js';
import { lists } from './lists.js';
import { numbers } from './numbers.js';
import { orders } from './orders.js';
import { services } from './services.js';
import { tickets } from './tickets.js';

export const ru = {
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
export type Texts = typeof ru;
