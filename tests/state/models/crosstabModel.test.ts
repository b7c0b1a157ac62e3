import { describe, expect, it } from 'vitest';
import { buildCrosstabGrid } from '../../../src/state/models/crosstabModel';
import { DEFAULT_CROSSTAB, type CrosstabView } from '../../../src/state/url/view';
import { multi, respondents, single } from '../../support/respondents';

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
    const g = grid({ rows: 'use', cols: 'sex', sort: { col: 1, desc: true }, rowNets: [[0, 1]] });
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
});
