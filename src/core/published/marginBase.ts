// Which base a margin of error uses, in one place: the base the file states
// (base_n) first, then a base the user gives, then the smallest base the
// printed figures fit (bases.ts). The last is a floor on how many answered,
// so the margins it gives are the widest they can be ("at most ±X points").
// A base the user gives never replaces a stated one: the file decides, and a
// stated base that fits no figure is flagged (base-contradicted) instead.
// Respondent data knows its base: its respondents, or, weighted, Kish's
// effective base (Σw)²/Σw² of those respondents (tabs/effective.ts), the base
// the tab book tests with; a design effect the user gives divides it further.
import { tabs } from '../tabs/tabs';
import type { RespondentTable } from '../table/types';

export type MarginBaseSource = 'stated' | 'typed' | 'smallest' | 'effective';

export interface MarginBase {
  /** The base, before any design effect the user gives: whole, but for an effective base. */
  n: number;
  from: MarginBaseSource;
  /** An effective base: the respondents it is of, and the weight that made it. */
  of?: { respondents: number; weight: string };
}

/** A respondent question's base: who answered it and, weighted, their effective base. */
export interface RespondentBase {
  /** Respondents who answered (single) or were asked (multi), unweighted. */
  respondents: number;
  /** Kish's (Σw)²/Σw² over them; null when the data is unweighted. */
  effective: number | null;
  /** The weight, or null. */
  weight: string | null;
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

/**
 * The base of a respondent question's Total, as the tab book counts it (the
 * same engine, so the same respondents, weights and Σw²); null when the
 * question cannot be tabulated (a numeric or text question).
 */
export function respondentBase(table: RespondentTable, questionId: string): RespondentBase | null {
  const book = tabs(table, { banner: [], rows: [questionId], tests: false });
  const t = book.ok ? book.value.tables[0] : undefined;
  if (t === undefined || t.question.type === 'numeric') return null;
  const respondents = t.bases.unweighted[0] ?? 0;
  const weight = book.ok ? book.value.weightId : null;
  return { respondents, effective: weight === null ? null : (t.bases.effective[0] ?? 0), weight };
}

/**
 * The base for intervals on respondent data: Kish's effective base when
 * weighted, else the respondents; null when nobody answered. A typed base
 * never replaces it: the data states its own.
 */
export function respondentMarginBase(b: RespondentBase): MarginBase | null {
  if (b.effective === null || b.weight === null)
    return usable(b.respondents) ? { n: b.respondents, from: 'stated' } : null;
  if (!(b.effective > 0) || !Number.isFinite(b.effective)) return null;
  return {
    n: b.effective,
    from: 'effective',
    of: { respondents: b.respondents, weight: b.weight },
  };
}
