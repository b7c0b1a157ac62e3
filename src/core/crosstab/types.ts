// The crosstab contract: what the UI, the Worker and the CLI ask for (CrosstabSpec)
// and what they get back (Crosstab). The CLI prints a Crosstab as JSON as is.
//
// Percent arrays hold 0–100; a percent whose base is 0 is NaN (JSON: null).

import type { FilterCondition } from '../filter/filter';

export type { FilterCondition };

/**
 * A net: respondents who chose any of `options` (label indexes), counted once
 * each; with `all`, respondents who chose every one of them (multi-answer
 * questions: "saw all six films").
 */
export interface NetSpec {
  label: string;
  options: readonly number[];
  all?: boolean;
}

export interface AxisSpec {
  questionId: string;
  nets?: readonly NetSpec[];
}

export interface CrosstabSpec {
  rows: AxisSpec;
  /** null: one "Total" column only. */
  cols: AxisSpec | null;
  /** A numeric column to weight by; undefined means the table's own weightId, null means unweighted. */
  weightId?: string | null;
  /** AND across conditions, OR within one condition's options. */
  filter?: readonly FilterCondition[];
  /** Significance letters (default true): tabs/letters.ts's rule with CROSSTAB_TESTS. */
  tests?: boolean;
}

export type AxisType = 'single' | 'multi' | 'total';

export interface CrosstabAxis {
  question: { id: string; text: string; type: AxisType };
  /** Option labels, then net labels. */
  labels: string[];
  /** isNet[i]: labels[i] is a net appended after the options. */
  isNet: boolean[];
}

export interface ChiSquare {
  statistic: number;
  df: number;
  p: number;
}

export interface CrosstabMissing {
  /** Respondents (after the filter) with no answer to the row question. */
  rows: number;
  /** Respondents (after the filter) with no answer to the column question. */
  cols: number;
  /** Respondents left out of the table: missing on either axis (never dropped silently). */
  excluded: number;
  /** Respondents left out because their weight is missing, zero or negative (weighted tables only). */
  weight: number;
  /** Respondents the filter left out. */
  filteredOut: number;
}

export interface Crosstab {
  rows: CrosstabAxis;
  cols: CrosstabAxis;
  /** rows × cols; weighted when a weight is used. */
  counts: number[][];
  unweightedCounts: number[][];
  /** Respondents in each row (answered the column question too); weighted when weighted. */
  rowBases: number[];
  /** Respondents in each column who answered the row question; weighted when weighted. */
  colBases: number[];
  /** Respondents in the table: answered both questions (weighted when weighted). */
  total: number;
  unweightedRowBases: number[];
  unweightedColBases: number[];
  unweightedTotal: number;
  /**
   * Kish's effective base (Σw)²/Σw² of each column's respondents (those in
   * colBases); equal to unweightedColBases when unweighted. Letters are tested
   * on these bases.
   */
  effectiveBases: number[];
  /** The same over everyone in the table. */
  effectiveTotal: number;
  /**
   * Σw² of each column's respondents (those in colBases), from which
   * effectiveBases are made; equal to unweightedColBases when unweighted. A
   * tab book adds these up over combined banner columns, and subtracts a
   * column's from Total's for the rest of the sample.
   */
  colSquares: number[];
  /** The same over everyone in the table. */
  totalSquares: number;
  /**
   * counts / colBases. For a multi-answer row question this is the share of the column's
   * respondents who were asked (non-missing), i.e. equal to colPercentsOfRespondents.
   */
  colPercents: number[][];
  /** counts / rowBases (for multi-answer columns: share of the row's respondents asked the column question). */
  rowPercents: number[][];
  /** counts / total. */
  totalPercents: number[][];
  /** rowBases / total: the "Total" column of a banner. */
  rowBasePercents: number[];
  multi: { rows: boolean; cols: boolean };
  /**
   * Multi-answer row question only (else null). Three bases per column:
   * - ofCases: respondents in the column who chose at least one option (SPSS MULT RESPONSE default);
   * - ofRespondents: every respondent in the column who was asked the row question
   *   (its answer is not missing), including those who chose none of the options;
   * - ofResponses: all mentions of the row question's options in the column (sums to 100).
   */
  colPercentsOfCases: number[][] | null;
  colPercentsOfRespondents: number[][] | null;
  colPercentsOfResponses: number[][] | null;
  /** Bases of the above (weighted when weighted): cases and responses per column. */
  colCases: number[] | null;
  colResponses: number[] | null;
  /** The same three for a multi-answer column question, per row (else null). */
  rowPercentsOfCases: number[][] | null;
  rowPercentsOfRespondents: number[][] | null;
  rowPercentsOfResponses: number[][] | null;
  missing: CrosstabMissing;
  /** weighted and effective: null when unweighted. */
  base: { description: string; n: number; weighted: number | null; effective: number | null };
  /** Pearson chi-square over the option cells; null when an axis is multi-answer, has nets only, or is degenerate. */
  chiSquare: ChiSquare | null;
  expectedBelow5: { cells: number; share: number } | null;
  /** Column letters A, B, C… (nets get letters too but are not tested). */
  letters: string[];
  /**
   * tests[r][c]: letters of the columns whose proportion is significantly lower
   * than this cell's (pooled z on effectiveBases, Bonferroni within the row, 95%).
   */
  tests: string[][] | null;
  testNote: string | null;
  /** smallBase[c]: fewer than 30 respondents (unweighted) in the column. */
  smallBase: boolean[];
  weightId: string | null;
  /** The survey's notice, e.g. "Simulated respondents, not real data". */
  notice: string | null;
  warnings: string[];
}
