// What the sample rows say about one column: its distinct values and whether
// they are numbers. Missing tokens (blank, NA, N/A by default) are counted apart.

export interface ColumnProfile {
  index: number;
  /** Distinct trimmed non-missing values with their counts (capped at MAX_DISTINCT). */
  counts: Map<string, number>;
  nonMissing: number;
  missing: number;
  /** Every non-missing value parses as a finite number. */
  numeric: boolean;
  /** Every non-missing value is an integer (only meaningful when numeric). */
  integer: boolean;
  /** Smallest number seen (only meaningful when numeric). */
  min: number;
  /** Mean length of the distinct values. */
  meanLength: number;
  distinctCapped: boolean;
}

const MAX_DISTINCT = 5000;

export function parseNumber(text: string, decimalComma: boolean): number {
  if (text === '') return NaN;
  const n = Number(decimalComma ? text.replace(',', '.') : text);
  return Number.isFinite(n) ? n : NaN;
}

export function profileColumn(
  rows: readonly string[][],
  index: number,
  missing: ReadonlySet<string>,
  decimalComma: boolean,
): ColumnProfile {
  const counts = new Map<string, number>();
  let nonMissing = 0;
  let miss = 0;
  let numeric = true;
  let integer = true;
  let min = Infinity;
  let capped = false;
  for (const row of rows) {
    const v = (row[index] ?? '').trim();
    if (missing.has(v)) {
      miss++;
      continue;
    }
    nonMissing++;
    const c = counts.get(v);
    if (c !== undefined) counts.set(v, c + 1);
    else if (counts.size < MAX_DISTINCT) counts.set(v, 1);
    else capped = true;
    if (numeric && c === undefined) {
      const n = parseNumber(v, decimalComma);
      if (Number.isNaN(n)) numeric = false;
      else {
        if (!Number.isInteger(n)) integer = false;
        if (n < min) min = n;
      }
    }
  }
  let len = 0;
  for (const k of counts.keys()) len += k.length;
  return {
    index,
    counts,
    nonMissing,
    missing: miss,
    numeric: numeric && nonMissing > 0,
    integer,
    min,
    meanLength: counts.size === 0 ? 0 : len / counts.size,
    distinctCapped: capped,
  };
}
