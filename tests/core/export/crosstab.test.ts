import { describe, expect, it } from 'vitest';
import { crosstab } from '../../../src/core/crosstab/crosstab';
import type { CrosstabSpec } from '../../../src/core/crosstab/types';
import { crosstabExport, tableToCsv } from '../../../src/core/export/csv';
import { multi, numeric, respondents, single, unwrap } from '../../support/respondents';
import { loadWeightedDemo } from '../../support/pipeline';

// The ten respondents of tests/core/crosstab/crosstab.test.ts (figures counted by hand there):
//  #  gender use reasons   weight
//  1  M      A   x,y       1
//  2  F      A   x         2
//  3  M      B   (none)    1
//  4  F      B   y,z       2
//  5  M      A   missing   1
//  6  F      C   x,z       2
//  7  M      B   z         1
//  8  F      A   x,y,z     2
//  9  M      C   y         1
// 10  missing A  x         1
const survey = respondents(
  [
    single('gender', ['M', 'F', 'M', 'F', 'M', 'F', 'M', 'F', 'M', null], ['M', 'F'], 'Gender'),
    single('use', ['A', 'A', 'B', 'B', 'A', 'C', 'B', 'A', 'C', 'A'], ['A', 'B', 'C'], 'Use'),
    multi(
      'reasons',
      [['x', 'y'], ['x'], [], ['y', 'z'], null, ['x', 'z'], ['z'], ['x', 'y', 'z'], ['y'], ['x']],
      ['x', 'y', 'z'],
      'Reasons',
    ),
    numeric('weight', [1, 2, 1, 2, 1, 2, 1, 2, 1, 1]),
  ],
  { notice: 'Simulated respondents, not real data' },
);

const table = (spec: Partial<CrosstabSpec> = {}) =>
  unwrap(
    crosstab(survey, { rows: { questionId: 'use' }, cols: { questionId: 'gender' }, ...spec }),
  );

const TITLE = 'Demo: simulated WeChat respondents';
const SMALL =
  'Note: Small base (fewer than 30 respondents) in: M, F. Read these percentages with care.';
const BELOW5 =
  'Note: 6 of 6 cells (100.0%) have an expected count below 5: the chi-square p-value may be unreliable.';

describe('exporting a crosstab for a report', () => {
  it('gives column percents, counts and letters of use by gender, checked by hand', () => {
    const grid = crosstabExport({
      crosstab: table(),
      surveyTitle: TITLE,
      filter: null,
      percent: 'col',
      counts: true,
      tests: true,
    });
    expect(grid).toEqual([
      [TITLE],
      ['Rows: Use'],
      ['Columns: Gender'],
      // Respondent 10 has no gender: 9 in the table.
      ['Base: all respondents who answered both questions, n = 9'],
      ['Filter: none (all respondents)'],
      ['Weight: none (unweighted counts)'],
      ["Percents: column percents (each column's respondents are 100%)"],
      ['Note: Simulated respondents, not real data'],
      [BELOW5],
      [SMALL],
      // Counts [[2,2],[2,1],[1,1]], rows 4,3,2, columns 5,4:
      // X² = 9 (4/20 + 4/16 + 4/15 + 1/12 + 1/10 + 1/8 − 1) = 0.225; p = exp(−0.225/2) = 0.894.
      ['Chi-square: 0.225 with 2 degrees of freedom, p = 0.894'],
      [
        'Significance: Column proportions tested at 95% (two-sided), Bonferroni-corrected within each row. A letter marks a cell whose proportion is significantly higher than that of the lettered column.',
      ],
      [`Source: respondent-level data, "${TITLE}"`],
      [],
      ['', '', 'Total', 'M (A)', 'F (B)'],
      ['Base (unweighted)', 'Count', '9', '5', '4'],
      // A: 2 of 5 men, 2 of 4 women, 4 of 9 in all.
      ['A', '%', '44.4%', '40.0%', '50.0%'],
      ['A', 'Count', '4', '2', '2'],
      ['A', 'Higher than', '', '', ''],
      ['B', '%', '33.3%', '40.0%', '25.0%'],
      ['B', 'Count', '3', '2', '1'],
      ['B', 'Higher than', '', '', ''],
      ['C', '%', '22.2%', '20.0%', '25.0%'],
      ['C', 'Count', '2', '1', '1'],
      ['C', 'Higher than', '', '', ''],
    ]);
  });

  it('gives weighted row percents with weighted and unweighted bases, without letters', () => {
    const grid = crosstabExport({
      crosstab: table({ weightId: 'weight' }),
      surveyTitle: TITLE,
      filter: null,
      weight: 'Weight (age × region)',
      percent: 'row',
      counts: true,
      tests: true,
    });
    const blank = grid.findIndex((row) => row.length === 0);
    expect(grid.slice(3, 7)).toEqual([
      [
        'Base: all respondents who answered both questions, n = 9 (weighted 13.0; effective base 8.0)',
      ],
      ['Filter: none (all respondents)'],
      ['Weight: Weight (age × region)'],
      ["Percents: row percents (each row's respondents are 100%)"],
    ]);
    // Weighted counts [[2,4],[2,2],[1,2]], rows 6,4,3, columns 5,8, N = 13:
    // X² = 13 (4/30 + 16/48 + 4/20 + 4/32 + 1/15 + 4/24 − 1) = 0.325; p = exp(−0.1625) = 0.850.
    expect(grid).toContainEqual(['Chi-square: 0.325 with 2 degrees of freedom, p = 0.850']);
    expect(grid.some((row) => row[0]?.startsWith('Significance') === true)).toBe(false);
    expect(grid.slice(blank + 1)).toEqual([
      ['', '', 'M', 'F', 'Row base (unweighted)', 'Row base (weighted)'],
      ['Base (unweighted)', 'Count', '5', '4', '9', ''],
      ['Base (weighted)', 'Count', '5.0', '8.0', '', '13.0'],
      // Kish (Σw)²/Σw²: men 5² / 5 = 5, women 8² / 16 = 4 (the whole table: 13² / 21 = 8.05).
      ['Effective base', 'Count', '5.0', '4.0', '', ''],
      // A: men weigh 1 + 1, women 2 + 2: 2 of 6 and 4 of 6.
      ['A', '%', '33.3%', '66.7%', '4', '6.0'],
      ['A', 'Count', '2.0', '4.0', '', ''],
      ['B', '%', '50.0%', '50.0%', '3', '4.0'],
      ['B', 'Count', '2.0', '2.0', '', ''],
      ['C', '%', '33.3%', '66.7%', '2', '3.0'],
      ['C', 'Count', '1.0', '2.0', '', ''],
    ]);
  });

  it('gives a multi-answer question as percent of cases with the cases as base', () => {
    const x = unwrap(
      crosstab(survey, { rows: { questionId: 'reasons' }, cols: { questionId: 'gender' } }),
    );
    const grid = crosstabExport({
      crosstab: x,
      surveyTitle: TITLE,
      filter: null,
      percent: 'cases',
      counts: false,
      tests: false,
    });
    expect(grid).toContainEqual([
      "Percents: percent of those who answered (respondents who chose at least one option are 100%; SPSS's percent of cases)",
    ]);
    expect(grid).toContainEqual(['Chi-square: not computed for this table']);
    const blank = grid.findIndex((row) => row.length === 0);
    // Men 1, 3, 7, 9 (3 chose something: x; y; z, y); women 2, 4, 6, 8 (all 4 chose).
    expect(grid.slice(blank + 1)).toEqual([
      ['', '', 'M', 'F'],
      ['Base (unweighted)', 'Count', '4', '4'],
      ['Base (cases: chose at least one option)', 'Count', '3', '4'],
      ['x', '%', '33.3%', '75.0%'],
      ['y', '%', '66.7%', '50.0%'],
      ['z', '%', '33.3%', '75.0%'],
    ]);
  });

  it('gives percent of respondents on a multi-answer column question as row percents, without letters', () => {
    const x = unwrap(
      crosstab(survey, { rows: { questionId: 'use' }, cols: { questionId: 'reasons' } }),
    );
    const grid = crosstabExport({
      crosstab: x,
      surveyTitle: TITLE,
      filter: null,
      percent: 'resp',
      counts: false,
      tests: true,
    });
    const blank = grid.findIndex((row) => row.length === 0);
    // A: respondents 1 (x, y), 2 (x), 8 (x, y, z), 10 (x); respondent 5 has no reasons.
    expect(grid.slice(blank + 1, blank + 4)).toEqual([
      ['', '', 'x', 'y', 'z', 'Row base (unweighted)'],
      ['Base (unweighted)', 'Count', '5', '4', '4', '9'],
      ['A', '%', '100.0%', '50.0%', '25.0%', '4'],
    ]);
    expect(grid.some((row) => row[1] === 'Higher than')).toBe(false);
  });

  it('falls back to column percents, and says so, when a multi-answer mode has no multi-answer question', () => {
    const grid = crosstabExport({
      crosstab: table(),
      surveyTitle: TITLE,
      filter: null,
      percent: 'responses',
      counts: false,
      tests: false,
    });
    expect(grid).toContainEqual([
      "Percents: column percents (each column's respondents are 100%) The view asks for percent of responses (all mentions are 100%), which needs a multi-answer question; column percents are shown instead.",
    ]);
    expect(grid).toContainEqual(['A', '%', '44.4%', '40.0%', '50.0%']);
  });

  it('keeps the filter, the notice given, and the order of a sorted view', () => {
    const x = unwrap(
      crosstab(survey, {
        rows: { questionId: 'use' },
        cols: null,
        filter: [{ questionId: 'gender', options: [1] }],
      }),
    );
    const grid = crosstabExport({
      crosstab: x,
      surveyTitle: TITLE,
      notice: null,
      filter: '"Gender" is "F"',
      percent: 'col',
      counts: true,
      tests: true,
      source: 'Simulated by the demo generator, seed 7',
      rowOrder: [2, 1, 0],
    });
    expect(grid).toEqual([
      [TITLE],
      ['Rows: Use'],
      ['Columns: Total (no column question)'],
      ['Base: respondents where "Gender" is "F", n = 4'],
      ['Filter: "Gender" is "F"'],
      ['Weight: none (unweighted counts)'],
      ["Percents: column percents (each column's respondents are 100%)"],
      ['Note: Small base (fewer than 30 respondents) in: Total. Read these percentages with care.'],
      ['Source: Simulated by the demo generator, seed 7'],
      [],
      ['', '', 'Total'],
      ['Base (unweighted)', 'Count', '4'],
      // Women 2, 4, 6, 8 use A, B, C, A: C 1, B 1, A 2 (sorted as the view shows them).
      ['C', '%', '25.0%'],
      ['C', 'Count', '1'],
      ['B', '%', '25.0%'],
      ['B', 'Count', '1'],
      ['A', '%', '50.0%'],
      ['A', 'Count', '2'],
    ]);
  });

  it('writes labels from the file as data: a formula-like label is neutralised in the CSV', () => {
    const x = table();
    const evil = { ...x, rows: { ...x.rows, labels: ['=cmd|"/c calc"!A1', 'B', 'C'] } };
    const csv = tableToCsv(
      crosstabExport({
        crosstab: evil,
        surveyTitle: TITLE,
        filter: null,
        percent: 'col',
        counts: false,
        tests: false,
      }),
    );
    expect(csv).toContain(`"'=cmd|""/c calc""!A1",%,44.4%,40.0%,50.0%\n`);
  });
});

describe('exporting the weighted demo crosstab', () => {
  const demo = loadWeightedDemo();
  const rowsOf = (weightId?: string | null) =>
    crosstabExport({
      crosstab: unwrap(
        crosstab(demo, {
          rows: { questionId: 'How often do you use WeChat?' },
          cols: { questionId: 'age_group' },
          ...(weightId === undefined ? {} : { weightId }),
        }),
      ),
      surveyTitle: TITLE,
      filter: null,
      percent: 'col',
      counts: false,
      tests: true,
    });

  it('has an "Effective base" row under the weighted base: 1112.2 in all, 389.0 / 431.9 / 253.4 / 87.9 by age', () => {
    const grid = rowsOf();
    const blank = grid.findIndex((row) => row.length === 0);
    // R: (sum(w))^2 / sum(w^2) per age_group, the bases the crosstab page shows and tests letters on.
    expect(grid.slice(blank + 1, blank + 5)).toEqual([
      ['', '', 'Total', '18-24 (A)', '25-30 (B)', '31-40 (C)', '41+ (D)'],
      ['Base (unweighted)', 'Count', '1500', '503', '562', '322', '113'],
      ['Base (weighted)', 'Count', '1500.0', '450.0', '480.0', '390.0', '180.0'],
      ['Effective base', 'Count', '1112.2', '389.0', '431.9', '253.4', '87.9'],
    ]);
    expect(tableToCsv(grid).split('\n')).toContain(
      'Effective base,Count,1112.2,389.0,431.9,253.4,87.9',
    );
  });

  it('has no "Effective base" row when unweighted', () => {
    const grid = rowsOf(null);
    expect(grid.some((row) => row[0] === 'Effective base')).toBe(false);
    expect(grid.some((row) => row[0] === 'Base (weighted)')).toBe(false);
  });
});
