import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readListRows } from '../../../src/domain/lists/parse.js';
import { dataRows } from '../../../src/domain/lists/validate.js';

const limits = { maxLines: 10_000, maxBytes: 5 * 1024 * 1024 };
const file = (fileName: string, content: Buffer | string) => ({
  kind: 'file' as const,
  fileName,
  content: Buffer.from(content),
});

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Лист1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('R-RENAME / R-BULK list intake: every format a list may come in', () => {
  it('reads pasted lines split at the first separator, and «number name» without one', async () => {
    const rows = await readListRows(
      { kind: 'text', text: '+375 29 100-00-01;Иванов, бухгалтерия\n\n291000002;Петров\r\n' },
      limits,
    );
    expect(rows).toEqual([
      { lineNo: 1, cells: ['+375 29 100-00-01', 'Иванов, бухгалтерия'] },
      { lineNo: 3, cells: ['291000002', 'Петров'] },
    ]);
    const spaced = await readListRows({ kind: 'text', text: '+375 29 100-00-01 Иванов Иван' }, limits);
    expect(spaced[0]!.cells).toEqual(['+375 29 100-00-01', 'Иванов Иван']);
  });

  it('reads a UTF-8 CSV with `;` and a Windows-1251 CSV with `,`, quotes respected', async () => {
    const utf8 = await readListRows(file('a.csv', '\ufeffНомер;Имя\n375291000001;"Сидоров; склад"\n'), limits);
    expect(utf8.map((r) => r.cells)).toEqual([
      ['Номер', 'Имя'],
      ['375291000001', 'Сидоров; склад'],
    ]);
    const cp1251 = await readListRows(
      file('b.csv', iconv.encode('Номер,Имя\r\n291000001,Ёжиков Пётр\r\n', 'win1251')),
      limits,
    );
    expect(cp1251.map((r) => r.cells)).toEqual([
      ['Номер', 'Имя'],
      ['291000001', 'Ёжиков Пётр'],
    ]);
  });

  it('reads the first sheet of an XLSX, a number cell as its digits', async () => {
    const rows = await readListRows(
      file('list.xlsx', await xlsx([['Номер', 'Имя'], [375291000001, 'Иванов'], [], ['291000002', 'Петров']])),
      limits,
    );
    expect(rows).toEqual([
      { lineNo: 1, cells: ['Номер', 'Имя'] },
      { lineNo: 2, cells: ['375291000001', 'Иванов'] },
      { lineNo: 4, cells: ['291000002', 'Петров'] },
    ]);
  });

  it('a first line without digits is a header and not counted; with digits it is data', () => {
    const rows = [
      { lineNo: 1, cells: ['Номер', 'Имя'] },
      { lineNo: 2, cells: ['291000001', 'A'] },
    ];
    expect(dataRows(rows, 'rename')).toHaveLength(1);
    expect(dataRows([{ lineNo: 1, cells: ['291000009', 'Header 1'] }, ...rows.slice(1)], 'rename')).toHaveLength(2);
  });

  it('refuses wrong types, broken files, oversize and overlong lists, wrong columns', async () => {
    await expect(readListRows(file('a.pdf', '%PDF-1.4'), limits)).rejects.toMatchObject({ code: 'lists.wrongType' });
    await expect(readListRows(file('a.xlsx', 'not a zip at all'), limits)).rejects.toMatchObject({
      code: 'lists.brokenFile',
    });
    await expect(
      readListRows(file('a.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), limits),
    ).rejects.toMatchObject({ code: 'lists.brokenFile' });
    await expect(readListRows(file('a.csv', Buffer.from([0x31, 0, 0x32])), limits)).rejects.toMatchObject({
      code: 'lists.brokenFile',
    });
    await expect(readListRows(file('a.csv', 'x'.repeat(101)), { maxLines: 10, maxBytes: 100 })).rejects.toMatchObject({
      code: 'lists.tooBig',
    });
    const eleven = Array.from({ length: 11 }, (_, i) => `29100000${i % 10};N`).join('\n');
    await expect(readListRows({ kind: 'text', text: eleven }, { maxLines: 10, maxBytes: 1e6 })).rejects.toMatchObject({
      code: 'lists.tooManyLines',
    });
    await expect(
      readListRows(
        { kind: 'text', text: `Номер;Имя\n${eleven.split('\n').slice(1).join('\n')}` },
        { maxLines: 10, maxBytes: 1e6 },
      ),
    ).resolves.toHaveLength(11);
    await expect(
      readListRows(file('a.xlsx', await xlsx(Array.from({ length: 12 }, () => ['291000001']))), {
        maxLines: 10,
        maxBytes: 1e6,
      }),
    ).rejects.toMatchObject({
      code: 'lists.tooManyLines',
    });
    await expect(readListRows({ kind: 'text', text: '\n  \n' }, limits)).rejects.toMatchObject({ code: 'lists.empty' });
    expect(() => dataRows([{ lineNo: 1, cells: ['291000001', 'a', 'b'] }], 'rename')).toThrow('lists.wrongColumns');
    expect(() => dataRows([{ lineNo: 1, cells: ['291000001', 'Иванов'] }], 'service')).toThrow('lists.wrongColumns');
    expect(() =>
      dataRows(
        [
          { lineNo: 1, cells: ['291000001'] },
          { lineNo: 2, cells: ['291000002'] },
        ],
        'rename',
      ),
    ).toThrow('lists.wrongColumns');
  });
});
