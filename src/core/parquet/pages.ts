// Checks a column chunk's pages before hyparquet decodes them. hyparquet sizes
// its arrays by what a page says (its number of values, its expanded size, the
// length of each run of repeated values) and trusts it: one damaged header or
// run length can make it allocate and fill billions of entries, or loop
// without end, which is a frozen tab rather than an error. Walking the pages
// first bounds every page by its chunk's bytes and the row group's rows, and
// every run of levels and dictionary indices by the values the page holds,
// reading them exactly as hyparquet will; the first thing that cannot be is
// refused with the byte of its page header.
import type { CompressionCodec, Compressors, PageHeader, ParquetType } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { formatCount } from '../format/number';

/** A page this large is damage: writers aim at about 1 MB. */
const MAX_PAGE_BYTES = 1 << 30;

export class PageError extends Error {
  constructor(
    readonly offset: number,
    detail: string,
  ) {
    super(detail);
  }
}

/** One chunk of a flat column: where it is, what it holds, how it is compressed. */
export interface ChunkToCheck {
  /** Its bytes [from, to) in the file; `end`: where the data ends (the footer starts). */
  from: number;
  to: number;
  end: number;
  /** Rows in the row group: the chunk's pages hold this many values. */
  rows: number;
  type: ParquetType;
  /** OPTIONAL (definition levels of one bit), not REQUIRED. */
  nullable: boolean;
  codec: CompressionCodec;
}

/**
 * Walks the pages of a chunk as hyparquet will, until they hold every row.
 * Throws a PageError naming the byte of the first page that cannot be.
 */
export function checkPages(bytes: Uint8Array, chunk: ChunkToCheck, compressors: Compressors): void {
  const { from, to, end, rows } = chunk;
  if (from < 4 || to > end || to < from)
    throw new PageError(
      from,
      `the chunk (bytes ${formatCount(from)}–${formatCount(to)}) lies outside the file's data`,
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset + from, to - from);
  const reader = { view, offset: 0 };
  let values = 0;
  while (values < rows) {
    const at = from + reader.offset;
    if (reader.offset >= view.byteLength - 1)
      throw new PageError(
        at,
        `the chunk ends after ${formatCount(values)} of its ${formatCount(rows)} rows`,
      );
    let header: PageHeader;
    try {
      header = parquetHeader(reader);
    } catch (e) {
      throw new PageError(at, `the page header cannot be read (${why(e)})`);
    }
    const size = header.compressed_page_size;
    const expanded = header.uncompressed_page_size;
    if (!Number.isSafeInteger(size) || !Number.isSafeInteger(expanded))
      throw new PageError(at, 'a page header does not say how long its page is');
    if (size < 0 || reader.offset + size > view.byteLength)
      throw new PageError(
        at,
        `a page says it is ${formatCount(size)} bytes long, more than its chunk holds`,
      );
    if (expanded < 0 || expanded > MAX_PAGE_BYTES)
      throw new PageError(at, `a page says it expands to ${formatCount(expanded)} bytes`);
    const n =
      header.type === 'DATA_PAGE'
        ? header.data_page_header?.num_values
        : header.type === 'DATA_PAGE_V2'
          ? header.data_page_header_v2?.num_rows
          : 0;
    if (n === undefined || !Number.isSafeInteger(n) || n < 0 || values + n > rows)
      throw new PageError(
        at,
        `a page says it holds ${formatCount(n ?? 0)} values, but only ${formatCount(rows - values)} of the row group's rows are left`,
      );
    const page = bytes.subarray(from + reader.offset, from + reader.offset + size);
    try {
      if (header.type === 'DATA_PAGE') checkPageV1(page, header, n, chunk, compressors);
      else if (header.type === 'DATA_PAGE_V2') checkPageV2(page, header, n, chunk, compressors);
    } catch (e) {
      throw new PageError(at, `the page cannot be read (${why(e)})`);
    }
    values += n;
    reader.offset += size;
  }
}

const why = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const DICTIONARY = new Set(['PLAIN_DICTIONARY', 'RLE_DICTIONARY']);

function expand(
  page: Uint8Array,
  size: number,
  codec: CompressionCodec,
  compressors: Compressors,
): Uint8Array {
  if (codec === 'UNCOMPRESSED') return page;
  const run = compressors[codec];
  if (run === undefined) throw new Error(`no decoder for ${codec}`);
  const out = run(page, size);
  if (out.length !== size) throw new Error(`it expands to ${out.length} bytes, not ${size}`);
  return out;
}

/** Levels, then values; all compressed together. */
function checkPageV1(
  raw: Uint8Array,
  header: PageHeader,
  n: number,
  chunk: ChunkToCheck,
  compressors: Compressors,
): void {
  const page = expand(raw, header.uncompressed_page_size, chunk.codec, compressors);
  const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
  let offset = 0;
  let present = n;
  if (chunk.nullable) {
    const levels = prefixedRuns(view, offset, 1, n, 'definition levels');
    offset = levels.next;
    present = levels.ones;
  }
  const encoding = header.data_page_header!.encoding;
  if (!DICTIONARY.has(encoding) && encoding !== 'RLE') return;
  if (chunk.type === 'BOOLEAN') {
    prefixedRuns(view, offset, 1, present, 'values');
    return;
  }
  const width = view.getUint8(offset++);
  if (width > 32) throw new Error(`dictionary indices of ${width} bits`);
  if (width > 0) runs(view, offset, view.byteLength, width, present, 'dictionary indices');
}

/** Levels uncompressed, then the values, compressed apart. */
function checkPageV2(
  raw: Uint8Array,
  header: PageHeader,
  n: number,
  chunk: ChunkToCheck,
  compressors: Compressors,
): void {
  const v2 = header.data_page_header_v2!;
  const size = raw.length;
  if (v2.num_values !== n || !(v2.num_nulls >= 0) || v2.num_nulls > n)
    throw new Error('its counts of values, nulls and rows disagree');
  const rep = v2.repetition_levels_byte_length;
  const def = v2.definition_levels_byte_length;
  if (
    !(rep >= 0) ||
    !(def >= 0) ||
    !(rep + def <= size) ||
    !(rep + def <= header.uncompressed_page_size)
  )
    throw new Error('its levels are longer than the page, or it gives no length for them');
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  if (chunk.nullable) runs(view, rep, rep + def, 1, n, 'definition levels');
  const present = n - v2.num_nulls;
  if (!DICTIONARY.has(v2.encoding) && v2.encoding !== 'RLE') return;
  const rest = raw.subarray(rep + def);
  const values =
    v2.is_compressed === false
      ? rest
      : expand(rest, header.uncompressed_page_size - rep - def, chunk.codec, compressors);
  const vv = new DataView(values.buffer, values.byteOffset, values.byteLength);
  if (v2.encoding === 'RLE') {
    prefixedRuns(vv, 0, 1, present, 'values');
    return;
  }
  const width = vv.getUint8(0);
  if (width > 32) throw new Error(`dictionary indices of ${width} bits`);
  // hyparquet reads these runs even when the width is 0 (one dictionary entry).
  runs(vv, 1, vv.byteLength, width, present, 'dictionary indices');
}

/** Runs preceded by their length in bytes (a 4-byte integer), as hyparquet reads them without a given length. */
function prefixedRuns(
  view: DataView,
  offset: number,
  width: number,
  count: number,
  what: string,
): { next: number; ones: number } {
  if (offset + 4 > view.byteLength) throw new Error(`the ${what} have no length`);
  const length = view.getUint32(offset, true);
  const start = offset + 4;
  if (start + length > view.byteLength)
    throw new Error(`the ${what} say they are ${length} bytes long, more than the page holds`);
  const ones = runs(view, start, view.byteLength, width, count, what);
  return { next: start + length, ones };
}

/**
 * The RLE / bit-packed hybrid runs of `count` values of `width` bits from
 * `offset`, as hyparquet's readRleBitPackedHybrid reads them (with its 32-bit
 * arithmetic): each run must fit what is left of the values and of the bytes.
 * Returns how many values are 1 (for one-bit definition levels: the values present).
 */
function runs(
  view: DataView,
  offset: number,
  end: number,
  width: number,
  count: number,
  what: string,
): number {
  let seen = 0;
  let ones = 0;
  const valueBytes = (width + 7) >> 3;
  while (seen < count) {
    // hyparquet's readVarInt
    let header = 0;
    let shift = 0;
    for (;;) {
      if (offset >= end || shift > 28) throw new Error(`the ${what} end too soon`);
      const byte = view.getUint8(offset++);
      header |= (byte & 0x7f) << shift;
      if (!(byte & 0x80)) break;
      shift += 7;
    }
    if (header & 1) {
      // hyparquet reads one byte before a bit-packed run even when the values take no bits.
      if (width === 0) {
        if (offset < end) offset++;
      }
      const values = (header >> 1) << 3;
      const bytes = (header >>> 1) * width;
      // Writers may pad the last run past the page's values (DuckDB does, by hundreds); hyparquet
      // drops what is past them. The bytes bound the run, except when values take no bits.
      if (values <= 0 || offset + bytes > end || (width === 0 && values > count - seen + 1024))
        throw new Error(
          `the ${what} hold a run of ${values} values where ${count - seen} are left`,
        );
      if (width === 1)
        for (let k = 0; k < bytes; k++) {
          let b = view.getUint8(offset + k);
          // Only the values before the page's count are read.
          const valid = Math.min(8, count - seen - 8 * k);
          if (valid < 8) b &= (1 << Math.max(0, valid)) - 1;
          for (; b !== 0; b &= b - 1) ones++;
        }
      offset += bytes;
      seen += values;
    } else {
      const run = header >>> 1;
      if (run > count - seen || offset + valueBytes > end)
        throw new Error(`the ${what} hold a run of ${run} values where ${count - seen} are left`);
      if (width === 1 && run > 0 && view.getUint8(offset) === 1) ones += run;
      offset += valueBytes;
      seen += run;
    }
  }
  return ones;
}
