// The support group's side of tickets (R-HANDOVER, R-SUP-SCOPE): forum topics, staff commands, relays.
export { openTicketButton, ratingRow } from './buttons.js';
export { cardText, requesterLabel, topicName } from './card.js';
export { supportGroupMiddleware, ticketUser } from './group.js';
export { type Delivery, type RelayOptions, SupportRelay, supportRelay } from './relay.js';
