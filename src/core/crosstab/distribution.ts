// One question's distribution: the share of respondents giving each answer,
// weighted by the survey's chosen weight. The one function behind the
// question page, `cli inspect` and exports, so they print the same digits as
// a crosstab's Total column (it is that column).
import { problem } from '../messages';
import { fail, ok, type Result } from '../result';
import type { RespondentTable } from '../table/types';
import { crosstab } from './crosstab';

export interface Distribution {
  questionId: string;
  text: string;
  type: 'single' | 'multi';
  labels: string[];
  /** Respondents per answer, weighted when weighted. */
  counts: number[];
  unweightedCounts: number[];
  /**
   * % of the base per answer (0–100), or null when nobody answered. The base is
   * everyone who answered (single) or was asked (multi: chose none included).
   */
  percents: (number | null)[];
  base: {
    unweighted: number;
    /** null when unweighted. */
    weighted: number | null;
    /** "all respondents, n = 1,500 (weighted 1,500.0)" */
    description: string;
  };
  /** The weight used, or null. */
  weightId: string | null;
  /** Respondents with no answer (not asked, or skipped). */
  missing: number;
  /** Core's own warnings (respondents left out for their weight, …). */
  warnings: string[];
}

/**
 * The distribution of a single- or multi-answer question. `weightId`: undefined
 * for the survey's own (decided) weight, null for unweighted.
 */
export function distribution(
  table: RespondentTable,
  questionId: string,
  weightId?: string | null,
): Result<Distribution> {
  const x = crosstab(table, {
    rows: { questionId },
    cols: null,
    tests: false,
    ...(weightId === undefined ? {} : { weightId }),
  });
  if (!x.ok) return x;
  const t = x.value;
  const type = t.rows.question.type;
  if (type === 'total') return fail(problem('crosstab-not-categorical', questionId, 'total'));
  const column = (m: number[][]) => m.map((row) => row[0] ?? 0);
  return ok({
    questionId: t.rows.question.id,
    text: t.rows.question.text,
    type,
    labels: t.rows.labels,
    counts: column(t.counts),
    unweightedCounts: column(t.unweightedCounts),
    percents: t.colPercents.map((row) => {
      const v = row[0] ?? NaN;
      return Number.isFinite(v) ? v : null;
    }),
    base: {
      unweighted: t.unweightedTotal,
      weighted: t.weightId === null ? null : t.total,
      description: t.base.description,
    },
    weightId: t.weightId,
    missing: t.missing.rows,
    warnings: t.warnings,
  });
}
