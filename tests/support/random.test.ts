import { describe, expect, it } from 'vitest';
import { mulberry32, picker } from './random';

// The first numbers of each seed, as 32-bit integers (x * 2^32). Pinned because
// the bundled demo survey, the benchmark files and seeded tests depend on them.
describe('mulberry32', () => {
  it.each([
    [42, [2581720956, 1925393290, 3661312704]],
    [20240601, [1518016969, 121048372, 2959089956]],
    [20130620, [2892805191, 606992562, 3922364575]],
  ])('seed %i starts %j', (seed, expected) => {
    const rand = mulberry32(seed);
    expect([rand(), rand(), rand()].map((x) => x * 2 ** 32)).toEqual(expected);
  });

  it('gives the same numbers for the same seed, taken modulo 2^32', () => {
    const [a, b, c] = [mulberry32(-1), mulberry32(2 ** 32 - 1), mulberry32(7)];
    const take = (r: () => number) => Array.from({ length: 5 }, r);
    expect(take(a)).toEqual(take(b));
    expect(take(c)).not.toEqual(take(mulberry32(8)));
  });

  it('stays in [0, 1)', () => {
    const rand = mulberry32(1);
    const xs = Array.from({ length: 10_000 }, rand);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});

describe('picker', () => {
  it('picks each element of a list with the generator', () => {
    const pick = picker(mulberry32(42));
    // 2581720956 / 2^32 = 0.601... of 5 -> index 3, then 0.448... -> 2, 0.852... -> 4.
    expect([
      pick(['a', 'b', 'c', 'd', 'e']),
      pick([0, 1, 2, 3, 4]),
      pick('vwxyz'.split('')),
    ]).toEqual(['d', 2, 'z']);
  });

  it('refuses an empty list', () => {
    expect(() => picker(mulberry32(1))([])).toThrow('cannot pick from an empty list');
  });
});
