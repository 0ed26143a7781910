import { describe, expect, it } from 'vitest';
import { nextStatus, type TicketEvent, type TicketStatus } from '../../../src/domain/tickets/index.js';

const statuses: TicketStatus[] = ['new', 'in_work', 'waiting', 'closed'];
const events: TicketEvent[] = ['take', 'userMessage', 'staffMessage', 'close', 'reopen'];

// The whole table R-TICKET allows; every other pair must be refused.
const allowed: Record<string, TicketStatus> = {
  'new/take': 'in_work',
  'in_work/take': 'in_work',
  'waiting/take': 'in_work',
  'new/userMessage': 'new',
  'in_work/userMessage': 'in_work',
  'waiting/userMessage': 'in_work',
  'new/staffMessage': 'waiting',
  'in_work/staffMessage': 'waiting',
  'waiting/staffMessage': 'waiting',
  'new/close': 'closed',
  'in_work/close': 'closed',
  'waiting/close': 'closed',
  'closed/reopen': 'new',
};

describe('R-TICKET: the status table', () => {
  for (const status of statuses) {
    for (const event of events) {
      const key = `${status}/${event}`;
      const expected = allowed[key];
      if (expected) {
        it(`${key} → ${expected}`, () => expect(nextStatus(status, event)).toBe(expected));
      } else {
        const code = status === 'closed' ? 'tickets.closed' : 'tickets.notClosed';
        it(`${key} is refused with ${code}`, () => expect(() => nextStatus(status, event)).toThrow(code));
      }
    }
  }
});
