// The one door (pipeline.ts) for a file read by ranges rather than held whole:
// a File in the browser, which may be several gigabytes. Delimited text is
// read slice by slice as it is parsed (csv/stream.ts), on several threads when
// helpers are given (csv/parallel.ts); SPSS, Parquet and Excel files, whose
// readers need the whole file, are read whole and go through the same door as
// bytes. Which is which is told by the first bytes, as the door tells it.
import type { ByteSource } from './csv/chunks';
import { readCsvSource, type Helpers } from './csv/parallel';

import { magicAt } from './parquet/index';
import { DEFAULT_MAX_BYTES, loadedFrom, loadSurveyFileAsync } from './pipeline';
import type { Loaded, LoadOptions } from './pipeline';
import { fail, type Result } from './result';
import { err } from './rowSink';
import { isSavFile } from './sav/index';
import { isOleFile, isZipFile } from './xlsx/index';

export type { ByteSource } from './csv/chunks';
export type { Helpers, ReadOutcome } from './csv/parallel';

/**
 * Delimited text read slice by slice needs memory for its table, not for the
 * file: it may be larger than a file read whole (DEFAULT_MAX_BYTES). 8 GiB of
 * CSV is some 20 million respondents × 30 questions, a 1.2 GB table.
 */
const STREAMED_MAX_BYTES = 8 * 1024 ** 3;

/** Whether a file starting with `head` is read whole (SPSS, Parquet, a workbook or an OLE file). */
export function readWhole(head: Uint8Array): boolean {
  return isSavFile(head) || magicAt(head, 0) || isZipFile(head) || isOleFile(head);
}

/** A source over bytes in memory. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (from, to) => bytes.subarray(from, to) };
}

/**
 * Load a survey file read by ranges. `helpers`: other threads that may read
 * parts of a large delimited file; null reads it all on this thread.
 */
export async function loadSurveySource(
  source: ByteSource,
  opts: LoadOptions,
  helpers: Helpers | null,
): Promise<Result<Loaded>> {
  const head = await source.read(0, Math.min(source.size, 16));
  if (readWhole(head)) {
    const limit = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    if (source.size > limit) return fail(err('import-too-large', [source.size, limit], opts.file));
    return loadSurveyFileAsync(await source.read(0, source.size), opts);
  }
  const run = await readCsvSource(source, opts, STREAMED_MAX_BYTES, helpers);
  if (!run.ok) return run;
  return loadedFrom(run.value, opts, run.value.detected);
}
