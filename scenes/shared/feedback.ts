// «Обратная связь» and «Связаться со специалистом» (R-TICKET, R-HANDOVER) — in development until its own issue lands; the section's owner replaces this file.
import { type Section, sectionInDevelopment } from '../../src/bot/sections.js';

export const sections: Section[] = [sectionInDevelopment('fb', ['admin', 'subscriber'])];
