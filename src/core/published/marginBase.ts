// Which base a margin of error uses, in one place: the base the file states
// (base_n) first, then a base the user gives, then the smallest base the
// printed figures fit (bases.ts). The last is a floor on how many answered,
// so the margins it gives are the widest they can be ("at most ±X points").
// A base the user gives never replaces a stated one: the file decides, and a
// stated base that fits no figure is flagged (base-contradicted) instead.

export type MarginBaseSource = 'stated' | 'typed' | 'smallest';

export interface MarginBase {
  n: number;
  from: MarginBaseSource;
}

const usable = (n: number | null | undefined): n is number =>
  n !== null && n !== undefined && Number.isSafeInteger(n) && n >= 1;

/**
 * The base for intervals: `stated` (the file's base_n), else `typed`, else
 * `smallest` (pass null to leave it out, as tests between columns must:
 * a floor is not a base); null when none is known.
 */
export function marginBase(
  stated: number | null,
  typed: number | null,
  smallest: number | null,
): MarginBase | null {
  if (usable(stated)) return { n: stated, from: 'stated' };
  if (usable(typed)) return { n: typed, from: 'typed' };
  if (usable(smallest)) return { n: smallest, from: 'smallest' };
  return null;
}
