// Bounds for what was not published (Fréchet bounds). A report prints the
// share choosing each option, not how many chose two of them together; the
// shares alone still bound it. Of 61.29% and 41.49%, at least 2.78% chose both
// (61.29 + 41.49 − 100: the two groups cannot both fit in 100% without
// overlapping), and at most 41.49% (the smaller group). The same holds for a
// cell of the crosstab of two single-answer questions known only from their
// marginals, when both were asked of the same respondents.
//
// The bounds are on the printed figures; rounding (±half a unit) is not added.
import { roundTo } from '../format/number';
import type { PublishedPercent } from './types';

/** A range in percent of respondents, low ≤ high. */
export interface Range {
  low: number;
  high: number;
}

/** Sums of printed figures, without floating-point dust (61.29 + 41.49 − 100 = 2.78). */
const clean = (x: number) => roundTo(x, 9);

/**
 * The share who chose both of two options chosen by a% and b% of the same
 * respondents: [max(0, a + b − 100), min(a, b)].
 */
export function bothRange(a: number, b: number): Range {
  return { low: clean(Math.max(0, a + b - 100)), high: clean(Math.min(a, b)) };
}

/** The share who chose either option (or both): [max(a, b), min(100, a + b)]. */
export function eitherRange(a: number, b: number): Range {
  return { low: clean(Math.max(a, b)), high: clean(Math.min(100, a + b)) };
}

/**
 * Two single-answer questions asked of the same respondents, known only from
 * their marginals (row shares and column shares, in percent): each cell of
 * their crosstab, as a share of all respondents, lies in
 * [max(0, r + c − 100), min(r, c)]. Each bound is reached by some table with
 * these marginals, one cell at a time (not all at once).
 */
export function crosstabRanges(rows: readonly number[], cols: readonly number[]): Range[][] {
  return rows.map((r) => cols.map((c) => bothRange(r, c)));
}

/**
 * Both and either for two printed figures of one multi-answer question, to the
 * decimals printed. A lower bound ("30+%") can be anything up to 100%, so the
 * upper ends it sets rise to match; its lower ends stay.
 */
export function optionPairBounds(
  a: PublishedPercent,
  b: PublishedPercent,
): { both: Range; either: Range } {
  const d = Math.max(a.decimals, b.decimals);
  const aHigh = a.lowerBound ? 100 : a.value;
  const bHigh = b.lowerBound ? 100 : b.value;
  const r = (x: number) => roundTo(x, d);
  return {
    both: { low: r(Math.max(0, a.value + b.value - 100)), high: r(Math.min(aHigh, bHigh)) },
    either: { low: r(Math.max(a.value, b.value)), high: r(Math.min(100, aHigh + bHigh)) },
  };
}
