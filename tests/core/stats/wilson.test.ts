// The Wilson score interval against R's prop.test(x, n, correct = FALSE)$conf.int
// (computed here with R's own formula in 40-digit arithmetic, mpmath), against
// an independent solution of the score test's quadratic, and textbook values.
import { describe, expect, it } from 'vitest';
import { marginOfError, wilsonInterval, wilsonPercent, Z_95 } from '../../../src/core/stats/wilson';
import { expectRelClose } from '../../support/numbers';

/**
 * Independent: the Wilson interval is every p with (p̂ − p)² ≤ z²·p(1 − p)/n, so
 * its ends are the roots of (1 + z²/n)p² − (2p̂ + z²/n)p + p̂² = 0.
 */
function quadraticRoots(pHat: number, n: number, z = Z_95): [number, number] {
  const a = 1 + (z * z) / n;
  const b = -(2 * pHat + (z * z) / n);
  const c = pHat * pHat;
  // b² − 4ac, expanded so that nothing cancels: (z²/n)·(4p̂(1 − p̂) + z²/n).
  const root = Math.sqrt(((z * z) / n) * (4 * pHat * (1 - pHat) + (z * z) / n));
  // The smaller root as c / (a · larger root) keeps its digits when it is tiny.
  const high = (-b + root) / (2 * a);
  const low = high === 0 ? 0 : c / (a * high);
  return [low, high];
}

describe('Wilson 95% interval', () => {
  it('uses z = qnorm(0.975) = 1.959963984540054', () => {
    expect(Z_95).toBe(1.959963984540054);
  });

  it('p̂ = 0.5, n = 100 gives the textbook [0.40383153, 0.59616847]', () => {
    const i = wilsonInterval(0.5, 100)!;
    expect(i.low).toBeCloseTo(0.40383153, 8);
    expect(i.high).toBeCloseTo(0.59616847, 8);
  });

  // R: prop.test(x, n, correct = FALSE)$conf.int, digits from R's formula at 40 digits.
  it.each([
    [50, 100, 0.4038315303659956, 0.5961684696340044],
    [12, 41, 0.17609187626113426, 0.4447946772299716],
    [0, 10, 0, 0.27753279986288926],
    [0, 20, 0, 0.16112515805281938],
    [20, 20, 0.8388748419471806, 1],
    [57, 93, 0.5113098270830408, 0.7055394465207608],
    [684, 1116, 0.5839850208350857, 0.6410468334645232],
    [1, 2, 0.09453120573423071, 0.9054687942657693],
    [7, 1500, 0.0022623540815072275, 0.009601568618619234],
  ])('%d of %d equals R to 1e-9', (x, n, low, high) => {
    const i = wilsonInterval(x / n, n)!;
    expectRelClose(i.low, low, 1e-9, 'low');
    expectRelClose(i.high, high, 1e-9, 'high');
  });

  it('matches the quadratic of the score test on a grid of p̂ and n', () => {
    for (const n of [1, 2, 7, 41, 100, 1116, 10_000, 1e6])
      for (let k = 0; k <= 20; k++) {
        const p = k / 20;
        const i = wilsonInterval(p, n)!;
        const [low, high] = quadraticRoots(p, n);
        expect(Math.abs(i.low - low), `low p=${p} n=${n}`).toBeLessThan(1e-12);
        expect(Math.abs(i.high - high), `high p=${p} n=${n}`).toBeLessThan(1e-12);
        expect(i.low <= p && p <= i.high).toBe(true);
      }
  });

  it('is exactly 0 or 1 at the near end for 0% and 100%', () => {
    expect(wilsonInterval(0, 37)!.low).toBe(0);
    expect(wilsonInterval(1, 37)!.high).toBe(1);
  });

  it('divides the base by the design effect: deff 2 with n = 200 is n = 100', () => {
    expect(wilsonInterval(0.5, 200, 2)).toEqual(wilsonInterval(0.5, 100));
    expect(wilsonPercent(61.29, 1116, 1.5)).toEqual(wilsonPercent(61.29, 744));
  });

  it('works in percent units', () => {
    const i = wilsonPercent(50, 100)!;
    expect(i.low).toBeCloseTo(40.383153036599566, 9);
    expect(i.high).toBeCloseTo(59.616846963400434, 9);
  });

  it('is null where undefined', () => {
    expect(wilsonInterval(0.5, 0)).toBeNull();
    expect(wilsonInterval(0.5, -5)).toBeNull();
    expect(wilsonInterval(1.2, 10)).toBeNull();
    expect(wilsonInterval(Number.NaN, 10)).toBeNull();
    expect(wilsonInterval(0.5, Infinity)).toBeNull();
    expect(wilsonInterval(0.5, 100, 0.8)).toBeNull();
    expect(wilsonPercent(104, 100)).toBeNull();
  });
});

describe('margin of error', () => {
  it('is the farther end from the printed percent: 50% of 100 is ±9.62 points', () => {
    expect(marginOfError(50, 100)).toBeCloseTo(9.616846963400437, 9);
    // Asymmetric away from 50%: 29% of 41 is 17.40–44.20%, 11.60 points down and 15.20 up.
    const i = wilsonPercent(29, 41)!;
    expect([i.low, i.high]).toEqual([expect.closeTo(17.3966, 4), expect.closeTo(44.2015, 4)]);
    expect(marginOfError(29, 41)).toBeCloseTo(i.high - 29, 12);
  });

  it('never grows with the base, so the smallest consistent base gives the most it can be', () => {
    for (let k = 0; k <= 100; k += 5) {
      let previous = Infinity;
      for (let n = 1; n <= 2000; n++) {
        const m = marginOfError(k, n)!;
        expect(m, `${k}% of ${n}`).toBeLessThanOrEqual(previous + 1e-12);
        previous = m;
      }
    }
  });
});
