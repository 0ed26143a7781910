// Russian texts of «Персональная информация» of the client, «Платежи», «Счета», «Информация по рассрочке». Owned by that section; errors map DomainError('billing.<reason>').
import type { Message } from '../message.js';

export const billing = {
  errors: {} as Record<string, Message>,
};
