// «Обратная связь» screens as pure views: the section menu, topics, the new-request form, «Мои
// обращения», one request's thread with «Закрыть обращение» / reopening / rating, and the handover prompt.
import { dateTime, phone } from '../../../src/bot/format.js';
import { routeButton, type Keyboard, pagerRow, type View } from '../../../src/bot/keyboards.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import { type TicketPage, type TicketThread, ticketTopics } from '../../../src/domain/tickets/index.js';
import { ratingRow } from '../../../src/support/index.js';
import { home } from '../start/section.js';
import { button } from '../../../src/bot/actions.js';

export const AREA = 'fb';
/** Telegram shows at most 4096 characters; the thread keeps its newest messages within this. */
const THREAD_BUDGET = 3500;

/** Callback arguments that carry the subscriber an administrator acts for (or a subscriber's own). */
const subArgs = (sub: number | undefined) => (sub === undefined ? [] : [sub]);

export interface MenuTarget {
  /** The subscriber the screens are about; undefined: an administrator's own requests. */
  sub?: number;
  /** Shown when an administrator acts on behalf of a subscriber. */
  onBehalfMsisdn?: string | null;
  /** Where «Назад» leads: the subscriber menu or the administrator menu. */
  back: { area: string; action: string; args: (string | number)[] };
}

export function menuView(t: Texts, target: MenuTarget): View {
  const l = t.tickets.labels;
  const args = subArgs(target.sub);
  return {
    text: t.tickets.menu(target.onBehalfMsisdn ? phone(target.onBehalfMsisdn) : null),
    keyboard: [
      [routeButton(l.newTicket, AREA, 'new', ...args)],
      [routeButton(l.myTickets, AREA, 'list', 0)],
      [routeButton(t.core.labels.contactSpecialist, AREA, 'handover', ...args)],
      [routeButton(t.core.labels.back, target.back.area, target.back.action, ...target.back.args)],
    ],
  };
}

export function topicsView(t: Texts, sub: number | undefined): View {
  return {
    text: t.tickets.chooseTopic,
    keyboard: [
      ...ticketTopics.map((code) => [routeButton(t.tickets.topics[code]!, AREA, 'topic', code, ...subArgs(sub))]),
      [routeButton(t.core.labels.back, AREA, 'menu', ...subArgs(sub))],
    ],
  };
}

export function askTextView(t: Texts, topic: string, sub: number | undefined): View {
  return {
    text: t.tickets.askText(topic),
    keyboard: [[routeButton(t.core.labels.cancel, AREA, 'menu', ...subArgs(sub))]],
  };
}

export function askFilesView(t: Texts, topic: string, files: number, nonce: string, sub: number | undefined): View {
  return {
    text: t.tickets.askFiles(topic, files),
    keyboard: [
      [routeButton(t.tickets.labels.send, AREA, 'send', nonce)],
      [routeButton(t.core.labels.cancel, AREA, 'menu', ...subArgs(sub))],
    ],
  };
}

export function sentView(t: Texts, ticketId: number): View {
  return {
    text: t.tickets.sent(ticketId),
    keyboard: [
      [routeButton(t.tickets.labels.openTicket, AREA, 'open', ticketId)],
      [routeButton(t.tickets.labels.myTickets, AREA, 'list', 0)],
      [button(t.core.labels.toMenu, home)],
    ],
  };
}

export function listView(t: Texts, page: TicketPage, sub: number | undefined): View {
  const rows: Keyboard = page.items.map((item) => {
    const label = t.tickets.listItem(
      item.id,
      t.tickets.topics[item.topic] ?? item.topic,
      t.tickets.statuses[item.status] ?? item.status,
    );
    return [routeButton(label, AREA, 'open', item.id)];
  });
  const pager = pagerRow(
    t.core.labels,
    page.page > 0 ? routeButton(t.core.labels.prev, AREA, 'list', page.page - 1).callback_data : undefined,
    page.hasMore ? routeButton(t.core.labels.next, AREA, 'list', page.page + 1).callback_data : undefined,
  );
  if (pager.length) rows.push(pager);
  rows.push([routeButton(t.core.labels.back, AREA, 'menu', ...subArgs(sub))]);
  return { text: page.items.length || page.page > 0 ? t.tickets.listTitle : t.tickets.listEmpty, keyboard: rows };
}

/** The whole conversation, newest kept when it is long; actions by status. */
export function threadView(t: Texts, thread: TicketThread): View {
  const { ticket } = thread;
  const head = [
    t.tickets.threadTitle(
      ticket.id,
      t.tickets.topics[ticket.topic] ?? ticket.topic,
      t.tickets.statuses[ticket.status] ?? ticket.status,
    ),
  ];
  if (ticket.role === 'admin' && ticket.subscriberMsisdn) head.push(t.tickets.onBehalf(phone(ticket.subscriberMsisdn)));
  if (ticket.rating !== null) head.push(t.tickets.rated(ticket.rating));
  const blocks = thread.messages.map((m) => {
    const files = m.attachments.length ? `\n${t.tickets.files(m.attachments.length)}` : '';
    return `${t.tickets.authors[m.author] ?? m.author} · ${dateTime(m.createdAt)}\n${m.text}${files}`.trim();
  });
  const kept: string[] = [];
  let used = 0;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!.length > THREAD_BUDGET ? `${blocks[i]!.slice(0, THREAD_BUDGET - 1)}…` : blocks[i]!;
    if (used + block.length > THREAD_BUDGET && kept.length > 0) break;
    kept.unshift(block);
    used += block.length + 2;
  }
  const hidden = blocks.length - kept.length;
  const closed = ticket.status === 'closed';
  const text = [
    head.join('\n'),
    ...(hidden ? [t.tickets.earlier(hidden)] : []),
    ...kept,
    closed ? t.tickets.threadHintClosed : t.tickets.threadHintOpen,
  ].join('\n\n');

  const rows: Keyboard = [];
  if (closed) {
    if (ticket.rating === null) rows.push(ratingRow(t, ticket.id));
    rows.push([routeButton(t.tickets.labels.reopen, AREA, 'reopen', ticket.id)]);
  } else {
    rows.push([routeButton(t.tickets.labels.closeTicket, AREA, 'close', ticket.id)]);
  }
  rows.push([routeButton(t.tickets.labels.refresh, AREA, 'open', ticket.id)]);
  rows.push([routeButton(t.tickets.labels.myTickets, AREA, 'list', 0), button(t.core.labels.toMenu, home)]);
  return { text, keyboard: rows };
}

export function handoverView(t: Texts): View {
  return { text: t.tickets.handoverPrompt, keyboard: [[button(t.core.labels.cancel, home)]] };
}
