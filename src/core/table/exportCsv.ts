// Respondent data back to CSV: one row per respondent, one column per
// question; multi-answer questions as the chosen labels joined by ";".
// Reading the export again gives the same answers, with two exceptions a
// spreadsheet user expects: a cell that would start a formula (= + - @) is
// written with a leading "'", and a respondent who answered a multi-answer
// question but chose none of its options comes back as not answered.
import { tableToCsv } from '../export/csv';
import type { Column, RespondentTable } from './types';

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
    case 'multi': {
      const p = column.patternOf[i] ?? 0;
      if (p === 0) return '';
      const chosen: string[] = [];
      for (let j = 0; j < column.labels.length; j++) {
        const word = column.masks[(p - 1) * column.words + (j >>> 5)] ?? 0;
        if (word & (1 << (j & 31))) chosen.push(column.labels[j] ?? '');
      }
      return chosen.join(';');
    }
  }
}

export function exportRespondentCsv(table: RespondentTable): string {
  const rows: string[][] = [table.columns.map((c) => c.text)];
  for (let i = 0; i < table.rowCount; i++) rows.push(table.columns.map((c) => valueAt(c, i)));
  return tableToCsv(rows);
}
