// «Счета»: closed months, ordering a document, the bill delivery method (R-INV-ORDER, R-INV-DELIVERY).
export * from './billing-period.js';
export * from './delivery.js';
export * from './document.js';
export * from './due-date.js';
export * from './email.js';
export * from './list.js';
export * from './order.js';
