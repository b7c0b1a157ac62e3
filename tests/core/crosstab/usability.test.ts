// What issue #13 asked of the engine: the real reason a chi-square is missing,
// "chose all of" nets, and the number of answers chosen as a question of its
// own — by hand on ten respondents, and on FiveThirtyEight's Star Wars survey
// (471 saw all six films) when ../shared/datasets is present.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { crosstab } from '../../../src/core/crosstab/crosstab';
import {
  answerCountColumn,
  answerCountMeans,
  withAnswerCounts,
} from '../../../src/core/crosstab/answerCount';
import type { MultiColumn } from '../../../src/core/table/types';
import { multi, respondents, single, unwrap } from '../../support/respondents';
import { loadRespondents } from '../../support/pipeline';

// use by gender; nobody answered "C" (an empty row); films seen (a multi-answer question).
const table = respondents([
  single('gender', ['M', 'F', 'M', 'F', 'M', 'F'], ['M', 'F']),
  single('use', ['A', 'A', 'B', 'B', 'A', 'B'], ['A', 'B', 'C']),
  multi(
    'films',
    [['I', 'II', 'III'], ['I'], ['I', 'II', 'III'], [], null, ['II', 'III']],
    ['I', 'II', 'III'],
  ),
]);

describe('why there is no chi-square', () => {
  it('tests a single × single table with an empty row without it, and says so', () => {
    const x = unwrap(
      crosstab(table, { rows: { questionId: 'use' }, cols: { questionId: 'gender' } }),
    );
    expect(x.chiSquare?.df).toBe(1);
    expect(x.warnings).toContain(
      'The row "C" has no respondents and is left out of the chi-square test (its degrees of freedom count only the rows with respondents).',
    );
    expect(x.warnings.join(' ')).not.toMatch(/multi-answer|multiple answers/);
  });

  it('gives the real reason when only one row has respondents', () => {
    const x = unwrap(
      crosstab(table, {
        rows: { questionId: 'use' },
        cols: { questionId: 'gender' },
        filter: [{ questionId: 'use', options: [0] }],
      }),
    );
    expect(x.chiSquare).toBeNull();
    expect(x.warnings).toContain(
      'No chi-square test: only one of the rows ("A") has respondents, and a test of independence needs at least two rows and two columns with respondents.',
    );
  });

  it('keeps the multi-answer reason for a multi-answer question', () => {
    const x = unwrap(
      crosstab(table, { rows: { questionId: 'films' }, cols: { questionId: 'gender' } }),
    );
    expect(x.chiSquare).toBeNull();
    expect(x.warnings).toContain(
      'No chi-square test: with a multi-answer question a respondent may sit in several cells, which the test does not allow.',
    );
  });
});

describe('"chose all of" nets', () => {
  it('counts respondents who chose every ticked option, beside "chose any of"', () => {
    const x = unwrap(
      crosstab(table, {
        rows: {
          questionId: 'films',
          nets: [
            { label: 'any', options: [0, 1, 2] },
            { label: 'all', options: [0, 1, 2], all: true },
            { label: 'I and II', options: [0, 1], all: true },
          ],
        },
        cols: null,
      }),
    );
    // Five were asked (one missing); four chose any film; two chose all three.
    expect(x.rows.labels.slice(3)).toEqual(['any', 'all', 'I and II']);
    expect(x.counts.slice(3).map((r) => r[0])).toEqual([4, 2, 2]);
    expect(x.colPercents[4]?.[0]).toBeCloseTo(40, 9);
  });

  it('finds nobody who gave two different single answers', () => {
    const x = unwrap(
      crosstab(table, {
        rows: { questionId: 'use', nets: [{ label: 'A and B', options: [0, 1], all: true }] },
        cols: null,
      }),
    );
    expect(x.counts[3]?.[0]).toBe(0);
  });
});

describe('the number of answers chosen', () => {
  const films = table.columns.find((c) => c.id === 'films') as MultiColumn;

  it('is a single-answer question 0, 1, 2, 3 whose missing respondents stay missing', () => {
    const count = answerCountColumn(films);
    expect(count.id).toBe('answers:films');
    expect(count.text).toBe('Number of answers chosen: films');
    expect(count.labels).toEqual(['0 answers', '1 answer', '2 answers', '3 answers']);
    expect([...count.codes]).toEqual([4, 2, 4, 1, 0, 3]);
  });

  it('goes on either axis, with the mean per column', () => {
    const t = withAnswerCounts(table);
    expect(withAnswerCounts(table)).toBe(t);
    const x = unwrap(
      crosstab(t, { rows: { questionId: 'answers:films' }, cols: { questionId: 'gender' } }),
    );
    // M: 3, 3 (one missing); F: 1, 0, 2.
    expect(x.counts).toEqual([
      [0, 1],
      [0, 1],
      [0, 1],
      [2, 0],
    ]);
    const means = answerCountMeans(x);
    expect(means.cols).toEqual([3, 1]);
    expect(means.total).toBeCloseTo(9 / 5, 12);
    const across = unwrap(
      crosstab(t, { rows: { questionId: 'gender' }, cols: { questionId: 'answers:films' } }),
    );
    expect(across.cols.labels).toEqual(['0 answers', '1 answer', '2 answers', '3 answers']);
  });
});

const STAR_WARS = fileURLToPath(
  new URL(
    '../../../../shared/datasets/fivethirtyeight/star-wars-survey/StarWars.csv',
    import.meta.url,
  ),
);

describe.skipIf(!existsSync(STAR_WARS))('FiveThirtyEight Star Wars survey', () => {
  const FILMS =
    'Which of the following Star Wars films have you seen? Please select all that apply.';
  const loaded = existsSync(STAR_WARS)
    ? loadRespondents(new Uint8Array(readFileSync(STAR_WARS)))
    : null;

  it('counts 471 respondents who saw all six films, 835 who saw any', () => {
    const t = loaded!.table;
    const x = unwrap(
      crosstab(t, {
        rows: {
          questionId: FILMS,
          nets: [
            { label: 'any', options: [0, 1, 2, 3, 4, 5] },
            { label: 'all six', options: [0, 1, 2, 3, 4, 5], all: true },
          ],
        },
        cols: null,
      }),
    );
    expect(x.counts.slice(6).map((r) => r[0])).toEqual([835, 471]);
  });

  it('has 471 respondents with six answers chosen, and a mean of the six counts', () => {
    const t = withAnswerCounts(loaded!.table);
    const films = t.columns.find((c) => c.text === FILMS)!;
    const x = unwrap(crosstab(t, { rows: { questionId: `answers:${films.id}` }, cols: null }));
    expect(x.rows.labels.at(-1)).toBe('6 answers');
    expect(x.counts.at(-1)?.[0]).toBe(471);
    const total = x.counts.reduce((n, r) => n + (r[0] ?? 0), 0);
    expect(total).toBe(835);
    // Each option's count is the number of mentions: the mean is their sum over 835.
    const options = unwrap(crosstab(t, { rows: { questionId: films.id }, cols: null }));
    const mentions = options.counts.reduce((n, r) => n + (r[0] ?? 0), 0);
    expect(answerCountMeans(x).total).toBeCloseTo(mentions / 835, 12);
  });
});
