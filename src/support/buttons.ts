// Buttons the support side puts on messages to users; the «Обратная связь» screens use the same ones.
import { button } from '../bot/keyboards.js';
import type { InlineButton } from '../bot/keyboards.js';
import type { Texts } from '../bot/texts/index.js';

/** Rating 1–5 after closure: `fb:rate:<ticket>:<mark>`. */
export function ratingRow(t: Texts, ticketId: number): InlineButton[] {
  return [1, 2, 3, 4, 5].map((n) => button(t.tickets.labels.rating(n), 'fb', 'rate', ticketId, n));
}

/** Opens the ticket's screen in a new message (`n`), so the notice it sits on stays readable. */
export function openTicketButton(t: Texts, ticketId: number): InlineButton {
  return button(t.tickets.labels.openTicket, 'fb', 'open', ticketId, 'n');
}
