// English texts of subscriber «Персональная информация», «Смена ТП», «Начисления за период», «Просмотр детализации».
import type * as ru from '../ru/account.js';

export const account: typeof ru.account = {
  errors: {},
};
