// The support group's side of tickets (R-HANDOVER, R-SUP-SCOPE): forum topics, staff commands, relays.
export { openTicketButton, ratingRow } from './buttons.js';
export { cardText, requesterLabel, topicName } from './card.js';
export { supportGroupMiddleware, ticketUser } from './group.js';
export { type Delivery, SupportRelay } from './relay.js';
export { configureSupport, supportRelay, supportSettings, type SupportSettings } from './runtime.js';
export { isBlockedByUser, withRetry } from './telegram.js';
export { ChatThrottle, GROUP_LIMITS, PRIVATE_LIMITS } from './throttle.js';
