// Pearson chi-square test of independence for an r × c table of counts, and
// its upper-tail p-value computed directly (not as 1 - cdf, which loses every
// digit once p drops below about 1e-16).
import gammainc from '@stdlib/math-base-special-gammainc';

export interface ChiSquareResult {
  statistic: number;
  df: number;
  p: number;
  /** Cells (of the rows and columns kept) whose expected count is below 5. */
  expectedBelow5: number;
  cells: number;
}

/**
 * Rows or columns whose total is 0 are left out (as PSPP does); df = (r' - 1)(c' - 1).
 * Null when fewer than two rows or columns have counts.
 */
export function pearsonChiSquare(counts: readonly (readonly number[])[]): ChiSquareResult | null {
  const nRows = counts.length;
  const nCols = counts[0]?.length ?? 0;
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = new Array<number>(nCols).fill(0);
  for (const row of counts) for (let c = 0; c < nCols; c++) colTotals[c]! += row[c]!;
  const rowsKept = [...Array(nRows).keys()].filter((r) => rowTotals[r]! > 0);
  const colsKept = [...Array(nCols).keys()].filter((c) => colTotals[c]! > 0);
  if (rowsKept.length < 2 || colsKept.length < 2) return null;
  const total = rowsKept.reduce((a, r) => a + rowTotals[r]!, 0);
  let statistic = 0;
  let expectedBelow5 = 0;
  for (const r of rowsKept) {
    for (const c of colsKept) {
      const expected = (rowTotals[r]! * colTotals[c]!) / total;
      const diff = counts[r]![c]! - expected;
      statistic += (diff * diff) / expected;
      if (expected < 5) expectedBelow5++;
    }
  }
  const df = (rowsKept.length - 1) * (colsKept.length - 1);
  return {
    statistic,
    df,
    p: chiSquareUpperTail(statistic, df),
    expectedBelow5,
    cells: rowsKept.length * colsKept.length,
  };
}

/**
 * P(X >= x) for X ~ chi-square with df degrees of freedom: the regularized upper
 * incomplete gamma Q(df/2, x/2) from stdlib, computed as an upper tail (not as
 * 1 - cdf, which loses every digit once p drops below about 1e-16).
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (!(x > 0)) return 1;
  if (!Number.isFinite(x)) return 0;
  return gammainc(x / 2, df / 2, true, true);
}
