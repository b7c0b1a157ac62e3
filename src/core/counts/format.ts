// How the figures of a table of counts are written, on the page and in its
// CSV: reconstructed counts with the decimals they have (up to 4, so 94.95
// shows as 94.95, not 95), percents and intervals to one decimal.
import { formatNumber, roundTo } from '../format/number';
import { formatPercent } from '../format/percent';
import type { Interval } from '../stats/wilson';

/** Enough decimals to show a count as it is (up to 4): 62 -> 0, 94.95 -> 2, 71.82 -> 2. */
export function countDecimals(v: number): number {
  for (let d = 0; d < 4; d++) if (roundTo(v, d) === roundTo(v, 9)) return d;
  return 4;
}

/** A count on the page: "1,234", "94.95". */
export const countText = (v: number): string => formatNumber(v, countDecimals(v));

/** A count in a CSV, which spreadsheets read as a number: "1234", "94.95". */
export const countCell = (v: number): string => String(roundTo(v, countDecimals(v)));

/** A column percent: "77.5%"; "–" where the column has no respondents. */
export const percentText = (p: number | null): string => (p === null ? '–' : formatPercent(p, 1));

/** A Wilson interval: "67.2–85.3%". */
export const intervalText = (i: Interval | null): string =>
  i === null ? '–' : `${formatNumber(i.low, 1)}–${formatPercent(i.high, 1)}`;
