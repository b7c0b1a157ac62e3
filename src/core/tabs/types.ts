// The tab book contract: what the UI, the Worker and the CLI ask for (TabSpec)
// and what they get back (TabBook). The CLI prints a TabBook as JSON as is, so
// nothing in it is NaN or Infinity: a figure that does not exist is null.
import type { NetSpec } from '../crosstab/types';
import type { FilterCondition } from '../filter/filter';

/**
 * A banner question: an id (or exact text), or one question nested within
 * another (each option of `within` split by the options of `question`, e.g.
 * gender within region). Nested questions must both be single-answer.
 */
export type BannerColumn = string | { question: string; within?: string | null };

export type Compare = 'group' | 'rest';
export type Correction = 'none' | 'bonferroni' | 'bh';

export interface TestSpec {
  /** Uppercase letters: significant at this confidence level (default 0.95). */
  level: number;
  /** Lowercase letters: significant at this lower level but not at `level` (e.g. 0.90); null: none. */
  lowerLevel: number | null;
  /** 'group': each column against the others of its group; 'rest': against the rest of the sample (Total minus the column). */
  compare: Compare;
  /** Over the comparisons of one row within one group. */
  correction: Correction;
}

/** Top-2-box and bottom-2-box nets on an ordered scale, or nets of one's own. */
export type RowNets = 'top2bottom2' | readonly NetSpec[];

export interface TabSpec {
  banner: readonly BannerColumn[];
  /** Question ids (or exact texts); default: every single, multi and numeric question but the weight, the id and battery members. */
  rows?: readonly string[];
  /** undefined: the survey's decided weight; null: unweighted. */
  weightId?: string | null;
  /** AND across conditions, OR within one condition's options. */
  filter?: readonly FilterCondition[];
  /** Partial: the rest takes the defaults (95%, no lower level, within the group, no correction); false: no letters. */
  tests?: Partial<TestSpec> | false;
  /** 'top2bottom2' alone: on every row question that is an ordered scale of four points or more; or per row question id. */
  nets?: 'top2bottom2' | Readonly<Record<string, RowNets>>;
}

export interface TabColumn {
  /** 'Total', or the banner question's id (nested: "within/question"). */
  group: string;
  label: string;
  /** A, B, C… across the whole banner; null for Total, which is not lettered. */
  letter: string | null;
  /** A nested column: the option of the outer question it lies within. */
  within?: string;
}

/** One banner group: the columns from `start` to `end` (exclusive) of TabBook.columns. */
export interface TabGroup {
  id: string;
  text: string;
  type: 'total' | 'single' | 'multi';
  start: number;
  end: number;
}

export interface TabBases {
  /** Respondents (unweighted) in the column who answered the row question. */
  unweighted: number[];
  /** Their sum of weights (equal to `unweighted` when unweighted). */
  weighted: number[];
  /** Kish's effective base (Σw)²/Σw² (equal to `unweighted` when unweighted). */
  effective: number[];
}

export interface TabStats {
  /** What the statistics are of: the numbers themselves, or the scores of an ordered scale. */
  of: 'values' | 'scores';
  mean: (number | null)[];
  /** Frequency-weighted: √(Σw(x−x̄)²/(Σw−1)); null below Σw = 1. */
  sd: (number | null)[];
  /** The smallest x whose cumulative weight reaches half the column's total weight. */
  median: (number | null)[];
  /** Respondents (unweighted) with a value. */
  n: number[];
  /** Effective base of the respondents with a value, the base of the means test. */
  effective: number[];
  /** letters[c]: the columns whose mean is significantly lower (Welch's t on effective bases). */
  letters: string[];
}

export interface TabTable {
  question: { id: string; text: string; type: 'single' | 'multi' | 'numeric' };
  /** Option labels, then nets; [] for a numeric question. */
  rows: string[];
  isNet: boolean[];
  /** rows × columns; weighted when weighted. */
  counts: number[][];
  /** rows × columns, 0–100; null where the column has no base. */
  colPercents: (number | null)[][];
  bases: TabBases;
  /** rows × columns: letters of the columns this cell is significantly higher than. */
  letters: string[][];
  /** Means and more, for a numeric question or an ordered scale; null otherwise. */
  stats: TabStats | null;
  /** An ordered scale's scores per option (null: off the scale, e.g. "No answer"); null when not a scale. */
  scores: (number | null)[] | null;
  /** What was tested, how the base was counted, what to read with care. */
  notes: string[];
}

export interface TabBook {
  title: string;
  notice: string | null;
  source: string | null;
  columns: TabColumn[];
  groups: TabGroup[];
  tables: TabTable[];
  weightId: string | null;
  /** The filter in words ("respondents where …"), or null for everyone. */
  filter: string | null;
  /** The tests as run; null when tests are off. */
  tests: TestSpec | null;
  /** Book-wide warnings: respondents left out by the weight, and the like. */
  warnings: string[];
}
