// A domain assertion for crosstab results (in the spirit of Arquero's
// tableEqual): expectCrosstab(x).toHaveLabels([..], [..]).toHaveCounts([[..]]).
import { expect } from 'vitest';
import type { Crosstab } from '../../src/core/crosstab/types';
import type { Result } from '../../src/core/result';
import { unwrap } from './respondents';

const closeMatrix = (actual: number[][], expected: number[][], digits: number) => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, r) => {
    expect(row.length).toBe(expected[r]!.length);
    row.forEach((v, c) => {
      const e = expected[r]![c]!;
      if (Number.isNaN(e)) expect(v, `cell [${r}][${c}]`).toBeNaN();
      else expect(v, `cell [${r}][${c}]`).toBeCloseTo(e, digits);
    });
  });
};

/** Domain assertions on a crosstab: expectCrosstab(x).toHaveCounts([[..],[..]]). */
export function expectCrosstab(result: Result<Crosstab> | Crosstab) {
  const x = 'ok' in result ? unwrap(result) : result;
  const api = {
    value: x,
    toHaveLabels(rows: string[], cols: string[]) {
      expect(x.rows.labels).toEqual(rows);
      expect(x.cols.labels).toEqual(cols);
      return api;
    },
    toHaveCounts(expected: number[][], digits = 9) {
      closeMatrix(x.counts, expected, digits);
      return api;
    },
    toHaveUnweightedCounts(expected: number[][]) {
      expect(x.unweightedCounts).toEqual(expected);
      return api;
    },
    toHaveBases(bases: { rows?: number[]; cols?: number[]; total?: number }) {
      if (bases.rows) closeMatrix([x.rowBases], [bases.rows], 9);
      if (bases.cols) closeMatrix([x.colBases], [bases.cols], 9);
      if (bases.total !== undefined) expect(x.total).toBeCloseTo(bases.total, 9);
      return api;
    },
    toHaveColPercents(expected: number[][], digits = 6) {
      closeMatrix(x.colPercents, expected, digits);
      return api;
    },
    toHaveRowPercents(expected: number[][], digits = 6) {
      closeMatrix(x.rowPercents, expected, digits);
      return api;
    },
    toHaveMissing(missing: Partial<Crosstab['missing']>) {
      expect(x.missing).toMatchObject(missing);
      return api;
    },
  };
  return api;
}
