// Exports people paste into a report: a grid of strings written as CSV (a
// download) or TSV (the clipboard, for pasting into a spreadsheet).
//
// Formula injection (OWASP "CSV Injection"): a cell that starts with = + - @,
// a tab or a carriage return gets a leading "'", so a spreadsheet shows it as
// text instead of running it. Two choices, made on purpose:
// - A plain number is left alone: "-3.5", "+2.3", "-1,234.5", "12.5%" are
//   numbers in every spreadsheet, never formulas, and a report needs them as
//   numbers. Anything else after the sign ("-2+3", "+cmd|…") is neutralised.
// - Leading spaces are looked past (" =1+1" is neutralised too): some
//   spreadsheets trim cells on import or paste, which would expose the "=".
// The distribution exporter (src/core/published/export.ts, csvCell) is not
// reused: its files are read back by our own reader, which must undo the
// escape, so it also escapes "'"-prefixed cells and negative numbers alike.
//
// CSV follows RFC 4180 quoting (a cell holding " , CR or LF, or starting or
// ending with a space, is quoted; " is doubled) with "\n" line endings and a
// final line break, as the distribution exporter and papaparse write them:
// Excel, LibreOffice, Google Sheets and every CSV reader accept "\n". An
// optional UTF-8 byte order mark makes Excel on Windows read non-ASCII text
// (Chinese labels) as UTF-8 instead of the system code page.
export { questionExport } from './question';
export type { QuestionExportContext, QuestionExportOption, QuestionExportNet } from './question';
export { crosstabExport } from './crosstab';
export type { CrosstabExportContext, ExportPercentMode } from './crosstab';

const FORMULA_START = /^[\t\r]|^[ ]*[=+\-@]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?%?$/;

/** "=SUM(A1)" -> "'=SUM(A1)"; "-3.5" and "+2.3%" stay numbers; "Other" is unchanged. */
export function neutraliseCell(s: string): string {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s.trim()) ? `'${s}` : s;
}

function csvField(cell: string): string {
  const safe = neutraliseCell(cell);
  const quote = /[",\r\n]/.test(safe) || safe.startsWith(' ') || safe.endsWith(' ');
  return quote ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark (U+FEFF), for Excel on Windows. Default false. */
  bom?: boolean;
}

/** Rows as CSV text: RFC 4180 quoting, "\n" after every row, cells neutralised. */
export function tableToCsv(rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  const body = rows.map((row) => `${row.map(csvField).join(',')}\n`).join('');
  return options.bom === true ? `\uFEFF${body}` : body;
}

/**
 * Rows as tab-separated text for the clipboard: tabs and line breaks inside a
 * cell become one space (a spreadsheet would split the cell there), cells are
 * neutralised, rows are joined by "\n" with no final line break (a trailing one
 * pastes an empty row in some spreadsheets).
 */
export function tableToTsv(rows: readonly (readonly string[])[]): string {
  return rows
    .map((row) => row.map((cell) => neutraliseCell(cell.replace(/[\t\r\n]+/g, ' '))).join('\t'))
    .join('\n');
}
