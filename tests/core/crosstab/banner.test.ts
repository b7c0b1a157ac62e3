import { describe, expect, it } from 'vitest';
import { banner, crosstab, type BannerOptions } from '../../../src/core/crosstab/crosstab';
import type { AxisSpec } from '../../../src/core/crosstab/types';
import type { Codes, Column, MultiColumn, SingleColumn } from '../../../src/core/table/types';
import { expectCrosstab } from '../../support/crosstab';
import { mulberry32, picker } from '../../support/random';
import { multi, numeric, respondents, single, unwrap } from '../../support/respondents';

// A seeded random survey large enough to span several counting blocks (4,096
// respondents each, the last one partial), with single and multi-answer
// questions on every code array width, missing answers, a segment question
// whose first block is almost all "a" (so a filter on it leaves dense and
// sparse blocks), and weights with some unusable values (NaN, 0, negative).

const N = 3 * 4096 + 123;
const rand = mulberry32(20240601);
const pick = picker(rand);
const labels = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, j) => `${prefix}${j}`);

/** Skewed single answers; `missing` of them blank. */
function randomSingle(id: string, n: number, missing = 0.05): SingleColumn {
  const ls = labels(id + '_', n);
  return single(
    id,
    Array.from({ length: N }, () =>
      rand() < missing ? null : ls[Math.floor(n * rand() * rand())]!,
    ),
    ls,
  );
}

/** Each option chosen with its own probability; `missing` not asked; some answered with none. */
function randomMulti(id: string, n: number, missing = 0.08): MultiColumn {
  const ls = labels(id + '_', n);
  const p = ls.map((_, j) => 0.05 + 0.4 / (j + 1));
  return multi(
    id,
    Array.from({ length: N }, () =>
      rand() < missing ? null : ls.filter((_, j) => rand() < p[j]!),
    ),
    ls,
  );
}

function widen<T extends SingleColumn | MultiColumn>(column: T, as: 8 | 16 | 32): T {
  const to = (codes: Codes): Codes =>
    as === 8
      ? Uint8Array.from(codes)
      : as === 16
        ? Uint16Array.from(codes)
        : Uint32Array.from(codes);
  return column.type === 'single'
    ? { ...column, codes: to(column.codes) }
    : { ...column, patternOf: to((column as MultiColumn).patternOf) };
}

const segment = single(
  'segment',
  Array.from({ length: N }, (_, i) =>
    i < 4096 && rand() < 0.95 ? 'a' : pick(['a', 'b', 'c', 'd']),
  ),
  ['a', 'b', 'c', 'd'],
);
const weight = numeric(
  'w',
  Array.from({ length: N }, () => {
    const u = rand();
    if (u < 0.01) return NaN;
    if (u < 0.02) return 0;
    if (u < 0.025) return -1;
    return 0.3 + 2 * rand();
  }),
);
const columns: Column[] = [randomSingle('r1', 4), widen(randomMulti('rm', 6), 8), segment, weight];
// 22 column questions: singles and multis on 8-, 16- and 32-bit code arrays.
for (let k = 0; k < 22; k++) {
  const width = ([8, 16, 32] as const)[k % 3]!;
  const id = `c${k}`;
  if (k % 4 === 3) columns.push(widen(randomMulti(id, 3 + (k % 9)), width));
  else if (k === 10) columns.push(widen(randomSingle(id, 300), 16));
  else columns.push(widen(randomSingle(id, 2 + (k % 11), k === 5 ? 0.6 : 0.05), width));
}
const table = respondents(columns, { weightId: 'w' });

// 23 columns: the 22 questions, one with nets, and a Total column.
const colSpecs: (string | AxisSpec | null)[] = [
  ...Array.from({ length: 21 }, (_, k) => `c${k}`),
  {
    questionId: 'c21',
    nets: [
      { label: 'first two', options: [0, 1] },
      { label: 'last', options: [2] },
    ],
  },
  null,
];

const filters = {
  none: undefined,
  'segment a (dense and sparse blocks)': [{ questionId: 'segment', options: [0] }],
  'segment c or d, and c0 answered 1': [
    { questionId: 'segment', options: [2, 3] },
    { questionId: 'c0', options: [1] },
  ],
};

describe('banner', () => {
  it.each(
    (['r1', 'rm'] as const).flatMap((rows) =>
      (Object.keys(filters) as (keyof typeof filters)[]).flatMap((f) =>
        [null, 'w'].map((weightId) => [rows, f, weightId] as const),
      ),
    ),
  )(
    'of %s against 23 columns (filter: %s, weight: %s) equals 23 separate crosstabs exactly',
    (rows, f, weightId) => {
      const opts: BannerOptions = { weightId, filter: filters[f] };
      const tables = unwrap(banner(table, rows, colSpecs, opts));
      expect(tables).toHaveLength(23);
      colSpecs.forEach((c, k) => {
        const one = unwrap(
          crosstab(table, {
            rows: { questionId: rows },
            cols: typeof c === 'string' ? { questionId: c } : c,
            ...opts,
          }),
        );
        expect(tables[k], `column ${k}`).toEqual(one);
      });
    },
  );

  it.each(
    (Object.keys(filters) as (keyof typeof filters)[]).flatMap((f) =>
      [null, 'w'].map((weightId) => [f, weightId] as const),
    ),
  )('counts what a per-respondent recount finds (filter: %s, weight: %s)', (f, weightId) => {
    const ids = Array.from({ length: 22 }, (_, k) => `c${k}`);
    const conditions = filters[f] ?? [];
    const tables = unwrap(banner(table, 'rm', ids, { weightId, filter: conditions }));
    const rows = byId('rm');
    const w = weight.values;
    ids.forEach((id, k) => {
      const col = byId(id);
      const n = matrix(rows.labels.length, col.labels.length);
      const sw = matrix(rows.labels.length, col.labels.length);
      const missing = { rows: 0, cols: 0, excluded: 0, weight: 0, filteredOut: 0 };
      for (let i = 0; i < N; i++) {
        const passes = conditions.every((c) =>
          (chosen(byId(c.questionId), i) ?? []).some((o) => c.options.includes(o)),
        );
        if (!passes) {
          missing.filteredOut++;
          continue;
        }
        if (weightId !== null && !(w[i]! > 0 && w[i]! < Infinity)) {
          missing.weight++;
          continue;
        }
        const rs = chosen(rows, i);
        const cs = chosen(col, i);
        if (rs === null) missing.rows++;
        if (cs === null) missing.cols++;
        if (rs === null || cs === null) {
          missing.excluded++;
          continue;
        }
        for (const r of rs) {
          for (const c of cs) {
            n[r]![c]!++;
            sw[r]![c]! += weightId === null ? 1 : w[i]!;
          }
        }
      }
      const x = tables[k]!;
      expectCrosstab(x).toHaveUnweightedCounts(n).toHaveCounts(sw, 9);
      expect(x.missing, id).toEqual(missing);
    });
  });
});

function byId(id: string): SingleColumn | MultiColumn {
  return columns.find((c) => c.id === id) as SingleColumn | MultiColumn;
}

const matrix = (rows: number, cols: number): number[][] =>
  Array.from({ length: rows }, () => new Array<number>(cols).fill(0));

/** The options respondent i chose, or null when the answer is missing. */
function chosen(col: SingleColumn | MultiColumn, i: number): number[] | null {
  if (col.type === 'single') return col.codes[i] === 0 ? null : [col.codes[i]! - 1];
  const p = col.patternOf[i]!;
  if (p === 0) return null;
  const mask = col.masks[p - 1]!;
  return col.labels.map((_, j) => j).filter((j) => (mask >>> j) & 1);
}
