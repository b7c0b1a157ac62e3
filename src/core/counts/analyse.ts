// The tests of a table of counts, with the engine's own statistics and the
// crosstab's rules: Pearson chi-square (stats/chisquare), column letters from
// pooled two-proportion z-tests at 95%, Bonferroni-corrected within each row
// (tabs/letters, the one rule crosstabs and tab books letter by), and each cell's Wilson
// 95% interval on its column base (stats/wilson).
import { isolate } from '../format/bidi';
import { respondentMessages, countsMessages as M } from '../messages';
import { pearsonChiSquare, type ChiSquareResult } from '../stats/chisquare';
import { columnLetter } from '../stats/proportions';
import { columnProportionTests } from '../tabs/letters';
import { wilsonPercent, type Interval } from '../stats/wilson';
import type { CountsTable } from './types';

/** Columns with fewer respondents are marked, as in crosstabs. */
const SMALL_BASE = 30;

export interface CountsAnalysis {
  table: CountsTable;
  /** A, B, C… one per column. */
  letters: string[];
  /** Each column's respondents: the typed Base (column percents), else the column's total. */
  colBases: number[];
  rowTotals: number[];
  total: number;
  /** colPercents[r][c], 0–100; null where the column has no respondents. */
  colPercents: (number | null)[][];
  /** tests[r][c]: letters of the columns that cell is significantly higher than; null with one column. */
  tests: string[][] | null;
  /** The Wilson 95% interval of each column percent, in percent; null where it is undefined. */
  intervals: (Interval | null)[][];
  /** smallBase[c]: fewer than 30 respondents in the column. */
  smallBase: boolean[];
  chiSquare: ChiSquareResult | null;
  notes: string[];
}

export function analyseCounts(table: CountsTable): CountsAnalysis {
  const { counts, colLabels, rowLabels } = table;
  const nCols = colLabels.length;
  const colSums = colLabels.map((_, c) => counts.reduce((a, row) => a + row[c]!, 0));
  const colBases = table.source === 'column-percents' && table.bases ? table.bases : colSums;
  const rowTotals = counts.map((row) => row.reduce((a, v) => a + v, 0));
  const total = rowTotals.reduce((a, v) => a + v, 0);
  // Column percents as typed where they were typed; otherwise count ÷ base.
  const colPercents = counts.map((row, r) =>
    row.map((v, c) => {
      if (table.source === 'column-percents' && table.percents) return table.percents[r]![c]!;
      const base = colBases[c]!;
      return base > 0 ? (100 * v) / base : null;
    }),
  );
  const intervals = colPercents.map((row) =>
    row.map((p, c) => (p === null ? null : wilsonPercent(p, colBases[c]!))),
  );
  const letters = colLabels.map((_, c) => columnLetter(c));
  const testable = colLabels.map(() => true);
  const tests =
    nCols > 1
      ? colPercents.map((row) =>
          columnProportionTests(
            row.map((p) => (p === null ? NaN : p / 100)),
            colBases,
            testable,
            letters,
          ),
        )
      : null;

  const notes = [...table.notes];
  let chiSquare: ChiSquareResult | null = null;
  if (table.overlap) notes.push(M.chiSquareOverlap);
  else {
    chiSquare = pearsonChiSquare(counts);
    const emptyRows = rowLabels.filter((_, r) => !(rowTotals[r]! > 0));
    const emptyCols = colLabels.filter((_, c) => !(colSums[c]! > 0));
    if (chiSquare === null) {
      const rowsWith = rowLabels.length - emptyRows.length;
      notes.push(M.chiSquareTooSmall(rowsWith < 2 ? 'rows' : 'columns'));
    } else {
      if (emptyRows.length > 0) notes.push(M.chiSquareLeftOut('row', emptyRows));
      if (emptyCols.length > 0) notes.push(M.chiSquareLeftOut('column', emptyCols));
      if (chiSquare.expectedBelow5 > 0)
        notes.push(respondentMessages.expectedBelow5(chiSquare.expectedBelow5, chiSquare.cells));
    }
  }
  const smallBase = colBases.map((n) => n < SMALL_BASE);
  const small = colLabels.filter((_, c) => smallBase[c]);
  if (small.length > 0)
    notes.push(respondentMessages.smallBase(small.map((l) => `"${isolate(l)}"`)));
  return {
    table,
    letters,
    colBases,
    rowTotals,
    total,
    colPercents,
    tests,
    intervals,
    smallBase,
    chiSquare,
    notes,
  };
}
