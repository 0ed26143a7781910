// Every section of the bot, one module per portal section. The Stage and the dispatcher are built from
// this list; a module exports `sections` (most export one).
import type { Section } from '../src/bot/sections.js';
import { sections as bulkServices } from './admin/bulk-services/section.js';
import { sections as clientInfo } from './admin/client-info/section.js';
import { sections as installments } from './shared/installments/section.js';
import { sections as invoices } from './admin/invoices/section.js';
import { sections as payments } from './admin/payments/section.js';
import { sections as clientOrders } from './admin/orders/section.js';
import { sections as rename } from './admin/rename.js';
import { sections as chooseSubscriber } from './shared/choose-subscriber/section.js';
import { sections as feedback } from './shared/feedback.js';
import { sections as menu } from './shared/menu/section.js';
import { sections as start } from './shared/start/section.js';
import { sections as charges } from './subscriber/charges/section.js';
import { sections as details } from './subscriber/details/section.js';
import { sections as numberChange } from './subscriber/number-change/section.js';
import { sections as personalInfo } from './subscriber/personal-info/section.js';
import { sections as serviceOperations } from './subscriber/service-operations/section.js';
import { sections as services } from './subscriber/services/section.js';
import { sections as mobileInternet } from './subscriber/mobile-internet/section.js';
import { sections as settings } from './subscriber/settings/section.js';
import { sections as pause } from './subscriber/pause/section.js';
import { sections as forwarding } from './subscriber/forwarding/section.js';
import { sections as voicemail } from './subscriber/voicemail/section.js';
import { sections as tariffChange } from './subscriber/tariff-change/section.js';
import { sections as myOrders } from './subscriber/orders/section.js';

export { showHome } from './shared/menu/section.js';

export const allSections: Section[] = [
  ...start,
  ...menu,
  ...chooseSubscriber,
  ...clientInfo,
  ...payments,
  ...invoices,
  ...installments,
  ...rename,
  ...bulkServices,
  ...feedback,
  ...personalInfo,
  ...serviceOperations,
  ...services,
  ...mobileInternet,
  ...settings,
  ...pause,
  ...forwarding,
  ...voicemail,
  ...numberChange,
  ...tariffChange,
  ...charges,
  ...details,
  ...myOrders,
  ...clientOrders,
];
