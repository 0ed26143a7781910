// The XLSX parse, run in a worker thread by xlsx-bounded.ts (finding 1 of issue 22): every entry is first
// inflated against its declared size, then the first sheet's rows are streamed and the read stops as soon
// as there are more rows than a list may have. The thread's heap and time are bounded by its parent.
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import type ExcelJS from 'exceljs';
import { isDomainError } from '../errors.js';
import { trimCells } from './cells.js';
import type { SourceRow } from './types.js';
import { verifyInflation, type ZipEntry } from './zip-guard.js';

export interface XlsxJob {
  content: Uint8Array;
  entries: ZipEntry[];
  /** Rows kept at most; one more and the read stops with `tooManyRows`. */
  maxRows: number;
}

export type XlsxAnswer =
  | { rows: SourceRow[] }
  | { tooManyRows: true }
  | { error: string; params?: Record<string, string | number> };

/** A cell as the user sees it; numbers without exponent or grouping (a phone typed as a number). */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  try {
    return cell.text ?? '';
  } catch {
    return '';
  }
}

export async function readXlsx(job: XlsxJob): Promise<XlsxAnswer> {
  const content = Buffer.from(job.content.buffer, job.content.byteOffset, job.content.byteLength);
  try {
    verifyInflation(content, job.entries);
  } catch (error) {
    if (isDomainError(error)) return { error: error.code };
    throw error;
  }
  const { default: Excel } = await import('exceljs');
  const rows: SourceRow[] = [];
  try {
    const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([content]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
    });
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const cells: string[] = [];
        for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
        const trimmed = trimCells(cells);
        if (trimmed.length === 0) continue;
        rows.push({ lineNo: row.number, cells: trimmed });
        if (rows.length > job.maxRows) return { tooManyRows: true };
      }
      break; // the first sheet only
    }
  } catch {
    return { error: 'lists.brokenFile' };
  }
  return { rows };
}

if (parentPort && workerData) {
  const port = parentPort;
  readXlsx(workerData as XlsxJob).then(
    (answer) => port.postMessage(answer),
    () => port.postMessage({ error: 'lists.brokenFile' } satisfies XlsxAnswer),
  );
}
