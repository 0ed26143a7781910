// Finding 1 of issue 22 (spreadsheet bombs): an XLSX of about 1 MB that inflates past 1 GB is refused
// from its zip directory before anything inflates it and before a parse thread is started; one that lies
// about its size is stopped at the size it declared; an honest spreadsheet still reads.
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readListRows } from '../../src/domain/lists/parse.js';
import { xlsxWorkersStarted } from '../../src/domain/lists/xlsx-bounded.js';
import { checkZip } from '../../src/domain/lists/zip-guard.js';
import { defaultSettings } from '../../src/domain/settings.js';
import { zipBomb } from './zip-bomb.js';

const limits = { maxLines: 10_000, maxBytes: 5 * 1024 * 1024 };
const caps = {
  maxUnzippedBytes: defaultSettings.listMaxUnzippedBytes,
  maxRatio: defaultSettings.listMaxZipRatio,
  maxEntries: defaultSettings.listMaxZipEntries,
};
const asFile = (content: Buffer) => ({ kind: 'file' as const, fileName: 'список.xlsx', content });

describe('Finding 1 (spreadsheet bombs)', () => {
  const bomb = zipBomb();

  it('the bomb is real: about 1 MB that inflates past 1 GB', () => {
    expect(bomb.length).toBeLessThan(1.5 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(limits.maxBytes);
    // Inflating a slice of the sheet shows the ratio without spending a gigabyte.
    const sheet = checkZip(zipBomb({ repeats: 1 }), { ...caps, maxUnzippedBytes: 1e12, maxRatio: 1e9 }).at(-1)!;
    expect(sheet.uncompressedSize).toBeGreaterThan(16 * 1024 * 1024);
    expect(
      checkZip(bomb, { maxUnzippedBytes: 1e12, maxRatio: 1e9, maxEntries: 10 }).at(-1)!.uncompressedSize,
    ).toBeGreaterThan(1024 ** 3);
  });

  it('a 1 MB XLSX that inflates past 1 GB is refused «Файл поврежден или слишком большой» before any parse thread', async () => {
    const before = xlsxWorkersStarted();
    await expect(readListRows(asFile(bomb), limits)).rejects.toMatchObject({ code: 'lists.unsafeFile' });
    expect(xlsxWorkersStarted()).toBe(before);
  });

  it('refused on the compression ratio alone, below the size cap', async () => {
    const quarter = zipBomb({ repeats: 2 }); // 32 MB of spaces in ~32 KB
    expect(() => checkZip(quarter, caps)).toThrow('lists.unsafeFile');
    expect(() => checkZip(quarter, { ...caps, maxRatio: 1e9 })).not.toThrow();
  });

  it('a sheet that declares 1 MB and inflates to 1 GB is stopped at its declared size, in the parse thread', async () => {
    const liar = zipBomb({ declaredSheetBytes: 1024 * 1024 });
    expect(() => checkZip(liar, { ...caps, maxRatio: 1e9 })).not.toThrow();
    const before = xlsxWorkersStarted();
    await expect(readListRows(asFile(liar), { ...limits, maxRatio: 1e9 })).rejects.toMatchObject({
      code: 'lists.unsafeFile',
    });
    expect(xlsxWorkersStarted()).toBe(before + 1);
  });

  it('an honest spreadsheet is read in the parse thread, rows streamed and capped', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Лист1');
    for (let i = 0; i < 30; i++) ws.addRow([375291000000 + i, `Имя ${i}`]);
    const content = Buffer.from(await wb.xlsx.writeBuffer());
    const rows = await readListRows(asFile(content), limits);
    expect(rows).toHaveLength(30);
    expect(rows[0]).toEqual({ lineNo: 1, cells: ['375291000000', 'Имя 0'] });
    await expect(readListRows(asFile(content), { ...limits, maxLines: 10 })).rejects.toMatchObject({
      code: 'lists.tooManyLines',
    });
    // Sanity: the deflate segments of the bomb are valid (a small one inflates to what it declares).
    const small = zipBomb({ repeats: 0 });
    const entry = checkZip(small, caps).at(-1)!;
    const start = entry.localHeaderOffset + 30 + Buffer.byteLength(entry.name);
    expect(inflateRawSync(small.subarray(start, start + entry.compressedSize)).length).toBe(entry.uncompressedSize);
  });
});
