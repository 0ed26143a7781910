// A real spreadsheet bomb, built in milliseconds: an XLSX whose sheet is valid XML padded with ~1 GB of
// spaces. The padding is one 16 MB deflate segment (sync-flushed, so it can be repeated) written 64
// times: about 1 MB on disk. `declare` lets a test make the directory lie about the sheet's size.
import { deflateRawSync, constants } from 'node:zlib';

const SEGMENT = 16 * 1024 * 1024;

/** Deflate blocks ending at a byte boundary (sync flush), not final: they can be concatenated. */
const openBlocks = (data: Buffer) => deflateRawSync(data, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
/** The empty final block. */
const FINAL = Buffer.from([0x03, 0x00]);

interface Entry {
  name: string;
  deflated: Buffer;
  size: number;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const small = (name: string, text: string): Entry => {
  const data = Buffer.from(text, 'utf8');
  return { name, deflated: Buffer.concat([openBlocks(data), FINAL]), size: data.length };
};

/** The sheet entry: `<worksheet><sheetData>`, `repeats` × 16 MB of spaces, one row, `</sheetData></worksheet>`. */
function bombSheet(repeats: number): Entry {
  const head = Buffer.from(
    `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`,
  );
  const tail = Buffer.from(
    '<row r="1"><c r="A1" t="inlineStr"><is><t>375291000001</t></is></c></row></sheetData></worksheet>',
  );
  const padding = openBlocks(Buffer.alloc(SEGMENT, 0x20));
  const parts = [openBlocks(head), ...Array.from({ length: repeats }, () => padding), openBlocks(tail), FINAL];
  return {
    name: 'xl/worksheets/sheet1.xml',
    deflated: Buffer.concat(parts),
    size: head.length + repeats * SEGMENT + tail.length,
  };
}

/**
 * The bomb as a zip. `declaredSheetBytes` overrides what the central directory says the sheet inflates to
 * (a liar); the CRC is left 0, as exceljs does not check it.
 */
export function zipBomb(options: { repeats?: number; declaredSheetBytes?: number } = {}): Buffer {
  const sheet = bombSheet(options.repeats ?? 64);
  const entries: Entry[] = [
    small(
      '[Content_Types].xml',
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    small(
      '_rels/.rels',
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    small(
      'xl/workbook.xml',
      `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    small(
      'xl/_rels/workbook.xml.rels',
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    { ...sheet, size: options.declaredSheetBytes ?? sheet.size },
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
