// English texts of «Смена номера».
import type * as ru from '../ru/numbers.js';
import { count, en } from '../plural.js';

const DAYS = en('day', 'days');
const MINUTES = en('minute', 'minutes');
const ATTEMPTS = en('attempt', 'attempts');

export const numbers: typeof ru.numbers = {
  labels: {
    section: 'Change number',
    terms: 'Number change terms',
    find: 'Find a number',
    request: 'Leave a request',
    toMenu: 'To menu',
    all: 'All',
    reservation: 'Back to the reserved number',
  },
  screen: {
    title: 'Change number',
    mask: (mask) => `Number mask: +375 ${mask}`,
    maskHint: 'Use % for digits that may be anything',
    category: (name) => `Number category: ${name}`,
    attempts: (n) => `Number searches left: ${n}`,
    typeMask: 'To change the mask, send it as a message (the last nine digits, e.g. 29777%, %77 or 29_77_77_7).',
    noAttempts: 'No searches left today. You can leave a request and our specialists will pick a number.',
    blocked: 'The number is blocked: it cannot be changed.',
    reserved: (phone, time) => `Number ${phone} is reserved for you until ${time}.`,
  },
  offers: {
    title: (mask, category) => `Numbers found (mask +375 ${mask}, category ${category}):`,
    pick: (minutes) => `Pick a number — it is reserved for you for ${count('en', minutes, MINUTES)}.`,
    none: 'No free numbers match this mask and category. Change them or leave a request.',
    button: (phone, category, fee) => `${phone} · ${category} · ${fee}`,
  },
  confirm: {
    title: 'Confirm the number change',
    number: (phone) => `New number: ${phone}`,
    category: (name) => `Category: ${name}`,
    fee: (fee) => `Fee: ${fee} (debited from the balance)`,
    quarantine: (phone, days) => `After the change ${phone} goes into quarantine for ${count('en', days, DAYS)}.`,
    until: (time) => `The number is reserved for you until ${time}.`,
  },
  done: {
    title: 'Number changed',
    number: (phone) => `Your new number: ${phone}`,
    fee: (fee) => `Debited: ${fee}`,
    balance: (balance) => `Balance: ${balance}`,
    quarantine: (phone, date) => `${phone} is in quarantine until ${date}.`,
    telegram: 'Telegram stays linked to your subscription.',
  },
  terms: {
    title: 'Number change terms',
    fees: 'One-time fee by the category of the new number:',
    fee: (name, fee) => `${name} — ${fee}`,
    attempts: (n) => `Number search: ${count('en', n, ATTEMPTS)} a day.`,
    reservation: (minutes) =>
      `A picked number is reserved for you for ${count('en', minutes, MINUTES)}; the fee is debited when you confirm.`,
    quarantine: (days) =>
      `After a change the old number stays in quarantine for ${count('en', days, DAYS)} and is given to nobody.`,
    funds: 'The change needs a balance (or credit limit) that covers the fee.',
  },
  request: {
    done: (mask, category) =>
      `Your request is recorded: mask +375 ${mask}, category ${category}. Our specialists will pick a number and contact you.`,
  },
  errors: {
    noAttemptsLeft: 'No number searches left today. Leave a request or try tomorrow.',
    notAvailable: 'This number is no longer available. Pick another one.',
    reservationExpired: 'The reservation has expired. Find a number again.',
    blocked: 'The number is blocked: it cannot be changed.',
    unknownCategory: 'There is no such number category.',
  },
};
