// What the SQL export says when it cannot write a query, in the words of
// src/core/messages.ts (kept here, beside the only code that uses them).
import { capEcho, isolate } from '../format/bidi';

/** A UTF-16 surrogate without its other half: text with no UTF-8 form. */
export const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The text in a message, with what cannot be shown (a NUL, a lone surrogate) as U+FFFD. */
const shown = (text: string): string =>
  `"${capEcho(text.replaceAll('\0', '\uFFFD').replace(new RegExp(LONE_SURROGATE, 'g'), '\uFFFD'))}"`;

export const sqlMessages = {
  unwritable: (what: string, text: string) =>
    `The ${what} ${shown(text)} holds a NUL character or a broken UTF-16 surrogate, which SQL text cannot carry exactly. Rename it in the file, or leave it out of this table.`,
  utf16be:
    'DuckDB reads UTF-16 only little-endian, so it cannot read this UTF-16 BE file. Convert the file to UTF-8 (e.g. iconv -f UTF-16BE -t UTF-8) and make the query for that copy.',
  needsLabels: (question: string) =>
    `Question "${isolate(question)}" is named by option numbers (in a net or a filter), which only the loaded table can turn into answers: pass the table with the schema.`,
  noWeightColumn: (id: string) =>
    `The weight "${isolate(id)}" reads no column of the file, so the query cannot read it. Pick a numeric column.`,
  savNotRead:
    'DuckDB cannot read SPSS files, so there is no query for this one. Save it as CSV (in PSPP or SPSS) and ask again for that file.',
  needsEncodings: (name: string) =>
    `Reading ${name} needs DuckDB's encodings extension: run INSTALL encodings; LOAD encodings; first.`,
} as const;
