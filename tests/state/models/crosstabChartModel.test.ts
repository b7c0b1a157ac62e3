import { describe, expect, it } from 'vitest';
import { tabs } from '../../../src/core/tabs/tabs';
import { buildCrosstabGrid } from '../../../src/state/models/crosstabModel';
import { crosstabChartModel, tabChartModel } from '../../../src/state/models/crosstabChartModel';
import { DEFAULT_CROSSTAB, type CrosstabView } from '../../../src/state/url/view';
import { multi, numeric, respondents, single, unwrap } from '../../support/respondents';

// Ten respondents: use (a/b/c) by sex (M/F), a multi-answer "apps" (respondent 4 did
// not answer it; respondent 6 answered and chose none), and a weight.
const table = respondents([
  single('use', ['a', 'a', 'b', 'c', 'a', 'b', 'b', 'c', 'a', 'a']),
  single('sex', ['M', 'F', 'M', 'F', 'M', 'F', 'M', 'F', 'M', 'F']),
  multi('apps', [['x'], ['x', 'y'], ['y'], null, ['x'], [], ['y'], ['x', 'y'], ['x'], ['y']]),
  numeric('w', [1, 1, 1, 1, 1, 3, 1, 1, 1, 1]),
]);

function grid(view: Partial<CrosstabView>) {
  const built = buildCrosstabGrid(table, { ...DEFAULT_CROSSTAB, ...view });
  if (!built?.ok) throw new Error(built ? built.error.message : 'no spec');
  return built.value;
}

const context = { rowsText: 'use', colsText: 'sex', filter: null, weight: null };
const texts = (m: ReturnType<typeof crosstabChartModel>) =>
  m.groups.map((g) => [g.label, ...g.bars.map((b) => b.text)]);

describe('the crosstab chart model', () => {
  it('has one bar per column, Total first: a is 5 of 10 (50.0%), 3 of 5 men (60.0%), 2 of 5 women (40.0%)', () => {
    const m = crosstabChartModel(grid({ rows: 'use', cols: 'sex' }), context);
    expect(m.series).toEqual([
      { label: 'Total', letter: null, total: true },
      { label: 'M', letter: 'A', total: false },
      { label: 'F', letter: 'B', total: false },
    ]);
    expect(texts(m)).toEqual([
      ['a', '50.0%', '60.0%', '40.0%'],
      ['b', '30.0%', '40.0%', '20.0%'],
      ['c', '20.0%', '0.0%', '40.0%'],
    ]);
    expect(m.groups[0]?.bars.map((b) => b.value)).toEqual([50, 60, 40]);
    expect(m.bases.map((b) => b.unweighted)).toEqual([10, 5, 5]);
    expect(m.bases.map((b) => [b.weighted, b.small])).toEqual([
      [null, false],
      [null, true],
      [null, true],
    ]);
    expect(m.bases.map((b) => b.effective)).toEqual([null, null, null]);
    expect(m.multi).toBeNull();
    expect(m.letters).toEqual({ level: 0.95, lowerLevel: null, rest: false });
    expect(m.tableShows).toBeNull();
  });

  it('draws the same figures as the table shows with column percents, in the table’s sorted order', () => {
    const g = grid({ rows: 'use', cols: 'sex', sort: { col: 1, desc: true } });
    const m = crosstabChartModel(g, context);
    expect(m.groups.map((x) => x.label)).toEqual(['a', 'c', 'b']);
    expect(texts(m)).toEqual(
      g.rows.map((r) => [r.label, r.total?.percentText, ...r.cells.map((c) => c.percentText)]),
    );
  });

  it('keeps multi-answer percents per column, adding to more than 100%: y is 3 of the 4 women asked (75.0%)', () => {
    const m = crosstabChartModel(grid({ rows: 'apps', cols: 'sex' }), {
      ...context,
      rowsText: 'apps',
    });
    // Total: 9 asked (respondent 4 did not answer), x 5 of 9, y 5 of 9.
    expect(texts(m)).toEqual([
      ['x', '55.6%', '60.0%', '50.0%'],
      ['y', '55.6%', '40.0%', '75.0%'],
    ]);
    expect(m.bases.map((b) => b.unweighted)).toEqual([9, 5, 4]);
    // Women: 50.0 + 75.0 = 125.0 > 100.
    expect(m.multi).toBe('over-100');
  });

  it('says a multi-answer question need not add to 100% when no column goes over', () => {
    const m = crosstabChartModel(
      grid({ rows: 'apps', cols: 'use', filters: [{ question: 'sex', options: [0] }] }),
      { ...context, rowsText: 'apps', colsText: 'use' },
    );
    // Men chose one app each: every column adds to exactly 100%.
    expect(m.multi).toBe('not-over-100');
  });

  it('draws column percents, and says so, when the table shows row percents', () => {
    const g = grid({ rows: 'use', cols: 'sex', percent: 'row' });
    const m = crosstabChartModel(g, context);
    expect(texts(m)[0]).toEqual(['a', '50.0%', '60.0%', '40.0%']);
    expect(m.tableShows).toBe('Row %');
  });

  it('has a single Total series and no letters in a one-way table', () => {
    const m = crosstabChartModel(grid({ rows: 'use', cols: null }), context);
    expect(m.series).toEqual([{ label: 'Total', letter: null, total: true }]);
    expect(texts(m)).toEqual([
      ['a', '50.0%'],
      ['b', '30.0%'],
      ['c', '20.0%'],
    ]);
    expect(m.colsText).toBeNull();
    expect(m.letters).toBeNull();
  });

  it('has no letters when the tests are off, and weighted bases when weighted', () => {
    const m = crosstabChartModel(grid({ rows: 'use', cols: 'sex', tests: false, weight: 'w' }), {
      ...context,
      weight: 'Weight (w)',
    });
    expect(m.series.map((s) => s.letter)).toEqual([null, null, null]);
    expect(m.letters).toBeNull();
    expect(m.weight).toBe('Weight (w)');
    // Respondent 6 (F, b) weighs 3: women weigh 7, everyone 12; b is 3 + 1 + 1 of 12.
    expect(m.bases.map((b) => [b.unweighted, b.weighted])).toEqual([
      [10, 12],
      [5, 5],
      [5, 7],
    ]);
    // Kish (Σw)²/Σw²: everyone 12² / 18 = 8, men 5² / 5 = 5, women 7² / 13 = 3.769….
    expect(m.bases.map((b) => b.effective)).toEqual([8, 5, 49 / 13]);
    expect(texts(m)[1]).toEqual(['b', '41.7%', '40.0%', '42.9%']);
  });

  it('shows a column without respondents as "–" with no bar, never NaN', () => {
    const m = crosstabChartModel(
      grid({ rows: 'use', cols: 'sex', filters: [{ question: 'sex', options: [0] }] }),
      context,
    );
    expect(m.groups[0]?.bars[2]).toEqual({ value: null, text: '–', letters: '' });
  });
});

describe('the chart of a tab-book table', () => {
  it('has Total and the banner columns with the book’s letters and bases', () => {
    const book = unwrap(tabs(table, { banner: ['sex'], rows: ['apps', 'w'] }));
    const apps = book.tables.find((t) => t.question.id === 'apps');
    if (!apps) throw new Error('no apps table');
    const m = tabChartModel(book, apps);
    expect(m?.series).toEqual([
      { label: 'Total', letter: null, total: true },
      { label: 'M', letter: 'A', total: false },
      { label: 'F', letter: 'B', total: false },
    ]);
    // The same figures as the crosstab of apps by sex.
    expect(m?.groups.map((g) => [g.label, ...g.bars.map((b) => b.text)])).toEqual([
      ['x', '55.6%', '60.0%', '50.0%'],
      ['y', '55.6%', '40.0%', '75.0%'],
    ]);
    expect(m?.bases.map((b) => b.unweighted)).toEqual([9, 5, 4]);
    expect(m?.colsText).toBe('sex');
    expect(m?.multi).toBe('over-100');
    expect(m?.letters).toEqual({ level: 0.95, lowerLevel: null, rest: false });
  });

  it('has effective bases when weighted, and no chart for a numeric question', () => {
    const book = unwrap(tabs(table, { banner: ['sex'], rows: ['use', 'w'], weightId: 'w' }));
    const [use, w] = book.tables;
    if (!use || !w) throw new Error('two tables expected');
    const m = tabChartModel(book, use);
    // Women: weights 1, 1, 3, 1, 1: Σw = 7, Σw² = 13, effective 49/13 = 3.769…
    const women = m?.bases[2];
    expect(women?.unweighted).toBe(5);
    expect(women?.weighted).toBe(7);
    expect(women?.effective).toBeCloseTo(49 / 13, 12);
    expect(m?.weight).toBe('w');
    expect(tabChartModel(book, w)).toBeNull();
  });
});
