// Percents shown to people: published percents exactly as printed, computed
// percents with a chosen number of decimals (digits from ./number.ts).
import type { PublishedPercent } from '../published/types';
import { formatNumber } from './number';

/** A published percent as printed: "38.07%", "29%", "30+%", "53.0%" (decimal comma becomes a point). */
export function formatPublished(p: PublishedPercent): string {
  return `${formatNumber(p.value, p.decimals)}${p.lowerBound ? '+' : ''}%`;
}

/** A computed percent: formatPercent(66.04, 2) -> "66.04%"; formatPercent(1234.5, 1) -> "1,234.5%". */
export function formatPercent(value: number, decimals: number): string {
  return `${formatNumber(value, decimals)}%`;
}
