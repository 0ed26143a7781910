// Russian texts of «Персональная информация» of the client, «Платежи», «Счета», «Информация по рассрочке».
// Owned by that section. Refusals map DomainError('payments.<reason>') and ('invoices.<reason>').
import type { Message } from '../message.js';
import { count, ru } from '../plural.js';

/** After «старше», «до»: the genitive. */
const DAYS_GEN = ru('дня', 'дней', 'дней');
const CHARS_GEN = ru('символа', 'символов', 'символов');

export const billing = {
  clientInfo: {
    title: 'Персональная информация',
    name: 'Клиент',
    unp: 'УНП',
    okpo: 'ОКПО',
    legalAddress: 'Юридический адрес',
    bankAccounts: 'Расчетные счета',
    bankAccount: (iban: string, bank: string, bic: string) => `• ${iban}\n   ${bank}, БИК ${bic}`,
    noBankAccounts: 'не указаны',
    delivery: 'Способ доставки счетов',
    deliveryAddress: 'Адрес доставки счетов',
    balance: 'Баланс',
    status: 'Статус',
    statuses: { active: 'активен', suspended: 'приостановлен', closed: 'закрыт' } as Record<string, string>,
    paymentForm: 'Форма оплаты',
    paymentForms: { advance: 'авансовая', credit: 'кредитная' } as Record<string, string>,
    creditLimit: 'Кредитный лимит',
    contract: (number: string, date: string) => `Договор № ${number} от ${date}`,
    changeDelivery: 'Изменить доставку счетов',
  },
  delivery: {
    methods: { email: 'электронная почта', post: 'почта', portal: 'только в личном кабинете' } as Record<
      string,
      string
    >,
    title: (method: string, address: string | null) =>
      `Доставка счетов\n\nСейчас: ${method}${address ? `\nАдрес: ${address}` : ''}\n\nВыберите новый способ доставки:`,
    email: 'Электронная почта',
    post: (fee: string) => `Почта (${fee}/мес.)`,
    portal: 'Только в личном кабинете',
    askEmail: 'Введите адрес электронной почты, на который отправлять счета:',
    askPost: (fee: string) =>
      `Введите почтовый адрес для счетов (индекс, город, улица, дом, получатель).\nДоставка по почте платная: ${fee} в месяц.`,
    changed: (method: string, address: string | null) =>
      `Готово: способ доставки счетов — ${method}${address ? `, адрес: ${address}` : ''}.`,
    postFee: (fee: string) => `Стоимость доставки по почте: ${fee} в месяц.`,
  },
  payments: {
    title: 'Платежи',
    empty: 'Платежей пока нет.',
    line: (date: string, amount: string, doc: string, status: string) => `${date} · ${amount}\n   № ${doc} · ${status}`,
    statuses: { unconfirmed: 'неподтвержденный', confirmed: 'подтвержденный' } as Record<string, string>,
    register: 'Зарегистрировать неподтвержденный платеж',
    askDocument: 'Регистрация неподтвержденного платежа\n\nШаг 1 из 3. Введите номер платежного документа:',
    askDate: (doc: string) =>
      `Номер документа: ${doc}\n\nШаг 2 из 3. Укажите дату платежа: нажмите «Сегодня» или «Вчера» либо введите дату в формате ДД.ММ.ГГГГ.`,
    today: 'Сегодня',
    yesterday: 'Вчера',
    askAmount: (doc: string, date: string) =>
      `Номер документа: ${doc}\nДата: ${date}\n\nШаг 3 из 3. Введите сумму платежа, например 123,45:`,
    confirm: (doc: string, date: string, amount: string) =>
      `Проверьте платеж:\n\nНомер документа: ${doc}\nДата: ${date}\nСумма: ${amount}\n\nЗарегистрировать его как неподтвержденный?`,
    saved: (doc: string) =>
      `Платеж № ${doc} зарегистрирован со статусом «неподтвержденный». Он станет «подтвержденным» после проверки.`,
  },
  invoices: {
    title: 'Счета',
    closedMonths: 'Счета за закрытые месяцы:',
    empty: 'Счетов за закрытые месяцы пока нет.',
    billingPeriodNote: (lastDay: number) =>
      `С 1 по ${lastDay} число месяца идет формирование счетов: заказ счетов в эти дни недоступен.`,
    deliveryNow: (method: string, address: string | null) =>
      `Доставка счетов: ${method}${address ? ` (${address})` : ''}`,
    row: (period: string, amount: string, paid: boolean) =>
      `${period} · ${amount} · ${paid ? 'оплачен' : 'не оплачен'}`,
    card: (number: string, period: string, amount: string, vat: string, paid: boolean) =>
      `Счет № ${number}\nПериод: ${period}\nСумма: ${amount}\nв т.ч. НДС: ${vat}\nСтатус: ${paid ? 'оплачен' : 'не оплачен'}\n\nКак получить счет?`,
    toDeliveryEmail: (email: string) => `На e-mail ${email}`,
    toOtherEmail: 'На другой e-mail',
    download: 'Загрузить',
    changeDelivery: 'Изменить доставку счетов',
    askEmail: 'Введите адрес электронной почты, на который отправить счет:',
    downloadOrdered: 'Счет формируется — файл PDF придет в этот чат через несколько секунд.',
    emailOrdered: (email: string) => `Счет формируется и будет отправлен на ${email}.`,
    emailQueued: (email: string) =>
      `Письмо со счетом на ${email} поставлено в очередь: отправка почты сейчас не настроена, оно уйдет, как только она станет доступна.`,
  },
  installments: {
    title: 'Информация по рассрочке',
    titleFor: (phone: string) => `Информация по рассрочке\n${phone}`,
    empty: 'Оборудования в рассрочке нет.',
    item: (n: number, item: string, phone: string | null) => `${n}. ${item}${phone ? ` (${phone})` : ''}`,
    remaining: (left: number, total: number) => `Осталось платежей: ${left} из ${total}`,
    monthly: (amount: string) => `Ежемесячный платеж: ${amount}`,
    payoff: (date: string) => `Срок погашения: ${date}`,
    remainingSum: (amount: string) => `Остаток к оплате: ${amount}`,
    totals: (remaining: string, monthly: string) => `Итого остаток: ${remaining}\nИтого в месяц: ${monthly}`,
  },
  errors: {} as Record<string, Message>,
};

/** Refusals of «Платежи» (DomainError('payments.<reason>')). */
export const payments = {
  errors: {
    invalidDocument: (p: Record<string, string | number>) =>
      `Номер документа не распознан: от 1 до ${p.max ?? 32} букв, цифр, знаков «-» и «/». Введите номер еще раз.`,
    invalidDate: 'Дата не распознана. Введите дату в формате ДД.ММ.ГГГГ или нажмите «Сегодня» / «Вчера».',
    futureDate: 'Дата платежа не может быть в будущем. Введите другую дату.',
    tooOld: (p: Record<string, string | number>) =>
      `Платеж старше ${count('ru', p.days, DAYS_GEN)} зарегистрировать нельзя. Введите другую дату.`,
    invalidAmount: 'Сумма должна быть больше нуля. Введите, например, 123,45.',
    duplicateDocument: (p: Record<string, string | number>) =>
      `Платеж с номером документа ${p.documentNumber ?? ''} уже зарегистрирован. Повторная регистрация невозможна.`,
    clientNotFound: 'Клиент не найден.',
    notFound: 'Платеж не найден.',
  } as Record<string, Message>,
};

/** Refusals of «Счета» (DomainError('invoices.<reason>')). */
export const invoices = {
  errors: {
    billingPeriod: (p: Record<string, string | number>) =>
      `Заказ счетов недоступен с 1 по ${p.lastDay ?? 3} число каждого месяца: идет формирование счетов за услуги связи. Попробуйте позже.`,
    notClosed: 'Счет за текущий месяц еще не сформирован: заказать можно только счет за закрытый месяц.',
    invalidEmail: 'Адрес электронной почты не распознан. Введите адрес вида name@example.by.',
    emailRequired: 'Не указан адрес электронной почты. Введите его.',
    invalidDelivery: 'Такой способ доставки недоступен.',
    addressRequired: 'Введите почтовый адрес.',
    tooManyPending: (p: Record<string, string | number>) =>
      `Уже готовится ${p.pending} ${Number(p.pending) === 1 ? 'счет' : 'счета'}: дождитесь их и закажите следующий.`,
    invalidAddress: (p: Record<string, string | number>) =>
      `Почтовый адрес должен быть от ${p.min} до ${count('ru', p.max, CHARS_GEN)}. Введите его еще раз.`,
  } as Record<string, Message>,
};
