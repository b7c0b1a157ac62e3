// The canonical CSV form of a published survey: only the columns it uses, in
// canonical order, each value once on the first row it applies to, percents
// exactly as printed. Reading a canonical file and exporting it gives the same bytes.
import { tableToCsv } from '../export/csv';
import { DISTRIBUTION_COLUMNS, REQUIRED_COLUMNS } from './columns';
import type { DistributionColumn } from './columns';
import type { PublishedSurvey } from './types';

type Row = Partial<Record<DistributionColumn, string>>;

export function exportDistributionCsv(survey: PublishedSurvey): string {
  const { meta, questions } = survey;
  const allSeries = questions.flatMap((q) => q.series);
  const allOptions = allSeries.flatMap((s) => s.options);
  const hasBase = allSeries.some((s) => s.base !== null);
  const used = new Set<DistributionColumn>(REQUIRED_COLUMNS);
  used.add('survey');
  used.add('question_id');
  if (meta.publisher !== null) used.add('publisher');
  if (meta.date !== null) used.add('date');
  if (meta.population !== null) used.add('population');
  if (meta.source !== null) used.add('source');
  if (meta.sourceUrl !== null) used.add('source_url');
  if (questions.some((q) => q.declaredKind !== null)) used.add('kind');
  if (questions.some((q) => q.note !== null)) used.add('note');
  if (allSeries.some((s) => s.segment !== null)) used.add('segment');
  if (hasBase) used.add('base');
  // subgroup qualifies the base: written (yes/no) wherever bases are, or when a series is a subgroup.
  if (hasBase || allSeries.some((s) => s.subgroup)) used.add('subgroup');
  if (allSeries.some((s) => s.baseN !== null)) used.add('base_n');
  if (allOptions.some((o) => o.rank !== null)) used.add('rank');
  const columns = DISTRIBUTION_COLUMNS.filter((c) => used.has(c));

  const rows: Row[] = [];
  for (const question of questions) {
    question.series.forEach((series, s) => {
      const seriesRow: Row = {
        segment: series.segment ?? '',
        base: series.base ?? '',
        subgroup: series.subgroup ? 'yes' : 'no',
        base_n: series.baseN === null ? '' : String(series.baseN),
      };
      const firstRow: Row =
        s === 0
          ? {
              ...seriesRow,
              question_id: question.id,
              question: question.text,
              kind: question.declaredKind ?? '',
              note: question.note ?? '',
            }
          : seriesRow;
      if (series.options.length === 0) {
        rows.push({ ...firstRow });
        return;
      }
      series.options.forEach((option, o) => {
        rows.push({
          ...(o === 0 ? firstRow : {}),
          option: option.label,
          percent: option.percent?.text ?? '',
          rank: option.rank === null ? '' : String(option.rank),
        });
      });
    });
  }
  const first = rows[0];
  if (first !== undefined) {
    Object.assign(first, {
      survey: meta.title,
      publisher: meta.publisher ?? '',
      date: meta.date ?? '',
      population: meta.population ?? '',
      source: meta.source ?? '',
      source_url: meta.sourceUrl ?? '',
    });
  }
  return tableToCsv([columns, ...rows.map((row) => columns.map((c) => row[c] ?? ''))]);
}
