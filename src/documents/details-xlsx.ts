// R-DETAIL: a whole period's records as an XLSX workbook (exceljs): the same columns as the CSV, cost as
// a number in roubles, totals per type below. Strings are written as text cells, never as formulas.
import { formatPhone } from '../domain/phone.js';
import { type DetailsDocument, detailLabels, detailRows, totalRows } from './details-rows.js';

export async function detailsXlsx(doc: DetailsDocument): Promise<Buffer> {
  const l = detailLabels(doc.lang);
  // exceljs loads on first use: a second of start-up for a file few updates produce.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(doc.period.key);
  sheet.columns = [
    { width: 12 },
    { width: 10 },
    { width: 20 },
    { width: 20 },
    { width: 24 },
    { width: 16, style: { numFmt: '0.00' } },
  ];
  sheet.addRow([l.title, formatPhone(doc.msisdn), doc.period.key]).font = { bold: true };
  const header = sheet.addRow(l.columns);
  header.font = { bold: true };
  for (const r of detailRows(doc)) sheet.addRow([r.date, r.time, r.type, r.number, r.quantity, r.cost / 100]);
  sheet.addRow([]);
  for (const r of totalRows(doc))
    sheet.addRow([r.date, r.time, r.type, r.number, r.quantity, r.cost / 100]).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
