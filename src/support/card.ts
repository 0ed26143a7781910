// What support staff see of a ticket: the forum topic's name `#<id> <topic> — <client or number>` and
// the card that opens the topic (the ticket, who asked, and the conversation so far). Pure functions.
import { dateTime, phone } from '../bot/format.js';
import type { Texts } from '../bot/texts/index.js';
import type { TicketThread, TicketView } from '../domain/tickets/index.js';

const TOPIC_NAME_MAX = 128;
const CARD_MAX = 4000;

/** For an administrator the client (and the number they acted for); for a subscriber the number. */
export function requesterLabel(ticket: TicketView): string {
  const number = ticket.subscriberMsisdn ? phone(ticket.subscriberMsisdn) : null;
  if (ticket.role === 'admin') return [ticket.clientName ?? `#${ticket.clientId}`, number].filter(Boolean).join(' · ');
  return number ?? ticket.clientName ?? String(ticket.requesterTelegramId);
}

export function topicName(t: Texts, ticket: TicketView): string {
  const name = t.tickets.support.topicName(
    ticket.id,
    t.tickets.topics[ticket.topic] ?? ticket.topic,
    requesterLabel(ticket),
  );
  return name.length > TOPIC_NAME_MAX ? `${name.slice(0, TOPIC_NAME_MAX - 1)}…` : name;
}

function list(items: unknown): string[] {
  return Array.isArray(items) ? items.filter((i): i is string => typeof i === 'string') : [];
}

export function cardText(t: Texts, thread: TicketThread): string {
  const s = t.tickets.support;
  const { ticket } = thread;
  const lines = [
    s.cardTitle(ticket.id),
    `${s.topic}: ${t.tickets.topics[ticket.topic] ?? ticket.topic}`,
    `${s.status}: ${t.tickets.statuses[ticket.status] ?? ticket.status}`,
    `${s.role}: ${s.roles[ticket.role] ?? ticket.role}`,
  ];
  if (ticket.clientName) lines.push(`${s.client}: ${ticket.clientName}`);
  if (ticket.subscriberMsisdn) lines.push(`${s.number}: ${phone(ticket.subscriberMsisdn)}`);
  lines.push(
    `${s.telegram}: ${ticket.requesterTelegramId}`,
    `${s.openedAt}: ${dateTime(ticket.createdAt)}`,
    '',
    s.help,
  );
  const context = ticket.context ?? {};
  if (context.kind === 'staff') lines.push('', s.openedByStaff);
  if (typeof context.section === 'string' && context.section) lines.push(`${s.section}: ${context.section}`);
  const first = thread.messages.find((m) => m.author === 'user');
  if (first?.text) lines.push('', `${s.text}:`, first.text);
  const screens = list(context.lastScreens);
  if (screens.length) lines.push('', `${s.lastScreens}:`, ...screens.map((x) => `— ${x.replace(/\n+/g, ' / ')}`));
  const messages = list(context.lastUserMessages);
  if (messages.length) lines.push('', `${s.lastMessages}:`, ...messages.map((x) => `— ${x}`));
  const text = lines.join('\n');
  return text.length > CARD_MAX ? `${text.slice(0, CARD_MAX - 1)}…` : text;
}
