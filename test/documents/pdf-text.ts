// Extracts the text of a PDF made by pdfmake/PDFKit without outside tools: inflates the streams, reads
// each font's ToUnicode map and decodes the hex strings of the page content through the font in use.
// Good enough for PDFKit's regular output; not a general PDF parser.
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const s = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\s*/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const bodyStart = m.index + m[0].length;
    const end = s.indexOf('endobj', bodyStart);
    const body = s.slice(bodyStart, end);
    const streamAt = body.indexOf('stream');
    if (streamAt < 0) {
      out.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, streamAt);
    let dataStart = bodyStart + streamAt + 'stream'.length;
    if (s[dataStart] === '\r') dataStart++;
    if (s[dataStart] === '\n') dataStart++;
    const dataEnd = s.lastIndexOf('endstream', end);
    const raw = pdf.subarray(dataStart, dataEnd);
    let stream: Buffer = raw;
    if (/\/FlateDecode/.test(dict)) {
      try {
        stream = inflateSync(raw);
      } catch {
        stream = inflateSync(raw.subarray(0, raw.length - 1));
      }
    }
    out.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return out;
}

function hexCodes(hex: string): number[] {
  const codes: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) codes.push(Number.parseInt(hex.slice(i, i + 4), 16));
  return codes;
}

function unicodeOf(hex: string): string {
  return String.fromCharCode(...hexCodes(hex));
}

/** code → text of one ToUnicode CMap (bfchar and both bfrange forms). */
function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(Number.parseInt(m[1]!, 16), unicodeOf(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const from = Number.parseInt(m[1]!, 16);
      const to = Number.parseInt(m[2]!, 16);
      if (m[3]!.startsWith('[')) {
        const values = [...m[3]!.matchAll(/<([0-9a-fA-F]+)>/g)].map((v) => unicodeOf(v[1]!));
        for (const [i, v] of values.entries()) map.set(from + i, v);
      } else {
        const base = Number.parseInt(m[3]!.slice(1, -1), 16);
        for (let c = from; c <= to; c++) map.set(c, String.fromCharCode(base + c - from));
      }
    }
  }
  return map;
}

/** The text of every page, fragments joined by spaces and runs of spaces collapsed. */
export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const fontMaps = new Map<number, Map<number, string>>();
  for (const [id, o] of objs) {
    const ref = /\/ToUnicode (\d+) 0 R/.exec(o.dict);
    const cmap = ref ? objs.get(Number(ref[1]))?.stream : undefined;
    if (cmap) fontMaps.set(id, parseCMap(cmap.toString('latin1')));
  }
  const parts: string[] = [];
  for (const o of objs.values()) {
    if (!/\/Type \/Page\b/.test(o.dict)) continue;
    const resourcesRef = /\/Resources (\d+) 0 R/.exec(o.dict);
    const resources = resourcesRef ? (objs.get(Number(resourcesRef[1]))?.dict ?? '') : o.dict;
    const fontsBlock = /\/Font\s*<<([^>]*)>>/.exec(resources)?.[1] ?? '';
    const fontByName = new Map([...fontsBlock.matchAll(/\/(\w+) (\d+) 0 R/g)].map((m) => [m[1]!, Number(m[2])]));
    const contentRef = /\/Contents (\d+) 0 R/.exec(o.dict);
    const content = contentRef ? objs.get(Number(contentRef[1]))?.stream?.toString('latin1') : undefined;
    if (!content) continue;
    let map: Map<number, string> | undefined;
    for (const m of content.matchAll(/\/(\w+) [\d.]+ Tf|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (m[1]) {
        map = fontMaps.get(fontByName.get(m[1]) ?? -1);
        continue;
      }
      const hexes = m[2] !== undefined ? [...m[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!) : [m[3]!];
      parts.push(
        hexes
          .map((h) =>
            hexCodes(h)
              .map((c) => map?.get(c) ?? '')
              .join(''),
          )
          .join(''),
      );
    }
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}
