// R-BULK: the result of a list as an XLSX workbook (exceljs) — one row per line with its outcome.
// Every cell is text the user (or another client's data) supplied, so a cell that a spreadsheet
// would read as a formula (=, +, -, @, or a leading tab/CR) is neutralised with a leading apostrophe.

export interface ListResultDocument {
  sheetName: string;
  title: string;
  /** Summary lines under the title (counts). */
  summary: string[];
  columns: string[];
  rows: (string | number)[][];
}

/** A cell that cannot start a formula (OWASP CSV injection). */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const cell = (v: string | number) => (typeof v === 'number' ? v : neutralizeCell(v));

export async function listResultXlsx(doc: ListResultDocument): Promise<Buffer> {
  // exceljs loads on first use: a second of start-up for a file few updates produce.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(doc.sheetName.replace(/[*?:\\/[\]]/g, ' ').slice(0, 31) || 'Result');
  sheet.columns = doc.columns.map((_, i) => ({ width: [10, 20, 18, 60, 40][i] ?? 20 }));
  sheet.addRow([cell(doc.title)]).font = { bold: true };
  for (const line of doc.summary) sheet.addRow([cell(line)]);
  sheet.addRow([]);
  const header = sheet.addRow(doc.columns.map(cell));
  header.font = { bold: true };
  for (const row of doc.rows) sheet.addRow(row.map(cell));
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
