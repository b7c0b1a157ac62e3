// Excel workbooks (.xlsx) through the one door. This module is small and is
// all the import pipeline links in: the reader (read.ts: the ZIP directory,
// streaming inflate, the XML scanner, styles, shared strings, the sheet) is
// loaded with import() the first time a workbook arrives, so the app's bundle
// and the import worker's start-up do not grow for people who only read CSV.
import type { LoadOptions, Loaded, Preview } from '../pipeline';
import { fail, type Result } from '../result';
import { located, problem } from '../messages';

/** A ZIP archive (an .xlsx workbook is one) starts with a local file header, "PK\x03\x04": no text file does. */
export function isZipFile(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * An OLE compound file (D0 CF 11 E0 A1 B1 1A E1): an Excel 97–2003 .xls, or an
 * .xlsx saved with a password (Excel encrypts the whole package into one).
 */
export function isOleFile(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && magic.every((b, i) => bytes[i] === b);
}

/** Why an OLE file is refused, in words the user can act on. */
export const oleRefusal = (file: string): Result<never> =>
  fail(located({ file }, problem('xlsx-ole')));

/** A ZIP archive through the synchronous door: the reader must be loaded first. */
export const zipNeedsAsync = (file: string): Result<never> =>
  fail(located({ file }, problem('import-xlsx-async')));

/** Reads a workbook's sheet (the reader is loaded on first use). */
export async function loadXlsxFile(bytes: Uint8Array, opts: LoadOptions): Promise<Result<Loaded>> {
  const reader = await loadReader(opts.file);
  return reader.ok ? reader.value.readXlsx(bytes, opts) : reader;
}

/** The sheet's first rows, what was detected, and the workbook's sheets, for the import preview. */
export async function previewXlsxFile(
  bytes: Uint8Array,
  opts: LoadOptions,
): Promise<Result<Preview>> {
  const reader = await loadReader(opts.file);
  return reader.ok ? reader.value.previewXlsx(bytes, opts) : reader;
}

async function loadReader(file: string): Promise<Result<typeof import('./read')>> {
  try {
    return { ok: true, value: await import('./read') };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return fail(located({ file }, problem('xlsx-reader-unavailable', why)));
  }
}
