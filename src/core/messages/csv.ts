// Reading files (src/core/csv, src/core/pipeline.ts, src/app/import*): what
// every format shares (an empty file, one too large, a cancelled import) and
// the delimited-text reader's encodings, delimiters and syntax errors.
import { formatBytes } from './words';

/** Problems with a file as a whole, whatever its format, and with delimited text. */
export const csvErrors = {
  // Any format.
  'import-empty':
    'The file is empty. Choose a survey file (CSV with a header line and at least one row, or SPSS .sav).',
  'import-no-rows':
    'The file names its columns but holds no rows of data (no respondents). Choose a file with at least one respondent.',
  'import-too-large': (bytes: number, limit: number) =>
    `The file is ${formatBytes(bytes)}, more than the ${formatBytes(limit)} this app can hold in memory. Split the file or keep fewer columns.`,
  'file-too-large-for-memory': (why: string) =>
    `The file is too large to read in this browser tab (${why}). Try a smaller extract of it: fewer rows, only the columns you need (of a workbook, only the sheet you need, or save it as CSV).`,
  'import-cancelled': 'Import cancelled. Nothing was imported; your library is unchanged.',
  'import-internal': (why: string) =>
    `The file could not be read because of an internal error (${why}). Nothing was imported.`,
  'import-worker-failed': (why: string) =>
    `The import stopped unexpectedly (${why}). Nothing was imported.`,
  // Delimited text.
  'import-binary':
    'This is not a CSV text file: it holds NUL bytes, as binary files (spreadsheets, PDFs, archives) do. Export the data as CSV (comma-separated values) and open that file.',
  'import-no-data':
    'The file holds no data: every cell of its first rows is empty (only delimiters). Check that this is the file you meant, and that it was saved with its contents.',
  'import-not-csv':
    'This file does not look like a table: no delimiter splits its lines into columns. Save it as CSV (comma, semicolon, tab or pipe separated) and try again.',
  'import-ragged-row': (line: number, got: number, expected: number) =>
    `Line ${line} has ${got} fields but the header has ${expected}. Check for a missing or extra delimiter or an unquoted delimiter inside a value on that line.`,
  'csv-unclosed-quote': (line: number) =>
    `A quoted value opens on line ${line} but its closing quote never comes, so the rest of the file would be read as one value. Add the missing " (a quote inside a quoted value is written twice: "").`,
  'csv-field-too-large': (limitBytes: number) =>
    `A value here is longer than ${limitBytes >= 1024 * 1024 ? `${Math.round(limitBytes / (1024 * 1024))} MB` : `${limitBytes.toLocaleString('en-US')} characters`}, which a survey answer never is: most likely a quote is not closed. Check the quotes on this line.`,
  'csv-too-many-columns': (limit: number) =>
    `This line has more than ${limit.toLocaleString('en-US')} columns. Check that the delimiter is right, or split the file.`,
} as const;

/** Why an encoding or a delimiter was chosen (shown beside the detected setting), and lossy decoding. */
export const csvMessages = {
  // Why an encoding was chosen (shown beside the detected setting).
  encodingBom: (name: string) => `${name} byte order mark`,
  encodingUtf16NoBom: (name: string) =>
    `${name} without a byte order mark (every other byte is zero)`,
  encodingAscii: 'plain ASCII text (read as UTF-8)',
  encodingUtf8: 'valid UTF-8',
  encodingReplacementInFile:
    'valid UTF-8, but the file itself holds replacement characters (\uFFFD): no encoding can bring back what they replaced',
  encodingGb18030: 'not valid UTF-8; its non-ASCII bytes read as Chinese GB18030/GBK text',
  encodingWindows1252:
    'not valid UTF-8; its accented letters and punctuation read best as Windows-1252 (Western European)',
  encodingMacintosh:
    'not valid UTF-8; its accented letters and punctuation read best as Mac Roman (files saved by older Mac software)',
  // Why a delimiter was chosen.
  delimiterName: {
    ',': 'Comma',
    ';': 'Semicolon',
    '\t': 'Tab',
    '|': 'Pipe',
  } as Record<string, string>,
  delimiterConsistent: (name: string, agree: number, lines: number, fields: number) =>
    agree === lines
      ? `${name}: all ${lines} sample line${lines === 1 ? '' : 's'} split into ${fields} fields`
      : `${name}: ${agree} of ${lines} sample lines split into ${fields} fields`,
  delimiterNone: 'No comma, semicolon, tab or pipe separates the lines: read as a single column',
  delimiterDecimalComma: ' (numbers use a decimal comma, like 3,5)',
  // Lossy decoding (a warning, not an error).
  lossyLines: (encoding: string, lines: number[]) =>
    `Some characters could not be read as ${encoding} and show as \uFFFD on line${lines.length === 1 ? '' : 's'} ${lines.slice(0, 10).join(', ')}${lines.length > 10 ? ` and ${lines.length - 10} more` : ''}. If the text looks wrong, choose another encoding.`,
  replacementInFile: (lines: number[]) =>
    `The file itself holds replacement characters (\uFFFD) on line${lines.length === 1 ? '' : 's'} ${lines.slice(0, 10).join(', ')}${lines.length > 10 ? ` and ${lines.length - 10} more` : ''}: the characters they stand for were lost before the file reached this app (when it was saved or converted), so choosing another encoding cannot bring them back. Ask for the original file if that text matters.`,
} as const;
