// Reading one cell of a typed or pasted table: a whole number of respondents
// (a count or a base, thousands separators allowed) or a percent (read by the
// published format's own rule, parsePercentText).
import { parsePercentText } from '../published/percent';
import type { PublishedPercent } from '../published/types';

/** What a cell that should hold a whole number holds. */
export type WholeCell =
  | { ok: true; value: number }
  | { ok: false; why: 'blank' | 'negative' | 'fraction' | 'not-number' };

// One thousands separator used throughout: "1,234", "1.234", "1 234", "1'234" (also no-break and thin spaces).
const GROUPED = /^[1-9]\d{0,2}([,.' \u00a0\u202f\u2009])\d{3}(?:\1\d{3})*$/;
const DECIMAL = /^\d*[.,]\d+$/;

/**
 * A count or base: "1234", "1,234", "1.234", "1 234" are all 1234 (a count is a
 * whole number, so a point or comma before three digits can only group
 * thousands). "12.5", "-3" and "abc" are refused, each with its reason.
 */
export function parseWholeCell(raw: string): WholeCell {
  const text = raw.trim();
  if (text === '') return { ok: false, why: 'blank' };
  const negative = /^[-−]/.test(text);
  const digits = negative ? text.slice(1).trim() : text;
  let value: number | null = null;
  if (/^\d+$/.test(digits)) value = Number(digits);
  else if (GROUPED.test(digits)) value = Number(digits.replace(/\D/g, ''));
  else if (DECIMAL.test(digits)) return { ok: false, why: negative ? 'negative' : 'fraction' };
  if (value === null || !Number.isSafeInteger(value)) return { ok: false, why: 'not-number' };
  if (negative && value !== 0) return { ok: false, why: 'negative' };
  return { ok: true, value };
}

/** True when the cell is written as a percent ("45%", "45 %"). */
export function hasPercentSign(raw: string): boolean {
  return /%\s*$/.test(raw.trim());
}

export type PercentCell =
  | { ok: true; percent: PublishedPercent }
  | { ok: false; why: 'blank' | 'negative' | 'over-100' | 'lower-bound' | 'not-percent' };

/** A percent of a table of percents: 0–100, "45", "45%", "45.5%", "45,5%"; not "30+%". */
export function parsePercentCell(raw: string): PercentCell {
  const percent = parsePercentText(raw);
  if (percent === null) return { ok: false, why: 'blank' };
  if (percent === undefined) return { ok: false, why: 'not-percent' };
  if (percent.lowerBound) return { ok: false, why: 'lower-bound' };
  if (percent.value < 0) return { ok: false, why: 'negative' };
  if (percent.value > 100) return { ok: false, why: 'over-100' };
  return { ok: true, percent };
}
