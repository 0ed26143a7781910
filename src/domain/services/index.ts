// «Операции с услугами» domain: services, mobile internet, settings, pause, call forwarding, voicemail.
export * from './catalog.js';
export * from './confirm.js';
export * from './forwarding.js';
export * from './forwarding-target.js';
export * from './mobile-internet.js';
export * from './pause.js';
export * from './pause-window.js';
export * from './services.js';
export * from './settings.js';
export * from './voicemail.js';
