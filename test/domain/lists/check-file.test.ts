import { describe, expect, it } from 'vitest';
import { checkListFile } from '../../../src/domain/lists/parse.js';

const limits = { maxBytes: 5 * 1024 * 1024 };

describe('R-RENAME / R-BULK: a sent list file is refused before download when its type or declared size is wrong', () => {
  it('accepts CSV, TXT and XLSX within the size', () => {
    for (const fileName of ['list.csv', 'LIST.TXT', 'renames.xlsx'])
      expect(() => checkListFile({ fileName, declaredBytes: 1000 }, limits)).not.toThrow();
  });
  it('refuses other types', () => {
    for (const fileName of ['list.pdf', 'list', 'list.xls', 'list.csv.exe'])
      expect(() => checkListFile({ fileName }, limits)).toThrow('lists.wrongType');
  });
  it('refuses a declared size over the limit, naming the limit in megabytes', () => {
    try {
      checkListFile({ fileName: 'big.csv', declaredBytes: 50 * 1024 * 1024 }, limits);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'lists.tooBig', params: { maxMb: 5 } });
    }
  });
});
