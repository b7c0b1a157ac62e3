// Column-proportion z-tests as in SPSS Custom Tables: for one row, every pair
// of columns gets a pooled two-proportion z-test; p-values are Bonferroni-
// corrected by the number of pairs tested in that row; the letter of the
// column with the lower proportion goes in the cell of the higher one.
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

/**
 * The pooled two-proportion z-test of p1 (0–1, base n1) against p2 (base n2):
 * z and its two-sided p. Null when undefined (a base 0, or pooled p 0 or 1).
 */
export function twoProportionZ(
  p1: number,
  n1: number,
  p2: number,
  n2: number,
): { z: number; p: number } | null {
  if (!(n1 > 0) || !(n2 > 0)) return null;
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (!(variance > 0)) return null;
  const z = (p1 - p2) / Math.sqrt(variance);
  return { z, p: 2 * normalCdf(-Math.abs(z), 0, 1) };
}

/** Two-sided p of the pooled two-proportion z-test; NaN when undefined (a base 0, or pooled p 0 or 1). */
export function twoProportionP(p1: number, n1: number, p2: number, n2: number): number {
  return twoProportionZ(p1, n1, p2, n2)?.p ?? NaN;
}

export const columnLetter = (index: number): string => {
  let s = '';
  let i = index;
  do {
    s = String.fromCharCode(65 + (i % 26)) + s;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return s;
};

/**
 * Letters per cell for one row. `proportions[c]` is the row's share of column c
 * (0–1), `bases[c]` the test base of column c; `testable[c]` false skips a column
 * (a net, or an empty one). Returns letters[c]: letters of the columns significantly lower.
 */
export function columnProportionTests(
  proportions: readonly number[],
  bases: readonly number[],
  testable: readonly boolean[],
  letters: readonly string[],
  alpha = 0.05,
): string[] {
  const cols = proportions.length;
  const lower: number[][] = Array.from({ length: cols }, () => []);
  const tested: number[] = [];
  for (let c = 0; c < cols; c++) if (testable[c] && bases[c]! > 0) tested.push(c);
  const pairs = (tested.length * (tested.length - 1)) / 2;
  if (pairs === 0) return lower.map(() => '');
  for (let i = 0; i < tested.length; i++) {
    for (let j = i + 1; j < tested.length; j++) {
      const a = tested[i]!;
      const b = tested[j]!;
      const p = twoProportionP(proportions[a]!, bases[a]!, proportions[b]!, bases[b]!);
      if (!(Math.min(1, p * pairs) < alpha)) continue;
      if (proportions[a]! > proportions[b]!) lower[a]!.push(b);
      else if (proportions[b]! > proportions[a]!) lower[b]!.push(a);
    }
  }
  return lower.map((cs) =>
    cs
      .sort((x, y) => x - y)
      .map((c) => letters[c]!)
      .join(''),
  );
}
