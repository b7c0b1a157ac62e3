import { describe, expect, it } from 'vitest';
import { chiSquareUpperTail, pearsonChiSquare } from '../../../src/core/stats/chisquare';
import { expectRelClose } from '../../support/numbers';

describe('chi-square upper tail', () => {
  // Reference values: R 4.2.2, pchisq(x, df, lower.tail = FALSE).
  it.each([
    [0.5, 1, 0.47950012218695348],
    [3.84, 1, 0.050043521248705224],
    [10, 3, 0.018566135463043233],
    [15, 20, 0.7764076130197145],
    [0.001, 5, 0.99999999831851227],
    [100, 4, 9.8366242246159821e-21],
    [754.66, 42, 1.993193546002604e-131],
  ])('P(X >= %d | df = %d) = %d, to 1e-9 relative even far in the tail', (x, df, p) => {
    expectRelClose(chiSquareUpperTail(x, df), p, 1e-9, `pchisq(${x}, ${df})`);
  });

  it.each([
    [0, 3, 1],
    [2000, 7, 0],
    [Infinity, 2, 0],
  ])('is %d at x = %d on %d df', (x, df, p) => {
    expect(chiSquareUpperTail(x, df)).toBe(p);
  });
});

describe('Pearson chi-square of a table', () => {
  it('matches the hand computation for a 3 × 2 table: 0.225 on 2 df', () => {
    const chi = pearsonChiSquare([
      [2, 2],
      [2, 1],
      [1, 1],
    ])!;
    expect(chi.statistic).toBeCloseTo(0.225, 14);
    expect(chi.df).toBe(2);
    expect(chi.p).toBeCloseTo(Math.exp(-0.1125), 14);
    expect(chi.expectedBelow5).toBe(6);
  });

  it('drops empty rows and columns before counting degrees of freedom', () => {
    const chi = pearsonChiSquare([
      [10, 0, 20],
      [0, 0, 0],
      [30, 0, 5],
    ])!;
    expect(chi.df).toBe(1);
    expect(chi.cells).toBe(4);
  });

  it.each([
    [[[5, 6]]],
    [[[5], [6]]],
    [
      [
        [0, 0],
        [0, 7],
      ],
    ],
  ])('is null when fewer than two rows or columns have counts: %j', (counts) => {
    expect(pearsonChiSquare(counts)).toBeNull();
  });
});
