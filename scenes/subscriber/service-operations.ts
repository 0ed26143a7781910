// «Операции с услугами» and its screens (R-SVC, R-MI, R-SETTINGS, R-PAUSE, R-FWD, R-VM) — in development until its own issue lands; the section's owner replaces this file.
import { type Section, sectionInDevelopment } from '../../src/bot/sections.js';

export const sections: Section[] = [sectionInDevelopment('ops', ['admin', 'subscriber'], true)];
