// The ZIP container of an .xlsx workbook. Parts are found through the central
// directory at the end of the file (never by scanning local headers, which a
// crafted file can make say anything), and each part is inflated as a stream
// (fflate, already in the app for links) in 32 KB steps, so:
// - memory stays bounded: the caller sees the XML a piece at a time and can
//   stop early (the preview reads only a sheet's first rows);
// - a "zip bomb" stops early: every part is held to the size the directory
//   states, and the workbook as a whole to a budget of XML bytes;
// - a damaged part is named: which part, and what is wrong with it. A part read
//   to its end is checked against the directory's size and CRC-32, so a flipped
//   bit in a stored (uncompressed) part cannot pass unseen.
import { Inflate } from 'fflate';
import { XlsxError } from './errors';
import { problem, xlsxMessages as M } from '../messages';

export interface ZipEntry {
  /** The part name as the directory spells it. */
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface Zip {
  bytes: Uint8Array;
  /** By lower-cased name without a leading "/": part names are case-insensitive (OPC). */
  entries: Map<string, ZipEntry>;
}

/** How many bytes of XML the whole workbook may expand to (see read.ts for the limit). */
export interface Budget {
  limit: number;
  used: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** More parts than any workbook has: a directory that claims more is damaged or hostile. */
const MAX_ENTRIES = 100_000;
/** Compressed bytes handed to the inflater at a time: at most ~33 MB of output each (deflate's 1032:1). */
const STEP = 32 * 1024;

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number): number =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
/** A 64-bit size or offset; anything past 2^53 is past the end of any file anyway. */
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 2 ** 32;

function damaged(why: string): XlsxError {
  return new XlsxError(problem('xlsx-damaged', why));
}

/** Reads the central directory; throws an XlsxError saying what is wrong. */
export function openZip(bytes: Uint8Array): Zip {
  const size = bytes.length;
  // The end-of-directory record is the last 22 bytes, unless a comment (at most 65,535 bytes) follows it.
  let eocd = -1;
  for (let at = size - 22; at >= Math.max(0, size - 22 - 0xffff); at--)
    if (u32(bytes, at) === EOCD && at + 22 + u16(bytes, at + 20) <= size) {
      eocd = at;
      break;
    }
  if (eocd < 0) throw new XlsxError(problem('xlsx-no-zip-directory', size));
  let count = u16(bytes, eocd + 10);
  let dirSize = u32(bytes, eocd + 12);
  let dirOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    // ZIP64: the real numbers are in a record the locator (just before) points to.
    const locator = eocd - 20;
    if (locator < 0 || u32(bytes, locator) !== ZIP64_LOCATOR) throw damaged(M.pastEnd);
    const record = u64(bytes, locator + 8);
    if (record + 56 > locator || u32(bytes, record) !== ZIP64_EOCD)
      throw damaged(M.badSignature(record));
    count = u64(bytes, record + 32);
    dirSize = u64(bytes, record + 40);
    dirOffset = u64(bytes, record + 48);
  }
  if (count > MAX_ENTRIES) throw damaged(M.entryCount(count));
  if (dirOffset + dirSize > eocd) throw damaged(M.pastEnd);

  const names = new TextDecoder('utf-8');
  const entries = new Map<string, ZipEntry>();
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > dirOffset + dirSize) throw damaged(M.pastEnd);
    if (u32(bytes, at) !== CENTRAL) throw damaged(M.badSignature(at));
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > dirOffset + dirSize) throw damaged(M.pastEnd);
    const entry: ZipEntry = {
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      crc: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    };
    readZip64Extra(bytes, at + 46 + nameLength, extraLength, entry);
    const key = partKey(entry.name);
    if (entries.has(key)) throw damaged(M.duplicatePart(entry.name));
    entries.set(key, entry);
    at = end;
  }
  return { bytes, entries };
}

/** Sizes and offsets too large for 32 bits are 0xFFFFFFFF, with the real ones in extra field 0x0001. */
function readZip64Extra(bytes: Uint8Array, from: number, length: number, e: ZipEntry): void {
  const wanted = [e.size, e.compressedSize, e.localOffset].some((v) => v === 0xffffffff);
  if (!wanted) return;
  for (let at = from; at + 4 <= from + length;) {
    const id = u16(bytes, at);
    const size = u16(bytes, at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      const next = (): number => {
        if (p + 8 > at + 4 + size) throw damaged(M.pastEnd);
        const v = u64(bytes, p);
        p += 8;
        return v;
      };
      // Only the fields that overflowed are present, in this order.
      if (e.size === 0xffffffff) e.size = next();
      if (e.compressedSize === 0xffffffff) e.compressedSize = next();
      if (e.localOffset === 0xffffffff) e.localOffset = next();
      return;
    }
    at += 4 + size;
  }
  throw damaged(M.pastEnd);
}

/** How the directory map is keyed: OPC part names ignore case and have no leading "/". */
export function partKey(name: string): string {
  return name.replace(/^\/+/, '').toLowerCase();
}

/** Where a part's compressed bytes start (after its local header), checked against the file. */
function dataRange(zip: Zip, e: ZipEntry): { from: number; to: number } {
  const b = zip.bytes;
  const at = e.localOffset;
  if (at + 30 > b.length) throw partError(e, M.pastEnd);
  if (u32(b, at) !== LOCAL) throw partError(e, M.badSignature(at));
  const from = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  const to = from + e.compressedSize;
  if (to > b.length) throw partError(e, M.pastEnd);
  return { from, to };
}

function partError(e: ZipEntry, why: string): XlsxError {
  return new XlsxError(problem('xlsx-part-damaged', e.name, why));
}

/**
 * Streams a part's uncompressed bytes to `onData`, which returns false to stop
 * (the rest is then neither inflated nor checked). `onInput` hears how many
 * compressed bytes have been read, for progress.
 */
export function readEntry(
  zip: Zip,
  e: ZipEntry,
  budget: Budget,
  onData: (chunk: Uint8Array) => boolean,
  onInput?: (compressedRead: number) => void,
): void {
  if ((e.flags & 1) !== 0) throw partError(e, M.encrypted);
  if (e.method !== 0 && e.method !== 8) throw partError(e, M.unknownMethod(e.method));
  const { from, to } = dataRange(zip, e);
  let produced = 0;
  let crc = 0xffffffff;
  let stopped = false;
  const take = (chunk: Uint8Array): void => {
    if (stopped || chunk.length === 0) return;
    produced += chunk.length;
    if (produced > e.size) throw partError(e, M.expandsBeyond(e.size));
    budget.used += chunk.length;
    if (budget.used > budget.limit)
      throw new XlsxError(problem('xlsx-too-large', budget.limit, zip.bytes.length));
    crc = crc32(crc, chunk);
    if (!onData(chunk)) stopped = true;
  };
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw partError(e, M.sizeMismatch(e.size, e.compressedSize));
    for (let at = from; at < to && !stopped; at += STEP) {
      take(zip.bytes.subarray(at, Math.min(to, at + STEP)));
      onInput?.(Math.min(to, at + STEP) - from);
    }
  } else {
    const inflater = new Inflate((chunk) => take(chunk));
    try {
      for (let at = from; !stopped; at += STEP) {
        const end = Math.min(to, at + STEP);
        inflater.push(zip.bytes.subarray(at, end), end >= to);
        onInput?.(end - from);
        if (end >= to) break;
      }
    } catch (err) {
      if (err instanceof XlsxError) throw err;
      const why = err instanceof Error ? err.message : String(err);
      throw partError(e, M.inflate(why));
    }
  }
  if (stopped) return;
  if (produced !== e.size) throw partError(e, M.sizeMismatch(e.size, produced));
  if ((crc ^ 0xffffffff) >>> 0 !== e.crc) throw partError(e, M.checksum);
}

// CRC-32 (ISO-HDLC, as ZIP uses), one table lookup per byte.
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(crc: number, data: Uint8Array): number {
  let c = crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return c;
}
