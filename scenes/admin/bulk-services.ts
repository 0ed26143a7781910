// «Действия с услугами по списку абонентов» (R-BULK): the section's screens live in ./bulk-services/.
import type { Section } from '../../src/bot/sections.js';
import { bulkServicesSection } from './bulk-services/section.js';

export const sections: Section[] = [bulkServicesSection];
