// Respondent data back to CSV: one row per respondent, one column per
// question; multi-answer questions as the chosen labels joined by ";".
// Reading the export again gives the same answers, with two exceptions a
// spreadsheet user expects: a cell that would start a formula (= + - @) is
// written with a leading "'", and a respondent who answered a multi-answer
// question but chose none of its options comes back as not answered.
//
// Written in chunks of rows (the export worker streams them into a Blob and
// reports progress between them), each chunk by the one CSV writer
// (tableToCsv): its quoting looks at one cell at a time and every row ends
// with "\n", so the chunks joined are, byte for byte, the whole table written
// at once.
import type { Column, RespondentTable } from '../table/types';
import { patternLabels } from '../table/patterns';
import { tableToCsv } from './csv';

/** Rows per chunk: about 4 MB of text for 30 questions, written in well under 100 ms. */
export const CHUNK_ROWS = 10_000;

function valueAt(column: Column, i: number): string {
  switch (column.type) {
    case 'single':
    case 'text': {
      const code = column.codes[i] ?? 0;
      return code === 0 ? '' : (column.labels[code - 1] ?? '');
    }
    case 'numeric': {
      const v = column.values[i] ?? NaN;
      return Number.isNaN(v) ? '' : String(v);
    }
    case 'multi':
      return patternLabels(column, column.patternOf[i] ?? 0).join(';');
  }
}

export interface CsvChunk {
  text: string;
  /** Respondents written so far, this chunk included. */
  rows: number;
}

/**
 * The export as chunks of CSV text: the header row with the first
 * `chunkRows` respondents, then `chunkRows` respondents at a time.
 */
export function* respondentCsvChunks(
  table: RespondentTable,
  chunkRows: number = CHUNK_ROWS,
): Generator<CsvChunk> {
  const size = Math.max(1, Math.floor(chunkRows));
  let rows: string[][] = [table.columns.map((c) => c.text)];
  for (let start = 0; start < table.rowCount || rows.length > 0; start += size) {
    const end = Math.min(table.rowCount, start + size);
    for (let i = start; i < end; i++) rows.push(table.columns.map((c) => valueAt(c, i)));
    yield { text: tableToCsv(rows), rows: end };
    rows = [];
  }
}

/** The whole export at once (small tables, tests): the chunks joined. */
export function exportRespondentCsv(table: RespondentTable): string {
  let out = '';
  for (const chunk of respondentCsvChunks(table)) out += chunk.text;
  return out;
}
