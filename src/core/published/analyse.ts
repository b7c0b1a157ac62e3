// The analysis of a published survey, question by question and segment by
// segment: kind (declared or inferred), total, rounding tolerance, answers per
// respondent, partial lists, the bases the printed figures fit and the flags
// a reader should see.
import { roundTo } from '../format/number';
import { seriesBases } from './bases';
import type { BaseInference } from './bases';
import { partiality, seriesFlags } from './flags';
import type { Flag, Severity } from './flags';
import { decideKind } from './kind';
import { totals } from './tolerance';
import type { PublishedQuestion, PublishedSeries, PublishedSurvey, QuestionKind } from './types';

export type { Flag, Severity } from './flags';

export interface SeriesAnalysis {
  questionId: string;
  segment: string | null;
  kind: QuestionKind;
  /** True when the file does not declare the kind and it was inferred from the total. */
  kindInferred: boolean;
  /** Sum of the option values as printed; null when no figures are published. */
  total: number | null;
  /** Decimals to show the total with (the most decimals printed). */
  totalDecimals: number;
  /** True when some value is a lower bound ("30+%"), so the total is at least `total`. */
  totalLowerBound: boolean;
  /** How far the total may be off 100% from rounding alone, in percentage points. */
  tolerance: number;
  /** Multi-answer: total / 100, to 2 decimals (2.33); null otherwise. */
  answersPerRespondent: number | null;
  /** True when the source leaves options out (rank gaps, "…" placeholders). */
  partial: boolean;
  missingRanks: number[];
  hasData: boolean;
  /**
   * The numbers of respondents the printed figures fit (bases.ts), searched up
   * to 10,000; null when no figure says anything (no numbers, or only lower bounds).
   */
  bases: BaseInference | null;
  flags: Flag[];
}

export interface QuestionAnalysis {
  questionId: string;
  series: SeriesAnalysis[];
}

export interface SurveyAnalysis {
  questions: QuestionAnalysis[];
  /** Number of flags of each severity over the whole survey. */
  flagCounts: Record<Severity, number>;
}

export function analyseSeries(
  question: PublishedQuestion,
  series: PublishedSeries,
): SeriesAnalysis {
  const t = totals(series.options);
  // Blank where other segments have figures: suppressed by the source, not a chart.
  const suppressed =
    t.total === null &&
    series.options.length > 0 &&
    question.series.some((s) => s !== series && totals(s.options).total !== null);
  const kind = decideKind(question.declaredKind, t);
  const p = partiality(series);
  const bases = seriesBases(series);
  return {
    questionId: question.id,
    segment: series.segment,
    kind: kind.kind,
    kindInferred: kind.inferred,
    total: t.total,
    totalDecimals: t.decimals,
    totalLowerBound: t.lowerBound,
    tolerance: t.tolerance,
    answersPerRespondent:
      kind.kind === 'multi' && t.total !== null ? roundTo(t.total / 100, 2) : null,
    partial: p.partial,
    missingRanks: p.missingRanks,
    hasData: t.total !== null,
    bases,
    flags: seriesFlags(series, kind, t, p, bases, { suppressed }),
  };
}

function analyseQuestion(question: PublishedQuestion): QuestionAnalysis {
  return {
    questionId: question.id,
    series: question.series.map((s) => analyseSeries(question, s)),
  };
}

export function analyseSurvey(survey: PublishedSurvey): SurveyAnalysis {
  const questions = survey.questions.map(analyseQuestion);
  const flagCounts: Record<Severity, number> = { info: 0, warning: 0, error: 0 };
  for (const q of questions)
    for (const s of q.series) for (const f of s.flags) flagCounts[f.severity]++;
  return { questions, flagCounts };
}
