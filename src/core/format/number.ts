// Numbers shown to people: a fixed number of decimals and "," between
// thousands, through Intl with one fixed locale (en-US), so the UI, the CLI,
// exports and tests print the same digits on every machine.

const formatters = new Map<number, Intl.NumberFormat>();

function formatter(decimals: number): Intl.NumberFormat {
  let f = formatters.get(decimals);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      // "-0.0" would read as a negative share: a value that rounds to zero shows no sign.
      signDisplay: 'negative',
    });
    formatters.set(decimals, f);
  }
  return f;
}

/** A number with a fixed number of decimals and "," between thousands; never "-0". */
export function formatNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return String(value);
  return formatter(Math.max(0, Math.min(20, Math.floor(decimals)))).format(value);
}

/** A count of respondents: 1234567 -> "1,234,567" (rounded to a whole number). */
export function formatCount(n: number): string {
  return formatNumber(Math.round(n), 0);
}

/** Round to a number of decimals without binary noise: roundTo(0.1 + 0.2, 2) -> 0.3. */
export function roundTo(value: number, decimals: number): number {
  const r = Number(value.toFixed(Math.max(0, Math.min(20, decimals))));
  return r === 0 ? 0 : r;
}

/** A p-value after "p": "< 0.001" below a thousandth, else "= 0.042" (three decimals). */
export function formatP(p: number): string {
  return p < 0.001 ? '< 0.001' : `= ${formatNumber(p, 3)}`;
}
