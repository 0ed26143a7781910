// Russian texts of «Обратная связь» and support. Owned by that section; errors map DomainError('tickets.<reason>').
import type { Message } from '../message.js';

export const tickets = {
  errors: {} as Record<string, Message>,
};
