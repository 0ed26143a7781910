// R-TICKET: the status machine, as one pure table. «новое» → «в работе» when staff take it;
// «ожидает ответа» after staff answer; «в работе» again when the user answers; «закрыто» by either
// side; reopening makes it «новое». Anything not in the table is refused.
import { DomainError } from '../errors.js';
import type { TicketStatus } from './types.js';

export type TicketEvent = 'take' | 'userMessage' | 'staffMessage' | 'close' | 'reopen';

const table: Record<TicketEvent, Partial<Record<TicketStatus, TicketStatus>>> = {
  take: { new: 'in_work', in_work: 'in_work', waiting: 'in_work' },
  // A user adding to a ticket nobody has taken leaves it «новое»; answering staff makes it «в работе».
  userMessage: { new: 'new', in_work: 'in_work', waiting: 'in_work' },
  staffMessage: { new: 'waiting', in_work: 'waiting', waiting: 'waiting' },
  close: { new: 'closed', in_work: 'closed', waiting: 'closed' },
  reopen: { closed: 'new' },
};

/** The status after `event`, or the refusal: `tickets.closed` on a closed ticket, `tickets.notClosed` to reopen an open one. */
export function nextStatus(status: TicketStatus, event: TicketEvent): TicketStatus {
  const next = table[event][status];
  if (next) return next;
  throw new DomainError(status === 'closed' ? 'tickets.closed' : 'tickets.notClosed');
}
