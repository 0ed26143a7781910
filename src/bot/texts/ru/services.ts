// Russian texts of «Операции с услугами». Owned by that section; errors map DomainError('services.<reason>').
import type { Message } from '../message.js';

export const services = {
  errors: {} as Record<string, Message>,
  pauseJobs: {
    notice: (phone: string, endsOn: string, activeFrom: string) =>
      `Пауза номера ${phone} заканчивается ${endsOn}. С ${activeFrom} услуги связи снова работают.`,
    finished: (phone: string, activeFrom: string) => `Пауза номера ${phone} закончилась: с ${activeFrom} услуги связи снова работают.`,
  },
};
