// Comparing computed numbers with reference values (R, SciPy, SPSS) that are
// given to more digits than toBeCloseTo's absolute precision suits.
import { expect } from 'vitest';

/** |actual - expected| <= tol * max(1, |expected|): relative, with an absolute floor near 0. */
export function expectRelClose(actual: number, expected: number, tol = 1e-9, what = '') {
  const scale = Math.max(Math.abs(expected), 1e-300);
  const ok =
    (Number.isNaN(actual) && Number.isNaN(expected)) ||
    Math.abs(actual - expected) <= tol * Math.max(scale, expected === 0 ? 1 : scale);
  expect(ok, `${what}: ${actual} vs ${expected}`).toBe(true);
}
