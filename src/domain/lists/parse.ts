// Reads what the administrator sent — pasted lines, a CSV (UTF-8 or Windows-1251, `;`, tab or `,`) or
// an XLSX — into numbered rows of cells. Size and line limits are checked here again (the bot checks
// `file_size` before download); a file that cannot be read is refused as a whole.
import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { DomainError } from '../errors.js';
import { defaultSettings } from '../settings.js';
import { trimCells } from './cells.js';
import type { ListSource, SourceRow } from './types.js';
import { type XlsxLimits, xlsxRowsBounded } from './xlsx-bounded.js';

/** Lines and bytes; the XLSX bounds (finding 1 of issue 22) default to SPEC's settings. */
export type ListLimits = { maxLines: number; maxBytes: number } & Partial<Omit<XlsxLimits, 'maxLines'>>;

const XLSX_DEFAULTS: Omit<XlsxLimits, 'maxLines'> = {
  maxUnzippedBytes: defaultSettings.listMaxUnzippedBytes,
  maxRatio: defaultSettings.listMaxZipRatio,
  maxEntries: defaultSettings.listMaxZipEntries,
  parseMemoryMb: defaultSettings.listParseMemoryMb,
  parseTimeoutMs: defaultSettings.listParseTimeoutMs,
};

const DELIMITERS = [';', '\t', ','] as const;

/** Rows of the source (blank lines dropped), header included; throws DomainError('lists.*'). */
export async function readListRows(source: ListSource, limits: ListLimits): Promise<SourceRow[]> {
  if (source.kind === 'text') {
    if (Buffer.byteLength(source.text, 'utf8') > limits.maxBytes) throw tooBig(limits);
    return checkLineCount(textRows(source.text), limits);
  }
  const { content, fileName } = source;
  if (content.length > limits.maxBytes) throw tooBig(limits);
  if (content.length === 0) throw new DomainError('lists.empty');
  const type = fileType(fileName, content);
  if (type === 'xlsx') return checkLineCount(await xlsxRowsBounded(content, { ...XLSX_DEFAULTS, ...limits }), limits);
  return checkLineCount(csvRows(decodeText(content)), limits);
}

/** The limit as users read it: megabytes with one decimal. */
export function maxMb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

function tooBig(limits: Pick<ListLimits, 'maxBytes'>): DomainError {
  return new DomainError('lists.tooBig', { maxMb: maxMb(limits.maxBytes) });
}

const LIST_EXTENSIONS = ['csv', 'txt', 'xlsx'];

function extensionOf(fileName: string): string {
  return fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
}

/**
 * What can be told of a sent file before it is downloaded: its type by name and its declared size.
 * Checked again on the bytes by readListRows.
 */
export function checkListFile(
  file: { fileName: string; declaredBytes?: number },
  limits: Pick<ListLimits, 'maxBytes'>,
): void {
  if (!LIST_EXTENSIONS.includes(extensionOf(file.fileName))) throw new DomainError('lists.wrongType');
  if ((file.declaredBytes ?? 0) > limits.maxBytes) throw tooBig(limits);
}

/** Header aside, at most `maxLines` data rows (one spare row allows for the optional header). */
function checkLineCount(rows: SourceRow[], limits: ListLimits): SourceRow[] {
  if (rows.length > limits.maxLines + 1 || (rows.length === limits.maxLines + 1 && !isHeader(rows[0]!))) {
    throw new DomainError('lists.tooManyLines', { max: limits.maxLines });
  }
  if (rows.length === 0 || (rows.length === 1 && isHeader(rows[0]!))) throw new DomainError('lists.empty');
  return rows;
}

/** R-RENAME: a first line without digits is a header and is not counted. */
export function isHeader(row: SourceRow): boolean {
  return !row.cells.some((c) => /\d/.test(c));
}

function fileType(fileName: string, content: Buffer): 'csv' | 'xlsx' {
  const ext = extensionOf(fileName);
  const zip = content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (ext === 'xlsx') {
    if (!zip) throw new DomainError('lists.brokenFile');
    return 'xlsx';
  }
  if (ext === 'csv' || ext === 'txt') {
    if (zip || content.includes(0)) throw new DomainError('lists.brokenFile');
    return 'csv';
  }
  throw new DomainError('lists.wrongType');
}

/** UTF-8 (with or without BOM) when it decodes cleanly, UTF-16 with a BOM, otherwise Windows-1251. */
export function decodeText(content: Buffer): string {
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) return content.subarray(3).toString('utf8');
  if (content[0] === 0xff && content[1] === 0xfe) return content.subarray(2).toString('utf16le');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return iconv.decode(content, 'win1251');
  }
}

/** The separator most of the first lines use; `;` (the portal's own) wins a tie. */
export function detectDelimiter(lines: string[]): string {
  const sample = lines.filter((l) => l.trim() !== '').slice(0, 20);
  let best: string = DELIMITERS[0];
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = sample.filter((l) => l.includes(d)).length;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Pasted lines: split at the first separator only, so a name may contain commas; without any
 * separator a line is «number name» split after the number's digits.
 */
function textRows(text: string): SourceRow[] {
  const lines = text.split(/\r\n|\r|\n/);
  const delimiter = detectDelimiter(lines);
  const rows: SourceRow[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const at = line.indexOf(delimiter);
    let cells: string[];
    if (at >= 0) cells = [line.slice(0, at), line.slice(at + 1)];
    else {
      const m = line.match(/^\s*(\+?[\d\s\-()]*\d)\s+(\D.*)$/);
      cells = m ? [m[1]!, m[2]!] : [line];
    }
    rows.push({ lineNo: i + 1, cells: trimCells(cells) });
  });
  return rows;
}

function csvRows(text: string): SourceRow[] {
  const delimiter = detectDelimiter(text.split(/\r\n|\r|\n/, 40));
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch {
    throw new DomainError('lists.brokenFile');
  }
  return records.map((r) => ({ lineNo: r.info.lines, cells: trimCells(r.record) })).filter((r) => r.cells.length > 0);
}
