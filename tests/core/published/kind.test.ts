import { describe, expect, it } from 'vitest';
import { decideKind } from '../../../src/core/published/kind';
import type { Totals } from '../../../src/core/published/tolerance';
import type { QuestionKind } from '../../../src/core/published/types';

const totals = (total: number | null, tolerance: number): Totals => ({
  total,
  decimals: 2,
  numbered: 4,
  lowerBound: false,
  tolerance,
});

describe('decideKind', () => {
  it.each<[QuestionKind, number | null]>([
    ['single', 206.05],
    ['multi', 40],
    ['numeric', null],
    ['text', 100],
  ])('keeps the declared kind %s whatever the total (%s)', (declared, total) => {
    expect(decideKind(declared, totals(total, 0.02))).toEqual({ kind: declared, inferred: false });
  });

  it.each<[number | null, number, QuestionKind]>([
    [206.05, 0.03, 'multi'],
    [100.03, 0.02, 'multi'],
    [100.02, 0.02, 'single'],
    [102, 2, 'single'],
    [103, 2, 'multi'],
    [92.97, 0.005, 'single'],
    [null, 0, 'single'],
  ])('infers from a total of %s (±%s) that the question is %s', (total, tolerance, kind) => {
    expect(decideKind(null, totals(total, tolerance))).toEqual({ kind, inferred: true });
  });
});
