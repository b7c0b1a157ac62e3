// Margins of error for a published percent: the Wilson score interval, the one
// R's prop.test(correct = FALSE) reports. Unlike p̂ ± z·√(p̂(1−p̂)/n) it stays
// inside 0–100% and is not zero-width at 0% or 100%. A design effect deff ≥ 1
// (weighting, clustering) shrinks the base to the effective n = n / deff.

/** The 97.5% point of the standard normal: two-sided 95%. */
export const Z_95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/**
 * The Wilson score interval for a proportion `p` (0–1) observed among `n`
 * respondents, with design effect `deff` (effective n = n / deff). Null when
 * it is undefined: n not positive, deff below 1, p outside 0–1, or not finite.
 */
export function wilsonInterval(p: number, n: number, deff = 1, z = Z_95): Interval | null {
  if (!(p >= 0 && p <= 1) || !(n > 0) || !Number.isFinite(n)) return null;
  if (!(deff >= 1) || !Number.isFinite(deff) || !(z > 0) || !Number.isFinite(z)) return null;
  const m = n / deff;
  const z2n = (z * z) / m;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / m + z2n / (4 * m))) / (1 + z2n);
  // At 0% and 100% the near end is exactly 0 or 1 (as R's prop.test has it), not rounding dust.
  return {
    low: p === 0 ? 0 : Math.max(0, centre - half),
    high: p === 1 ? 1 : Math.min(1, centre + half),
  };
}

/** The Wilson 95% interval of a percent (0–100) with base `n`, in percent units. */
export function wilsonPercent(percent: number, n: number, deff = 1): Interval | null {
  const i = wilsonInterval(percent / 100, n, deff);
  return i === null ? null : { low: 100 * i.low, high: 100 * i.high };
}

/**
 * The margin of error in points: the farther end of the Wilson 95% interval
 * from the printed percent ("±4.1 points"). It shrinks as the base grows, so
 * with the smallest base the figures fit it is the most the margin can be.
 */
export function marginOfError(percent: number, n: number, deff = 1): number | null {
  const i = wilsonPercent(percent, n, deff);
  return i === null ? null : Math.max(percent - i.low, i.high - percent);
}
