// Showing numbers to people: published percents exactly as printed, computed
// percents with a chosen number of decimals, counts with thousands separators.
// Deterministic (no locale lookups), so the UI, the CLI and tests agree.
import type { PublishedPercent } from '../published/types';

/** A published percent as printed: "38.07%", "29%", "30+%", "53.0%" (decimal comma becomes a point). */
export function formatPublished(p: PublishedPercent): string {
  return `${formatNumber(p.value, p.decimals)}${p.lowerBound ? '+' : ''}%`;
}

/** A computed percent: formatPercent(66.04, 2) -> "66.04%"; formatPercent(1234.5, 1) -> "1,234.5%". */
export function formatPercent(value: number, decimals: number): string {
  return `${formatNumber(value, decimals)}%`;
}

/** A count of respondents: 1234567 -> "1,234,567" (rounded to a whole number). */
export function formatCount(n: number): string {
  return formatNumber(Math.round(n), 0);
}

/** A number with a fixed number of decimals and "," between thousands; never "-0". */
export function formatNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = Math.max(0, Math.min(20, Math.floor(decimals)));
  let text = Math.abs(value).toFixed(digits);
  const negative = value < 0 && Number(text) !== 0;
  const [whole = '', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  text = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  return negative ? `-${text}` : text;
}

/** Round to a number of decimals without binary noise: roundTo(0.1 + 0.2, 2) -> 0.3. */
export function roundTo(value: number, decimals: number): number {
  const r = Number(value.toFixed(Math.max(0, Math.min(20, decimals))));
  return r === 0 ? 0 : r;
}
