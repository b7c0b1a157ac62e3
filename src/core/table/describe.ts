// A respondent table seen like a published survey: for each question, the share
// of respondents giving each answer (unweighted, among those who answered), so
// the UI and `cli inspect` can show both kinds of file the same way.
import type { Column, RespondentTable } from './types';

export interface DescribedOption {
  label: string;
  /** % of respondents who gave this answer, among those not missing (unweighted); null when nobody answered. */
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
  /** Respondents with an answer (not missing). */
  answered: number;
  /** Answer options with their shares; empty for numeric and free-text questions. */
  options: DescribedOption[];
}

export interface DescribedTable {
  format: 'respondents';
  rowCount: number;
  /** Id of the weight column, or null. */
  weight: string | null;
  questions: DescribedQuestion[];
}

export function describeRespondentTable(table: RespondentTable): DescribedTable {
  return {
    format: 'respondents',
    rowCount: table.rowCount,
    weight: table.weightId,
    questions: table.columns.map((c) => describeColumn(c, table.rowCount)),
  };
}

function describeColumn(column: Column, rowCount: number): DescribedQuestion {
  const base = {
    id: column.id,
    text: column.text,
    kind: column.type,
    kindInferred: true as const,
    segment: null,
    total: null,
    flags: [] as [],
  };
  switch (column.type) {
    case 'single': {
      const counts = new Array<number>(column.labels.length + 1).fill(0);
      for (let i = 0; i < rowCount; i++) counts[column.codes[i] ?? 0]!++;
      const answered = rowCount - (counts[0] ?? 0);
      return {
        ...base,
        answered,
        options: column.labels.map((label, k) => option(label, counts[k + 1] ?? 0, answered)),
      };
    }
    case 'multi': {
      // Count patterns first, then expand each pattern's bits: one pass over respondents.
      const perPattern = new Array<number>(column.patternCount + 1).fill(0);
      for (let i = 0; i < rowCount; i++) perPattern[column.patternOf[i] ?? 0]!++;
      const chosen = new Array<number>(column.labels.length).fill(0);
      for (let p = 1; p <= column.patternCount; p++) {
        const n = perPattern[p] ?? 0;
        if (n === 0) continue;
        for (let j = 0; j < column.labels.length; j++) {
          const word = column.masks[(p - 1) * column.words + (j >>> 5)] ?? 0;
          if ((word >>> (j & 31)) & 1) chosen[j]! += n;
        }
      }
      const answered = rowCount - (perPattern[0] ?? 0);
      return {
        ...base,
        answered,
        options: column.labels.map((label, j) => option(label, chosen[j] ?? 0, answered)),
      };
    }
    case 'numeric': {
      let answered = 0;
      for (let i = 0; i < rowCount; i++) if (!Number.isNaN(column.values[i] ?? NaN)) answered++;
      return { ...base, answered, options: [] };
    }
    case 'text': {
      let answered = 0;
      for (let i = 0; i < rowCount; i++) if ((column.codes[i] ?? 0) !== 0) answered++;
      return { ...base, answered, options: [] };
    }
  }
}

function option(label: string, count: number, answered: number): DescribedOption {
  return { label, percent: answered === 0 ? null : (100 * count) / answered, lowerBound: false };
}
