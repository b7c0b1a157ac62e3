// SQL (src/core/sql, src/cli/sql.ts, Copy as SQL): the DuckDB query that counts
// a table or a tab book over the same file, and why none can.
import { capEcho, isolate } from '../format/bidi';
import { LONE_SURROGATE } from '../format/unicode';

/** The text in a message, with what cannot be shown (a NUL, a lone surrogate) as U+FFFD. */
const shown = (text: string): string =>
  `"${capEcho(text.replaceAll('\0', '\uFFFD').replace(new RegExp(LONE_SURROGATE, 'g'), '\uFFFD'))}"`;

/** Why no query can count this table over this file. */
export const sqlErrors = {
  'sql-unwritable-text': (what: string, text: string) =>
    `The ${what} ${shown(text)} holds a NUL character or a broken UTF-16 surrogate, which SQL text cannot carry exactly. Rename it in the file, or leave it out of this table.`,
  'sql-utf16be':
    'DuckDB reads UTF-16 only little-endian, so it cannot read this UTF-16 BE file. Convert the file to UTF-8 (e.g. iconv -f UTF-16BE -t UTF-8) and make the query for that copy.',
  'sql-needs-labels': (question: string) =>
    `Question "${isolate(question)}" is named by option numbers (in a net or a filter), which only the loaded table can turn into answers: pass the table with the schema.`,
  'sql-no-weight-column': (id: string) =>
    `The weight "${isolate(id)}" reads no column of the file, so the query cannot read it. Pick a numeric column.`,
  'sql-not-text':
    'DuckDB cannot read SPSS files, so there is no query for this one. Save it as CSV (in PSPP or SPSS) and ask again for that file.',
  'sql-band-filter': (id: string) =>
    `The filter names the banded question "${isolate(id)}", which the query cannot filter on. Filter on its numeric question's band in the app, or leave it out of --where.`,
  'sql-band-nets': (id: string) =>
    `The banded question "${isolate(id)}" has nets, which the query cannot count. Leave the nets out, or make them in the app.`,
  'sql-band-source': (band: string, id: string) =>
    `The band "${isolate(band)}" is made from "${isolate(id)}", which reads no column of the file, so no query can band it.`,
  'sql-no-tabs':
    'The tab book has no categorical row question, so there is nothing to count. Name single or multi-answer questions with --rows.',
  'sql-no-query': (why: string) => `No query for this view: ${why}`,
} as const;

export const sqlMessages = {
  needsEncodings: (name: string) =>
    `Reading ${name} needs DuckDB's encodings extension: run INSTALL encodings; LOAD encodings; first.`,
} as const;

export const sqlMoreMessages = {
  tabsHeader: (rows: number, banner: readonly string[]) =>
    `Survey Workbench tab book: ${rows} row question${rows === 1 ? '' : 's'} by Total${banner.map((b) => `, "${b}"`).join('')}.`,
  tabsColumns:
    'Columns: row_question, row_label, col_question, col_label, count; one row per non-empty cell.',
  numericRows: (ids: readonly string[]) =>
    `Numeric rows have means, not counts, so they are not in this query: ${ids.map((i) => `"${i}"`).join(', ')}.`,
  sqlWithXlsx:
    '--sql prints the query instead of the tab book, so it cannot be combined with --xlsx or --one-sheet. Give one of them.',
} as const;

export const copySqlMessages = {
  button: 'Copy as SQL',
  copied: 'Copied: the DuckDB query is on the clipboard.',
  blocked:
    'The browser blocked the clipboard: the query is in the box below, selected; press Ctrl+C (⌘C on a Mac) to copy it.',
  textareaLabel: 'The DuckDB query for this table',
  fileNote: (file: string) =>
    `The query reads "${file}" from the folder DuckDB runs in: point read_csv at your copy of the file.`,
  /** Why the button is disabled. */
  notRespondents: 'Only respondent data has a query: published figures have no file to read.',
  noDefinition:
    'This survey was saved before the app recorded how its file was read: import the file again to copy its query.',
  notText:
    'DuckDB cannot read SPSS files, so there is no query for this one: save the file as CSV (in PSPP or SPSS) and import that.',
  answerCount: (text: string) =>
    `"${isolate(text)}" is made by the app, not read from the file, so no query can count it: pick another question to copy the query.`,
} as const;
