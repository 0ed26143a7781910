// Finding 1 of issue 22 (spreadsheet bombs): an XLSX is a zip. Before anything inflates it, its central
// directory is read and the file refused when an entry or the whole declares more than the caps, or
// compresses better than a real spreadsheet does. Declared sizes can lie, so verifyInflation (run in the
// parse worker) inflates each entry with its declared size as a hard output limit.
import { inflateRawSync } from 'node:zlib';
import { DomainError } from '../errors.js';

export interface ZipCaps {
  /** Sum of the declared uncompressed sizes. */
  maxUnzippedBytes: number;
  /** Declared uncompressed / compressed size, per entry and for the whole. */
  maxRatio: number;
  maxEntries: number;
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Entries this small are never a bomb (and compress oddly: `[Content_Types].xml` of 30 bytes). */
const RATIO_FLOOR_BYTES = 64 * 1024;

/** The refusal a user sees: «Файл поврежден или слишком большой». */
export const unsafeFile = () => new DomainError('lists.unsafeFile');

/** The central directory's entries, refused (lists.unsafeFile) when out of the caps; reads no entry's data. */
export function checkZip(content: Buffer, caps: ZipCaps): ZipEntry[] {
  const end = findEndOfDirectory(content);
  const count = content.readUInt16LE(end + 10);
  const size = content.readUInt32LE(end + 12);
  const offset = content.readUInt32LE(end + 16);
  // ZIP64 markers: no spreadsheet of a few megabytes needs them.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw unsafeFile();
  if (count > caps.maxEntries) throw unsafeFile();
  if (offset + size > end) throw new DomainError('lists.brokenFile');
  const entries: ZipEntry[] = [];
  let at = offset;
  let total = 0;
  let totalCompressed = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || content.readUInt32LE(at) !== CENTRAL) throw new DomainError('lists.brokenFile');
    const entry: ZipEntry = {
      method: content.readUInt16LE(at + 10),
      compressedSize: content.readUInt32LE(at + 20),
      uncompressedSize: content.readUInt32LE(at + 24),
      localHeaderOffset: content.readUInt32LE(at + 42),
      name: content.toString('utf8', at + 46, at + 46 + content.readUInt16LE(at + 28)),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff) throw unsafeFile();
    if (entry.method !== 0 && entry.method !== 8) throw new DomainError('lists.brokenFile');
    total += entry.uncompressedSize;
    totalCompressed += entry.compressedSize;
    if (total > caps.maxUnzippedBytes) throw unsafeFile();
    if (entry.uncompressedSize > RATIO_FLOOR_BYTES && entry.uncompressedSize > caps.maxRatio * entry.compressedSize)
      throw unsafeFile();
    entries.push(entry);
    at += 46 + content.readUInt16LE(at + 28) + content.readUInt16LE(at + 30) + content.readUInt16LE(at + 32);
  }
  if (total > RATIO_FLOOR_BYTES && total > caps.maxRatio * Math.max(1, totalCompressed)) throw unsafeFile();
  return entries;
}

function findEndOfDirectory(content: Buffer): number {
  const last = content.length - 22;
  const first = Math.max(0, last - 0xffff);
  for (let i = last; i >= first; i--) if (content.readUInt32LE(i) === EOCD) return i;
  throw new DomainError('lists.brokenFile');
}

/**
 * Inflates every entry with its declared size as the output limit: an entry that declares little and
 * inflates to more is refused after at most its declared size (plus one chunk), never the bomb's.
 */
export function verifyInflation(content: Buffer, entries: ZipEntry[]): void {
  for (const e of entries) {
    const at = e.localHeaderOffset;
    if (at + 30 > content.length || content.readUInt32LE(at) !== LOCAL) throw new DomainError('lists.brokenFile');
    const start = at + 30 + content.readUInt16LE(at + 26) + content.readUInt16LE(at + 28);
    const data = content.subarray(start, start + e.compressedSize);
    if (data.length !== e.compressedSize) throw new DomainError('lists.brokenFile');
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) throw unsafeFile();
      continue;
    }
    let out: Buffer;
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize + 1) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw unsafeFile();
      throw new DomainError('lists.brokenFile');
    }
    if (out.length !== e.uncompressedSize) throw unsafeFile();
  }
}
