// R-DETAIL: a whole period's records as CSV — UTF-8 with BOM (so Excel reads Cyrillic), `;`-separated,
// CRLF lines, and every cell that a spreadsheet could run as a formula neutralised.
import { type DetailsDocument, detailLabels, detailRows, plainMoney, totalRows } from './details-rows.js';

const BOM = '\uFEFF';

/** A cell starting with =, +, -, @ (or a tab/CR) is prefixed with `'` so no spreadsheet runs it (CSV injection). */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvCell(value: string): string {
  const safe = neutralise(value);
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function detailsCsv(doc: DetailsDocument): Buffer {
  const line = (cells: string[]) => cells.map(csvCell).join(';');
  const lines = [line(detailLabels(doc.lang).columns)];
  for (const r of detailRows(doc)) lines.push(line([r.date, r.time, r.type, r.number, r.quantity, plainMoney(r.cost)]));
  lines.push('');
  for (const r of totalRows(doc)) lines.push(line([r.date, r.time, r.type, r.number, r.quantity, plainMoney(r.cost)]));
  return Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}
