// A small table of counts typed or pasted by hand (no respondent file): row
// and column labels, and for each cell a count of respondents, either as
// typed or reconstructed from a percent and its base.

/** How the cells were given. */
export type CountsSource =
  /** Counts of respondents, as typed. */
  | 'counts'
  /** Column percents with a Base row: count = percent × column base ÷ 100. */
  | 'column-percents'
  /** Row percents with a Base column: count = percent × row base ÷ 100. */
  | 'row-percents';

export interface CountsTable {
  /** The first row's first cell (what the rows are, e.g. "Uses WeChat"), '' when blank. */
  corner: string;
  rowLabels: string[];
  colLabels: string[];
  /**
   * counts[r][c]: respondents in row r and column c. Reconstructed counts keep
   * their fraction (45% of 211 is 94.95): nothing is rounded silently.
   */
  counts: number[][];
  source: CountsSource;
  /** The percents as typed (0–100), for percent tables; null for counts. */
  percents: number[][] | null;
  /** The Base row (column percents) or Base column (row percents) as typed; null for counts. */
  bases: number[] | null;
  /**
   * Some column's percents add up to more than 100%: respondents could give
   * several answers, so a respondent may be in several cells (no chi-square).
   */
  overlap: boolean;
  /** What reading the table decided that the reader should know (a Total left out, …). */
  notes: string[];
}
