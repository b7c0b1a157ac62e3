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
    expect(decideKind(declared, totals(total, 0.02))).toEqual({
      kind: declared,
      inferred: false,
      ambiguous: false,
    });
  });

  it.each<[number | null, number, QuestionKind, boolean]>([
    [206.05, 0.03, 'multi', false],
    [100.03, 0.02, 'multi', true],
    [100.02, 0.02, 'single', false],
    [102, 2, 'single', false],
    [103, 2, 'multi', true],
    [108, 2, 'multi', true],
    [119.99, 0.02, 'multi', true],
    [120, 0.02, 'multi', false],
    [92.97, 0.005, 'single', false],
    [null, 0, 'single', false],
  ])(
    'infers from a total of %s (±%s) that the question is %s (ambiguous: %s)',
    (total, tolerance, kind, ambiguous) => {
      expect(decideKind(null, totals(total, tolerance))).toEqual({
        kind,
        inferred: true,
        ambiguous,
      });
    },
  );
});
