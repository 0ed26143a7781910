// English texts of «Обратная связь», «Связаться со специалистом» and the support group.
import type * as ru from '../ru/tickets.js';
import { count, en } from '../plural.js';

const CHARS = en('character', 'characters');
const FILES = en('file', 'files');

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const tickets: typeof ru.tickets = {
  labels: {
    newTicket: 'New request',
    myTickets: 'My requests',
    closeTicket: 'Close request',
    reopen: 'Reopen request',
    send: 'Send',
    openTicket: 'Open request',
    rating: (n) => `${n} ⭐`,
    refresh: 'Refresh',
  },
  topics: {
    billing: 'Bills and payments',
    services: 'Services',
    number: 'Number change',
    quality: 'Network quality',
    other: 'Other',
  },
  statuses: {
    new: 'new',
    in_work: 'in progress',
    waiting: 'awaiting your reply',
    closed: 'closed',
  },
  menu: (onBehalf) =>
    `Feedback${onBehalf ? `\nOn behalf of subscriber ${onBehalf}` : ''}\n\nWrite to the company's specialists and read the answers to your requests.`,
  chooseTopic: 'New request\n\nChoose the topic:',
  askText: (topic) => `New request · ${topic}\n\nDescribe your question in one message (up to 4000 characters).`,
  askFiles: (topic, files) =>
    `New request · ${topic}\n\nIf needed, attach photos or files (up to 10) — just send them here. When ready, press «Send».` +
    (files ? `\n\nAttached: ${plural(files, 'file')}` : ''),
  fileNeedsText: 'File attached. Now describe your question in text.',
  sent: (id) => `Request #${id} sent. A specialist will answer here in this chat; see its status in «My requests».`,
  listTitle: 'My requests',
  listEmpty: 'My requests\n\nYou have no requests yet.',
  listItem: (id, topic, status) => `#${id} · ${topic} · ${status}`,
  threadTitle: (id, topic, status) => `Request #${id} · ${topic}\nStatus: ${status}`,
  onBehalf: (phone) => `Subscriber: ${phone}`,
  authors: { user: 'You', staff: 'Specialist', system: 'System' },
  files: (n) => `📎 ${plural(n, 'file')}`,
  earlier: (n) => `… ${plural(n, 'earlier message')} above`,
  threadHintOpen: 'To add to this request, just send a message, photo or file.',
  threadHintClosed: 'The request is closed. You can reopen it.',
  rateAsk: 'Please rate the specialist’s answer:',
  rated: (n) => `Your rating: ${n} of 5`,
  thanksRating: 'Thank you for your rating!',
  messageAdded: (id) => `Message added to request #${id}.`,
  closedOffer: (id) => `Request #${id} is closed. Reopen it to send a message?`,
  closedByUser: (id) => `Request #${id} closed.`,
  reopened: (id) => `Request #${id} reopened: status «new». Write what else you need.`,
  handoverPrompt:
    'Contact a specialist\n\nWrite your question in one message — a specialist will answer here in this chat. ' +
    'We attach where you are in the bot and the last screens (never PIN or PUK).',
  notices: {
    fromStaff: (id) => `💬 Answer to request #${id}`,
    taken: (id) => `Your request #${id} has been taken by a specialist.`,
    closedByStaff: (id) => `Request #${id} was closed by a specialist. Please rate the answer:`,
    staffOpened: (id) =>
      `A support specialist opened request #${id}. Answers will come here; to reply, reply to the specialist's message or open the request.`,
  },
  support: {
    topicName: (id, topic, who) => `#${id} ${topic} — ${who}`,
    cardTitle: (id) => `Request #${id}`,
    topic: 'Topic',
    status: 'Status',
    role: 'Role',
    roles: { admin: 'client administrator', subscriber: 'subscriber' },
    client: 'Client',
    number: 'Number',
    telegram: 'Telegram',
    openedAt: 'Opened',
    section: 'Section',
    lastScreens: 'Last screens',
    lastMessages: 'Last user messages',
    text: 'Request text',
    openedByStaff: 'Opened by support staff from a conversation.',
    help: 'Replies in this topic go to the user. /take — take it, /close — close it.',
    taken: (name) => `Taken by ${name}.`,
    alreadyYours: 'You already have this request.',
    closedByStaff: (name) => `Request closed (${name}). The user was told and may rate the answer.`,
    closedByUser: 'The user closed the request.',
    reopened: 'The user reopened the request: status «new».',
    rated: (n) => `The user rated the answer: ${n} of 5.`,
    blocked: 'The user has blocked the bot: the message was not delivered.',
    notDelivered: 'The message was not delivered to the user (Telegram error). Try again later.',
    ticketClosed: 'The request is closed: the message was not sent to the user.',
    notTicketTopic: 'This command works in a request topic.',
    ticketUsage: 'Usage: /ticket <Telegram id> or /ticket +375 29 123-45-67',
    ticketOpened: (id) => `Request #${id} opened for the user; a topic was created.`,
    ticketOpenedNoTopic: (id) => `Request #${id} opened, but the topic could not be created; try /ticket again later.`,
  },
  errors: {
    closed: 'The request is closed.',
    tooManyOpen: (p) => `You already have ${p.max} open requests. Wait for an answer or close one of them.`,
    notClosed: 'The request is not closed yet.',
    notFound: 'Request not found.',
    textEmpty: 'Please write the text of the request.',
    textTooLong: (p) => `Text too long: at most ${count('en', p.max, CHARS)}.`,
    tooManyAttachments: (p) => `At most ${count('en', p.max, FILES)} in one message.`,
    badAttachment: 'This file cannot be attached.',
    badTopic: 'Choose a topic from the list.',
    badRating: 'A rating is 1 to 5.',
    alreadyRated: 'You have already rated this request.',
    userNotFound: 'User not found or not linked to the bot.',
    badTopicId: 'Wrong forum topic.',
  },
};
