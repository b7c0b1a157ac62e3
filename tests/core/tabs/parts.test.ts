// The parts of a tab book, each on a hand example: corrections, Welch's test,
// effective bases, weighted moments, ordered scales and bands.
import { describe, expect, it } from 'vitest';
import { adjustPValues } from '../../../src/core/tabs/adjust';
import { band } from '../../../src/core/tabs/band';
import { crosstab } from '../../../src/core/crosstab/crosstab';
import { tabs } from '../../../src/core/tabs/tabs';
import { kish } from '../../../src/core/tabs/effective';
import { buildFrame } from '../../../src/core/tabs/frame';
import { TOTAL_AXIS } from '../../../src/core/crosstab/axis';
import { welch } from '../../../src/core/tabs/letters';
import { restMoments, valueMoments, variance } from '../../../src/core/tabs/moments';
import { orderedScale } from '../../../src/core/tabs/scale';
import { expectRelClose } from '../../support/numbers';
import { multi, numeric, respondents, single, unwrap } from '../../support/respondents';
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

describe("Σw² of a weighted tab book's columns, from the crosstab's count", () => {
  // 23 respondents: two single-answer banner questions (combined into one
  // count) and a multi-answer one (counted alone); a row question and a scale
  // with missing answers at the start, in the middle and at the end.
  const n = 23;
  const ids = Array.from({ length: n }, (_, i) => i);
  const g = ids.map((i) => (i % 3 === 0 ? 'a' : 'b'));
  const h = ids.map((i) => (i % 5 === 4 ? null : ['x', 'y', 'z'][(i * 2) % 3]!));
  const mb = ids.map((i) =>
    i % 11 === 5 ? null : i % 7 === 0 ? ['p', 'r'] : i % 2 ? ['p'] : ['r'],
  );
  const codes = [0, 1, 2, 1, 0, 0, 2, 1, 1, 1, 2, 2, 0, 1, 1, 2, 2, 1, 0, 2, 1, 0, 0];
  const q = codes.map((c) => (c === 0 ? null : ['yes', 'no'][c - 1]!));
  const scaleLabels = ['5 - Strongly agree', '1 - Strongly disagree', '3', '2', '4', "Don't know"];
  const s = ids.map((i) => (i % 9 === 8 ? null : scaleLabels[(i * 5) % 6]!));
  const weights = ids.map((i) => 0.5 + ((i * 7) % 5) / 2);
  const t = respondents([
    single('g', g),
    single('h', h),
    multi('mb', mb),
    single('q', q),
    single('s', s, scaleLabels),
    numeric('w', weights),
  ]);
  const book = unwrap(tabs(t, { banner: ['g', 'h', 'mb'], rows: ['q', 's'], weightId: 'w' }));
  const inColumn = (c: number, i: number): boolean => {
    const { group, label } = book.columns[c]!;
    if (group === 'g') return g[i] === label;
    if (group === 'h') return h[i] === label;
    if (group === 'mb') return mb[i]?.includes(label) ?? false;
    return true;
  };
  /** (Σw)²/Σw² of the respondents in each book column for whom keep(i) holds. */
  const direct = (keep: (i: number) => boolean): number[] =>
    book.columns.map((_, c) => {
      const who = ids.filter((i) => keep(i) && inColumn(c, i));
      const sumW = who.reduce((a, i) => a + weights[i]!, 0);
      const sumW2 = who.reduce((a, i) => a + weights[i]! ** 2, 0);
      return (sumW * sumW) / sumW2;
    });
  const table = (id: string) => book.tables.find((x) => x.question.id === id)!;

  it('are those of the respondents who answered, in every column: Total, combined and multi-answer banner questions', () => {
    const expected = direct((i) => q[i] !== null);
    expect(book.columns.map((c) => c.label)).toEqual(['Total', 'a', 'b', 'x', 'z', 'y', 'p', 'r']);
    // Total: 16 answered, Σw = 24, Σw² = 43.5: 24²/43.5 = 13.24.
    expectRelClose(table('q').bases.effective[0]!, 24 ** 2 / 43.5, 1e-12);
    table('q').bases.effective.forEach((e, c) =>
      expectRelClose(e, expected[c]!, 1e-12, `column ${c}`),
    );
  });

  it("leave out a scale's answers off the scale for its mean, but not for its percents", () => {
    const scale = table('s');
    const answered = direct((i) => s[i] !== null);
    const onScale = direct((i) => s[i] !== null && s[i] !== "Don't know");
    scale.bases.effective.forEach((e, c) => expectRelClose(e, answered[c]!, 1e-12, `base ${c}`));
    scale.stats!.effective.forEach((e, c) => expectRelClose(e, onScale[c]!, 1e-12, `mean ${c}`));
    // Total: 21 answered (Σw 31, Σw² 56.5: 17.01); 17 on the scale (Σw 24, Σw² 43: 13.40).
    expectRelClose(scale.bases.effective[0]!, 31 ** 2 / 56.5, 1e-12);
    expectRelClose(scale.stats!.effective[0]!, 24 ** 2 / 43, 1e-12);
  });
});

describe('a banner of single-answer questions in two combinations', () => {
  // Five questions of nine options: 10 × 10 × 10 combinations, then 10 × 10.
  const rand = mulberry32(3);
  const size = 300;
  const nine = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
  const banner = ['b1', 'b2', 'b3', 'b4', 'b5'];
  const t = respondents([
    ...banner.map((id) =>
      single(
        id,
        Array.from({ length: size }, () => nine[Math.floor(rand() * 9)]!),
        nine,
      ),
    ),
    single(
      'q',
      Array.from({ length: size }, () => (rand() < 0.5 ? 'yes' : 'no')),
    ),
    numeric(
      'w',
      Array.from({ length: size }, () => 0.5 + rand()),
    ),
  ]);

  it('counts each question of the second one as its own crosstab (each combination is a column of its own)', () => {
    const book = unwrap(tabs(t, { banner, rows: ['q'], weightId: 'w' }));
    const q = book.tables[0]!;
    for (const id of ['b1', 'b4', 'b5']) {
      const group = book.groups.find((x) => x.id === id)!;
      const x = unwrap(
        crosstab(t, { rows: { questionId: 'q' }, cols: { questionId: id }, weightId: 'w' }),
      );
      q.counts.forEach((row, r) =>
        row
          .slice(group.start, group.end)
          .forEach((v, c) => expectRelClose(v, x.counts[r]![c]!, 1e-12, `${id} ${r} ${c}`)),
      );
      q.bases.effective
        .slice(group.start, group.end)
        .forEach((e, c) => expectRelClose(e, x.effectiveBases[c]!, 1e-12, `${id} base ${c}`));
    }
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
