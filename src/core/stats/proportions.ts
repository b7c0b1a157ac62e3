// The pooled two-proportion z-test and column letters (A, B, … Z, AA, …). The
// rule that turns tests into significance letters, for crosstabs, tab books
// and tables of counts alike, is in tabs/letters.ts.
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

export const columnLetter = (index: number): string => {
  let s = '';
  let i = index;
  do {
    s = String.fromCharCode(65 + (i % 26)) + s;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return s;
};
