// Parquet through the one door, and out again. This module is small and is all
// the import pipeline links in: the reader (read.ts, with hyparquet) and the
// writer (write.ts, with hyparquet-writer) are loaded with import() the first
// time a Parquet file is read or written, so the app's bundle and the import
// worker's start-up do not grow for people who only ever read CSV.
import type { LoadOptions, Loaded, Preview } from '../pipeline';
import { located, problem } from '../messages';
import { fail, type Result } from '../result';
import type { SurveyDefinition } from '../definition/definition';
import type { RespondentTable } from '../table/types';

/** The file's key-value metadata key that holds the survey definition (its JSON, formatDefinition). */
export const PARQUET_DEFINITION_KEY = 'survey-workbench-definition';

/**
 * A Parquet file starts with "PAR1". A CSV whose first header is "PAR1…" does
 * too, so the next byte must also be what every Parquet file has there (the
 * compact-protocol header of field 1, 0x15: a page header, or the footer of a
 * file without rows), or the file must end with "PAR1".
 */
export function isParquetFile(bytes: Uint8Array): boolean {
  if (bytes.length < 5 || !magicAt(bytes, 0)) return false;
  return bytes[4] === 0x15 || (bytes.length >= 12 && magicAt(bytes, bytes.length - 4));
}

export function magicAt(bytes: Uint8Array, at: number): boolean {
  return (
    bytes[at] === 0x50 && bytes[at + 1] === 0x41 && bytes[at + 2] === 0x52 && bytes[at + 3] === 0x31
  );
}

/** Reads a whole Parquet file into a respondent table (the reader is loaded on first use). */
export async function loadParquetFile(
  bytes: Uint8Array,
  opts: LoadOptions,
): Promise<Result<Loaded>> {
  const reader = await loadReader(opts.file);
  return reader.ok ? reader.value.readParquet(bytes, opts) : reader;
}

/** The columns, the first rows and the schema, for the import preview. */
export async function previewParquetFile(
  bytes: Uint8Array,
  opts: LoadOptions,
  previewRows: number,
): Promise<Result<Preview>> {
  const reader = await loadReader(opts.file);
  return reader.ok ? reader.value.previewParquet(bytes, opts, previewRows) : reader;
}

/**
 * A respondent survey as a Parquet file: one column per source column as the
 * definition names them, and the definition in the file's metadata, so reading
 * it back gives the same table (see write.ts).
 */
export async function exportParquet(
  table: RespondentTable,
  definition: SurveyDefinition,
): Promise<Uint8Array<ArrayBuffer>> {
  const writer = await import('./write');
  return writer.writeParquet(table, definition);
}

async function loadReader(file: string): Promise<Result<typeof import('./read')>> {
  try {
    return { ok: true, value: await import('./read') };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return fail(located({ file }, problem('parquet-reader-unavailable', why)));
  }
}
