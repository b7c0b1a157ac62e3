// The columnar model of respondent-level data. Each column is dictionary-
// encoded into typed arrays once, at load, so that a crosstab is one pass over
// typed arrays with no per-row objects. Shared by the importer (which builds
// these) and the crosstab engine (which reads them).

export type Codes = Uint8Array | Uint16Array | Uint32Array;

interface ColumnBase {
  /** Stable id: the source column name, or the stem of a grouped multi-answer question ("Q5"). */
  id: string;
  /** The question wording shown to users. */
  text: string;
  /** A column that a multi-answer battery also reads: the battery's id (see schema/members.ts). */
  memberOf?: string;
}

/** One answer per respondent. codes[i] = 0 means missing; k >= 1 means labels[k - 1]. */
export interface SingleColumn extends ColumnBase {
  type: 'single';
  labels: string[];
  codes: Codes;
}

/**
 * "Select all that apply". Each respondent holds one answer-pattern code:
 * patternOf[i] = 0 means the question is missing for that respondent (not asked,
 * or skipped); p >= 1 names pattern p, whose chosen options are the set bits of
 * masks[(p - 1) * words .. (p - 1) * words + words - 1] (bit j = labels[j]).
 * A pattern may have no bit set: answered, but chose none of the options.
 * Few distinct patterns occur in practice, so counting patterns first and
 * expanding them afterwards makes multi-answer crosstabs as cheap as single ones.
 */
export interface MultiColumn extends ColumnBase {
  type: 'multi';
  labels: string[];
  /** 32-bit words per pattern: ceil(labels.length / 32). */
  words: number;
  masks: Uint32Array;
  patternCount: number;
  patternOf: Codes;
}

/** Numbers; NaN is missing. */
export interface NumericColumn extends ColumnBase {
  type: 'numeric';
  values: Float64Array;
}

/** Free text, dictionary-encoded like a single column but never cross-tabulated as one. */
export interface TextColumn extends ColumnBase {
  type: 'text';
  labels: string[];
  codes: Codes;
}

export type Column = SingleColumn | MultiColumn | NumericColumn | TextColumn;

export interface RespondentMeta {
  title: string;
  /** e.g. "Simulated respondents, not real data". Shown with every table made from the survey. */
  notice: string | null;
  source: string | null;
}

export interface RespondentTable {
  format: 'respondents';
  meta: RespondentMeta;
  rowCount: number;
  columns: Column[];
  /** Id of a numeric column holding survey weights, if the file has one. */
  weightId: string | null;
  /** Id of the respondent id column, if any. */
  idColumnId: string | null;
}
