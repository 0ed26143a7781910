// Russian texts of subscriber «Персональная информация», «Смена ТП», «Начисления за период», «Просмотр детализации». Owned by that section; errors map DomainError('account.<reason>').
import type { Message } from '../message.js';

export const account = {
  errors: {} as Record<string, Message>,
};
