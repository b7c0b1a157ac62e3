import { describe, expect, it } from 'vitest';
import { resolveAxis, type ResolvedAxis } from '../../../src/core/crosstab/axis';
import { countJointMany, everyone, jointPays } from '../../../src/core/crosstab/count';
import { banner, crosstab } from '../../../src/core/crosstab/crosstab';
import { countSlots } from '../../../src/core/crosstab/slots';
import { addJoint, addSlots, emptyTally, type Tally } from '../../../src/core/crosstab/tally';
import type { AxisSpec, Crosstab, FilterCondition } from '../../../src/core/crosstab/types';
import type { Column, MultiColumn, SingleColumn } from '../../../src/core/table/types';
import { mulberry32 } from '../../support/random';
import {
  numeric,
  respondents,
  single,
  unwrap,
  numbered,
  randomMulti,
} from '../../support/respondents';

// Multi-answer questions with so many options that two of them cross into
// more joint answer-pattern keys than a dense histogram may hold (over 2^22),
// so they are counted by slots: each crosstab is checked against a recount
// respondent by respondent (counts, weighted sums, bases, cases, responses,
// nets counted once, missing answers). Seeded: the same survey every run.

const N = 7000;
const rand = mulberry32(20251201);

function randomSingle(id: string, n: number): SingleColumn {
  const ls = numbered(`${id}_`, n);
  return single(
    id,
    Array.from({ length: N }, () => (rand() < 0.04 ? null : ls[Math.floor(n * rand())]!)),
    ls,
  );
}

const columns: Column[] = [
  randomMulti(rand, N, 'wide', 16, 0.07),
  randomMulti(rand, N, 'wider', 18, 0.1),
  randomMulti(rand, N, 'narrow', 5, 0.05),
  randomMulti(rand, N, 'forty', 40, 0.05),
  randomSingle('many', 700),
  randomSingle('segment', 4),
];
const weights = numeric(
  'w',
  Array.from({ length: N }, () => {
    const u = rand();
    if (u < 0.01) return NaN;
    if (u < 0.02) return 0;
    return 0.25 + 2 * rand();
  }),
);
columns.push(weights);
// Drawn after the others, so that theirs stay as they were: 15 options and
// the three bookkeeping slots are 18 slots, three chunks of six (slots.ts).
columns.push(randomMulti(rand, N, 'fifteen', 15, 0.06));
const table = respondents(columns, { weightId: 'w' });
const byId = (id: string) => columns.find((c) => c.id === id) as SingleColumn | MultiColumn;
const axis = (spec: AxisSpec): ResolvedAxis => unwrap(resolveAxis(table, spec));

const answers = new Map<string, (number[] | null)[]>();

/** The options respondent i chose, or null when the answer is missing. */
function chosen(col: SingleColumn | MultiColumn, i: number): number[] | null {
  let known = answers.get(col.id);
  if (known === undefined) {
    known = Array.from({ length: N }, (_, k) => decode(col, k));
    answers.set(col.id, known);
  }
  return known[i]!;
}

function decode(col: SingleColumn | MultiColumn, i: number): number[] | null {
  if (col.type === 'single') return col.codes[i] === 0 ? null : [col.codes[i]! - 1];
  const p = col.patternOf[i]!;
  if (p === 0) return null;
  const out: number[] = [];
  for (let j = 0; j < col.labels.length; j++) {
    if ((col.masks[(p - 1) * col.words + (j >>> 5)]! >>> (j & 31)) & 1) out.push(j);
  }
  return out;
}

/** The outputs (options, then nets) respondent i counts in, or null when missing. */
function outputs(spec: AxisSpec, i: number): { outs: number[]; options: number[] } | null {
  const col = byId(spec.questionId);
  const options = chosen(col, i);
  if (options === null) return null;
  const outs = [...options];
  (spec.nets ?? []).forEach((net, k) => {
    const hit = net.all
      ? (col.type === 'multi' || new Set(net.options).size === 1) &&
        net.options.every((o) => options.includes(o))
      : net.options.some((o) => options.includes(o));
    if (hit) outs.push(col.labels.length + k);
  });
  return { outs, options };
}

interface Reference extends Tally {
  weight: number;
  filteredOut: number;
}

/** The crosstab's sums, recounted respondent by respondent. */
function recount(
  rowSpec: AxisSpec,
  colSpec: AxisSpec,
  weightId: string | null,
  filter: readonly FilterCondition[],
): Reference {
  const R = byId(rowSpec.questionId).labels.length + (rowSpec.nets?.length ?? 0);
  const C = byId(colSpec.questionId).labels.length + (colSpec.nets?.length ?? 0);
  const zeros = (n: number) => new Array<number>(n).fill(0);
  const ref: Reference = {
    counts: Array.from({ length: R }, () => zeros(C)),
    unweightedCounts: Array.from({ length: R }, () => zeros(C)),
    rowBases: zeros(R),
    colBases: zeros(C),
    uRowBases: zeros(R),
    uColBases: zeros(C),
    colCases: zeros(C),
    colResponses: zeros(C),
    rowCases: zeros(R),
    rowResponses: zeros(R),
    total: 0,
    uTotal: 0,
    colSquares: zeros(C),
    totalSquares: 0,
    missing: { rows: 0, cols: 0, excluded: 0 },
    weight: 0,
    filteredOut: 0,
  };
  const w = weights.values;
  for (let i = 0; i < N; i++) {
    const passes = filter.every((c) =>
      (chosen(byId(c.questionId), i) ?? []).some((o) => c.options.includes(o)),
    );
    if (!passes) {
      ref.filteredOut++;
      continue;
    }
    const x = weightId === null ? 1 : w[i]!;
    if (!(x > 0 && x <= 1e9)) {
      ref.weight++;
      continue;
    }
    const r = outputs(rowSpec, i);
    const c = outputs(colSpec, i);
    if (r === null) ref.missing.rows++;
    if (c === null) ref.missing.cols++;
    if (r === null || c === null) {
      ref.missing.excluded++;
      continue;
    }
    ref.total += x;
    ref.uTotal++;
    ref.totalSquares += x * x;
    for (const a of r.outs) {
      ref.rowBases[a]! += x;
      ref.uRowBases[a]!++;
      if (c.options.length > 0) ref.rowCases[a]! += x;
      ref.rowResponses[a]! += c.options.length * x;
      for (const b of c.outs) {
        ref.counts[a]![b]! += x;
        ref.unweightedCounts[a]![b]!++;
      }
    }
    for (const b of c.outs) {
      ref.colBases[b]! += x;
      ref.uColBases[b]!++;
      ref.colSquares[b]! += x * x;
      if (r.options.length > 0) ref.colCases[b]! += x;
      ref.colResponses[b]! += r.options.length * x;
    }
  }
  return ref;
}

/** Weighted sums agree to 1e-12 of their size (they are added in another order). */
function close(actual: number[], expected: number[], what: string): void {
  expect(actual.length, what).toBe(expected.length);
  const off = actual.filter(
    (v, k) => !(Math.abs(v - expected[k]!) <= 1e-12 * Math.max(1, Math.abs(expected[k]!))),
  );
  expect(off, what).toEqual([]);
}

/** Percents agree to 1e-9 points, and NaN (no base) where the recount has no base. */
function closePercents(actual: number[][], expected: number[][], what: string): void {
  actual.forEach((row, r) => {
    const off = row.filter((v, c) => {
      const e = expected[r]![c]!;
      return Number.isNaN(e) ? !Number.isNaN(v) : !(Math.abs(v - e) <= 1e-9);
    });
    expect(off, `${what}[${r}]`).toEqual([]);
  });
}

const percent = (num: number, den: number): number => (den > 0 ? (100 * num) / den : NaN);

function expectRecount(x: Crosstab, ref: Reference): void {
  expect(x.unweightedCounts).toEqual(ref.unweightedCounts);
  expect(x.unweightedRowBases).toEqual(ref.uRowBases);
  expect(x.unweightedColBases).toEqual(ref.uColBases);
  expect(x.unweightedTotal).toBe(ref.uTotal);
  x.counts.forEach((row, r) => close(row, ref.counts[r]!, `counts[${r}]`));
  close(x.rowBases, ref.rowBases, 'rowBases');
  close(x.colBases, ref.colBases, 'colBases');
  close([x.total], [ref.total], 'total');
  // Kish's effective bases (Σw)²/Σw² from the recount's Σw and Σw² of each column.
  const kish = (w: number, w2: number) => (w2 > 0 ? (w * w) / w2 : 0);
  close(
    x.effectiveBases,
    ref.colBases.map((w, c) => kish(w, ref.colSquares[c]!)),
    'effectiveBases',
  );
  close([x.effectiveTotal], [kish(ref.total, ref.totalSquares)], 'effectiveTotal');
  expect(x.missing).toEqual({
    ...ref.missing,
    weight: ref.weight,
    filteredOut: ref.filteredOut,
  });
  if (x.multi.rows) {
    close(x.colCases!, ref.colCases, 'colCases');
    close(x.colResponses!, ref.colResponses, 'colResponses');
  }
  if (x.multi.cols) {
    // The row-wise cases and responses show through their percents.
    const of = (bases: number[], nets: boolean) =>
      ref.counts.map((row, r) =>
        row.map((v, c) => (nets && x.cols.isNet[c] ? NaN : percent(v, bases[r]!))),
      );
    closePercents(x.rowPercentsOfCases!, of(ref.rowCases, false), 'rowPercentsOfCases');
    closePercents(x.rowPercentsOfResponses!, of(ref.rowResponses, true), 'rowPercentsOfResponses');
  }
}

const WIDE: AxisSpec = {
  questionId: 'wide',
  nets: [
    { label: 'any of 0, 3, 15', options: [0, 3, 15] },
    { label: 'all of 1, 2', options: [1, 2], all: true },
  ],
};
const WIDER: AxisSpec = {
  questionId: 'wider',
  nets: [{ label: 'any of 4..9', options: [4, 5, 6, 7, 8, 9] }],
};
const filters: Record<string, readonly FilterCondition[]> = {
  none: [],
  'segment 0 or 1': [{ questionId: 'segment', options: [0, 1] }],
  'narrow chose 2, segment not 3': [
    { questionId: 'narrow', options: [2] },
    { questionId: 'segment', options: [0, 1, 2] },
  ],
};
const pairs: [string, AxisSpec, AxisSpec][] = [
  [
    'wide × a 40-option multi (44 slots: two words of slot bits)',
    WIDE,
    { questionId: 'forty', nets: [{ label: 'any of 30..39', options: [30, 35, 39] }] },
  ],
  ['wide × wider (rows keep their patterns)', WIDE, WIDER],
  ['wider × wide (columns keep their patterns)', WIDER, WIDE],
  [
    'wide × a 700-option single',
    WIDE,
    { questionId: 'many', nets: [{ label: 'first', options: [0, 1] }] },
  ],
  ['a 700-option single × wider', { questionId: 'many' }, WIDER],
  [
    'narrow × a 15-option multi (18 slots, counted in three chunks)',
    { questionId: 'narrow' },
    { questionId: 'fifteen' },
  ],
  [
    'a 15-option multi with a net × narrow (19 slots, four chunks)',
    { questionId: 'narrow' },
    { questionId: 'fifteen', nets: [{ label: 'any of 0, 14', options: [0, 14] }] },
  ],
];

describe('crosstabs counted by slots', () => {
  it('are the pairs with more joint keys than a dense histogram holds (2^22), or than half the respondents', () => {
    const [wide, wider, many] = [axis(WIDE), axis(WIDER), axis({ questionId: 'many' })];
    const [narrow, segment] = [axis({ questionId: 'narrow' }), axis({ questionId: 'segment' })];
    // 3,855 and 4,845 answer patterns (and the missing key) among 7,000 respondents.
    expect([wide.nKeys, wider.nKeys, many.nKeys, narrow.nKeys]).toEqual([3856, 4846, 701, 33]);
    // 3,857 × 4,846 keys: over 2^22 at any size.
    expect(jointPays(wide, wider, 1e9)).toBe(false);
    expect(jointPays(wider, wide, 1e9)).toBe(false);
    // 3,857 × 701 = 2.7M and 702 × 4,846 = 3.4M keys: more than 7,000 respondents.
    expect(jointPays(wide, many, N)).toBe(false);
    expect(jointPays(many, wider, N)).toBe(false);
    // 34 × 4,846 = 165k keys: by slots for 7,000 or 320,000 respondents, by joint keys for a million.
    expect(jointPays(narrow, wider, N)).toBe(false);
    expect(jointPays(narrow, wider, 320_000)).toBe(false);
    expect(jointPays(narrow, wider, 1e6)).toBe(true);
    // The 40-option question has more answer patterns, so it is the one expanded.
    expect(axis({ questionId: 'forty' }).nKeys).toBeGreaterThan(wide.nKeys);
    // 34 × the 15-option question's patterns: by slots, that question expanded.
    const fifteen = axis({ questionId: 'fifteen' });
    expect(fifteen.nKeys).toBeGreaterThan(narrow.nKeys);
    expect(jointPays(narrow, fifteen, N)).toBe(false);
    // Up to 65,536 keys always by joint keys.
    expect(jointPays(narrow, segment, N)).toBe(true);
  });

  it.each(
    pairs.flatMap(([name, rows, cols]) =>
      Object.keys(filters).flatMap((f) =>
        [null, 'w'].map((weightId) => [name, f, weightId, rows, cols] as const),
      ),
    ),
  )(
    '%s (filter: %s, weight: %s) count what a per-respondent recount finds',
    (_, f, weightId, rows, cols) => {
      const filter = filters[f]!;
      const x = unwrap(crosstab(table, { rows, cols, weightId, filter, tests: false }));
      expectRecount(x, recount(rows, cols, weightId, filter));
    },
  );

  it('give the same sums as joint keys where both can count (counts exactly, weights to 1e-12)', () => {
    const rows = axis({ questionId: 'narrow', nets: [{ label: 'n', options: [0, 4] }] });
    for (const cols of [axis(WIDER), axis({ questionId: 'segment' })]) {
      for (const wt of [null, weights.values]) {
        // Valid weights only, as crosstab() leaves out the others before counting.
        const include = new Uint32Array((N + 31) >>> 5);
        for (let i = 0; i < N; i++) {
          if (wt === null || wt[i]! > 0) include[i >>> 5]! |= 1 << (i & 31);
        }
        const joint = emptyTally(rows, cols);
        addJoint(joint, rows, cols, countJointMany(N, rows, [cols], include, wt)[0]!);
        for (const keptIsRows of [true, false]) {
          const slots = emptyTally(rows, cols);
          const [kept, expanded] = keptIsRows ? [rows, cols] : [cols, rows];
          const squaresBy = keptIsRows ? 'expanded' : 'kept';
          countSlots(everyone(N), kept, expanded, include, wt, squaresBy, (h) =>
            addSlots(slots, kept, expanded, keptIsRows, h),
          );
          expect(slots.unweightedCounts).toEqual(joint.unweightedCounts);
          expect(slots.missing).toEqual(joint.missing);
          expect(slots.uTotal).toBe(joint.uTotal);
          slots.counts.forEach((row, r) => close(row, joint.counts[r]!, `counts[${r}]`));
          for (const k of ['rowBases', 'colBases', 'colCases', 'colResponses'] as const)
            close(slots[k], joint[k], k);
          close(slots.colSquares, joint.colSquares, 'colSquares');
          close([slots.totalSquares], [joint.totalSquares], 'totalSquares');
          for (const k of ['rowCases', 'rowResponses'] as const) close(slots[k], joint[k], k);
        }
      }
    }
  });

  it.each([
    ['rows', true],
    ['columns', false],
  ] as const)(
    'count in ranges of kept keys when kept keys × slots exceed the limit, with the same sums (kept axis on the %s)',
    (_, keptIsRows) => {
      const [rows, cols] = [axis(WIDE), axis(WIDER)];
      const [kept, expanded] = keptIsRows ? [rows, cols] : [cols, rows];
      const w = weights.values;
      const include = new Uint32Array((N + 31) >>> 5);
      for (let i = 0; i < N; i++) if (w[i]! > 0) include[i >>> 5]! |= 1 << (i & 31);
      const tally = (limit: number | undefined): [Tally, number] => {
        const t = emptyTally(rows, cols);
        let ranges = 0;
        countSlots(
          everyone(N),
          kept,
          expanded,
          include,
          w,
          keptIsRows ? 'expanded' : 'kept',
          (h) => {
            ranges++;
            addSlots(t, kept, expanded, keptIsRows, h);
          },
          limit,
        );
        return [t, ranges];
      };
      const [one, oneRanges] = tally(undefined);
      const [many, manyRanges] = tally(20_000);
      expect(oneRanges).toBe(1);
      const S = expanded.info.labels.length + 3;
      // Kept rows: 22 slots per key (19 outputs and 3 more), 908 keys a range.
      if (keptIsRows) expect(S).toBe(22);
      expect(manyRanges).toBe(Math.ceil(kept.nKeys / (Math.floor(20_000 / S) - 1)));
      expect(manyRanges).toBeGreaterThan(1);
      expect(many).toEqual(one);
      expect(one.colSquares.every((x) => x > 0)).toBe(true);
    },
  );

  it('count unweighted in ranges of kept keys by chunk cells (64 a chunk), with the same counts', () => {
    const [rows, cols] = [axis(WIDE), axis(WIDER)];
    const tally = (limit: number | undefined): [Tally, number] => {
      const t = emptyTally(rows, cols);
      let ranges = 0;
      countSlots(
        everyone(N),
        rows,
        cols,
        null,
        null,
        'expanded',
        (h) => {
          ranges++;
          addSlots(t, rows, cols, true, h);
        },
        limit,
      );
      return [t, ranges];
    };
    const [one, oneRanges] = tally(undefined);
    const [many, manyRanges] = tally(20_000);
    expect(oneRanges).toBe(1);
    // 22 slots are four chunks of 64 cells: 256 cells a key, 77 keys a range.
    expect(manyRanges).toBe(Math.ceil(rows.nKeys / 77));
    expect(many).toEqual(one);
    expectRecount(
      unwrap(crosstab(table, { rows: WIDE, cols: WIDER, weightId: null, tests: false })),
      recount(WIDE, WIDER, null, []),
    );
    expect(one.unweightedCounts).toEqual(
      unwrap(crosstab(table, { rows: WIDE, cols: WIDER, weightId: null, tests: false }))
        .unweightedCounts,
    );
  });

  it('in a banner with columns counted both ways, equal their separate crosstabs exactly', () => {
    const cols: (AxisSpec | null)[] = [
      WIDER,
      { questionId: 'segment' },
      null,
      { questionId: 'many' },
    ];
    for (const weightId of [null, 'w']) {
      const opts = { weightId, filter: filters['segment 0 or 1'], tests: false };
      const tables = unwrap(banner(table, WIDE, cols, opts));
      cols.forEach((c, k) =>
        expect(tables[k]).toEqual(unwrap(crosstab(table, { rows: WIDE, cols: c, ...opts }))),
      );
    }
  });
});
