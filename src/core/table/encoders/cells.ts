// What every encoder shares: the Encoder contract and the cell tests of the
// import's hot path (trim only when needed, plain numbers, canonical ids).
import type { Column } from '../types';

export interface Encoder {
  push(cells: readonly string[]): void;
  finish(warnings: string[]): Column;
}

export const NUMBERISH = /^-?\d+(\.\d+)?$/;
/** What the fused parser reads as a number itself (a missing token like this disables that). */
export const isPlainNumber = (s: string): boolean => /^-?\d*[.,]?\d*$/.test(s) && /\d/.test(s);

/** Up to this many labels (and missing tokens), a category is found by comparing strings. */
export const FEW = 16;

/**
 * A character that String.prototype.trim removes: every Unicode space (e.g.
 * U+3000 in CJK exports). Top-level, not a closure inside clean(): a closure
 * made per cell cost seconds on large files run without bundling.
 */
function isTrimmed(c: number): boolean {
  return (
    c <= 32 ||
    (c >= 0x80 &&
      (c === 0xa0 ||
        c === 0xfeff ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000))
  );
}

/** trim() only when needed: most cells have no surrounding whitespace (a hot path). */
export function clean(cell: string | undefined): string {
  if (cell === undefined || cell.length === 0) return '';
  // The test is cheap because most cells start and end with a letter or digit.
  return isTrimmed(cell.charCodeAt(0)) || isTrimmed(cell.charCodeAt(cell.length - 1))
    ? cell.trim()
    : cell;
}

/** Canonical integer ids ("1234", not "007" or "1e3"), checked without allocating. */
export function isCanonicalInteger(v: string): boolean {
  const n = v.length;
  if (n === 0 || n > 15) return false;
  let i = v.charCodeAt(0) === 45 ? 1 : 0;
  if (i === n || (v.charCodeAt(i) === 48 && n > i + 1)) return false;
  for (; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return v !== '-0';
}
