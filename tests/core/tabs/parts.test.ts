// The parts of a tab book, each on a hand example: corrections, Welch's test,
// effective bases, weighted moments, ordered scales and bands.
import { describe, expect, it } from 'vitest';
import { adjustPValues } from '../../../src/core/tabs/adjust';
import { band } from '../../../src/core/tabs/band';
import { allSquares, kish, missingSquares, squaresKept } from '../../../src/core/tabs/effective';
import { buildFrame } from '../../../src/core/tabs/frame';
import { TOTAL_AXIS, resolveAxis } from '../../../src/core/crosstab/axis';
import { welch } from '../../../src/core/tabs/letters';
import { restMoments, valueMoments, variance } from '../../../src/core/tabs/moments';
import { orderedScale } from '../../../src/core/tabs/scale';
import { expectRelClose } from '../../support/numbers';
import { numeric, respondents, single, unwrap } from '../../support/respondents';
import { mulberry32 } from '../../support/random';

describe('corrections over one row of a group', () => {
  const p = [0.01, 0.04, 0.03, 0.005, 0.2];

  it('Benjamini–Hochberg: p(i)·m/i from the largest down, as R p.adjust(p, "BH") gives', () => {
    // Sorted 0.005, 0.01, 0.03, 0.04, 0.2 → ×5/1, ×5/2, ×5/3, ×5/4, ×5/5 = 0.025, 0.025, 0.05, 0.05, 0.2.
    const bh = adjustPValues(p, 'bh');
    [0.025, 0.05, 0.05, 0.025, 0.2].forEach((e, k) => expectRelClose(bh[k]!, e, 1e-15));
    // At 95% only the two smallest stay significant: 0.03 becomes 0.05, not below 0.05.
    expect(bh.map((x) => x < 0.05)).toEqual([true, false, false, true, false]);
  });

  it('Bonferroni: m·p, at most 1', () => {
    expect(adjustPValues(p, 'bonferroni')).toEqual([0.05, 0.2, 0.15, 0.025, 1]);
  });

  it('none leaves p as it is; one test has nothing to correct; NaN does not count', () => {
    expect(adjustPValues(p, 'none')).toEqual(p);
    expect(adjustPValues([0.03], 'bh')).toEqual([0.03]);
    expect(adjustPValues([0.02, NaN, 0.04], 'bonferroni')).toEqual([0.04, NaN, 0.08]);
  });
});

describe("Welch's t-test", () => {
  it("is R's t.test(c(1,2,3,4,5), c(2,4,6,8,10)): t = −1.897, df = 5.882, p = 0.10753119493062718", () => {
    const r = welch({ mean: 3, variance: 2.5, n: 5 }, { mean: 6, variance: 10, n: 5 });
    expectRelClose(r.p, 0.10753119493062718, 1e-12);
    expect(r.diff).toBe(-3);
  });

  it('is undefined (p = 1) when neither column varies', () => {
    expect(welch({ mean: 1, variance: 0, n: 3 }, { mean: 2, variance: 0, n: 3 }).p).toBe(1);
  });
});

describe('weighted moments', () => {
  // x = 3, 1, 4, 1, 5 with weights 1, 2, 1, 1, 3.
  const t = respondents([
    numeric('x', [3, 1, 4, 1, 5]),
    numeric('w', [1, 2, 1, 1, 3]),
    single('g', ['a', 'a', 'b', 'b', 'b']),
  ]);
  const frame = unwrap(buildFrame(t, 'w', [], [TOTAL_AXIS]));
  const [m] = valueMoments(frame, (t.columns[0] as { values: Float64Array }).values);

  it('mean Σwx/Σw = 25/8, frequency-weighted SD √(Σw(x−x̄)²/(Σw−1)) as R computes it', () => {
    expect(m!.mean).toBe(3.125);
    expectRelClose(Math.sqrt(variance(m!)), 1.8850918886280925, 1e-14);
  });

  it('median: sorted 1, 1, 3, 4, 5 with cumulative weights 2, 3, 4, 5, 8 first reach half of 8 at 3', () => {
    expect(m!.median).toBe(3);
  });

  it("Kish's effective base (Σw)²/Σw² = 64/16 = 4", () => {
    expect(kish(m!.sumW, m!.sumW2)).toBe(4);
    expect(kish(0, 0)).toBe(0);
  });

  it('the rest of the sample from Total minus a column equals the moments counted directly', () => {
    const full = [3, 1, 4, 1, 5];
    const w = [1, 2, 1, 1, 3];
    const part = (idx: number[]) => {
      const sw = idx.reduce((a, i) => a + w[i]!, 0);
      const mean = idx.reduce((a, i) => a + w[i]! * full[i]!, 0) / sw;
      const spread = idx.reduce((a, i) => a + w[i]! * (full[i]! - mean) ** 2, 0);
      const sumW2 = idx.reduce((a, i) => a + w[i]! ** 2, 0);
      return { n: idx.length, sumW: sw, sumW2, mean, spread, median: NaN };
    };
    const rest = restMoments(part([0, 1, 2, 3, 4]), part([0, 1]));
    const direct = part([2, 3, 4]);
    expect(rest.n).toBe(3);
    expectRelClose(rest.sumW, direct.sumW);
    expectRelClose(rest.mean, direct.mean);
    expectRelClose(rest.spread, direct.spread);
    expectRelClose(rest.sumW2, direct.sumW2);
  });
});

describe('Σw² of the respondents who answered', () => {
  // 23 respondents in two groups; missing answers (0) at the start, in the middle and at the end.
  const n = 23;
  const group = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'a' : 'b'));
  const weights = Array.from({ length: n }, (_, i) => 0.5 + ((i * 7) % 5) / 2);
  const codes = [0, 1, 2, 1, 0, 0, 2, 1, 1, 1, 2, 2, 0, 1, 1, 2, 2, 1, 0, 2, 1, 0, 0];
  const t = respondents([single('g', group), numeric('w', weights)]);
  const axis = unwrap(resolveAxis(t, { questionId: 'g' }));
  const frame = unwrap(buildFrame(t, 'w', [], [TOTAL_AXIS, axis]));
  const direct = (keep: (i: number) => boolean) => {
    const out = new Float64Array(3);
    for (let i = 0; i < n; i++) {
      if (!keep(i)) continue;
      out[0]! += weights[i]! ** 2;
      out[group[i] === 'a' ? 1 : 2]! += weights[i]! ** 2;
    }
    return [...out];
  };

  it.each([0, 1, 2, 3])(
    'by subtraction equals the direct sum, whatever the byte offset of the codes (%i)',
    (offset) => {
      // The codes at an offset in a larger buffer, as a subarray would be.
      const keys = new Uint8Array(new ArrayBuffer(n + 8), offset, n);
      keys.set(codes);
      const kept = squaresKept(frame, allSquares(frame), keys, null);
      direct((i) => codes[i] !== 0).forEach((e, c) => expectRelClose(kept[c]!, e, 1e-12));
    },
  );

  it('leaves out options off a scale too, and two-byte codes alike', () => {
    const keys = Uint16Array.from(codes);
    const drop = Uint8Array.of(1, 0, 1); // option 2 is off the scale
    const kept = squaresKept(frame, allSquares(frame), keys, drop);
    direct((i) => codes[i] === 1).forEach((e, c) => expectRelClose(kept[c]!, e, 1e-12));
  });

  it('finds the missing answers of many questions in one blocked pass, as one by one', () => {
    // 10,007 respondents (three blocks and a bit), a filter, codes of one and two bytes at odd offsets.
    const rand = mulberry32(5);
    const size = 10_007;
    const big = respondents([
      single(
        'g',
        Array.from({ length: size }, () => (rand() < 0.4 ? 'a' : rand() < 0.9 ? 'b' : null)),
      ),
      single(
        'f',
        Array.from({ length: size }, () => (rand() < 0.8 ? 'in' : 'out')),
      ),
      numeric(
        'w',
        Array.from({ length: size }, () => 0.2 + 3 * rand()),
      ),
    ]);
    const g = unwrap(resolveAxis(big, { questionId: 'g' }));
    const filtered = unwrap(
      buildFrame(big, 'w', [{ questionId: 'f', options: [0] }], [TOTAL_AXIS, g]),
    );
    const make = <T extends Uint8Array | Uint16Array>(
      C: new (b: ArrayBuffer, o: number, l: number) => T,
      bytes: number,
      offset: number,
    ): T => {
      const keys = new C(new ArrayBuffer(size * bytes + 8), offset, size);
      for (let i = 0; i < size; i++) keys[i] = rand() < 0.05 ? 0 : 1 + Math.floor(rand() * 3);
      return keys;
    };
    const questions = [
      make(Uint8Array, 1, 0),
      make(Uint8Array, 1, 3),
      make(Uint16Array, 2, 0),
      make(Uint16Array, 2, 2),
    ];
    const all = allSquares(filtered);
    const blocked = missingSquares(filtered, questions);
    questions.forEach((keys, q) => {
      const one = squaresKept(filtered, all, keys, null);
      const many = squaresKept(filtered, all, keys, null, blocked[q]);
      one.forEach((v, c) => expectRelClose(many[c]!, v, 1e-12, `question ${q}, column ${c}`));
      expect(blocked[q]!.respondents).toBeGreaterThan(300);
    });
  });

  it('sums the answered directly when most did not answer', () => {
    const few = Uint8Array.from(codes.map((c, i) => (i < 3 ? c : 0)));
    const kept = squaresKept(frame, allSquares(frame), few, null);
    direct((i) => few[i] !== 0).forEach((e, c) => expect(kept[c]).toBe(e));
  });
});

describe('ordered scales', () => {
  it.each([
    [
      ['1', '2', '3', '4', '5'],
      [1, 2, 3, 4, 5],
      [4, 3],
      [0, 1],
    ],
    [
      ['5 - Strongly agree', '1 - Strongly disagree', '3', '2', '4', "Don't know"],
      [5, 1, 3, 2, 4, null],
      [0, 4],
      [1, 3],
    ],
    [
      [
        'Somewhat masculine',
        'Very masculine',
        'Not at all masculine',
        'Not very masculine',
        'No answer',
      ],
      [3, 4, 1, 2, null],
      [1, 0],
      [2, 3],
    ],
    [
      ['Satisfied', 'Very satisfied', 'Neither', 'Dissatisfied', 'Very dissatisfied'],
      [4, 5, 3, 2, 1],
      [1, 0],
      [4, 3],
    ],
    [
      ['Sometimes', 'Rarely', 'Always', 'Often', 'Never'],
      [3, 2, 5, 4, 1],
      [2, 3],
      [4, 1],
    ],
    // Numbered with words running the other way: the top box is the low numbers.
    [
      ['1 = Strongly agree', '2 = Agree', '3 = Neither', '4 = Disagree', '5 = Strongly disagree'],
      [1, 2, 3, 4, 5],
      [0, 1],
      [4, 3],
    ],
  ])('%j scores %j, top 2 %j, bottom 2 %j', (labels, scores, top2, bottom2) => {
    expect(orderedScale(labels)).toEqual({ scores, top2, bottom2 });
  });

  it.each([
    [['18-24', '25-34', '35-44', '45+']],
    [['18 - 34', '35 - 64', '65 and up']],
    [['Yes', 'No']],
    [['Often', 'Never, but open to it', 'Never, and not open to it']],
    [['1', '2', '4', '5']],
    [['$0-$9,999', '$10,000-$24,999', '$25,000-$49,999']],
  ])('%j is no scale', (labels) => {
    expect(orderedScale(labels)).toBeNull();
  });

  it('a three-point scale has scores but no boxes', () => {
    expect(orderedScale(['Agree', 'Neither agree nor disagree', 'Disagree'])).toEqual({
      scores: [3, 2, 1],
      top2: [],
      bottom2: [],
    });
  });
});

describe('bands', () => {
  const t = respondents([numeric('h', [0.5, 1, 2.5, 3, null]), numeric('n', [1, 2, 3, 4, 5])]);

  it('labels bands of fractional values "under", "to under" and "or more"', () => {
    const h = unwrap(band(t, 'h', [1, 3]));
    expect(h.labels).toEqual(['under 1', '1 to under 3', '3 or more']);
    expect([...h.codes]).toEqual([1, 2, 2, 3, 0]);
  });

  it('takes labels of its own, one per band', () => {
    expect(unwrap(band(t, 'n', [3], ['low', 'high'])).labels).toEqual(['low', 'high']);
    expect(band(t, 'n', [3], ['one']).ok).toBe(false);
  });

  it('refuses cut points out of order and a question that is not numeric', () => {
    expect(band(t, 'n', [3, 2]).ok).toBe(false);
    expect(band(t, 'n', []).ok).toBe(false);
    const r = band(respondents([single('s', ['a'])]), 's', [1]);
    expect(!r.ok && r.error.message).toBe(
      'There is no numeric question "s" to band: this survey has no numeric question.',
    );
  });
});
