// English texts of «Обратная связь» and support.
import type * as ru from '../ru/tickets.js';

export const tickets: typeof ru.tickets = {
  errors: {},
};
