// The model of a published distribution: figures as a research firm printed
// them in a report, one series of option percents per question and segment.
// Everything is kept as published: the printed text of each value, its
// decimals, lower bounds ("30+%"), ranks and options the source left out.

export type QuestionKind = 'single' | 'multi' | 'numeric' | 'text';

/** A percent as printed: "38.07", "29", "30+%". */
export interface PublishedPercent {
  /** The cell exactly as written in the file, e.g. "30+%". */
  text: string;
  /** The number printed: 38.07, or 30 for "30+%". */
  value: number;
  /** Decimals as printed: 2 for "38.07", 0 for "29", 1 for "55.7". */
  decimals: number;
  /** True for "30+%": the real value is at least `value`. */
  lowerBound: boolean;
}

export interface PublishedOption {
  label: string;
  /** null when the source shows the option without a number. */
  percent: PublishedPercent | null;
  /** The rank the source prints ("#3"), when it prints one. */
  rank: number | null;
  /**
   * A placeholder for options the source leaves out ("…", "・・"). It keeps the
   * gap's position in source order and makes the list partial; it carries no number.
   */
  omitted: boolean;
}

/** One question as asked of one segment (or wave). */
export interface PublishedSeries {
  /** e.g. "Registered users"; null when the question has no segments. */
  segment: string | null;
  /** Who was asked, in the source's words (or ours, saying the source is silent). */
  base: string | null;
  /** True when only a subgroup was asked (e.g. only those who cancelled). */
  subgroup: boolean;
  /** Number of respondents, where the source gives it. */
  baseN: number | null;
  options: PublishedOption[];
}

export interface PublishedQuestion {
  id: string;
  text: string;
  /** The kind the file declares; null means "infer it from the total". */
  declaredKind: QuestionKind | null;
  /** A note about the question as a whole, e.g. "Published as a chart without numbers". */
  note: string | null;
  series: PublishedSeries[];
}

export interface SurveyMeta {
  title: string;
  publisher: string | null;
  /** ISO date or month as published: "2013-06", "2013-08-12". */
  date: string | null;
  /** Who the survey covers overall, as the source says. */
  population: string | null;
  /** Where the figures come from, in words. */
  source: string | null;
  /** A link to the source; validated (http/https only) before it is ever shown as a link. */
  sourceUrl: string | null;
}

export interface PublishedSurvey {
  format: 'distribution';
  meta: SurveyMeta;
  questions: PublishedQuestion[];
}
