// Significance letters: the one rule, for tab books, crosstabs and pasted
// tables of counts. A group's columns (the options of one banner question; a
// crosstab's columns are a banner of one group) are compared pairwise, or each
// with the rest of the sample; the p-values of one row within one group are
// corrected together (none, Bonferroni, Benjamini–Hochberg); a cell then
// carries, in uppercase, the letters of the columns it is higher than at
// `level`, and in lowercase those it is higher than only at `lowerLevel`.
// Against the rest of the sample a column has no partner to name, so a cell
// higher than the rest carries its own letter. A crosstab is tested as
// CROSSTAB_TESTS: pairwise, Bonferroni, 95%.
//
// The two tests, both two-sided and both on Kish effective bases (Σw)²/Σw²
// (n when unweighted; tabs/effective.ts):
//   proportions: the pooled two-proportion z-test;
//   means: Welch's t-test, t = (x̄a − x̄b) / √(va/na + vb/nb) with
//     Welch–Satterthwaite df = (va/na + vb/nb)² / ((va/na)²/(na−1) + (vb/nb)²/(nb−1)),
//     which is R's t.test(var.equal = FALSE) when unweighted.
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { twoProportionZ } from '../stats/proportions';
import { adjustPValues } from './adjust';
import type { TestSpec } from './types';

/** One test: its p-value (1 when undefined) and which side is higher (> 0: the first). */
export interface Comparison {
  p: number;
  diff: number;
}

/** A proportion (0–1) on an effective base. */
export interface Share {
  p: number;
  n: number;
}

export function compareShares(a: Share, b: Share): Comparison {
  const z = twoProportionZ(a.p, a.n, b.p, b.n);
  return { p: z?.p ?? 1, diff: a.p - b.p };
}

/** A mean with its variance (frequency-weighted) on an effective base. */
export interface Mean {
  mean: number;
  variance: number;
  n: number;
}

/** A mean can be tested when its variance is defined and its effective base is above 1. */
export const testableMean = (m: Mean): boolean =>
  Number.isFinite(m.mean) && Number.isFinite(m.variance) && m.n > 1;

/** Welch's t-test; p = 1 when both columns have no spread (the test is undefined). */
export function welch(a: Mean, b: Mean): Comparison {
  const sa = a.variance / a.n;
  const sb = b.variance / b.n;
  const se2 = sa + sb;
  const diff = a.mean - b.mean;
  if (!(se2 > 0)) return { p: 1, diff };
  const t = diff / Math.sqrt(se2);
  const df = (se2 * se2) / ((sa * sa) / (a.n - 1) + (sb * sb) / (b.n - 1));
  return { p: Math.min(1, 2 * tCdf(-Math.abs(t), df)), diff };
}

/**
 * Letters for one row of one group. `members` are the book columns of the
 * group that can be tested (they have a base); `pair(a, b)` compares two of
 * them, `rest(c)` one with the rest of the sample (null: the rest is empty).
 * Appends to out[c] for each member c.
 */
export function groupLetters(
  members: readonly number[],
  letters: readonly (string | null)[],
  tests: TestSpec,
  pair: (a: number, b: number) => Comparison,
  rest: (c: number) => Comparison | null,
  out: string[][],
): void {
  const found: { winner: number; loser: number; p: number }[] = [];
  if (tests.compare === 'group') {
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i]!;
        const b = members[j]!;
        const r = pair(a, b);
        found.push(r.diff >= 0 ? { winner: a, loser: b, p: r.p } : { winner: b, loser: a, p: r.p });
        // A tie is never significant; its p still counts for the correction.
        if (r.diff === 0) found[found.length - 1]!.winner = -1;
      }
  } else {
    for (const c of members) {
      const r = rest(c);
      if (r === null) continue;
      found.push({ winner: r.diff > 0 ? c : -1, loser: c, p: r.p });
    }
  }
  const adjusted = adjustPValues(
    found.map((f) => f.p),
    tests.correction,
  );
  const marks: { winner: number; loser: number; upper: boolean }[] = [];
  found.forEach((f, k) => {
    if (f.winner < 0) return;
    const p = adjusted[k]!;
    if (p < 1 - tests.level) marks.push({ winner: f.winner, loser: f.loser, upper: true });
    else if (tests.lowerLevel !== null && p < 1 - tests.lowerLevel)
      marks.push({ winner: f.winner, loser: f.loser, upper: false });
  });
  marks.sort((x, y) => x.loser - y.loser);
  for (const m of marks) {
    const letter = letters[m.loser] ?? '';
    out[m.winner]!.push(m.upper ? letter : letter.toLowerCase());
  }
}

/** A crosstab's columns as one banner group: pairwise, Bonferroni within each row, 95%. */
export const CROSSTAB_TESTS: TestSpec = {
  level: 0.95,
  lowerLevel: null,
  compare: 'group',
  correction: 'bonferroni',
};

/**
 * Letters per cell for one row whose columns are one group, by `tests`
 * (CROSSTAB_TESTS unless given). `proportions[c]` is the row's share of column
 * c (0–1), `bases[c]` its test base (the effective base when weighted);
 * `testable[c]` false skips a column (a net). A column with no base is not
 * tested. Returns letters[c]: the letters of the columns significantly lower.
 */
export function columnProportionTests(
  proportions: readonly number[],
  bases: readonly number[],
  testable: readonly boolean[],
  letters: readonly string[],
  tests: TestSpec = CROSSTAB_TESTS,
): string[] {
  const out = proportions.map(() => [] as string[]);
  const members = proportions.map((_, c) => c).filter((c) => testable[c] && bases[c]! > 0);
  const share = (c: number): Share => ({ p: proportions[c]!, n: bases[c]! });
  groupLetters(
    members,
    letters,
    tests,
    (a, b) => compareShares(share(a), share(b)),
    () => null,
    out,
  );
  return out.map((cell) => cell.join(''));
}
