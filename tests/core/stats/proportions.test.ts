import { describe, expect, it } from 'vitest';
import { columnLetter, twoProportionZ } from '../../../src/core/stats/proportions';
import { expectRelClose } from '../../support/numbers';

describe('pooled two-proportion z-test', () => {
  it('equals R prop.test(c(50, 36), c(100, 100), correct = FALSE): p = 0.045544342649357', () => {
    expectRelClose(twoProportionZ(0.5, 100, 0.36, 100)!.p, 0.045544342649357007, 1e-9, 'p');
  });

  it('keeps precision in the far tail: 75% vs 25% of 400 each', () => {
    // z = 0.5 / sqrt(0.25 * 2 / 400) = 14.142..., R: 2 * pnorm(-sqrt(200)) = 2.1e-45
    const p = twoProportionZ(0.75, 400, 0.25, 400)!.p;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-44);
  });

  it.each([
    [0, 10, 0, 10],
    [1, 10, 1, 10],
    [0.5, 0, 0.5, 10],
  ])('is null when undefined (p1 %d n1 %d p2 %d n2 %d)', (p1, n1, p2, n2) => {
    expect(twoProportionZ(p1, n1, p2, n2)).toBeNull();
  });
});

describe('column letters', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
  ])('column %d is lettered %s', (i, letter) => {
    expect(columnLetter(i)).toBe(letter);
  });
});
