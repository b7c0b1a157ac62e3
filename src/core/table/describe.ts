// A respondent table seen like a published survey: for each question, the share
// of respondents giving each answer, so `cli inspect` shows both kinds of file
// the same way. Shares come from the one distribution function (weighted by
// the survey's chosen weight), so they are the question page's digits.
import { distribution } from '../crosstab/distribution';
import type { Column, RespondentTable } from './types';

export interface DescribedOption {
  label: string;
  /** % of respondents who gave this answer (weighted when the survey is), among those in the base; null when nobody answered. */
  percent: number | null;
  lowerBound: false;
}

export interface DescribedQuestion {
  id: string;
  text: string;
  kind: Column['type'];
  kindInferred: true;
  segment: null;
  total: null;
  flags: [];
  /** Respondents with an answer (not missing), unweighted. */
  answered: number;
  /** The weighted base, or null when unweighted (and for numeric and free-text questions). */
  weighted: number | null;
  /** For a column that a multi-answer battery also reads: that question's id. */
  memberOf: string | null;
  /** Answer options with their shares; empty for numeric and free-text questions. */
  options: DescribedOption[];
  /** Core's warnings for this question (e.g. respondents left out for their weight). */
  warnings: string[];
}

export interface DescribedTable {
  format: 'respondents';
  rowCount: number;
  /** Id of the weight column every share is weighted by, or null. */
  weight: string | null;
  questions: DescribedQuestion[];
}

export function describeRespondentTable(table: RespondentTable): DescribedTable {
  return {
    format: 'respondents',
    rowCount: table.rowCount,
    weight: table.weightId,
    questions: table.columns.map((c) => describeColumn(table, c)),
  };
}

function describeColumn(table: RespondentTable, column: Column): DescribedQuestion {
  const base = {
    id: column.id,
    text: column.text,
    kind: column.type,
    kindInferred: true as const,
    segment: null,
    total: null,
    flags: [] as [],
    memberOf: column.memberOf ?? null,
  };
  if (column.type === 'single' || column.type === 'multi') {
    const d = distribution(table, column.id);
    if (d.ok)
      return {
        ...base,
        answered: d.value.base.unweighted,
        weighted: d.value.base.weighted,
        options: d.value.labels.map((label, k) => ({
          label,
          percent: d.value.percents[k] ?? null,
          lowerBound: false as const,
        })),
        warnings: d.value.warnings,
      };
  }
  let answered = 0;
  if (column.type === 'numeric') {
    for (let i = 0; i < table.rowCount; i++) if (!Number.isNaN(column.values[i] ?? NaN)) answered++;
  } else if (column.type === 'text') {
    for (let i = 0; i < table.rowCount; i++) if ((column.codes[i] ?? 0) !== 0) answered++;
  }
  return { ...base, answered, weighted: null, options: [], warnings: [] };
}
