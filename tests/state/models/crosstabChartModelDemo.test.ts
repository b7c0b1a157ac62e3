// The crosstab chart of the weighted demo: its base note gives the same Kish
// effective bases as the crosstab table's "Effective base" row (and R).
import { describe, expect, it } from 'vitest';
import { crosstabChartNotes } from '../../../src/charts/crosstabChart';
import { buildCrosstabGrid } from '../../../src/state/models/crosstabModel';
import { crosstabChartModel } from '../../../src/state/models/crosstabChartModel';
import { DEFAULT_CROSSTAB } from '../../../src/state/url/view';
import { loadWeightedDemo } from '../../support/pipeline';

const table = loadWeightedDemo();
const FREQUENCY = 'How often do you use WeChat?';
/** Without the bidi isolates labels are wrapped in (core/format/bidi). */
const plain = (text: string) => text.replace(/[\u2066-\u2069]/g, '');

function chart(weight: string | null | undefined) {
  const built = buildCrosstabGrid(table, {
    ...DEFAULT_CROSSTAB,
    rows: FREQUENCY,
    cols: 'age_group',
    weight,
  });
  if (!built?.ok) throw new Error(built ? built.error.message : 'no spec');
  return {
    grid: built.value,
    model: crosstabChartModel(built.value, {
      rowsText: FREQUENCY,
      colsText: 'age_group',
      filter: null,
      weight: null,
    }),
  };
}

describe('the weighted demo crosstab chart', () => {
  it('has the Kish effective bases R gives: 1,112.2 in all, 389.0 / 431.9 / 253.4 / 87.9 by age group', () => {
    const { model } = chart(undefined);
    // R: (sum(w))^2 / sum(w^2) over the CSV's weight, per age_group (tests/e2e/crosstab.test.ts).
    expect(model.bases.map((b) => Number(b.effective?.toFixed(2)))).toEqual([
      1112.18, 388.99, 431.94, 253.38, 87.86,
    ]);
    expect(model.bases.map((b) => b.unweighted)).toEqual([1500, 503, 562, 322, 113]);
  });

  it('gives the same effective bases as the crosstab table’s "Effective base" row', () => {
    const { grid, model } = chart(undefined);
    const b = grid.baseRow;
    expect(model.bases.map((x) => x.effective)).toEqual([
      grid.result.effectiveTotal,
      ...grid.result.effectiveBases,
    ]);
    expect([b.totalEffective, ...b.effective]).toEqual([
      '1,112.2',
      '389.0',
      '431.9',
      '253.4',
      '87.9',
    ]);
  });

  it('says so in the chart’s base note: unweighted / weighted / effective per column', () => {
    const notes = crosstabChartNotes(chart(undefined).model).map(plain);
    expect(notes[0]).toBe(
      'Base (respondents per column, unweighted / weighted / effective): ' +
        'Total 1,500 / 1,500.0 / 1,112.2; 18-24 (A) 503 / 450.0 / 389.0; ' +
        '25-30 (B) 562 / 480.0 / 431.9; 31-40 (C) 322 / 390.0 / 253.4; 41+ (D) 113 / 180.0 / 87.9',
    );
  });

  it('has no effective bases, and says none, when the weight is turned off', () => {
    const { model } = chart(null);
    expect(model.bases.map((b) => b.effective)).toEqual([null, null, null, null, null]);
    expect(plain(crosstabChartNotes(model)[0] ?? '')).toBe(
      'Base (respondents per column): Total 1,500; 18-24 (A) 503; 25-30 (B) 562; 31-40 (C) 322; 41+ (D) 113',
    );
  });
});
