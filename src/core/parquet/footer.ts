// Opening a Parquet file: its size, magic bytes and footer, the columns the
// engine can read (flat, named once, of a supported type), the row groups and
// their codecs; then every page is checked (pages.ts) before hyparquet sizes
// anything by what a page says. The first step of read.ts, kept apart because
// it is where a damaged or hostile file is refused, with the bytes named.
import {
  parquetMetadataAsync,
  parquetSchema,
  type AsyncBuffer,
  type CompressionCodec,
  type Compressors,
  type FileMetaData,
  type ParquetType,
} from 'hyparquet';
import { located, parquetMessages as M, problem } from '../messages';
import type { LoadOptions } from '../pipeline';
import { fail, ok, type Result } from '../result';
import { PARSERS, valueColumn, type ValueColumn } from './cells';
import { decompressorsFor, READABLE_CODECS } from './codecs';
import { magicAt, PARQUET_DEFINITION_KEY } from './index';
import { checkPages, PageError, type ChunkToCheck } from './pages';

const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;
/** More rows than a browser tab can hold as a table; a footer that says so is damaged or too big. */
const MAX_ROWS = 1 << 27;
/** A top-level column the reader reads. */
export interface Source {
  /** Its name in the file (how hyparquet finds it). */
  key: string;
  /** Its name as a column of the survey (the definition's name for it). */
  name: string;
  value: ValueColumn;
  type: ParquetType;
  nullable: boolean;
  /** Per row group: the bytes its chunk occupies, for progress and for saying where a file is damaged. */
  chunks: { from: number; to: number }[];
}

export interface Opened {
  file: AsyncBuffer;
  metadata: FileMetaData;
  compressors: Compressors;
  sources: Source[];
  /** Row groups: first row and end row (exclusive). */
  groups: { start: number; end: number }[];
  rows: number;
  /** The definition stored in the file's metadata, if any (its text). */
  stored: string | null;
  warnings: string[];
}

/** Where reading is, so an exception can say which bytes it came from. */
export class Place {
  what: ((why: string) => string) | null = null;
}

export async function open(
  bytes: Uint8Array,
  opts: LoadOptions,
  place: Place,
): Promise<Result<Opened>> {
  const file = opts.file;
  const limit = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > limit)
    return fail(located({ file }, problem('import-too-large', bytes.length, limit)));
  const size = bytes.length;
  const refuse = (message: string): Result<never> =>
    fail(located({ file }, problem('parquet-damaged', message)));
  if (size < 12) return refuse(M.tooShort(size));
  if (!magicAt(bytes, size - 4)) return refuse(M.noTailMagic(size - 4));
  const footerLength =
    (bytes[size - 8]! |
      (bytes[size - 7]! << 8) |
      (bytes[size - 6]! << 16) |
      (bytes[size - 5]! << 24)) >>>
    0;
  if (footerLength > size - 12) return refuse(M.footerTooLong(footerLength, size - 8));

  // Slices are copies: hyparquet may keep them, and `bytes` may be a view on a larger buffer.
  const source: AsyncBuffer = { byteLength: size, slice: (a, b) => bytes.slice(a, b).buffer };
  const footerFrom = size - 8 - footerLength;
  place.what = (why) => M.footer(footerFrom, size, why);
  const metadata = await parquetMetadataAsync(source, { parsers: PARSERS, geoparquet: false });
  const tree = parquetSchema(metadata);

  const warnings: string[] = [];
  const nested: string[] = [];
  const unsupported: string[] = [];
  const duplicate: string[] = [];
  const seen = new Set<string>();
  const sources: Source[] = [];
  if (tree.children.some((child) => typeof child.element.name !== 'string'))
    return refuse(M.footer(footerFrom, size, M.unnamedColumn));
  tree.children.forEach((child, i) => {
    const element = child.element;
    const name = element.name === '' ? `Column ${i + 1}` : element.name;
    if (child.children.length > 0 || element.repetition_type === 'REPEATED') nested.push(name);
    else if (seen.has(name)) duplicate.push(name);
    else {
      const value = valueColumn(element);
      if (value.kind === 'unsupported') unsupported.push(name);
      else
        sources.push({
          key: element.name,
          name,
          value,
          type: element.type ?? 'BYTE_ARRAY',
          nullable: element.repetition_type !== 'REQUIRED',
          chunks: [],
        });
    }
    seen.add(name);
  });
  if (nested.length > 0) warnings.push(M.skippedColumns(nested, M.nested));
  if (unsupported.length > 0) warnings.push(M.skippedColumns(unsupported, M.unsupportedType));
  if (duplicate.length > 0) warnings.push(M.skippedColumns(duplicate, M.duplicateName));
  if (sources.length === 0) return fail(located({ file }, problem('parquet-no-columns')));

  const groups: Opened['groups'] = [];
  const codecs = new Set<CompressionCodec>();
  const checks: { source: Source; group: number; chunk: ChunkToCheck }[] = [];
  let rows = 0;
  for (const group of metadata.row_groups) {
    const n = Number(group.num_rows);
    if (!Number.isSafeInteger(n) || n < 0) return refuse(M.rowCounts(Number(metadata.num_rows), n));
    if (rows + n > MAX_ROWS) return refuse(M.tooManyRows(Number(metadata.num_rows), MAX_ROWS));
    const g = groups.length;
    groups.push({ start: rows, end: rows + n });
    rows += n;
    for (const s of sources) {
      const chunk = group.columns.find((c) => c.meta_data?.path_in_schema[0] === s.key);
      const meta = chunk?.meta_data;
      const from = Number(meta?.dictionary_page_offset ?? meta?.data_page_offset ?? 0);
      const to = from + Number(meta?.total_compressed_size ?? 0);
      s.chunks.push({ from, to });
      if (meta === undefined) {
        if (n === 0) continue;
        return refuse(M.noChunk(s.name, g));
      }
      if (!READABLE_CODECS.has(meta.codec))
        return fail(located({ file }, problem('parquet-codec', meta.codec, s.name)));
      codecs.add(meta.codec);
      const check = { from, to, end: footerFrom, rows: n, type: s.type, nullable: s.nullable };
      checks.push({ source: s, group: g, chunk: { ...check, codec: meta.codec } });
    }
  }
  const compressors = await decompressorsFor(codecs);
  // Every page, before hyparquet sizes anything by what they say.
  for (const { source, group, chunk } of checks) {
    try {
      checkPages(bytes, chunk, compressors);
    } catch (e) {
      if (!(e instanceof PageError)) throw e;
      return refuse(M.page(source.name, group, e.offset, e.message));
    }
  }
  if (rows !== Number(metadata.num_rows))
    return refuse(M.rowCounts(Number(metadata.num_rows), rows));
  const stored =
    metadata.key_value_metadata?.find((kv) => kv.key === PARQUET_DEFINITION_KEY)?.value ?? null;
  place.what = null;
  return ok({
    file: source,
    metadata,
    compressors,
    sources,
    groups,
    rows,
    stored,
    warnings,
  });
}
