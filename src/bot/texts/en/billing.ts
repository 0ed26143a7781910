// English texts of «Персональная информация» of the client, «Платежи», «Счета», «Информация по рассрочке».
import type * as ru from '../ru/billing.js';

export const billing: typeof ru.billing = {
  errors: {},
};
