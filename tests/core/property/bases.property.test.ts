// Bases from rounding on random counts: figures made from k of n respondents,
// rounded to 0, 1 or 2 decimals (half up, half to even, or by toFixed as a
// spreadsheet would), always fit n; and on random printed figures the engine
// agrees with exact fractions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitsBase, inferBases } from '../../../src/core/published/bases';
import { parsePercentText } from '../../../src/core/published/percent';
import type { PublishedPercent } from '../../../src/core/published/types';

type Rounding = 'half-up' | 'half-even' | 'toFixed';

/** 100·k/n rounded to `d` decimals, as printed text, in exact integer arithmetic (or toFixed). */
function printed(k: number, n: number, d: number, rounding: Rounding): string {
  if (rounding === 'toFixed') return `${((100 * k) / n).toFixed(d)}%`;
  // units = 100·k·10^d / n, rounded: q remainder r.
  const num = 100n * BigInt(k) * 10n ** BigInt(d);
  const den = BigInt(n);
  let units = num / den;
  const twice = 2n * (num % den);
  if (twice > den || (twice === den && (rounding === 'half-up' || units % 2n === 1n))) units++;
  const s = units.toString().padStart(d + 1, '0');
  return `${d === 0 ? s : `${s.slice(0, -d)}.${s.slice(-d)}`}%`;
}

const percent = (text: string): PublishedPercent => {
  const p = parsePercentText(text);
  if (p === null || p === undefined) throw new Error(text);
  return p;
};

/** A base n, 1–6 counts k ≤ n, and how each figure was rounded. */
const madeFromN = fc.integer({ min: 1, max: 10_000 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    figures: fc.array(
      fc.record({
        k: fc.integer({ min: 0, max: n }),
        d: fc.constantFrom(0, 1, 2),
        rounding: fc.constantFrom<Rounding>('half-up', 'half-even', 'toFixed'),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  }),
);

/** Reference: some whole k in 0..n lies in [n(2U − 1), n(2U + 1)] / (200·10^d), exactly. */
function refFits(p: PublishedPercent, n: number): boolean {
  const units = BigInt(Math.round(p.value * 10 ** p.decimals));
  const den = 200n * 10n ** BigInt(p.decimals);
  const N = BigInt(n);
  const floorDiv = (a: bigint, b: bigint) => (a >= 0n ? a / b : -((-a + b - 1n) / b));
  const lo = -floorDiv(-N * (2n * units - 1n), den);
  const hi = floorDiv(N * (2n * units + 1n), den);
  return (lo > 0n ? lo : 0n) <= (hi < N ? hi : N);
}

describe('bases from rounding on random counts', () => {
  it('the n that produced the figures is always among their bases', () => {
    fc.assert(
      fc.property(madeFromN, ({ n, figures }) => {
        const ps = figures.map((f) => percent(printed(f.k, n, f.d, f.rounding)));
        expect(fitsBase(ps, n)).toBe(true);
        const b = inferBases(ps);
        expect(b.smallest).not.toBeNull();
        expect(b.smallest!).toBeLessThanOrEqual(n);
        expect(b.count).toBeGreaterThanOrEqual(1);
        // The list is the first ten bases: n is in it when it is not beyond the last listed.
        const last = b.candidates[b.candidates.length - 1]!;
        if (b.candidates.length < 10 || n <= last) expect(b.candidates).toContain(n);
        // Every listed base fits, in ascending order.
        for (const c of b.candidates) expect(fitsBase(ps, c)).toBe(true);
        expect([...b.candidates].sort((x, y) => x - y)).toEqual(b.candidates);
      }),
      { seed: 7101, numRuns: 300 },
    );
  });

  it('nothing below the smallest base fits', () => {
    fc.assert(
      fc.property(
        madeFromN.filter(({ n }) => n <= 2000),
        ({ n, figures }) => {
          const ps = figures.map((f) => percent(printed(f.k, n, f.d, f.rounding)));
          const b = inferBases(ps);
          for (let m = 1; m < b.smallest!; m++) expect(fitsBase(ps, m)).toBe(false);
        },
      ),
      { seed: 7102, numRuns: 100 },
    );
  });

  it('agrees with exact fractions on random printed figures and bases', () => {
    const figure = fc
      .record({
        units: fc.integer({ min: -200, max: 12_000 }),
        d: fc.constantFrom(0, 1, 2, 3),
      })
      .map(({ units, d }) => {
        const s = Math.abs(units)
          .toString()
          .padStart(d + 1, '0');
        const body = d === 0 ? s : `${s.slice(0, -d)}.${s.slice(-d)}`;
        return percent(`${units < 0 ? '-' : ''}${body}%`);
      });
    fc.assert(
      fc.property(figure, fc.integer({ min: 1, max: 50_000 }), (p, n) => {
        expect(fitsBase([p], n)).toBe(refFits(p, n));
      }),
      { seed: 7103, numRuns: 5000 },
    );
  });
});
