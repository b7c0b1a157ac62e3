// Respondent data seen question by question: each categorical question's
// distribution, computed by the crosstab engine (weighted when the survey has
// a weight) and shaped like a published survey, so the same pages, charts and
// flags serve both kinds of data.
import { distribution } from '../../core/crosstab/distribution';
import { formatNumber } from '../../core/format/number';
import { respondentMessages } from '../../core/messages';
import type { PublishedQuestion, PublishedSurvey } from '../../core/published/types';
import type { RespondentTable } from '../../core/table/types';

const DECIMALS = 1;

export function surveyOfTable(table: RespondentTable, date: string | null): PublishedSurvey {
  const questions: PublishedQuestion[] = [];
  for (const column of table.columns) {
    if (column.id === table.weightId || column.id === table.idColumnId) continue;
    if (column.type !== 'single' && column.type !== 'multi') {
      questions.push({
        id: column.id,
        text: column.text,
        declaredKind: column.type,
        note:
          column.type === 'numeric'
            ? 'A numeric question: use it as a weight or filter; it has no answer options to chart.'
            : 'Free-text answers: they have no answer options to chart.',
        series: [{ segment: null, base: null, subgroup: false, baseN: null, options: [] }],
      });
      continue;
    }
    const result = distribution(table, column.id);
    if (!result.ok) continue;
    const x = result.value;
    const options = x.labels.map((label, r) => {
      const value = x.percents[r] ?? null;
      return {
        label,
        percent:
          value !== null
            ? {
                text: `${formatNumber(value, DECIMALS)}%`,
                value: Number(value.toFixed(DECIMALS)),
                decimals: DECIMALS,
                lowerBound: false,
              }
            : null,
        rank: null,
        omitted: false,
      };
    });
    const weighted = x.weightId !== null;
    questions.push({
      id: column.id,
      text: column.text,
      declaredKind: column.type,
      note: column.memberOf === undefined ? null : respondentMessages.memberOf(column.memberOf),
      series: [
        {
          segment: null,
          base: `${x.base.description}${weighted ? ' (weighted percents)' : ''}`,
          subgroup: false,
          baseN: x.base.unweighted,
          options,
        },
      ],
    });
  }
  return {
    format: 'distribution',
    meta: {
      title: table.meta.title,
      // Respondent data has no publisher; the library groups it as "Respondent data".
      publisher: null,
      date,
      population: null,
      source: table.meta.source,
      sourceUrl: null,
    },
    questions,
  };
}
