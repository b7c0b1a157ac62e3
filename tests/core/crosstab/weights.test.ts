// Weights that cannot be used are never used silently: respondents whose weight
// is missing, zero, negative, infinite or absurdly large are left out of
// weighted figures, counted, and named; every statistic stays a finite number.
import { describe, expect, it } from 'vitest';
import { crosstab } from '../../../src/core/crosstab/crosstab';
import { distribution } from '../../../src/core/crosstab/distribution';
import { loadSurveyFile } from '../../../src/core/pipeline';
import type { RespondentTable } from '../../../src/core/table/types';

function load(csv: string): RespondentTable {
  const r = loadSurveyFile(new TextEncoder().encode(csv), { file: 'w.csv', weightId: 'w' });
  if (!r.ok || r.value.kind !== 'respondents') throw new Error(JSON.stringify(r));
  return r.value.table;
}

const rows = (weights: string[]) =>
  `id,g,q,w\n${weights.map((w, i) => `${101 + i},${i % 2 ? 'M' : 'F'},${i % 3 ? 'yes' : 'no'},${w}`).join('\n')}\n`;

describe('weights that cannot be used', () => {
  it.each([
    ['1e308', 'absurdly large'],
    ['-2', 'negative'],
    ['0', 'zero'],
  ])('leaves out a respondent weighted %s (%s), names them, and keeps chi-square finite', (bad) => {
    const table = load(rows(['1.5', '0.5', bad, '1', '1.25', '0.75', '1', '1']));
    const x = crosstab(table, { rows: { questionId: 'q' }, cols: { questionId: 'g' } });
    if (!x.ok) throw new Error(x.error.message);
    expect(x.value.missing.weight).toBe(1);
    expect(x.value.warnings).toContain(
      '1 respondent is left out because the weight "w" is missing, zero, negative or absurdly large (respondent 103).',
    );
    // The 7 usable weights sum to 7.0: 1.5 + 0.5 + 1 + 1.25 + 0.75 + 1 + 1.
    expect(x.value.total).toBeCloseTo(7, 12);
    expect(Number.isFinite(x.value.chiSquare?.statistic)).toBe(true);
    expect(Number.isFinite(x.value.chiSquare?.p)).toBe(true);
    for (const row of x.value.colPercents)
      for (const v of row) expect(Number.isFinite(v)).toBe(true);
  });

  it('names the respondents the weight leaves out among those a filter keeps, table after table', () => {
    // Respondents 103 (g = F) and 106 (g = M) have unusable weights; the filter keeps g = M.
    const table = load(rows(['1.5', '0.5', '0', '1', '1.25', '-1', '1', '1']));
    for (let k = 0; k < 2; k++) {
      const x = crosstab(table, {
        rows: { questionId: 'q' },
        cols: null,
        filter: [{ questionId: 'g', options: [1] }],
      });
      if (!x.ok) throw new Error(x.error.message);
      expect(x.value.missing).toMatchObject({ weight: 1, filteredOut: 4 });
      expect(x.value.warnings).toContain(
        '1 respondent is left out because the weight "w" is missing, zero, negative or absurdly large (respondent 106).',
      );
      // Respondents 102, 104, 108 (M, usable): 0.5 + 1 + 1.
      expect(x.value.total).toBeCloseTo(2.5, 12);
    }
  });

  it('keeps a filter as it was after a weighted table: the unweighted one counts the badly weighted too', () => {
    // M respondents: 102, 104, 106 (weight -1), 108; F: 101, 103 (weight 0), 105, 107.
    const table = load(rows(['1.5', '0.5', '0', '1', '1.25', '-1', '1', '1']));
    const filtered = (options: number[], weightId: string | null) => {
      const x = crosstab(table, {
        rows: { questionId: 'q' },
        cols: null,
        weightId,
        filter: [{ questionId: 'g', options }],
      });
      if (!x.ok) throw new Error(x.error.message);
      return x.value;
    };
    expect(filtered([1], 'w').unweightedTotal).toBe(3);
    expect(filtered([1], null).unweightedTotal).toBe(4);
    expect(filtered([0], 'w').unweightedTotal).toBe(3);
    expect(filtered([0], null).unweightedTotal).toBe(4);
    expect(filtered([0, 1], null).unweightedTotal).toBe(8);
    expect(filtered([1], null).missing.filteredOut).toBe(4);
  });

  it('refuses a weight column holding text such as "Infinity", saying why', () => {
    const r = loadSurveyFile(new TextEncoder().encode(rows(['1', 'Infinity', '1', '1'])), {
      file: 'w.csv',
      weightId: 'w',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('schema-weight-not-numeric');
  });

  it('gives the distribution of the usable weights: yes = (0.5 + 1.25 + 0.75 + 1) / 7 = 50%', () => {
    const table = load(rows(['1.5', '0.5', '1e308', '1', '1.25', '0.75', '1', '1']));
    const d = distribution(table, 'q');
    if (!d.ok) throw new Error(d.error.message);
    // Respondents 101..108 answer no, yes, yes(left out), no, yes, yes, no, yes.
    expect(d.value.labels).toEqual(['no', 'yes']);
    expect(d.value.percents[1]).toBeCloseTo((100 * (0.5 + 1.25 + 0.75 + 1)) / 7, 12);
    expect(d.value.base).toMatchObject({ unweighted: 7, weighted: 7 });
  });
});
