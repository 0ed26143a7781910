// Checks every line of a list before anything is stored or applied: the number, that it is this
// client's, duplicates, and for renames the new name. The result is what the preview shows.
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { subscribers } from '../../db/schema/index.js';
import { DomainError } from '../errors.js';
import { normalizePhone } from '../phone.js';
import { checkName } from '../renames/name.js';
import { isHeader } from './parse.js';
import type { CheckedLine, ListKind, SourceRow } from './types.js';

/** How many columns a list of each kind has: `number;name` for renames, `number` for services. */
export const LIST_COLUMNS: Record<ListKind, number> = { rename: 2, service: 1 };

/** The line as sent, kept for the preview and the result file (control characters Postgres refuses dropped). */
const RAW_MAX = 200;

export interface ClientSubscriber {
  id: number;
  msisdn: string;
  displayName: string;
}

/** Data rows (the optional header dropped); a row with more columns than the kind has refuses the whole list. */
export function dataRows(rows: SourceRow[], kind: ListKind): SourceRow[] {
  const data = rows.length > 0 && isHeader(rows[0]!) ? rows.slice(1) : rows;
  const columns = LIST_COLUMNS[kind];
  const wide = data.find((r) => r.cells.length > columns);
  if (wide) throw new DomainError('lists.wrongColumns', { expected: columns, line: wide.lineNo });
  // A rename list where no line has a name is a list of numbers sent to the wrong section.
  if (columns > 1 && data.length > 1 && data.every((r) => r.cells.length < columns)) {
    throw new DomainError('lists.wrongColumns', { expected: columns, line: data[0]!.lineNo });
  }
  return data;
}

/** The client's live subscribers among `msisdns`, by number (R-SCOPE: led by the client id). */
export async function clientSubscribersByMsisdn(
  ex: Executor,
  clientId: number,
  msisdns: string[],
): Promise<Map<string, ClientSubscriber>> {
  const found = new Map<string, ClientSubscriber>();
  // Normalised numbers are digits only; as one array parameter (an IN list of thousands costs far more).
  const unique = [...new Set(msisdns)].filter((m) => /^\d+$/.test(m));
  if (unique.length === 0) return found;
  const rows = await ex
    .select({ id: subscribers.id, msisdn: subscribers.msisdn, displayName: subscribers.displayName })
    .from(subscribers)
    .where(
      and(
        eq(subscribers.clientId, clientId),
        sql`${subscribers.msisdn} = any(${`{${unique.join(',')}}`}::text[])`,
        ne(subscribers.status, 'terminated'),
      ),
    );
  for (const row of rows) found.set(row.msisdn, row);
  return found;
}

/** Normalised numbers of the rows, where they parse (for the one subscriber look-up). */
export function rowMsisdns(rows: SourceRow[]): string[] {
  const out: string[] = [];
  for (const row of rows) {
    try {
      out.push(normalizePhone(row.cells[0] ?? ''));
    } catch {
      // reported per line by checkLines
    }
  }
  return out;
}

/** Every line with its subscriber or its reason; the first occurrence of a number wins, later ones are duplicates. */
export function checkLines(
  rows: SourceRow[],
  kind: ListKind,
  known: Map<string, ClientSubscriber>,
  nameMaxLength: number,
): CheckedLine[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const raw = [...row.cells.join(';').replace(/[\p{Cc}\p{Cs}]/gu, ' ')].slice(0, RAW_MAX).join('');
    const line: CheckedLine = { lineNo: row.lineNo, raw, msisdn: null, subscriberId: null, name: null, reason: null };
    let msisdn: string;
    try {
      msisdn = normalizePhone(row.cells[0] ?? '');
    } catch {
      line.reason = { code: 'lists.notANumber' };
      return line;
    }
    line.msisdn = msisdn;
    const first = seen.get(msisdn);
    if (first !== undefined) {
      line.reason = { code: 'lists.duplicate', params: { line: first } };
      return line;
    }
    seen.set(msisdn, row.lineNo);
    const subscriber = known.get(msisdn);
    if (!subscriber) {
      line.reason = { code: 'lists.notThisClient' };
      return line;
    }
    line.subscriberId = subscriber.id;
    if (kind === 'rename') {
      const checked = checkName(row.cells[1] ?? '', nameMaxLength);
      if ('reason' in checked) line.reason = { code: checked.reason, params: { max: nameMaxLength } };
      else line.name = checked.name;
    }
    return line;
  });
}
