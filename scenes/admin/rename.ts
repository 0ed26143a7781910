// «Переименование абонента» (R-RENAME): the section's screens live in ./rename/.
import type { Section } from '../../src/bot/sections.js';
import { renameSection } from './rename/section.js';

export const sections: Section[] = [renameSection];
