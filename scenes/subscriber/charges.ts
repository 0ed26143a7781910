// «Начисления за период» (R-CHARGES) — in development until its own issue lands; the section's owner replaces this file.
import { type Section, sectionInDevelopment } from '../../src/bot/sections.js';

export const sections: Section[] = [sectionInDevelopment('chg', ['admin', 'subscriber'], true)];
