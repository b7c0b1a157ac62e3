// Bases from rounding, checked against an independent implementation: exact
// fractions in BigInt, k searched as an interval [n·(P − ½u)/100, n·(P + ½u)/100]
// (the engine instead tests the k nearest to P·n/100), and for small n every k.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseSeries } from '../../../src/core/published/analyse';
import {
  BASE_SEARCH_LIMIT,
  fitsBase,
  inferBases,
  optionsMisfittingBase,
  seriesBases,
} from '../../../src/core/published/bases';
import { parseDistributionCsv } from '../../../src/core/published/parse';
import { parsePercentText } from '../../../src/core/published/percent';
import type {
  PublishedPercent,
  PublishedQuestion,
  PublishedSeries,
  PublishedSurvey,
} from '../../../src/core/published/types';

const pct = (text: string): PublishedPercent => {
  const p = parsePercentText(text);
  if (p === null || p === undefined) throw new Error(`not a percent: ${text}`);
  return p;
};
const figures = (...texts: string[]) => texts.map(pct);

/** A printed percent as the fraction units / 10^decimals, from its digits. */
function digits(text: string): { units: bigint; decimals: number } {
  const m = /^(-?)(\d+)(?:\.(\d+))?%?$/.exec(text);
  if (m === null) throw new Error(text);
  const fraction = m[3] ?? '';
  const units = BigInt(`${m[2]}${fraction}`);
  return { units: m[1] === '-' ? -units : units, decimals: fraction.length };
}

const floorDiv = (a: bigint, b: bigint) => (a >= 0n ? a / b : -((-a + b - 1n) / b));
const ceilDiv = (a: bigint, b: bigint) => -floorDiv(-a, b);

/** Reference: some whole k in 0..n lies in [n(2U − 1), n(2U + 1)] / (200·10^d). */
function refFits(text: string, n: number): boolean {
  const { units, decimals } = digits(text);
  const den = 200n * 10n ** BigInt(decimals);
  const N = BigInt(n);
  const lo = ceilDiv(N * (2n * units - 1n), den);
  const hi = floorDiv(N * (2n * units + 1n), den);
  return (lo > 0n ? lo : 0n) <= (hi < N ? hi : N);
}

/** Reference by brute force over every k: |k/n − U/(100·10^d)| ≤ 1/(200·10^d), as fractions. */
function bruteFits(text: string, n: number): boolean {
  const { units, decimals } = digits(text);
  const scale = 100n * 10n ** BigInt(decimals);
  const N = BigInt(n);
  for (let k = 0n; k <= N; k++) {
    // k/n − U/scale = (k·scale − U·n) / (n·scale); compare its size with 1/(2·scale).
    const num = k * scale - units * N;
    if (2n * (num < 0n ? -num : num) <= N) return true;
  }
  return false;
}

function refCandidates(texts: string[], limit = BASE_SEARCH_LIMIT): number[] {
  const out: number[] = [];
  for (let n = 1; n <= limit; n++) if (texts.every((t) => refFits(t, n))) out.push(n);
  return out;
}

describe('bases from rounding: the seed example', () => {
  // How long people use WeChat at one time (Sootoo, June 2013): 29% / 34% / 15% / 22%.
  const seed = ['29%', '34%', '15%', '22%'];

  it('29% / 34% / 15% / 22% cannot come from fewer than 41 respondents', () => {
    const b = inferBases(figures(...seed));
    expect(b.smallest).toBe(41);
    expect(b.candidates).toEqual([41, 59, 65, 68, 73, 79, 80, 82, 85, 86]);
    expect(b.searchedUpTo).toBe(10_000);
    // 12/41 = 29.27%, 14/41 = 34.15%, 6/41 = 14.63%, 9/41 = 21.95%.
    expect(fitsBase(figures(...seed), 41)).toBe(true);
    // 29% of 40: 11/40 = 27.5%, 12/40 = 30%.
    expect(fitsBase(figures(...seed), 40)).toBe(false);
  });

  it('agrees with exact fractions on every base up to 10,000', () => {
    const ref = refCandidates(seed);
    const b = inferBases(figures(...seed));
    expect(b.candidates).toEqual(ref.slice(0, 10));
    expect(b.count).toBe(ref.length);
    expect(b.count).toBe(9922);
  });

  it('agrees with a brute force over every k for bases up to 300', () => {
    for (let n = 1; n <= 300; n++)
      expect(fitsBase(figures(...seed), n), `n = ${n}`).toBe(seed.every((t) => bruteFits(t, n)));
  });
});

describe('bases from rounding: the rules', () => {
  it('counts exactly half a unit as a fit both ways (half up and half to even)', () => {
    // 1/8 = 12.5%: printed 13% (half up) or 12% (half to even); 22.5% = 9/40 printed 22%.
    expect(fitsBase(figures('13%'), 8)).toBe(true);
    expect(fitsBase(figures('12%'), 8)).toBe(true);
    expect(fitsBase(figures('12.5%'), 8)).toBe(true);
    expect(fitsBase(figures('22%'), 40)).toBe(true);
    expect(fitsBase(figures('23%'), 40)).toBe(true);
    // Just past half a unit is not a fit: 1/3 = 33.333…% is not 33.32% or 33.34%.
    expect(fitsBase(figures('33.33%'), 3)).toBe(true);
    expect(fitsBase(figures('33.32%'), 3)).toBe(false);
    expect(fitsBase(figures('33.34%'), 3)).toBe(false);
  });

  it('tests each figure on its own: multi-answer figures need not add to 100%', () => {
    expect(fitsBase(figures('50%', '50%', '50%'), 2)).toBe(true);
    expect(inferBases(figures('50%', '50%', '50%')).smallest).toBe(2);
  });

  it('lets lower bounds ("30+%") and blanks impose nothing', () => {
    expect(fitsBase([pct('30+%'), null], 1)).toBe(true);
    expect(inferBases([pct('29%'), pct('30+%'), null])).toEqual(inferBases(figures('29%')));
  });

  it('mixes decimals: each figure is rounded to its own', () => {
    const texts = ['33.3%', '66.67%', '0%'];
    expect(inferBases(figures(...texts)).candidates).toEqual(refCandidates(texts).slice(0, 10));
    expect(inferBases(figures(...texts)).smallest).toBe(3);
  });

  it('reads decimal commas and percent signs as printed', () => {
    expect(fitsBase(figures('33,33'), 3)).toBe(true);
    expect(fitsBase(figures('33,32%'), 3)).toBe(false);
  });

  it('stays exact with many decimals (BigInt beyond 2^53)', () => {
    // 100/3 = 33.3333333333333333…: 12 and 14 decimals printed.
    expect(fitsBase(figures('33.333333333333'), 3)).toBe(true);
    expect(fitsBase(figures('33.333333333334'), 3)).toBe(false);
    expect(fitsBase(figures('33.33333333333333'), 3)).toBe(true);
    expect(fitsBase(figures('33.33333333333334'), 3)).toBe(false);
    expect(fitsBase(figures('66.66666666666667'), 3)).toBe(true);
    // Only multiples of 3 come within 5·10^−15 of a third.
    expect(inferBases(figures('33.33333333333333')).candidates).toEqual([
      3, 6, 9, 12, 15, 18, 21, 24, 27, 30,
    ]);
    // A stated base beyond the search: 12.5% of 800,000.
    expect(fitsBase(figures('12.5000%'), 800_000)).toBe(true);
    expect(fitsBase(figures('12.50001%'), 800_000)).toBe(false);
  });

  it('finds no base when none up to 10,000 fits', () => {
    // 1 of n is at least 0.01% for n ≤ 10,000, and 0 of n prints 0.000%.
    expect(inferBases(figures('0.001%'))).toEqual({
      smallest: null,
      candidates: [],
      searchedUpTo: 10_000,
      count: 0,
    });
    expect(inferBases(figures('33.334%', '12.346%')).smallest).toBeNull();
    expect(inferBases(figures('101%')).smallest).toBeNull();
    expect(inferBases(figures('-1%')).smallest).toBeNull();
  });

  it('agrees with exact fractions on three-decimal figures', () => {
    const texts = ['12.345%', '45.678%'];
    const ref = refCandidates(texts);
    const b = inferBases(figures(...texts));
    expect([b.smallest, b.candidates, b.count]).toEqual([ref[0], ref.slice(0, 10), ref.length]);
    expect(b.smallest).toBe(3216);
  });

  it('refuses bases that are not whole numbers of at least 1', () => {
    for (const n of [0, -3, 2.5, Number.NaN, Infinity])
      expect(fitsBase(figures('50%'), n)).toBe(false);
  });
});

describe('bases from rounding: every base from 100·10^d on fits', () => {
  /** What inferBases says, from the reference tested on every base up to `limit`. */
  const refInference = (texts: string[], limit: number) => {
    const ref = refCandidates(texts, limit);
    return {
      smallest: ref[0] ?? null,
      candidates: ref.slice(0, 10),
      searchedUpTo: limit,
      count: ref.length,
    };
  };

  it('finds all 9,001 bases from 1,000 to 10,000 for one-decimal figures, as the reference does', () => {
    const texts = ['33.3%', '12.5%', '54.2%'];
    const b = inferBases(figures(...texts));
    expect(b).toEqual(refInference(texts, BASE_SEARCH_LIMIT));
    // Below 1,000 only some fit: 24 (8/24 = 33.3%, 3/24 = 12.5%, 13/24 = 54.2%) is the first.
    expect(b.smallest).toBe(24);
    expect(b.count - 9001).toBe(refCandidates(texts, 999).length);
  });

  it('agrees with the reference on every base for random figures of 0, 1 and 2 decimals, 0% and 100% included', () => {
    let seed = 17;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 40; trial++) {
      const decimals = trial % 3;
      const texts = Array.from({ length: 1 + (trial % 4) }, () => {
        const units = Math.floor(random() * (100 * 10 ** decimals + 1));
        return `${(units / 10 ** decimals).toFixed(decimals)}%`;
      });
      for (const limit of [50, 999, 1000, 1001, BASE_SEARCH_LIMIT])
        expect([texts, limit, inferBases(figures(...texts), limit)]).toEqual([
          texts,
          limit,
          refInference(texts, limit),
        ]);
    }
  });

  it('finds no base for a figure above 100% or below 0%, whatever the limit', () => {
    for (const texts of [['101%', '50%'], ['-0.1%'], ['100.01%']])
      expect(inferBases(figures(...texts), 20_000)).toEqual(refInference(texts, 20_000));
  });
});

function bundled(name: string): PublishedSurvey {
  const text = readFileSync(new URL(`../../../surveys/${name}.csv`, import.meta.url), 'utf8');
  const r = parseDistributionCsv(text, `${name}.csv`);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function question(survey: PublishedSurvey, id: string): PublishedQuestion {
  const q = survey.questions.find((x) => x.id === id);
  if (q === undefined) throw new Error(id);
  return q;
}

describe('bases of the bundled surveys', () => {
  const june = bundled('sootoo-2013-06-wechat-users');

  it.each([
    ['use4', 41],
    ['oa2', 1116],
    ['oa3', 202],
    ['use3', 1634],
  ])('June 2013 %s fits no fewer than %d respondents', (id, smallest) => {
    const s = question(june, id).series[0]!;
    const b = seriesBases(s);
    expect(b?.smallest).toBe(smallest);
    const texts = s.options.flatMap((o) => (o.percent === null ? [] : [o.percent.text]));
    expect(b?.candidates).toEqual(refCandidates(texts, 5000).slice(0, 10));
  });

  it('claims no base from a question without numbers (oa4)', () => {
    expect(seriesBases(question(june, 'oa4').series[0]!)).toBeNull();
  });

  it('puts the bases in the analysis, with no new flags on the bundled files', () => {
    const a = analyseSeries(question(june, 'use4'), question(june, 'use4').series[0]!);
    expect(a.bases?.smallest).toBe(41);
    expect(a.flags.map((f) => f.code)).toEqual(['kind-inferred']);
  });
});

describe('flags from bases', () => {
  const options = (texts: string[]) =>
    texts.map((t, i) => ({
      label:
        ['Less than 5 minutes', '6 to 15 minutes', '16 to 30 minutes', 'More than 31 minutes'][i] ??
        `o${i}`,
      percent: t === '' ? null : pct(t),
      rank: null,
      omitted: false,
    }));
  const q = (texts: string[], baseN: number | null): [PublishedQuestion, PublishedSeries] => {
    const series: PublishedSeries = {
      segment: null,
      base: null,
      subgroup: false,
      baseN,
      options: options(texts),
    };
    return [{ id: 'q', text: 'q', declaredKind: 'single', note: null, series: [series] }, series];
  };
  const seed = ['29%', '34%', '15%', '22%'];

  it('warns when the stated base fits no figure (40 people cannot give 29% or 34%)', () => {
    const [question, series] = q(seed, 40);
    expect(optionsMisfittingBase(series, 40).map((o) => o.label)).toEqual([
      'Less than 5 minutes',
      '6 to 15 minutes',
    ]);
    const flags = analyseSeries(question, series).flags.filter((f) => f.code.includes('base'));
    expect(flags).toEqual([
      {
        code: 'base-contradicted',
        severity: 'warning',
        message:
          'The stated base of 40 respondents does not fit the figures: 29% ("Less than 5 minutes") and 34% ("6 to 15 minutes") cannot be a whole number out of 40, rounded as printed. Check the base and the figures (weighted figures fail this test too).',
      },
    ]);
  });

  it('says nothing when the stated base fits (41, or any base from 100 on)', () => {
    for (const n of [41, 100, 1200, 25_000]) {
      const [question, series] = q(seed, n);
      expect(analyseSeries(question, series).flags.map((f) => f.code)).toEqual([]);
    }
  });

  it('names three misfits and counts the rest', () => {
    // Sevenths: 0, 14.29, 28.57, 42.86…: none of these five.
    const [question, series] = q(['30%', '34%', '17%', '33%', '31%'], 7);
    const flag = analyseSeries(question, series).flags.find((f) => f.code === 'base-contradicted');
    expect(flag?.message).toContain(
      'base of 7 respondents does not fit the figures: 30% ("Less than 5 minutes"), 34% ("6 to 15 minutes"), 17% ("16 to 30 minutes") and 2 other figures cannot be a whole number out of 7,',
    );
  });

  it('tells when no unweighted base up to 10,000 fits, carefully', () => {
    const [question, series] = q(['33.334%', '66.666%'], null);
    expect(analyseSeries(question, series).flags).toEqual([
      {
        code: 'no-consistent-base',
        severity: 'info',
        message:
          'These figures fit no unweighted base up to 10,000: they are probably weighted, or rounded in another way; no base can be inferred.',
      },
    ]);
  });

  it('leaves both to the error when a value is out of range', () => {
    const [question, series] = q(['104%', '-4%'], 40);
    expect(analyseSeries(question, series).flags.map((f) => f.code)).toEqual([
      'value-out-of-range',
      'value-out-of-range',
    ]);
  });

  it('says nothing about bases when no figure constrains one', () => {
    const [question, series] = q(['30+%', ''], 7);
    expect(analyseSeries(question, series).flags.map((f) => f.code)).not.toContain(
      'base-contradicted',
    );
    expect(analyseSeries(question, series).bases).toBeNull();
  });
});
