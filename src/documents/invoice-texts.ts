// The words printed on an invoice and in its mail. An invoice is a Russian-language document of the
// operator, whatever language the administrator chose in the bot.
import type { IsoDate } from '../domain/time.js';

const MONTHS = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

/** '2026-10-01' → 'октябрь 2026'. */
export function periodName(period: IsoDate): string {
  return `${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
}

/** '2026-10-01' → '01.10.2026'. */
export function dottedDate(date: IsoDate): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

export const invoiceTexts = {
  title: (number: string, issuedOn: IsoDate) => `Счет № ${number} от ${dottedDate(issuedOn)}`,
  period: (period: IsoDate) => `Расчетный период: ${periodName(period)}`,
  supplier: 'Поставщик',
  payer: 'Плательщик',
  unp: 'УНП',
  okpo: 'ОКПО',
  address: 'Адрес',
  bankAccount: 'Расчетный счет',
  bic: 'БИК',
  contract: (number: string, date: IsoDate) => `Договор № ${number} от ${dottedDate(date)}`,
  columns: {
    position: '№',
    description: 'Наименование',
    amount: 'Сумма с НДС',
    vat: (p: number) => `в т.ч. НДС ${p}%`,
  },
  servicesLine: (period: IsoDate) => `Услуги электросвязи за ${periodName(period)}`,
  total: 'Итого к оплате',
  vatTotal: (p: number) => `в том числе НДС ${p}%`,
  purposeLabel: 'Назначение платежа',
  purpose: (o: { number: string; issuedOn: IsoDate; period: IsoDate; contract: string; contractDate: IsoDate }) =>
    `Оплата по счету № ${o.number} от ${dottedDate(o.issuedOn)} за услуги электросвязи за ${periodName(o.period)}, договор № ${o.contract} от ${dottedDate(o.contractDate)}`,
  dueLabel: 'Срок оплаты',
  due: (date: IsoDate) => `до ${dottedDate(date)} включительно`,
  paid: 'Оплачен',
  unpaid: 'Не оплачен',
  filename: (number: string, period: IsoDate) =>
    `invoice-${number.replace(/[^\p{L}\p{N}-]+/gu, '_')}-${period.slice(0, 7)}.pdf`,
  caption: (number: string, period: IsoDate) => `Счет № ${number} за ${periodName(period)}`,
  mailSubject: (number: string, period: IsoDate) => `Счет № ${number} за ${periodName(period)}`,
  mailBody: (clientName: string, number: string, period: IsoDate) =>
    `Здравствуйте!\n\nВо вложении счет № ${number} за ${periodName(period)} для ${clientName}.\n\nПисьмо отправлено автоматически, отвечать на него не нужно.`,
};
