import { describe, expect, it } from 'vitest';
import {
  buildCrosstabGrid,
  categoricalColumns,
  crosstabTable,
  weightChoices,
} from '../../../src/state/models/crosstabModel';
import { DEFAULT_CROSSTAB, type CrosstabView } from '../../../src/state/url/view';
import { multi, numeric, respondents, single } from '../../support/respondents';

// Ten respondents: use (a/b/c) by sex (M/F), and a multi-answer "apps".
const table = respondents([
  single('use', ['a', 'a', 'b', 'c', 'a', 'b', 'b', 'c', 'a', 'a']),
  single('sex', ['M', 'F', 'M', 'F', 'M', 'F', 'M', 'F', 'M', 'F']),
  multi('apps', [['x'], ['x', 'y'], ['y'], null, ['x'], [], ['y'], ['x', 'y'], ['x'], ['y']]),
]);

function grid(view: Partial<CrosstabView>) {
  const built = buildCrosstabGrid(table, { ...DEFAULT_CROSSTAB, ...view });
  if (!built?.ok) throw new Error(built ? built.error.message : 'no spec');
  return built.value;
}

describe('the crosstab grid', () => {
  it('shows column percents with a Total column: a is 3 of 5 men (60.0%) and 2 of 5 women (40.0%)', () => {
    const g = grid({ rows: 'use', cols: 'sex' });
    expect(g.colLabels).toEqual(['M', 'F']);
    expect(
      g.rows.map((r) => [r.label, r.total?.percentText, ...r.cells.map((c) => c.percentText)]),
    ).toEqual([
      ['a', '50.0%', '60.0%', '40.0%'],
      ['b', '30.0%', '40.0%', '20.0%'],
      ['c', '20.0%', '0.0%', '40.0%'],
    ]);
    expect(g.baseRow.unweighted).toEqual(['5', '5']);
  });

  it('has no separate Total column in a one-way table', () => {
    const g = grid({ rows: 'use', cols: null });
    expect(g.rows.every((r) => r.total === null)).toBe(true);
    expect(g.rows[0]!.cells.map((c) => c.percentText)).toEqual(['50.0%']);
  });

  it('sorts rows by a column, largest first, and keeps nets at the bottom', () => {
    const g = grid({
      rows: 'use',
      cols: 'sex',
      sort: { col: 1, desc: true },
      rowNets: [{ options: [0, 1], all: false }],
    });
    expect(g.rows.map((r) => r.label)).toEqual(['a', 'c', 'b', 'Net: a + b']);
    expect(g.rows.map((r) => r.index)).toEqual([0, 2, 1, 3]);
  });

  it('offers the three multi-answer percents only when a multi-answer question is on an axis', () => {
    expect(grid({ rows: 'use', cols: 'sex' }).percentModes.map((m) => m.mode)).toEqual([
      'col',
      'row',
      'total',
    ]);
    expect(grid({ rows: 'apps', cols: 'sex' }).percentModes.map((m) => m.mode)).toEqual([
      'col',
      'row',
      'total',
      'cases',
      'resp',
      'responses',
    ]);
  });

  it('hides significance letters for row percents, whose bases are not columns', () => {
    expect(grid({ rows: 'use', cols: 'sex', percent: 'row' }).showLetters).toBe(false);
    expect(grid({ rows: 'use', cols: 'sex', percent: 'col' }).showLetters).toBe(true);
  });

  it('counts "chose all of" nets on a multi-answer question: x and y together, 2 of the 9 asked', () => {
    const g = grid({
      rows: 'apps',
      cols: null,
      rowNets: [
        { options: [0, 1], all: false },
        { options: [0, 1], all: true },
      ],
    });
    expect(g.rows.map((r) => [r.label, r.cells[0]?.countText])).toEqual([
      ['x', '5'],
      ['y', '5'],
      ['Net: x + y', '8'],
      ['All of: x & y', '2'],
    ]);
  });

  it('offers "number of answers chosen" for each multi-answer question, with its mean per column', () => {
    const ids = categoricalColumns(crosstabTable(table)).map((c) => c.id);
    expect(ids).toEqual(['use', 'sex', 'apps', 'answers:apps']);
    const g = grid({ rows: 'answers:apps', cols: 'sex' });
    // Sizes 1,2,1,–,1,0,1,2,1,1: the one who left apps missing is missing here too.
    expect(
      g.rows.map((r) => [r.label, r.total?.countText, ...r.cells.map((c) => c.countText)]),
    ).toEqual([
      ['0 answers', '1', '0', '1'],
      ['1 answer', '6', '5', '1'],
      ['2 answers', '2', '0', '2'],
    ]);
    expect(g.answerCountNote).toBe('Mean number of answers chosen: Total 1.11; M 1.00; F 1.25.');
    // And on the columns, like any question.
    expect(grid({ rows: 'use', cols: 'answers:apps' }).colLabels).toEqual([
      '0 answers',
      '1 answer',
      '2 answers',
    ]);
  });

  it('says under the table what a percent mode without letters or a Total column leaves out', () => {
    expect(grid({ rows: 'use', cols: 'sex' }).modeNote).toBeNull();
    expect(grid({ rows: 'use', cols: 'sex', percent: 'row' }).modeNote).toBe(
      'With Row %, no significance letters are shown (they compare column percents) and there is no Total column (it is a share of all respondents). Choose Column % to see them.',
    );
    expect(grid({ rows: 'use', cols: 'sex', percent: 'total', tests: false }).modeNote).toBe(
      'With Total %, there is no Total column (it is a share of all respondents). Choose Column % to see it.',
    );
  });

  it('lists likely weights first and says why the other numeric columns are probably not weights', () => {
    const t = respondents([
      numeric('respondent_id', [1, 2, 3]),
      numeric('age', [31, 45, 22]),
      numeric('score', [0.5, 1.5, 2.25]),
      numeric('weight', [0.8, 1.1, 1.1]),
      numeric('change', [-0.5, 1.5, 2.5]),
    ]);
    expect(weightChoices(t).map((w) => [w.label, w.likely])).toEqual([
      ['weight', true],
      ['respondent_id (whole numbers, like an id, an age or a count)', false],
      ['age (whole numbers, like an id, an age or a count)', false],
      ['score (not named like a weight)', false],
      ['change (zero or negative values)', false],
    ]);
  });
});
