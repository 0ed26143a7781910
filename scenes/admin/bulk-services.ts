// «Действия с услугами по списку абонентов» (R-BULK) — in development until its own issue lands; the section's owner replaces this file.
import { type Section, sectionInDevelopment } from '../../src/bot/sections.js';

export const sections: Section[] = [sectionInDevelopment('bulk', ['admin'])];
