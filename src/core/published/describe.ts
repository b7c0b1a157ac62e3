// A published survey as a flat list, one entry per question and segment, with
// its analysis: what `cli inspect --json` prints and what a table of all
// questions can show without computing anything itself.
import { analyseSeries } from './analyse';
import type { Flag } from './analyse';
import type { PublishedSurvey, QuestionKind, SurveyMeta } from './types';

export interface DescribedPublishedOption {
  label: string;
  /** The number printed (30 for "30+%"); null when the source shows no number. */
  percent: number | null;
  /** The cell as printed: "38.07%", "30+%"; null when there is no number. */
  printed: string | null;
  lowerBound: boolean;
  rank: number | null;
  omitted: boolean;
}

export interface DescribedSeries {
  id: string;
  text: string;
  note: string | null;
  kind: QuestionKind;
  kindInferred: boolean;
  segment: string | null;
  base: string | null;
  subgroup: boolean;
  baseN: number | null;
  total: number | null;
  /** Decimals to show the total with. */
  totalDecimals: number;
  totalLowerBound: boolean;
  tolerance: number;
  answersPerRespondent: number | null;
  partial: boolean;
  hasData: boolean;
  flags: Flag[];
  options: DescribedPublishedOption[];
}

export interface DescribedSurvey {
  format: 'distribution';
  survey: SurveyMeta;
  questions: DescribedSeries[];
}

export function describePublishedSurvey(survey: PublishedSurvey): DescribedSurvey {
  const questions: DescribedSeries[] = [];
  for (const q of survey.questions) {
    for (const s of q.series) {
      const a = analyseSeries(q, s);
      questions.push({
        id: q.id,
        text: q.text,
        note: q.note,
        kind: a.kind,
        kindInferred: a.kindInferred,
        segment: s.segment,
        base: s.base,
        subgroup: s.subgroup,
        baseN: s.baseN,
        total: a.total,
        totalDecimals: a.totalDecimals,
        totalLowerBound: a.totalLowerBound,
        tolerance: a.tolerance,
        answersPerRespondent: a.answersPerRespondent,
        partial: a.partial,
        hasData: a.hasData,
        flags: a.flags,
        options: s.options.map((o) => ({
          label: o.label,
          percent: o.percent?.value ?? null,
          printed: o.percent?.text ?? null,
          lowerBound: o.percent?.lowerBound ?? false,
          rank: o.rank,
          omitted: o.omitted,
        })),
      });
    }
  }
  return { format: 'distribution', survey: { ...survey.meta }, questions };
}
