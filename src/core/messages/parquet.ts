// Parquet files (src/core/parquet).
import { formatCount } from '../format/number';
import { bytes as parquetBytes } from './words';

export const parquetErrors = {
  /** For the synchronous door (loadSurveyFile), which cannot load the reader. */
  'import-parquet-async':
    'This is a Parquet file: its reader is loaded on demand, so it is read through loadSurveyFileAsync.',
  'parquet-reader-unavailable': (why: string) =>
    `The Parquet reader could not be loaded (${why}). Reload the page and try again.`,
  'parquet-codec': (codec: string, column: string) =>
    `Column "${column}" is compressed with ${codec}, which this app does not read. Write the file again with snappy, gzip, zstd, brotli or LZ4 compression (or none).`,
  'parquet-no-columns':
    'The file has no column this app can read (only nested or binary ones). Write the answers as plain columns: text, numbers, booleans or dates.',
  'parquet-definition': (why: string) =>
    `The survey definition stored in this Parquet file cannot be used: ${why} Load another definition, or remove it from the file's metadata.`,
  /** `detail`: one of parquetMessages' sentences, saying which bytes cannot be read and why. */
  'parquet-damaged': (detail: string) =>
    `${detail} The file is damaged (cut short or altered) or was not written completely; write it again from the program that made it.`,
} as const;

export const parquetMessages = {
  unreadable: (why: string) => `The file cannot be read as Parquet: ${why}.`,
  tooShort: (size: number) =>
    `The file is ${parquetBytes(size)} long: too short for a Parquet file, which starts and ends with "PAR1" around its footer.`,
  noTailMagic: (at: number) =>
    `Byte ${formatCount(at)}: the file starts like a Parquet file but does not end with "PAR1", so it was cut short or altered.`,
  footerTooLong: (length: number, at: number) =>
    `Byte ${formatCount(at)}: the footer says it is ${parquetBytes(length)} long, more than the file holds before it.`,
  footer: (from: number, to: number, why: string) =>
    `Bytes ${formatCount(from)}–${formatCount(to)} (the footer) cannot be read: ${why}.`,
  chunk: (column: string, group: number, from: number, to: number, why: string) =>
    `Bytes ${formatCount(from)}–${formatCount(to)} (column "${column}", row group ${formatCount(group + 1)}) cannot be read: ${why}.`,
  page: (column: string, group: number, at: number, why: string) =>
    `Byte ${formatCount(at)} (column "${column}", row group ${formatCount(group + 1)}): ${why}.`,
  structure: 'its structure is not what the Parquet format requires',
  pastEnd: 'it points past the end of its bytes',
  tooManyValues: 'it claims more values than can be held',
  unnamedColumn: 'it lists a column without a name',
  noChunk: (column: string, group: number) =>
    `Row group ${formatCount(group + 1)} has no data for column "${column}".`,
  tooManyRows: (stated: number, most: number) =>
    `The footer says the file has ${formatCount(stated)} rows; this app reads at most ${formatCount(most)}.`,
  rowCounts: (stated: number, summed: number) =>
    `The footer says the file has ${formatCount(stated)} rows, but its row groups add up to ${formatCount(summed)}.`,
  pageTooLarge: (codec: string, size: number, from: number) =>
    `a ${codec} page says it expands to ${parquetBytes(size)} from ${parquetBytes(from)}, which that compression cannot do`,
  skippedColumns: (names: string[], why: string) =>
    `${names.length === 1 ? 'Column' : 'Columns'} ${names
      .slice(0, 5)
      .map((n) => `"${n}"`)
      .join(', ')}${names.length > 5 ? ` and ${formatCount(names.length - 5)} more` : ''} ${
      names.length === 1 ? 'was' : 'were'
    } left out: ${why}.`,
  nested: 'lists, structs and maps have no single answer per respondent',
  unsupportedType: 'interval, BSON, geometry and variant values are no survey answers',
  duplicateName: 'another column has the same name',
  encodingReason: 'Parquet stores text as UTF-8.',
  delimiterReason: 'Parquet stores columns, not delimited text.',
  shapeReason: 'Parquet: one row per respondent, one column per source column.',
  shapeReasonDefinition:
    'Parquet: one row per respondent; the survey definition stored in the file decides the questions.',
};
