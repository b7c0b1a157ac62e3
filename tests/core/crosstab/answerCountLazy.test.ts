// Issue #17: the "number of answers chosen" questions are listed for every
// multi-answer question, but each one's codes (a pass over every respondent,
// over a second at 10,000,000) are made only when a crosstab puts it on an
// axis or in a filter, and then kept for the table.
import { describe, expect, it } from 'vitest';
import { crosstab } from '../../../src/core/crosstab/crosstab';
import { withAnswerCounts } from '../../../src/core/crosstab/answerCount';
import type { RespondentTable, SingleColumn } from '../../../src/core/table/types';
import { buildCrosstabGrid } from '../../../src/state/models/crosstabModel';
import { DEFAULT_CROSSTAB } from '../../../src/state/url/view';
import { multi, respondents, single, unwrap } from '../../support/respondents';

// Six respondents: films seen (three films), snacks bought (two), by gender.
const base = (): RespondentTable =>
  respondents([
    single('gender', ['M', 'F', 'M', 'F', 'M', 'F'], ['M', 'F']),
    multi(
      'films',
      [['I', 'II', 'III'], ['I'], ['I', 'II', 'III'], [], null, ['II', 'III']],
      ['I', 'II', 'III'],
    ),
    multi('snacks', [['pop'], ['pop', 'ice'], [], ['ice'], ['pop'], null], ['pop', 'ice']),
  ]);

const countColumn = (t: RespondentTable, id: string) =>
  t.columns.find((c) => c.id === `answers:${id}`) as SingleColumn;
/** Whether the column's codes have been made (before, they are a getter that makes them). */
const made = (c: SingleColumn) => Object.getOwnPropertyDescriptor(c, 'codes')?.get === undefined;

describe('the number of answers chosen, made only for a question in use', () => {
  it('lists both questions with their labels at once, without making their codes', () => {
    const t = withAnswerCounts(base());
    expect(t.columns.map((c) => c.id)).toEqual([
      'gender',
      'films',
      'answers:films',
      'snacks',
      'answers:snacks',
    ]);
    expect(countColumn(t, 'films').labels).toEqual([
      '0 answers',
      '1 answer',
      '2 answers',
      '3 answers',
    ]);
    expect(countColumn(t, 'snacks').labels).toEqual(['0 answers', '1 answer', '2 answers']);
    expect(made(countColumn(t, 'films'))).toBe(false);
    expect(made(countColumn(t, 'snacks'))).toBe(false);
  });

  it('makes none for a crosstab of other questions (the page opening on gender × films)', () => {
    const table = base();
    const built = buildCrosstabGrid(table, { ...DEFAULT_CROSSTAB, rows: 'gender', cols: 'films' });
    expect(built?.ok).toBe(true);
    const t = withAnswerCounts(table);
    expect([made(countColumn(t, 'films')), made(countColumn(t, 'snacks'))]).toEqual([false, false]);
  });

  it('makes only the one on the rows, and keeps it: films by gender is 0/0/0/2 men, 1/1/1/0 women', () => {
    const table = base();
    const t = withAnswerCounts(table);
    const x = unwrap(
      crosstab(t, { rows: { questionId: 'answers:films' }, cols: { questionId: 'gender' } }),
    );
    expect(x.counts).toEqual([
      [0, 1],
      [0, 1],
      [0, 1],
      [2, 0],
    ]);
    const films = countColumn(t, 'films');
    expect(made(films)).toBe(true);
    expect(made(countColumn(t, 'snacks'))).toBe(false);
    // Kept: the same array on every read, and for the same table asked again.
    expect(films.codes).toBe(films.codes);
    expect(countColumn(withAnswerCounts(table), 'films').codes).toBe(films.codes);
    expect([...films.codes]).toEqual([4, 2, 4, 1, 0, 3]);
  });

  it('makes the one in a filter: of those with one snack, 2 men and 1 woman', () => {
    const t = withAnswerCounts(base());
    const x = unwrap(
      crosstab(t, {
        rows: { questionId: 'gender' },
        cols: null,
        filter: [{ questionId: 'answers:snacks', options: [1] }],
      }),
    );
    expect(x.counts).toEqual([[2], [1]]);
    expect([made(countColumn(t, 'films')), made(countColumn(t, 'snacks'))]).toEqual([false, true]);
  });
});
