// List intake and exported cells at the domain level, property-based (R-RENAME, R-BULK, R-DETAIL): any
// pasted text or file bytes give checked lines or a lists.* refusal with a text, never another error;
// every line kept is bounded and free of characters Postgres or a bill cannot take; and no cell the
// exports write can start a formula.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorText, textsFor } from '../../src/bot/texts/index.js';
import { csvCell, neutralise } from '../../src/documents/details-csv.js';
import { neutralizeCell } from '../../src/documents/list-result-xlsx.js';
import { isDomainError } from '../../src/domain/errors.js';
import { readListRows } from '../../src/domain/lists/parse.js';
import type { ListKind } from '../../src/domain/lists/types.js';
import { checkLines, dataRows } from '../../src/domain/lists/validate.js';
import { nasty } from './nasty.js';

const LIMITS = { maxLines: 200, maxBytes: 64 * 1024 };
const ru = textsFor('ru');
const known = new Map([['375291000001', { id: 1, msisdn: '375291000001', displayName: 'Иванов' }]]);

/** A line that looks like a list line: a number, a separator, a name — each possibly hostile. */
const line = fc
  .tuple(
    fc.oneof(fc.constant('375291000001'), fc.constant('+375 29 100-00-01'), nasty),
    fc.constantFrom(';', ',', '\t', ' ', ''),
    nasty,
  )
  .map(([n, sep, name]) => `${n}${sep}${name}`);
const listText = fc.oneof(
  nasty,
  fc.array(line, { maxLength: 30 }).map((l) => l.join('\n')),
  fc.array(line, { maxLength: 30 }).map((l) => l.join('\r\n')),
);

async function outcome(run: () => Promise<unknown> | unknown): Promise<'ok' | string> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    if (!isDomainError(error)) throw error;
    expect(error.code).toMatch(/^lists\./);
    expect(errorText(ru, error), error.code).toBeTruthy();
    return error.code;
  }
}

describe('Lists at the domain level: any text or bytes give checked lines or a lists.* refusal', () => {
  it.each<ListKind>(['rename', 'service'])('pasted text, %s list', async (kind) => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(listText, async (text) => {
        seen.add(
          await outcome(async () => {
            const rows = dataRows(await readListRows({ kind: 'text', text }, LIMITS), kind);
            for (const l of checkLines(rows, kind, known, 64)) {
              expect([...l.raw].length).toBeLessThanOrEqual(200);
              expect(l.raw).not.toMatch(/[\p{Cc}\p{Cs}]/u);
              if (l.reason === null) {
                expect(l.msisdn).toBe('375291000001');
                if (kind === 'rename') expect([...l.name!].length).toBeGreaterThan(0);
                if (kind === 'rename') expect(l.name).not.toMatch(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u);
              } else {
                expect(l.reason.code).toMatch(/^(lists|renames)\./);
              }
            }
          }),
        );
      }),
      { numRuns: 400 },
    );
    expect(seen.has('ok')).toBe(true);
    expect(seen.size).toBeGreaterThan(1);
  });

  it.each(['list.csv', 'list.txt', 'list.xlsx', 'list.bin'])('random bytes as %s', async (fileName) => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          fc.string({ unit: 'binary' }).map((s) => new TextEncoder().encode(s)),
        ),
        async (bytes) => {
          await outcome(async () =>
            dataRows(await readListRows({ kind: 'file', fileName, content: Buffer.from(bytes) }, LIMITS), 'rename'),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('Exports: no cell the bot writes can start a formula (CSV/XLSX injection)', () => {
  it('the result XLSX and the detail CSV neutralise every formula lead-in, and keep the text', () => {
    const formulaish = fc.oneof(
      nasty,
      fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), nasty).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(formulaish, (s) => {
        for (const safe of [neutralizeCell(s), neutralise(s)]) {
          expect(safe).not.toMatch(/^[=+\-@\t\r]/);
          expect(safe.endsWith(s)).toBe(true);
        }
        // A CSV cell, once its quoting is undone, starts no formula either.
        const cell = csvCell(s);
        const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
        expect(unquoted).not.toMatch(/^[=+\-@\t\r]/);
        expect(cell.includes(';') || cell.includes('\n') ? cell.startsWith('"') : true).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
