import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crosstab } from '../../../src/core/crosstab/crosstab';
import { loadSurveyFile } from '../../../src/core/pipeline';
import type { Column } from '../../../src/core/table/types';
import { band, withColumns } from '../../../src/core/tabs/band';
import { tabs } from '../../../src/core/tabs/tabs';
import type { TabBook, TabSpec } from '../../../src/core/tabs/types';
import { expectRelClose } from '../../support/numbers';
import { multi, numeric, respondents, single, unwrap } from '../../support/respondents';
import { mulberry32, picker } from '../../support/random';
import { tenRespondents } from '../../support/tenRespondents';

// Ten respondents counted by hand: the table is in tests/support/tenRespondents.ts.
const small = tenRespondents;

const table = (book: TabBook, id: string) => book.tables.find((t) => t.question.id === id)!;

describe('a tab book counted by hand', () => {
  const book = unwrap(tabs(small(), { banner: ['gender', 'region'], rows: ['q', 'score'] }));

  it('has Total first, then each banner question as a group of lettered columns', () => {
    expect(book.columns).toEqual([
      { group: 'Total', label: 'Total', letter: null },
      { group: 'gender', label: 'Men', letter: 'A' },
      { group: 'gender', label: 'Women', letter: 'B' },
      { group: 'region', label: 'North', letter: 'C' },
      { group: 'region', label: 'South', letter: 'D' },
    ]);
    expect(book.groups.map((g) => [g.id, g.text, g.start, g.end])).toEqual([
      ['Total', 'Total', 0, 1],
      ['gender', 'Gender', 1, 3],
      ['region', 'region', 3, 5],
    ]);
  });

  it('counts q: 5 Yes and 4 No of 9 answering; Men 3 of 4 Yes, Women 1 of 4, North 3 of 5, South 2 of 4', () => {
    const q = table(book, 'q');
    expect(q.question).toEqual({ id: 'q', text: 'Would you recommend us?', type: 'single' });
    expect(q.rows).toEqual(['Yes', 'No']);
    expect(q.counts).toEqual([
      [5, 3, 1, 3, 2],
      [4, 1, 3, 2, 2],
    ]);
    expect(q.bases).toEqual({
      unweighted: [9, 4, 4, 5, 4],
      weighted: [9, 4, 4, 5, 4],
      effective: [9, 4, 4, 5, 4],
    });
    expect(q.colPercents[0]![0]).toBeCloseTo(55.5556, 4);
    expect(q.colPercents[0]!.slice(1)).toEqual([75, 25, 60, 50]);
    // Four respondents a column: nothing is significant, and no column is below 30 unnoticed.
    expect(q.letters).toEqual([
      ['', '', '', '', ''],
      ['', '', '', '', ''],
    ]);
    expect(q.notes).toContain(
      'Small base (fewer than 30 respondents) in: Total, Men, Women, North, South. Read these percentages with care.',
    );
  });

  it('gives a numeric question its mean, SD, lower-middle median and n per column', () => {
    const s = table(book, 'score');
    expect(s.rows).toEqual([]);
    expect(s.stats!.n).toEqual([9, 4, 4, 5, 3]);
    // Total 10…100 without 80: 470 / 9; Men 10, 20, 30, 40; Women 50, 60, 70, 100.
    expectRelClose(s.stats!.mean[0]!, 470 / 9);
    expect(s.stats!.mean.slice(1)).toEqual([25, 70, 46, 140 / 3]);
    expectRelClose(s.stats!.sd[1]!, Math.sqrt(500 / 3));
    // Even n: the lower of the two middle values (20 of 10, 20, 30, 40), not 25.
    expect(s.stats!.median).toEqual([50, 20, 60, 50, 40]);
    expect(s.bases.unweighted).toEqual([9, 4, 4, 5, 3]);
  });
});

describe('weighted, with effective bases', () => {
  const book = unwrap(tabs(small(true), { banner: ['gender'], rows: ['q', 'score'] }));

  it('weights counts and percents: Yes 5 of 11 in Total, Men 3 of 5 (60%), Women 1 of 5 (20%)', () => {
    const q = table(book, 'q');
    expect(q.counts).toEqual([
      [5, 3, 1],
      [6, 2, 4],
    ]);
    expect(q.colPercents[0]).toEqual([(100 * 5) / 11, 60, 20]);
  });

  it("has Kish's effective base (Σw)²/Σw²: Total 11²/15, Men and Women 5²/7 each", () => {
    const q = table(book, 'q');
    expect(q.bases.unweighted).toEqual([9, 4, 4]);
    expect(q.bases.weighted).toEqual([11, 5, 5]);
    expectRelClose(q.bases.effective[0]!, 121 / 15);
    expectRelClose(q.bases.effective[1]!, 25 / 7);
    expectRelClose(q.bases.effective[2]!, 25 / 7);
    expect(q.notes[1]).toMatch(/^Weighted by "w"/);
  });

  it('weights the mean (Men: 130 / 5 = 26) and the median (Men: cumulative 1, 2, 4 of 5 reaches 2.5 at 30)', () => {
    const s = table(book, 'score');
    expect(s.stats!.mean[1]).toBe(26);
    expect(s.stats!.median[1]).toBe(30);
    // Σw(x − 26)² = 256 + 36 + 2·16 + 196 = 520, over Σw − 1 = 4.
    expectRelClose(s.stats!.sd[1]!, Math.sqrt(520 / 4));
    expect(s.bases.weighted[1]).toBe(5);
    expectRelClose(s.stats!.effective[1]!, 25 / 7);
  });
});

/** Respondents answering Yes with these counts out of these bases, one group per label. */
function yesNo(groups: { label: string; yes: number; of: number }[], extra: Column[] = []) {
  const group: string[] = [];
  const answer: string[] = [];
  for (const g of groups)
    for (let i = 0; i < g.of; i++) {
      group.push(g.label);
      answer.push(i < g.yes ? 'Yes' : 'No');
    }
  return respondents([
    single(
      'group',
      group,
      groups.map((g) => g.label),
    ),
    single('answer', answer, ['Yes', 'No']),
    ...extra,
  ]);
}

describe('letters within a group', () => {
  // A: 80 of 100, B: 50 of 100, C: 62 of 100. Pooled z-tests, two-sided:
  // A vs B z = 4.45 (p 0.0000087), A vs C z = 2.83 (p 0.0046), C vs B z = 1.71 (p 0.087).
  const t = yesNo([
    { label: 'A', yes: 80, of: 100 },
    { label: 'B', yes: 50, of: 100 },
    { label: 'C', yes: 62, of: 100 },
  ]);
  const letters = (spec: TabSpec['tests']) =>
    table(unwrap(tabs(t, { banner: ['group'], rows: ['answer'], tests: spec })), 'answer').letters;

  it('puts the letter of the lower column in the higher cell, at 95% uppercase', () => {
    expect(letters({})).toEqual([
      ['', 'BC', '', ''],
      ['', '', 'A', 'A'],
    ]);
  });

  it('adds lowercase letters at 90% for what is significant only there (C vs B, p 0.087)', () => {
    expect(letters({ lowerLevel: 0.9 })).toEqual([
      ['', 'BC', '', 'b'],
      ['', '', 'Ac', 'A'],
    ]);
  });

  it('keeps fewer letters under Bonferroni (3 tests: 0.087 × 3 is not below 0.10)', () => {
    expect(letters({ lowerLevel: 0.9, correction: 'bonferroni' })).toEqual([
      ['', 'BC', '', ''],
      ['', '', 'A', 'A'],
    ]);
  });

  it('compared with the rest of the sample, marks a column higher than the rest with its own letter', () => {
    // A (80%) vs B+C (56%): higher. B (50%) vs A+C (71%): lower in Yes, higher in No.
    expect(letters({ compare: 'rest' })).toEqual([
      ['', 'A', '', ''],
      ['', '', 'B', ''],
    ]);
  });

  it('no letters at all when tests are off, and says so by having no test note', () => {
    const book = unwrap(tabs(t, { banner: ['group'], rows: ['answer'], tests: false }));
    expect(book.tests).toBeNull();
    expect(
      table(book, 'answer')
        .letters.flat()
        .every((l) => l === ''),
    ).toBe(true);
    expect(table(book, 'answer').notes.some((n) => n.startsWith('Letters:'))).toBe(false);
  });

  it('states what was tested', () => {
    const book = unwrap(
      tabs(t, {
        banner: ['group'],
        rows: ['answer'],
        tests: { lowerLevel: 0.9, correction: 'bh' },
      }),
    );
    expect(table(book, 'answer').notes).toContain(
      'Letters: column proportions compared between the columns of each banner group by two-sided pooled z-tests, uppercase at 95%, lowercase at 90%, Benjamini–Hochberg-corrected (false discovery rate) over the comparisons of each row within a group. A letter marks a cell significantly higher than the lettered column.',
    );
  });
});

describe('a column without respondents', () => {
  const t = respondents([
    single('group', ['A', 'A', 'B', 'B'], ['A', 'B', 'Nobody']),
    single('answer', ['Yes', 'No', 'Yes', 'Yes'], ['Yes', 'No']),
    numeric('x', [1, 2, 3, 4]),
  ]);
  const book = unwrap(tabs(t, { banner: ['group'], rows: ['answer', 'x'] }));

  it('has null percents and statistics and no letters, and nothing in the JSON is NaN or Infinity', () => {
    const answer = table(book, 'answer');
    expect(answer.colPercents.map((row) => row[3])).toEqual([null, null]);
    expect(answer.letters.map((row) => row[3])).toEqual(['', '']);
    expect(answer.bases.effective[3]).toBe(0);
    const x = table(book, 'x');
    expect([x.stats!.mean[3], x.stats!.sd[3], x.stats!.median[3], x.stats!.n[3]]).toEqual([
      null,
      null,
      null,
      0,
    ]);
    expect(answer.notes).toContain(
      'No respondents in: Nobody. These columns have no percents and no letters.',
    );
    const json = JSON.stringify(book);
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(JSON.parse(json)).toEqual(book);
  });
});

describe('each banner group is the crosstab of its pair, cell for cell', () => {
  const SAT = ['Very satisfied', 'Satisfied', 'Dissatisfied', 'Very dissatisfied', 'No answer'];
  const same = (actual: (number | null)[][], expected: (number | null)[][]) => {
    expect(actual.length).toBe(expected.length);
    actual.forEach((row, r) =>
      row.forEach((v, c) => {
        const e = expected[r]![c]!;
        if (e === null || v === null) expect(v).toBe(e);
        else expectRelClose(v, e, 1e-13, `[${r}][${c}]`);
      }),
    );
  };
  const rand = mulberry32(11);
  const pick = picker(rand);
  const n = 3000;
  const answers = (labels: string[], missing = 0.05) =>
    Array.from({ length: n }, () => (rand() < missing ? null : pick(labels)));
  const t = respondents(
    [
      single('gender', answers(['Men', 'Women'], 0.01)),
      single('age', answers(['18-34', '35-54', '55+'])),
      multi(
        'media',
        Array.from({ length: n }, () =>
          rand() < 0.1 ? null : ['TV', 'Radio', 'Web', 'Print'].filter(() => rand() < 0.4),
        ),
        ['TV', 'Radio', 'Web', 'Print'],
      ),
      single('sat', answers(SAT), SAT),
      numeric(
        'wt',
        Array.from({ length: n }, () => (rand() < 0.01 ? 0 : 0.3 + 2 * rand())),
      ),
    ],
    { weightId: 'wt' },
  );

  it.each([
    ['unweighted', null, ['gender', 'media', 'age']],
    ['weighted', undefined, ['gender', 'media', 'age']],
    ['unweighted, single banner questions counted combined', null, ['gender', 'age', 'media']],
    ['weighted, single banner questions counted combined', undefined, ['age', 'gender']],
  ] as const)(
    '%s, filtered, with a multi-answer row and banner and top-2 nets',
    (_, weightId, bannerIds) => {
      const filter = [{ questionId: 'age', options: [0, 1] }];
      const book = unwrap(
        tabs(t, {
          banner: bannerIds,
          rows: ['sat', 'media', 'gender'],
          weightId,
          filter,
          nets: { sat: 'top2bottom2' },
        }),
      );
      for (const tab of book.tables) {
        for (const g of book.groups) {
          const nets =
            tab.question.id === 'sat'
              ? [
                  { label: 'Top 2 box', options: [0, 1] },
                  { label: 'Bottom 2 box', options: [3, 2] },
                ]
              : [];
          const x = unwrap(
            crosstab(t, {
              rows: { questionId: tab.question.id, nets },
              cols: g.type === 'total' ? null : { questionId: g.id },
              weightId,
              filter,
            }),
          );
          const slice = <T>(m: T[][]) => m.map((row) => row.slice(g.start, g.end));
          expect(tab.rows).toEqual(x.rows.labels);
          expect(tab.isNet).toEqual(x.rows.isNet);
          const percents = x.colPercents.map((row) => row.map((p) => (Number.isNaN(p) ? null : p)));
          expect(tab.bases.unweighted.slice(g.start, g.end)).toEqual(x.unweightedColBases);
          if (weightId === null) {
            // Respondents: the same integers, and percents computed from them alike.
            expect(slice(tab.counts)).toEqual(x.counts);
            expect(slice(tab.colPercents)).toEqual(percents);
          } else {
            // Weights: the same sums, added in another order where banner questions
            // were counted combined (equal to the last bits of rounding).
            same(slice(tab.counts), x.counts);
            same(slice(tab.colPercents), percents);
            same([tab.bases.weighted.slice(g.start, g.end)], [x.colBases]);
          }
        }
      }
      expect(book.warnings).toEqual(
        weightId === null
          ? []
          : [expect.stringMatching(/^\d+ respondents are left out because the weight "wt"/)],
      );
    },
  );
});

describe('ordered scales', () => {
  const t = respondents([
    single('g', ['a', 'a', 'a', 'b', 'b', 'b'], ['a', 'b']),
    single(
      'agree',
      [
        'Agree',
        'Strongly agree',
        "Don't know",
        'Disagree',
        'Strongly disagree',
        'Neither agree nor disagree',
      ],
      [
        'Agree',
        'Strongly agree',
        "Don't know",
        'Disagree',
        'Strongly disagree',
        'Neither agree nor disagree',
      ],
    ),
    single('yesno', ['Yes', 'No', 'Yes', 'No', 'Yes', 'No']),
  ]);

  it('scores an agree scale 1–5 from the words, leaves "Don\'t know" out, and gives its mean and median', () => {
    const s = table(unwrap(tabs(t, { banner: ['g'], rows: ['agree'] })), 'agree');
    expect(s.scores).toEqual([4, 5, null, 2, 1, 3]);
    // a: Agree 4, Strongly agree 5 (Don't know left out); b: 2, 1, 3.
    expect(s.stats!.mean).toEqual([3, 4.5, 2]);
    expect(s.stats!.n).toEqual([5, 2, 3]);
    expect(s.stats!.median).toEqual([3, 4, 2]);
    expect(s.stats!.of).toBe('scores');
  });

  it('adds top-2 and bottom-2 boxes on request, on every scale with nets: "top2bottom2"', () => {
    const s = table(
      unwrap(tabs(t, { banner: ['g'], rows: ['agree', 'yesno'], nets: 'top2bottom2' })),
      'agree',
    );
    expect(s.rows.slice(6)).toEqual(['Top 2 box', 'Bottom 2 box']);
    expect(s.isNet).toEqual([false, false, false, false, false, false, true, true]);
    expect(s.counts.slice(6)).toEqual([
      [2, 2, 0],
      [2, 0, 2],
    ]);
    expect(s.notes).toContain(
      'Top 2 box: "Strongly agree", "Agree"; bottom 2 box: "Strongly disagree", "Disagree".',
    );
  });

  it('refuses top-2 boxes asked for by name on a question that is no scale', () => {
    const r = tabs(t, { banner: ['g'], rows: ['yesno'], nets: { yesno: 'top2bottom2' } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('tabs-not-a-scale');
  });
});

describe('banding and nesting', () => {
  const t = respondents([
    numeric('age', [18, 24, 25, 34, 35, 70, null, 44]),
    single('sex', ['F', 'M', 'F', 'M', 'F', 'M', 'F', 'M']),
    single('region', ['N', 'N', 'S', 'S', 'N', 'S', 'N', null]),
    single('q', ['y', 'n', 'y', 'y', 'n', 'y', 'n', 'y']),
  ]);

  it('bands age at 25, 35, 45 into 18–24, 25–34, 35–44, 45+ usable on a banner', () => {
    const age = unwrap(band(t, 'age', [25, 35, 45]));
    expect([age.id, age.text, age.labels]).toEqual([
      'age_band',
      'age (banded)',
      ['18–24', '25–34', '35–44', '45+'],
    ]);
    expect([...age.codes]).toEqual([1, 1, 2, 2, 3, 4, 0, 3]);
    const book = unwrap(tabs(unwrap(withColumns(t, [age])), { banner: ['age_band'], rows: ['q'] }));
    expect(book.columns.map((c) => c.label)).toEqual(['Total', '18–24', '25–34', '35–44', '45+']);
    expect(table(book, 'q').bases.unweighted).toEqual([8, 2, 2, 2, 1]);
  });

  it('refuses a numeric question on the banner, saying to band it', () => {
    const r = tabs(t, { banner: ['age'], rows: ['q'] });
    expect(!r.ok && r.error.message).toMatch(/^"age" holds numbers.*Band it first/);
  });

  it('nests sex within region: each region split by sex, letters only within a region', () => {
    const book = unwrap(tabs(t, { banner: [{ question: 'sex', within: 'region' }], rows: ['q'] }));
    expect(book.columns.slice(1)).toEqual([
      { group: 'region/sex', label: 'F', letter: 'A', within: 'N' },
      { group: 'region/sex', label: 'M', letter: 'B', within: 'N' },
      { group: 'region/sex', label: 'F', letter: 'C', within: 'S' },
      { group: 'region/sex', label: 'M', letter: 'D', within: 'S' },
    ]);
    expect(book.groups[1]!.text).toBe('sex within region');
    expect(table(book, 'q').bases.unweighted).toEqual([8, 3, 1, 1, 2]);
  });
});

describe('which questions are rows by default', () => {
  it('every single, multi and numeric question but the weight, the id and battery members', () => {
    const t = respondents(
      [
        numeric('id', [1, 2]),
        single('a', ['x', 'y']),
        { ...single('m1', ['x', null]), memberOf: 'm' },
        multi('m', [['x'], []]),
        numeric('n', [1, 2]),
        numeric('w', [1, 1]),
      ],
      { weightId: 'w' },
    );
    const book = unwrap(tabs({ ...t, idColumnId: 'id' }, { banner: ['a'] }));
    expect(book.tables.map((x) => x.question.id)).toEqual(['a', 'm', 'n']);
  });
});

describe('the bundled demo survey', () => {
  const loaded = unwrap(
    loadSurveyFile(
      new Uint8Array(
        readFileSync(
          new URL('../../../surveys/demo-simulated-wechat-respondents.csv', import.meta.url),
        ),
      ),
      { file: 'demo.csv', weightId: 'weight' },
    ),
  );
  const demo = loaded.kind === 'respondents' ? loaded.table : null;

  it('tabs every question by gender and age group, weighted, with the notice on the book', () => {
    const book = unwrap(tabs(demo!, { banner: ['gender', 'age_group'] }));
    expect(book.tables.map((t) => t.question.id)).toEqual([
      'gender',
      'age_group',
      'city_tier',
      'How often do you use WeChat?',
      'What is the reason that you started to use WeChat?',
      'Which type of official accounts do you follow?',
    ]);
    expect(book.weightId).toBe('weight');
    const total = table(book, 'gender').bases;
    expect(total.unweighted[0]).toBe(1500);
    expect(total.effective[0]!).toBeLessThan(1500);
  });
});
