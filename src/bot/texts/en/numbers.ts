// English texts of «Смена номера».
import type * as ru from '../ru/numbers.js';

export const numbers: typeof ru.numbers = {
  errors: {},
};
