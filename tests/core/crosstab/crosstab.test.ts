import { describe, expect, it } from 'vitest';
import { banner, crosstab } from '../../../src/core/crosstab/crosstab';
import { expectCrosstab } from '../../support/crosstab';
import { multi, numeric, respondents, single, unwrap } from '../../support/respondents';

// Ten respondents, every figure below counted by hand.
//  #  gender use reasons   channels weight
//  1  M      A   x,y       p        1
//  2  F      A   x         p,q      2
//  3  M      B   (none)    q        1
//  4  F      B   y,z       (none)   2
//  5  M      A   missing   p        1
//  6  F      C   x,z       missing  2
//  7  M      B   z         q        1
//  8  F      A   x,y,z     p        2
//  9  M      C   y         p,q      1
// 10  missing A  x         q        1
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
    multi(
      'channels',
      [['p'], ['p', 'q'], ['q'], [], ['p'], null, ['q'], ['p'], ['p', 'q'], ['q']],
      ['p', 'q'],
    ),
    numeric('weight', [1, 2, 1, 2, 1, 2, 1, 2, 1, 1]),
  ],
  { notice: 'Simulated respondents, not real data' },
);

describe('crosstab of two single-answer questions', () => {
  it('counts respondents and leaves the one without a gender out, counted as missing', () => {
    expectCrosstab(
      crosstab(survey, { rows: { questionId: 'use' }, cols: { questionId: 'gender' } }),
    )
      .toHaveLabels(['A', 'B', 'C'], ['M', 'F'])
      .toHaveCounts([
        [2, 2],
        [2, 1],
        [1, 1],
      ])
      .toHaveBases({ rows: [4, 3, 2], cols: [5, 4], total: 9 })
      .toHaveColPercents([
        [40, 50],
        [40, 25],
        [20, 25],
      ])
      .toHaveRowPercents([
        [50, 50],
        [200 / 3, 100 / 3],
        [50, 50],
      ])
      .toHaveMissing({ rows: 0, cols: 1, excluded: 1, weight: 0, filteredOut: 0 });
  });

  it('computes Pearson chi-square 0.225 on 2 df, p = exp(-0.1125), with all 6 expected counts below 5', () => {
    const x = unwrap(
      crosstab(survey, { rows: { questionId: 'use' }, cols: { questionId: 'gender' } }),
    );
    expect(x.chiSquare?.statistic).toBeCloseTo(0.225, 12);
    expect(x.chiSquare?.df).toBe(2);
    expect(x.chiSquare?.p).toBeCloseTo(Math.exp(-0.1125), 12);
    expect(x.expectedBelow5).toEqual({ cells: 6, share: 1 });
    expect(
      x.warnings.some((w) => w.startsWith('6 of 6 cells (100.0%) have an expected count below 5')),
    ).toBe(true);
  });

  it('describes its base and carries the survey notice', () => {
    const x = unwrap(
      crosstab(survey, { rows: { questionId: 'use' }, cols: { questionId: 'gender' } }),
    );
    expect(x.base).toEqual({
      description: 'all respondents who answered both questions, n = 9',
      n: 9,
      weighted: null,
      effective: null,
    });
    expect(x.notice).toBe('Simulated respondents, not real data');
  });

  it('sums weights into counts and bases, keeping unweighted counts alongside', () => {
    const x = expectCrosstab(
      crosstab(survey, {
        rows: { questionId: 'use' },
        cols: { questionId: 'gender' },
        weightId: 'weight',
      }),
    )
      .toHaveCounts([
        [2, 4],
        [2, 2],
        [1, 2],
      ])
      .toHaveUnweightedCounts([
        [2, 2],
        [2, 1],
        [1, 1],
      ])
      .toHaveBases({ rows: [6, 4, 3], cols: [5, 8], total: 13 })
      .toHaveColPercents([
        [40, 50],
        [40, 25],
        [20, 25],
      ]).value;
    expect(x.unweightedColBases).toEqual([5, 4]);
    // Kish (Σw)²/Σw²: M five weights of 1, 25/5 = 5; F four weights of 2, 64/16 = 4;
    // the table 13²/(5 + 16) = 169/21 = 8.05.
    expect(x.effectiveBases).toEqual([5, 4]);
    expect(x.effectiveTotal).toBeCloseTo(169 / 21, 12);
    expect(x.base.description).toBe(
      'all respondents who answered both questions, n = 9 (weighted 13.0; effective base 8.0)',
    );
  });

  it('uses the table weight by default and none when weightId is null', () => {
    const weighted = respondents(survey.columns, { weightId: 'weight' });
    expectCrosstab(crosstab(weighted, { rows: { questionId: 'use' }, cols: null })).toHaveCounts([
      [7],
      [4],
      [3],
    ]);
    expectCrosstab(
      crosstab(weighted, { rows: { questionId: 'use' }, cols: null, weightId: null }),
    ).toHaveCounts([[5], [3], [2]]);
  });

  it('appends nets counted from respondents, flagged as nets, outside the chi-square', () => {
    const x = expectCrosstab(
      crosstab(survey, {
        rows: { questionId: 'use', nets: [{ label: 'A or B', options: [0, 1] }] },
        cols: { questionId: 'gender' },
      }),
    )
      .toHaveLabels(['A', 'B', 'C', 'A or B'], ['M', 'F'])
      .toHaveCounts([
        [2, 2],
        [2, 1],
        [1, 1],
        [4, 3],
      ])
      .toHaveBases({ cols: [5, 4], total: 9 })
      .toHaveColPercents([
        [40, 50],
        [40, 25],
        [20, 25],
        [80, 75],
      ]).value;
    expect(x.rows.isNet).toEqual([false, false, false, true]);
    expect(x.chiSquare?.statistic).toBeCloseTo(0.225, 12);
  });

  it('applies a filter on a multi-answer question: chose x', () => {
    // Respondents 1, 2, 6, 8, 10 chose x; 10 has no gender.
    const x = expectCrosstab(
      crosstab(survey, {
        rows: { questionId: 'use' },
        cols: { questionId: 'gender' },
        filter: [{ questionId: 'reasons', options: [0] }],
      }),
    )
      .toHaveCounts([
        [1, 2],
        [0, 0],
        [0, 1],
      ])
      .toHaveBases({ cols: [1, 3], total: 4 })
      .toHaveMissing({ cols: 1, excluded: 1, filteredOut: 5 }).value;
    expect(x.base.description).toBe(
      'respondents where "Reasons" is "x" who answered both questions, n = 4',
    );
    // Row B is empty: chi-square drops it (2 rows × 2 cols, df 1).
    expect(x.chiSquare?.df).toBe(1);
  });

  it('ANDs conditions across questions and ORs options within one', () => {
    const x = expectCrosstab(
      crosstab(survey, {
        rows: { questionId: 'use' },
        cols: null,
        filter: [
          { questionId: 'gender', options: [1] },
          { questionId: 'use', options: [0, 2] },
        ],
      }),
    )
      .toHaveLabels(['A', 'B', 'C'], ['Total'])
      // Women who use A or C: respondents 2, 6, 8.
      .toHaveCounts([[2], [0], [1]]).value;
    expect(x.chiSquare).toBeNull();
    expect(x.tests).toBeNull();
  });
});

describe('crosstab with a multi-answer question', () => {
  it('multi × single: three bases per column (respondents asked, cases, responses)', () => {
    const x = expectCrosstab(
      crosstab(survey, { rows: { questionId: 'reasons' }, cols: { questionId: 'gender' } }),
    )
      .toHaveCounts([
        [1, 3],
        [2, 2],
        [1, 3],
      ])
      .toHaveBases({ rows: [4, 4, 4], cols: [4, 4], total: 8 })
      .toHaveMissing({ rows: 1, cols: 1, excluded: 2 }).value;
    expect(x.multi).toEqual({ rows: true, cols: false });
    expect(x.colCases).toEqual([3, 4]);
    expect(x.colResponses).toEqual([4, 8]);
    expect(x.colPercentsOfRespondents).toEqual([
      [25, 75],
      [50, 50],
      [25, 75],
    ]);
    expect(x.colPercentsOfCases![0]![0]).toBeCloseTo(100 / 3, 12);
    expect(x.colPercentsOfCases![1]).toEqual([200 / 3, 50]);
    expect(x.colPercentsOfResponses).toEqual([
      [25, 37.5],
      [50, 25],
      [25, 37.5],
    ]);
    expect(x.chiSquare).toBeNull();
    expect(x.rowPercentsOfCases).toBeNull();
  });

  it('counts a respondent once in a multi-answer net (OR of bits)', () => {
    const x = unwrap(
      crosstab(survey, {
        rows: { questionId: 'reasons', nets: [{ label: 'x or y', options: [0, 1] }] },
        cols: { questionId: 'gender' },
      }),
    );
    // Respondent 1 chose x and y, respondent 8 x, y and z: each counts once.
    expect(x.counts[3]).toEqual([2, 4]);
    expect(x.colPercents[3]).toEqual([50, 100]);
    expect(x.colPercentsOfResponses![3]!.every(Number.isNaN)).toBe(true);
  });

  it('single × multi: columns are options; row bases are respondents asked the column question', () => {
    const x = expectCrosstab(
      crosstab(survey, { rows: { questionId: 'gender' }, cols: { questionId: 'reasons' } }),
    )
      .toHaveCounts([
        [1, 2, 1],
        [3, 2, 3],
      ])
      .toHaveBases({ rows: [4, 4], cols: [4, 4, 4], total: 8 }).value;
    expect(x.multi).toEqual({ rows: false, cols: true });
    expect(x.rowPercentsOfRespondents).toEqual([
      [25, 50, 25],
      [75, 50, 75],
    ]);
    expect(x.rowPercentsOfResponses).toEqual([
      [25, 50, 25],
      [37.5, 25, 37.5],
    ]);
    expect(x.rowPercentsOfCases![0]![1]).toBeCloseTo(200 / 3, 12);
    expect(x.colPercents).toEqual([
      [25, 50, 25],
      [75, 50, 75],
    ]);
  });

  it('multi × multi: a respondent counts in every pair of options chosen', () => {
    const x = expectCrosstab(
      crosstab(survey, { rows: { questionId: 'reasons' }, cols: { questionId: 'channels' } }),
    )
      .toHaveCounts([
        [3, 2],
        [3, 1],
        [1, 1],
      ])
      .toHaveBases({ rows: [4, 4, 3], cols: [4, 5], total: 8 })
      .toHaveMissing({ rows: 1, cols: 1, excluded: 2 }).value;
    expect(x.colCases).toEqual([4, 4]);
    expect(x.colResponses).toEqual([7, 4]);
    // Respondent 4 chose reason y but no channel: a case base of 3 for row y.
    expect(x.rowPercentsOfCases![1]![0]).toBe(100);
    expect(x.rowPercentsOfCases![1]![1]).toBeCloseTo(100 / 3, 12);
    expect(x.rowPercentsOfResponses![0]).toEqual([60, 40]);
  });

  it('weighted multi × single sums weights into every base', () => {
    const x = expectCrosstab(
      crosstab(survey, {
        rows: { questionId: 'reasons' },
        cols: { questionId: 'gender' },
        weightId: 'weight',
      }),
    )
      // Women 2, 4, 6, 8 weigh 2 each; men 1, 3, 7, 9 weigh 1.
      .toHaveCounts([
        [1, 6],
        [2, 4],
        [1, 6],
      ])
      .toHaveUnweightedCounts([
        [1, 3],
        [2, 2],
        [1, 3],
      ])
      .toHaveBases({ cols: [4, 8] }).value;
    expect(x.colCases).toEqual([3, 8]);
    expect(x.colResponses).toEqual([4, 16]);
  });
});

describe('missing answers and "No answer"', () => {
  const t = respondents([
    single(
      'q',
      ['Yes', 'No', 'No answer', null, 'Yes', 'No answer', null, 'Yes'],
      ['Yes', 'No', 'No answer'],
    ),
    numeric('w', [1, 1, 1, 1, 0, NaN, -1, 2]),
  ]);

  it('keeps "No answer" as an ordinary option in the base and counts blanks as missing', () => {
    const x = expectCrosstab(crosstab(t, { rows: { questionId: 'q' }, cols: null }))
      .toHaveLabels(['Yes', 'No', 'No answer'], ['Total'])
      .toHaveCounts([[2 + 1], [1], [2]])
      .toHaveColPercents([[50], [100 / 6], [100 / 3]])
      .toHaveMissing({ rows: 2, excluded: 2 }).value;
    expect(x.base.n).toBe(6);
  });

  it('leaves out respondents whose weight is zero, negative or missing, and says how many', () => {
    const x = expectCrosstab(crosstab(t, { rows: { questionId: 'q' }, cols: null, weightId: 'w' }))
      // Kept: 1 (Yes, 1), 2 (No, 1), 3 (No answer, 1), 4 (missing, 1), 8 (Yes, 2).
      .toHaveCounts([[3], [1], [1]])
      .toHaveUnweightedCounts([[2], [1], [1]])
      .toHaveMissing({ rows: 1, weight: 3 }).value;
    expect(x.warnings).toContain(
      '3 respondents are left out because the weight "w" is missing, zero, negative or absurdly large (row 5, row 6, row 7).',
    );
  });
});

describe('column-proportion tests', () => {
  const build = (groups: [string, number, number][]) => {
    const col: string[] = [];
    const row: string[] = [];
    for (const [label, n, yes] of groups) {
      for (let i = 0; i < n; i++) {
        col.push(label);
        row.push(i < yes ? 'yes' : 'no');
      }
    }
    return respondents([single('row', row, ['yes', 'no']), single('col', col)]);
  };

  it('puts the letter of the lower column in the higher cell (75% of 40 vs 25% of 40, p ≈ 7.7e-6)', () => {
    const x = unwrap(
      crosstab(
        build([
          ['A', 40, 30],
          ['B', 40, 10],
        ]),
        {
          rows: { questionId: 'row' },
          cols: { questionId: 'col' },
        },
      ),
    );
    expect(x.letters).toEqual(['A', 'B']);
    expect(x.tests).toEqual([
      ['B', ''],
      ['', 'A'],
    ]);
    expect(x.testNote).toContain(
      'Column proportions tested at 95% (two-sided), Bonferroni-corrected within each row',
    );
  });

  it.each([
    // 50% vs 36% of 100: z = 1.9996, p = 0.0455: significant alone...
    {
      groups: [
        ['A', 100, 50],
        ['B', 100, 36],
      ],
      yes: ['B', ''],
    },
    // ...but not once Bonferroni multiplies p by the 3 pairs of three columns.
    {
      groups: [
        ['A', 100, 50],
        ['B', 100, 36],
        ['C', 100, 43],
      ],
      yes: ['', '', ''],
    },
    // A column with no respondents is not tested.
    {
      groups: [
        ['A', 40, 30],
        ['B', 40, 10],
        ['C', 0, 0],
      ],
      yes: ['B', ''],
    },
  ] as { groups: [string, number, number][]; yes: string[] }[])(
    'tests $groups.length columns and marks yes-row cells $yes',
    ({ groups, yes }) => {
      const x = unwrap(
        crosstab(build(groups), { rows: { questionId: 'row' }, cols: { questionId: 'col' } }),
      );
      expect(x.tests![0]!.slice(0, yes.length)).toEqual(yes);
    },
  );

  it('flags columns with fewer than 30 respondents as small bases', () => {
    const x = unwrap(
      crosstab(
        build([
          ['A', 29, 10],
          ['B', 30, 10],
        ]),
        {
          rows: { questionId: 'row' },
          cols: { questionId: 'col' },
        },
      ),
    );
    expect(x.smallBase).toEqual([true, false]);
    expect(x.warnings).toContain(
      'Small base (fewer than 30 respondents) in: A. Read these percentages with care.',
    );
  });

  it('can be turned off', () => {
    const x = unwrap(
      crosstab(
        build([
          ['A', 40, 30],
          ['B', 40, 10],
        ]),
        {
          rows: { questionId: 'row' },
          cols: { questionId: 'col' },
          tests: false,
        },
      ),
    );
    expect(x.tests).toBeNull();
    expect(x.testNote).toBeNull();
  });
});

describe('errors', () => {
  it.each([
    [
      { rows: { questionId: 'nope' }, cols: null },
      'crosstab-unknown-question',
      'There is no question "nope"',
    ],
    [{ rows: { questionId: 'weight' }, cols: null }, 'crosstab-not-categorical', 'holds numbers'],
    [
      { rows: { questionId: 'use' }, cols: { questionId: 'gender' }, weightId: 'use' },
      'crosstab-unknown-weight',
      '"weight"',
    ],
    [
      { rows: { questionId: 'use' }, cols: null, filter: [{ questionId: 'use', options: [3] }] },
      'crosstab-option-out-of-range',
      'which has 3 options',
    ],
    [
      { rows: { questionId: 'use', nets: [{ label: 'N', options: [7] }] }, cols: null },
      'crosstab-bad-net',
      'The net "N"',
    ],
  ] as const)('returns an error instead of throwing: %j -> %s', (spec, code, text) => {
    const result = crosstab(survey, spec);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toContain(text);
    }
  });

  it('lists the valid questions when one is unknown', () => {
    const result = crosstab(survey, { rows: { questionId: 'nope' }, cols: null });
    expect(!result.ok && result.error.message).toBe(
      'There is no question "nope" in this survey. Pick one of: "gender", "use", "reasons", "channels".',
    );
  });

  it('finds a question by its exact text', () => {
    const x = unwrap(
      crosstab(survey, { rows: { questionId: 'Use' }, cols: { questionId: 'Gender' } }),
    );
    expect(x.rows.question).toEqual({ id: 'use', text: 'Use', type: 'single' });
  });
});

describe('banner', () => {
  it('gives the same tables as separate crosstabs, from one pass', () => {
    const tables = unwrap(
      banner(survey, 'use', ['gender', 'reasons', null], { weightId: 'weight' }),
    );
    expect(tables).toHaveLength(3);
    const one = unwrap(
      crosstab(survey, {
        rows: { questionId: 'use' },
        cols: { questionId: 'reasons' },
        weightId: 'weight',
      }),
    );
    expect(tables[1]).toEqual(one);
    expect(tables[0]!.counts).toEqual([
      [2, 4],
      [2, 2],
      [1, 2],
    ]);
    expect(tables[2]!.counts).toEqual([[7], [4], [3]]);
  });
});
