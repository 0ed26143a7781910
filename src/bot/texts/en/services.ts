// English texts of «Операции с услугами».
import type * as ru from '../ru/services.js';

export const services: typeof ru.services = {
  errors: {},
  pauseJobs: {
    notice: (phone, endsOn, activeFrom) => `The pause of ${phone} ends on ${endsOn}. Mobile services work again from ${activeFrom}.`,
    finished: (phone, activeFrom) => `The pause of ${phone} is over: mobile services work again from ${activeFrom}.`,
  },
};
