// crosstab() on random small tables and random specs, unknown ids and bad option
// numbers included: always a Result; when ok, the counts add up and every
// percent is a share (0 to 100) or NaN for an empty base.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crosstab } from '../../../src/core/crosstab/crosstab';
import type { Crosstab, CrosstabSpec, NetSpec } from '../../../src/core/crosstab/types';
import type { Column, RespondentTable } from '../../../src/core/table/types';
import { multi, numeric, single } from '../../support/respondents';
import { expectNoPrototypePollution, expectWellFormedResult, PROTO_NAMES } from './arbitraries';

const LABELS = ['Yes', 'No', '微信', '<b>x</b>', ...PROTO_NAMES];

/** A table of 0–40 respondents with single, multi and numeric columns (ids q0, q1, …, w). */
const table: fc.Arbitrary<RespondentTable> = fc
  .record({
    n: fc.integer({ min: 0, max: 40 }),
    kinds: fc.array(fc.constantFrom('single', 'multi'), { minLength: 1, maxLength: 4 }),
    labelCounts: fc.array(fc.integer({ min: 2, max: 5 }), { minLength: 4, maxLength: 4 }),
    weighted: fc.boolean(),
  })
  .chain(({ n, kinds, labelCounts, weighted }) => {
    const columnArbs = kinds.map((kind, k) => {
      const labels = LABELS.slice(0, labelCounts[k] ?? 1).map((l) => `${l}`);
      const id = k === 1 ? '__proto__' : `q${k}`;
      if (kind === 'single')
        return fc
          .array(fc.option(fc.constantFrom(...labels), { nil: null, freq: 4 }), {
            minLength: n,
            maxLength: n,
          })
          .map((values): Column => single(id, values, labels));
      return fc
        .array(fc.option(fc.subarray(labels), { nil: null, freq: 4 }), {
          minLength: n,
          maxLength: n,
        })
        .map((values): Column => multi(id, values, labels));
    });
    const weight = fc
      .array(fc.option(fc.constantFrom(0.5, 1, 1.5, 2, 0, -1, Infinity), { nil: null, freq: 5 }), {
        minLength: n,
        maxLength: n,
      })
      .map((values) => numeric('w', values));
    return fc.tuple(fc.tuple(...columnArbs), weight).map(([columns, w]): RespondentTable => ({
      format: 'respondents',
      meta: { title: 'fuzz', notice: null, source: null },
      rowCount: n,
      columns: [...columns, w],
      weightId: weighted ? 'w' : null,
      idColumnId: null,
    }));
  });

/** Mostly valid ids, option numbers and weights of `t`; sometimes unknown or out of range. */
function specFor(t: RespondentTable): fc.Arbitrary<CrosstabSpec> {
  const categorical = t.columns.filter((c) => c.type !== 'numeric');
  const questionId = fc.oneof(
    { weight: 15, arbitrary: fc.constantFrom(...categorical.map((c) => c.id)) },
    { weight: 1, arbitrary: fc.constantFrom('w', 'nope', 'constructor', 'toString', '') },
  );
  const optionIndex = fc.oneof(
    { weight: 30, arbitrary: fc.integer({ min: 0, max: 1 }) },
    { weight: 1, arbitrary: fc.constantFrom(-1, 1.5, NaN, 99, 2 ** 31) },
  );
  const nets = fc.array(
    fc.record({
      label: fc.constantFrom('Top 2', '__proto__', '<i>'),
      options: fc.array(optionIndex, { maxLength: 3 }),
    }),
    { maxLength: 2 },
  ) as fc.Arbitrary<NetSpec[]>;
  const axis = fc.record({ questionId, nets }, { requiredKeys: ['questionId'] });
  return fc.record(
    {
      rows: axis,
      cols: fc.option(axis, { nil: null, freq: 3 }),
      weightId: fc.constantFrom(null, null, 'w', 'w', 'q0', 'nope', '__proto__'),
      filter: fc.array(
        fc.record({ questionId, options: fc.array(optionIndex, { minLength: 1, maxLength: 3 }) }),
        { maxLength: 2 },
      ),
      tests: fc.boolean(),
    },
    { requiredKeys: ['rows', 'cols'] },
  );
}

const tableAndSpec = table.chain((t) => fc.tuple(fc.constant(t), specFor(t)));

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

function expectShares(name: string, m: readonly (readonly number[])[] | null): void {
  if (m === null) return;
  for (const row of m)
    for (const p of row)
      expect(Number.isNaN(p) || (p >= 0 && p <= 100 + 1e-9), `${name}: ${p}`).toBe(true);
}

function expectSound(x: Crosstab, rowCount: number): void {
  const R = x.rows.labels.length;
  const C = x.cols.labels.length;
  expect(x.counts.length).toBe(R);
  for (const row of x.counts) expect(row.length).toBe(C);
  for (const [name, m] of [
    ['colPercents', x.colPercents],
    ['rowPercents', x.rowPercents],
    ['totalPercents', x.totalPercents],
    ['colPercentsOfCases', x.colPercentsOfCases],
    ['colPercentsOfRespondents', x.colPercentsOfRespondents],
    ['colPercentsOfResponses', x.colPercentsOfResponses],
    ['rowPercentsOfCases', x.rowPercentsOfCases],
    ['rowPercentsOfRespondents', x.rowPercentsOfRespondents],
    ['rowPercentsOfResponses', x.rowPercentsOfResponses],
  ] as const)
    expectShares(name, m);
  expectShares('rowBasePercents', [x.rowBasePercents]);
  // Every respondent is in the table or counted in one of the reasons for leaving it out.
  expect(x.unweightedTotal + x.missing.excluded + x.missing.filteredOut + x.missing.weight).toBe(
    rowCount,
  );
  for (const row of x.unweightedCounts)
    for (const v of row) expect(Number.isInteger(v) && v >= 0 && v <= x.unweightedTotal).toBe(true);
  if (x.chiSquare !== null) {
    expect(x.chiSquare.p >= 0 && x.chiSquare.p <= 1).toBe(true);
    expect(x.chiSquare.statistic).toBeGreaterThanOrEqual(0);
  }
}

describe('crosstab on random tables and specs', () => {
  it('returns a Result and never throws, unknown ids and bad options included', () => {
    fc.assert(
      fc.property(tableAndSpec, ([t, s]) => {
        const r = crosstab(t, s);
        expectWellFormedResult(r);
        if (r.ok) expectSound(r.value, t.rowCount);
      }),
      { seed: 6101, numRuns: 300 },
    );
    expectNoPrototypePollution();
  });

  it('makes the counts of an unweighted single × single table add up to its total', () => {
    const singles = table.filter((t) => t.columns.filter((c) => c.type === 'single').length >= 2);
    fc.assert(
      fc.property(singles, fc.boolean(), (t, withNet) => {
        const [a, b] = t.columns.filter((c) => c.type === 'single');
        const r = crosstab(t, {
          rows: { questionId: a!.id },
          cols: { questionId: b!.id, nets: withNet ? [{ label: 'All', options: [0] }] : [] },
          weightId: null,
        });
        if (!r.ok) throw new Error(r.error.message);
        const x = r.value;
        const options = x.counts.map((row) =>
          row.slice(0, x.cols.labels.length - (withNet ? 1 : 0)),
        );
        expect(sum(options.map(sum))).toBe(x.total);
        expect(sum(x.rowBases)).toBe(x.total);
        expect(sum(x.colBases.slice(0, options[0]?.length ?? 0))).toBe(x.total);
        expect(x.total).toBe(x.unweightedTotal);
        expect(x.missing.weight).toBe(0);
        // Column percents of each column add up to 100 (or the column is empty).
        for (let c = 0; c < (options[0]?.length ?? 0); c++) {
          const col = x.colPercents.map((row) => row[c]!);
          if (x.colBases[c] === 0) expect(col.every(Number.isNaN)).toBe(true);
          else expect(sum(col)).toBeCloseTo(100, 9);
        }
        expectSound(x, t.rowCount);
      }),
      { seed: 6102, numRuns: 200 },
    );
  });
});
