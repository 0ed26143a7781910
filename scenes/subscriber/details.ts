// «Просмотр детализации» (R-DETAIL) — in development until its own issue lands; the section's owner replaces this file.
import { type Section, sectionInDevelopment } from '../../src/bot/sections.js';

export const sections: Section[] = [sectionInDevelopment('det', ['admin', 'subscriber'], true)];
