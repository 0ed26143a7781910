// When an invoice is to be paid: the operator's due date set on the invoice, otherwise day INVOICE_DUE_DAY
// (25 by default, at most 28 so every month has it) of the month after the billed period.
import { addMonths, type IsoDate } from '../time.js';

export function invoiceDueDate(period: IsoDate, dueDay: number, operatorDueDate: IsoDate | null = null): IsoDate {
  if (operatorDueDate) return operatorDueDate;
  return `${addMonths(period, 1).slice(0, 8)}${String(dueDay).padStart(2, '0')}`;
}
