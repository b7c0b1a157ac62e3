// Reading a percent cell as printed: "38.07", "38.07%", "29", "30+%" (a lower
// bound), "38,07" (decimal comma). The printed text is kept as is.
import type { PublishedPercent } from './types';

const PERCENT = /^(-?)(\d+)(?:[.,](\d+))?\s*(\+)?\s*%?$/;

/**
 * The percent in a cell, null for a blank cell (no figure), or undefined when
 * the text is not a percent at all (the caller reports where).
 */
export function parsePercentText(raw: string): PublishedPercent | null | undefined {
  const text = raw.trim();
  if (text === '') return null;
  const m = PERCENT.exec(text);
  if (m === null) return undefined;
  const [, sign = '', whole = '', fraction = '', plus] = m;
  const value = Number(`${sign}${whole}.${fraction === '' ? '0' : fraction}`);
  if (!Number.isFinite(value)) return undefined;
  return {
    text,
    value: value === 0 ? 0 : value,
    decimals: fraction.length,
    lowerBound: plus === '+',
  };
}

/** "3" or "#3" -> 3; blank -> null; anything else -> undefined. */
export function parseRankText(raw: string): number | null | undefined {
  const text = raw.trim();
  if (text === '') return null;
  const m = /^#?\s*(\d+)$/.exec(text);
  return m === null ? undefined : Number(m[1]);
}

/** "…", "...", "・・", "⋯": a placeholder the source prints for options it leaves out. */
export function isOmittedPlaceholder(label: string): boolean {
  return /^[.…・･·‥⋯。︙⋮\s]+$/u.test(label) && label.trim() !== '';
}
