// Shapes shared by list intake, renames and bulk service actions (R-RENAME, R-BULK).
export type ListKind = 'rename' | 'service';

/** What the administrator sent: pasted lines, or a CSV/XLSX file. */
export type ListSource = { kind: 'text'; text: string } | { kind: 'file'; fileName: string; content: Buffer };

/** One non-empty row of the source, numbered as the user sees it (line of the text, row of the sheet). */
export interface SourceRow {
  lineNo: number;
  cells: string[];
}

/** Why a line is refused: a DomainError-like code (`lists.duplicate`) with its text parameters. */
export interface LineReason {
  code: string;
  params?: Record<string, string | number>;
}

/** A line after validation, before it is stored. */
export interface CheckedLine {
  lineNo: number;
  raw: string;
  msisdn: string | null;
  subscriberId: number | null;
  name: string | null;
  reason: LineReason | null;
}

export interface BadLine {
  lineNo: number;
  raw: string;
  reason: LineReason;
}

/** What the administrator confirms: how many lines are fine and why each bad one is refused. */
export interface ListPreview {
  listId: number;
  kind: ListKind;
  /** Data lines (header and blank lines not counted). */
  total: number;
  fine: number;
  bad: BadLine[];
}
