// «Операции с услугами» and its screens (R-SVC, R-MI, R-SETTINGS, R-PAUSE, R-FWD, R-VM): the submenu
// (area `ops`) and one section per screen; «Смена номера» is the `num` section's own.
import type { Section } from '../../src/bot/sections.js';
import { sections as forwarding } from './forwarding.js';
import { sections as mobileInternet } from './mobile-internet.js';
import { sections as pause } from './pause.js';
import { opsSection } from './service-operations/menu.js';
import { sections as services } from './services.js';
import { sections as settings } from './settings.js';
import { sections as voicemail } from './voicemail.js';

export const sections: Section[] = [
  opsSection,
  ...services,
  ...mobileInternet,
  ...settings,
  ...pause,
  ...forwarding,
  ...voicemail,
];
