// Russian texts of «Смена номера». Owned by that section; errors map DomainError('numbers.<reason>').
import type { Message } from '../message.js';

export const numbers = {
  errors: {} as Record<string, Message>,
};
