// «Обратная связь» and «Связаться со специалистом» (R-TICKET, R-HANDOVER), and the support group's side
// (R-SUP-SCOPE). The screens live in ./feedback/, the support relay in src/support/.
export { feedbackSection, sections, supportGroupSection } from './feedback/section.js';
export { askFilesView, handoverView, listView, menuView, sentView, threadView, topicsView } from './feedback/views.js';
