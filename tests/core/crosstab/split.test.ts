import { describe, expect, it } from 'vitest';
import { banner, bannerWith, crosstab } from '../../../src/core/crosstab/crosstab';
import {
  rememberingResolve,
  SPLIT_MIN,
  splitPoint,
  type CrosstabHelper,
  type PartJob,
} from '../../../src/core/crosstab/split';
import { tallyJob } from '../../../src/core/crosstab/tallies';
import type { Crosstab, CrosstabSpec } from '../../../src/core/crosstab/types';
import type { Column, RespondentTable } from '../../../src/core/table/types';
import { mulberry32 } from '../../support/random';
import {
  numeric,
  respondents,
  single,
  unwrap,
  numbered,
  randomMulti,
} from '../../support/respondents';

// A crosstab over many respondents is counted in two parts (split.ts), on
// one thread or two. A survey of 7,000 respondents (counted
// whole, and checked respondent by respondent in slots.test.ts) repeated ten
// times is 70,000 respondents, counted in two parts: its crosstabs must hold
// ten times every count, and be the same to the last bit whether a helper
// thread counts the second part or not.

const N = 7000;
const TIMES = 10;
const rand = mulberry32(20261202);

const columns: Column[] = [
  randomMulti(rand, N, 'wide', 16, 0.07),
  randomMulti(rand, N, 'wider', 18, 0.1),
  single(
    'segment',
    Array.from({ length: N }, () => (rand() < 0.04 ? null : `s${Math.floor(4 * rand())}`)),
    numbered('s', 4),
  ),
  numeric(
    'w',
    Array.from({ length: N }, () => (rand() < 0.01 ? 0 : 0.25 + 2 * rand())),
  ),
];
const small = respondents(columns, { weightId: 'w' });

/** The survey's respondents repeated `times` times. */
function tiled(table: RespondentTable, times: number): RespondentTable {
  const repeat = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(a.length * times);
    for (let k = 0; k < times; k++) out.set(a, k * a.length);
    return out;
  };
  return {
    ...table,
    rowCount: table.rowCount * times,
    columns: table.columns.map((c): Column => {
      if (c.type === 'multi') return { ...c, patternOf: repeat(c.patternOf) };
      if (c.type === 'numeric') return { ...c, values: repeat(c.values) };
      return { ...c, codes: repeat(c.codes) };
    }),
  };
}
const big = tiled(small, TIMES);

/** A helper thread in-process: its own copy of the table, as a worker holds one. */
function inProcess(table: RespondentTable): CrosstabHelper & { jobs: PartJob[] } {
  const copy = structuredClone(table);
  const resolve = rememberingResolve();
  const helper = {
    jobs: [] as PartJob[],
    count: async (job: PartJob) => {
      helper.jobs.push(job);
      // Through a structured clone, as a postMessage would carry it.
      return unwrap(tallyJob(copy, structuredClone(job), resolve));
    },
  };
  return helper;
}

const SPECS: [string, CrosstabSpec][] = [
  ['wide × wider, weighted', { rows: { questionId: 'wide' }, cols: { questionId: 'wider' } }],
  [
    'wider × wide with nets, unweighted, filtered',
    {
      rows: { questionId: 'wider', nets: [{ label: 'any of 0-2', options: [0, 1, 2] }] },
      cols: { questionId: 'wide', nets: [{ label: 'both 3 and 4', options: [3, 4], all: true }] },
      weightId: null,
      filter: [{ questionId: 'segment', options: [0, 2] }],
    },
  ],
];

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

describe('pairs counted in two parts of the respondents', () => {
  it.each([
    [SPLIT_MIN - 1, null],
    [SPLIT_MIN, 32_768],
    [70_000, 36_864],
    [1_000_000, 499_712],
    [10_000_000, 5_001_216],
  ])('split %i respondents at %s (a multiple of 4,096 near the middle)', (rows, at) => {
    expect(splitPoint(rows)).toBe(at);
  });

  it.each(SPECS)('%s: ten copies of a survey count ten times each of its figures', (_, spec) => {
    const one = unwrap(crosstab(small, spec));
    const ten = unwrap(crosstab(big, spec));
    expect(splitPoint(big.rowCount)).not.toBeNull();
    expect(ten.unweightedCounts).toEqual(one.unweightedCounts.map((r) => r.map((x) => TIMES * x)));
    expect(ten.unweightedColBases).toEqual(one.unweightedColBases.map((x) => TIMES * x));
    expect(ten.unweightedTotal).toBe(TIMES * one.unweightedTotal);
    expect(ten.missing).toEqual({
      rows: TIMES * one.missing.rows,
      cols: TIMES * one.missing.cols,
      excluded: TIMES * one.missing.excluded,
      weight: TIMES * one.missing.weight,
      filteredOut: TIMES * one.missing.filteredOut,
    });
    const pairs: [number[], number[]][] = [
      [ten.counts.flat(), one.counts.flat()],
      [ten.colBases, one.colBases],
      [ten.effectiveBases, one.effectiveBases],
      [ten.colSquares, one.colSquares],
      [ten.colCases ?? [], one.colCases ?? []],
      [ten.colResponses ?? [], one.colResponses ?? []],
    ];
    for (const [a, b] of pairs) {
      expect(a.length).toBe(b.length);
      a.forEach((x, i) => expect(close(x, TIMES * b[i]!), `${x} vs ${TIMES} × ${b[i]}`).toBe(true));
    }
    // Percents are ratios: the same as the small survey's.
    ten.colPercents
      .flat()
      .forEach((p, i) => expect(close(p, one.colPercents.flat()[i]!)).toBe(true));
  });

  it.each(SPECS)(
    '%s: are the same to the last bit with a helper thread tallying the second part',
    async (_, spec) => {
      const helper = inProcess(big);
      const alone = unwrap(banner(big, spec.rows, [spec.cols], spec));
      const helped = unwrap(await bannerWith(big, spec.rows, [spec.cols], spec, helper));
      expect(helper.jobs.map((j) => j.span)).toEqual([{ start: 36_864, end: 70_000 }]);
      expect(helped).toEqual(alone);
    },
  );

  it('split a whole banner, joint keys and slots alike, and hand the helper every column at once', async () => {
    const helper = inProcess(big);
    const cols = ['wider', 'segment', null];
    const alone = unwrap(banner(big, 'wide', cols, { weightId: 'w' }));
    const helped = unwrap(await bannerWith(big, 'wide', cols, { weightId: 'w' }, helper));
    expect(helper.jobs).toHaveLength(1);
    expect(helper.jobs[0]!.cols).toEqual([
      { questionId: 'wider' },
      { questionId: 'segment' },
      null,
    ]);
    expect(helper.jobs[0]!.weightId).toBe('w');
    expect(helped).toEqual(alone);
    // The single-answer column, counted by joint keys in two parts, is ten times the small survey's too.
    const one = unwrap(
      crosstab(small, { rows: { questionId: 'wide' }, cols: { questionId: 'segment' } }),
    );
    expect(helped[1]!.unweightedCounts).toEqual(
      one.unweightedCounts.map((r) => r.map((x) => TIMES * x)),
    );
  });

  it('leave a survey under 65,536 respondents whole: the helper is not asked', async () => {
    const helper = inProcess(small);
    const spec = SPECS[0]![1];
    const helped = unwrap(await bannerWith(small, spec.rows, [spec.cols], spec, helper));
    expect(helper.jobs).toHaveLength(0);
    expect(helped).toEqual(unwrap(banner(small, spec.rows, [spec.cols], spec)));
  });

  it.each([
    ['fails', () => Promise.reject(new Error('worker gone'))],
    ['answers with a tally of another shape', () => Promise.resolve([{ counts: [[1]] }])],
    ['answers with no tally', () => Promise.resolve([])],
  ] as const)(
    'give the same numbers when the helper %s (this thread tallies the part itself)',
    async (_, count) => {
      const spec = SPECS[0]![1];
      const alone = unwrap(banner(big, spec.rows, [spec.cols], spec));
      const helper = { count } as unknown as CrosstabHelper;
      const helped: Crosstab[] = unwrap(
        await bannerWith(big, spec.rows, [spec.cols], spec, helper),
      );
      expect(helped).toEqual(alone);
    },
  );

  it('refuse a part that does not fit the helper thread’s table, saying which', () => {
    const job: PartJob = {
      rows: { questionId: 'wide' },
      cols: [{ questionId: 'wider' }],
      weightId: null,
      span: { start: 36_864, end: 80_000 },
      include: null,
    };
    const r = tallyJob(big, job);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toMatch(/respondents 36,864 to 80,000 of a survey with 70,000/);
  });
});
