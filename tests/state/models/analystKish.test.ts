// Margins of error on weighted respondent data use Kish's effective base
// (Σw)²/Σw² of the question's respondents, the base the tab book tests with;
// a design effect the user gives divides it further. Unweighted: n.
import { describe, expect, it } from 'vitest';
import {
  DEFINITION_FORMAT,
  DEFINITION_VERSION,
  type SurveyDefinition,
} from '../../../src/core/definition/definition';
import { respondentBase } from '../../../src/core/published/marginBase';
import { loadSurveyFile } from '../../../src/core/pipeline';
import type { RespondentTable } from '../../../src/core/table/types';
import { compareBase, respondentsOf, seriesAnalyst } from '../../../src/state/models/analyst';
import { surveyOfTable } from '../../../src/state/models/respondentView';
import { loadWeightedDemo } from '../../support/pipeline';

function table(csv: string, definition?: SurveyDefinition): RespondentTable {
  const r = loadSurveyFile(new TextEncoder().encode(csv), {
    file: 'small.csv',
    ...(definition === undefined ? {} : { definition }),
  });
  if (!r.ok || r.value.kind !== 'respondents') throw new Error('not respondents');
  return r.value.table;
}

// Ten who answered: eight weighing 1 and two weighing 3 (Σw = 14, Σw² = 8 + 18 = 26),
// so n_eff = 14² / 26 = 7.538…; one more with no answer and one weighing 0 are not counted.
const SMALL = [
  'q,w',
  ...['Yes', 'Yes', 'Yes', 'Yes', 'No', 'No', 'No', 'No'].map((a) => `${a},1`),
  'Yes,3',
  'No,3',
  ',5',
  'Yes,0',
].join('\n');
const weighted = (): SurveyDefinition => ({
  format: DEFINITION_FORMAT,
  version: DEFINITION_VERSION,
  weight: 'w',
});

function analyse(t: RespondentTable, input = { typed: null as number | null, deff: 1 }) {
  const series = surveyOfTable(t, null).questions.find((q) => q.id === 'q')!.series[0]!;
  return seriesAnalyst(series, input, respondentsOf({ table: t }, { id: 'q' }));
}

describe('the margin base of weighted respondent data', () => {
  it("is Kish's effective base of those who answered: 14² / 26 = 7.54 of 10 respondents", () => {
    const b = respondentBase(table(SMALL, weighted()), 'q');
    expect(b?.respondents).toBe(10);
    expect(b?.weight).toBe('w');
    expect(b?.effective).toBeCloseTo(196 / 26, 12);
  });

  it('gives intervals on the effective base and says so in the base line', () => {
    const a = analyse(table(SMALL, weighted()));
    expect(a.base).toMatchObject({ from: 'effective', of: { respondents: 10, weight: 'w' } });
    // Weighted Yes is 7 of 14 = 50%; Wilson at n = 7.538: 20.95–79.05 (at n = 10 it would be 23.66–76.34).
    expect(a.intervals[0]!.interval!.low).toBeCloseTo(20.95, 2);
    expect(a.intervals[0]!.interval!.high).toBeCloseTo(79.05, 2);
    expect(a.uses).toBe(
      'Intervals use the effective base of 7.5 of 10 respondents (Kish), weighted by w: weighting costs precision.',
    );
    expect(a.effectiveLine).toBeNull();
  });

  it('divides the effective base by a design effect typed on top, and says a typed base is not used', () => {
    const a = analyse(table(SMALL, weighted()), { typed: 900, deff: 1.5 });
    // n = 7.538 / 1.5 = 5.03: Wilson 17.09–82.91.
    expect(a.effective).toBeCloseTo(196 / 26 / 1.5, 12);
    expect(a.intervals[0]!.interval!.low).toBeCloseTo(17.09, 2);
    expect(a.intervals[0]!.interval!.high).toBeCloseTo(82.91, 2);
    expect(a.effectiveLine).toBe(
      "The design effect of 1.5 is applied on top of the weighting's: 7.5 ÷ 1.5 = 5.",
    );
    expect(a.uses).toContain(
      'The base you typed, 900, is not used: respondent data states its own.',
    );
  });

  it('uses the respondents themselves when the data is unweighted: n = 11 who answered', () => {
    const a = analyse(table(SMALL));
    expect(a.base).toEqual({ n: 11, from: 'stated' });
    expect(a.uses).toBe('Intervals use the stated base of 11 respondents.');
  });

  it('matches the tab book on the weighted demo: effective base 1,112.2 of 1,500', () => {
    const t = loadWeightedDemo();
    const id = 'How often do you use WeChat?';
    const series = surveyOfTable(t, null).questions.find((q) => q.id === id)!.series[0]!;
    const a = seriesAnalyst(series, undefined, respondentsOf({ table: t }, { id }));
    expect(a.base?.n).toBeCloseTo(1112.18, 2);
    expect(a.uses).toBe(
      'Intervals use the effective base of 1,112.2 of 1,500 respondents (Kish), weighted by weight: weighting costs precision.',
    );
  });
});

describe('the base Compare tests respondent data with', () => {
  it("is the margins' base: Kish's 14² / 26 weighted, the 11 who answered unweighted (the one weighing 0 counts then), never a typed one", () => {
    const q = { id: 'q' };
    const entry = (t: RespondentTable) => ({ survey: surveyOfTable(t, null), table: t });
    expect(compareBase(entry(table(SMALL, weighted())), q, 0, 500)).toBeCloseTo(196 / 26, 12);
    expect(compareBase(entry(table(SMALL)), q, 0, 500)).toBe(11);
  });

  it("is divided by a typed design effect, as the margins' is: 14² / 26 ÷ 1.5 weighted, 11 ÷ 2 unweighted", () => {
    const q = { id: 'q' };
    const entry = (t: RespondentTable) => ({ survey: surveyOfTable(t, null), table: t });
    expect(compareBase(entry(table(SMALL, weighted())), q, 0, null, 1.5)).toBeCloseTo(
      196 / 26 / 1.5,
      12,
    );
    expect(compareBase(entry(table(SMALL)), q, 0, null, 2)).toBe(5.5);
  });
});
