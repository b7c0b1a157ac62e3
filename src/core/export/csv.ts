// The one CSV writer and its one formula-neutralising rule, used by every
// export: question and crosstab tables, the library's "Export CSV" of
// published figures (read back by our own reader) and of respondent data.
//
// Every cell goes through the formula rule (./formula.ts) first.
//
// Quoting is papaparse's (Papa.unparse: RFC 4180, a cell holding " , CR or LF,
// or starting or ending with a space, is quoted; " is doubled), with "\n"
// line endings and a final line break. An optional UTF-8 byte order mark makes
// Excel on Windows read non-ASCII text (Chinese labels) as UTF-8.
import Papa from 'papaparse';
import { neutraliseCell } from './formula';

export { questionExport } from './question';
export type { QuestionExportContext } from './question';
export { crosstabExport } from './crosstab';

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark (U+FEFF), for Excel on Windows. Default false. */
  bom?: boolean;
}

/** Rows as CSV text: RFC 4180 quoting, "\n" after every row, cells neutralised. */
export function tableToCsv(rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  const body =
    rows.length === 0
      ? ''
      : `${Papa.unparse(
          rows.map((row) => row.map(neutraliseCell)),
          { newline: '\n', quotes: false, escapeFormulae: false, header: false },
        )}\n`;
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
