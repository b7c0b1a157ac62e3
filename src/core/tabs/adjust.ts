// Multiple-comparison corrections over the p-values of one row within one
// banner group. Testing every pair of five columns makes ten tests; at 5% each,
// a row of pure noise gets a letter 40% of the time. Bonferroni controls the
// chance of any false letter (strict: m × p); Benjamini–Hochberg controls the
// expected share of false letters among the letters shown (FDR), and keeps more
// of the real ones. Both as R's p.adjust(method = "bonferroni" | "BH").
import type { Correction } from './types';

/** Adjusted p-values, in the order given; NaN (an undefined test) stays NaN and does not count. */
export function adjustPValues(p: readonly number[], correction: Correction): number[] {
  const defined = p.filter((x) => !Number.isNaN(x)).length;
  if (correction === 'none' || defined <= 1) return [...p];
  if (correction === 'bonferroni') return p.map((x) => Math.min(1, x * defined));
  // Benjamini–Hochberg: sort ascending; p(i) · m / i, then the running minimum
  // from the largest down, so adjusted values keep the order of the raw ones.
  const order = p
    .map((x, i) => ({ x, i }))
    .filter((e) => !Number.isNaN(e.x))
    .sort((a, b) => a.x - b.x || a.i - b.i);
  const out = p.map(() => NaN);
  let running = 1;
  for (let k = order.length - 1; k >= 0; k--) {
    const e = order[k]!;
    // (m / i) · p, in the order R's p.adjust multiplies, so that values on a threshold agree.
    running = Math.min(running, (defined / (k + 1)) * e.x);
    out[e.i] = running;
  }
  return out;
}
