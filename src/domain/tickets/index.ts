// Feedback tickets and support handover (R-TICKET, R-HANDOVER, R-SUP-SCOPE): the area's public surface.
export { buildHandoverContext, type HandoverContext, type HandoverInput } from './handover.js';
export { closeTicket, rateTicket, reopenTicket, takeTicket, type ClosedTicket, type TakenTicket } from './lifecycle.js';
export { addStaffMessage, addUserMessage, recordRelay, type AddedMessage, type MessageInput } from './messages.js';
export {
  openTicket,
  openTicketForUser,
  type OpenedTicket,
  type OpenTicketForUserInput,
  type OpenTicketInput,
  type TicketUser,
} from './open.js';
export {
  listMyTickets,
  relayThread,
  staffTicketView,
  ticketByForumTopic,
  ticketByUserMessage,
  ticketThread,
  userMessageForSupportMessage,
  type TicketOfMessage,
  type TicketPage,
} from './queries.js';
export { isSecretKey, mentionsSimCodes, sanitizeContext } from './sanitize.js';
export { requireSupport, supportStaff, type SupportActor } from './scope.js';
export { ATTACHMENTS_MAX, cleanAttachments, cleanText, messageText, TICKET_TEXT_MAX } from './text.js';
export {
  claimTopicCreation,
  forumTopicOf,
  releaseTopicClaim,
  setForumTopic,
  TOPIC_CLAIM_STALE_MS,
  type TopicClaim,
} from './topics.js';
export { nextStatus, type TicketEvent } from './transitions.js';
export * from './types.js';
