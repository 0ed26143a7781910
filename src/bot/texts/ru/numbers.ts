// Russian texts of «Смена номера» (R-NUM-*): the portal's labels verbatim; errors map DomainError('numbers.<reason>').
import type { Message } from '../message.js';
import { count, ru } from '../plural.js';

/** Accusative after «на», and «N дней находится»: 1 день, 2 дня, 5 дней. */
const DAYS = ru('день', 'дня', 'дней');
const MINUTES = ru('минуту', 'минуты', 'минут');
const ATTEMPTS = ru('попытка', 'попытки', 'попыток');

export const numbers = {
  labels: {
    section: 'Смена номера',
    terms: 'Условия смены номера',
    find: 'Подобрать номер',
    request: 'Оставить заявку',
    toMenu: 'В меню',
    all: 'Все',
    reservation: 'Вернуться к забронированному номеру',
  },
  screen: {
    title: 'Смена номера',
    mask: (mask: string) => `Маска номера: +375 ${mask}`,
    maskHint: 'Используйте % для цифр, выбор которых может быть произвольным',
    category: (name: string) => `Категория номера: ${name}`,
    attempts: (n: number) => `Осталось попыток подбора номера: ${n}`,
    typeMask:
      'Чтобы изменить маску, отправьте ее сообщением (девять последних цифр, например 29777%, %77 или 29_77_77_7).',
    noAttempts: 'Попытки подбора на сегодня закончились. Можно оставить заявку — специалисты подберут номер.',
    blocked: 'Номер заблокирован: смена номера недоступна.',
    reserved: (phone: string, time: string) => `За вами забронирован номер ${phone} до ${time}.`,
  },
  offers: {
    title: (mask: string, category: string) => `Подобранные номера (маска +375 ${mask}, категория ${category}):`,
    pick: (minutes: number) => `Выберите номер — он будет забронирован за вами на ${count('ru', minutes, MINUTES)}.`,
    none: 'Свободных номеров по этой маске и категории нет. Измените маску или категорию либо оставьте заявку.',
    button: (phone: string, category: string, fee: string) => `${phone} · ${category} · ${fee}`,
  },
  confirm: {
    title: 'Подтверждение смены номера',
    number: (phone: string) => `Новый номер: ${phone}`,
    category: (name: string) => `Категория: ${name}`,
    fee: (fee: string) => `Стоимость смены номера: ${fee} (спишется с баланса)`,
    quarantine: (phone: string, days: number) =>
      `Номер ${phone} после смены уйдет в карантин на ${count('ru', days, DAYS)}.`,
    until: (time: string) => `Номер забронирован за вами до ${time}.`,
  },
  done: {
    title: 'Номер изменен',
    number: (phone: string) => `Ваш новый номер: ${phone}`,
    fee: (fee: string) => `Списано: ${fee}`,
    balance: (balance: string) => `Баланс: ${balance}`,
    quarantine: (phone: string, date: string) => `Номер ${phone} в карантине до ${date}.`,
    telegram: 'Telegram остается привязанным к вашему абонентскому договору.',
  },
  terms: {
    title: 'Условия смены номера',
    fees: 'Стоимость смены номера (разово), по категории нового номера:',
    fee: (name: string, fee: string) => `${name} — ${fee}`,
    attempts: (n: number) => `Подбор номера: ${count('ru', n, ATTEMPTS)} в сутки.`,
    reservation: (minutes: number) =>
      `Выбранный номер бронируется за вами на ${count('ru', minutes, MINUTES)}; стоимость списывается с баланса при подтверждении.`,
    quarantine: (days: number) =>
      `Прежний номер после смены ${count('ru', days, DAYS)} находится в карантине и никому не выдается.`,
    funds: 'Смена возможна, если баланса (или кредитного лимита) хватает на оплату.',
  },
  request: {
    done: (mask: string, category: string) =>
      `Заявка на смену номера принята: маска +375 ${mask}, категория ${category}. Специалисты подберут номер и свяжутся с вами.`,
  },
  errors: {
    noAttemptsLeft: 'Попытки подбора номера на сегодня закончились. Оставьте заявку или попробуйте завтра.',
    notAvailable: 'Этот номер уже недоступен. Подберите другой.',
    reservationExpired: 'Бронь номера истекла. Подберите номер заново.',
    blocked: 'Номер заблокирован: смена номера недоступна.',
    unknownCategory: 'Такой категории номеров нет.',
  } as Record<string, Message>,
};
