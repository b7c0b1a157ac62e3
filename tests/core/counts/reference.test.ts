// Tables of counts as a user pastes them, analysed and compared with GNU R
// (tests/fixtures/reference/counts-reference.json, made by
// scripts/reference/make-fixtures.sh): counts, column percents, chi-square and
// Wilson intervals to 1e-9 relative, and every letter.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseCounts } from '../../../src/core/counts/analyse';
import { parseCountsTable } from '../../../src/core/counts/parse';
import { expectRelClose } from '../../support/numbers';

interface Case {
  name: string;
  text: string;
  counts: number[][];
  colBases: number[];
  colPercents: number[][];
  chiSquare: { statistic: number; df: number; p: number } | null;
  expectedBelow5: number | null;
  tests: string[][];
  low: number[][];
  high: number[][];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/reference/counts-reference.json', import.meta.url), 'utf8'),
) as { generator: string; cases: Case[] };

const close = (
  actual: readonly (readonly (number | null)[])[],
  expected: number[][],
  what: string,
) => {
  expect(actual.length, what).toBe(expected.length);
  expected.forEach((row, r) => {
    expect(actual[r]!.length, `${what}[${r}]`).toBe(row.length);
    row.forEach((e, c) => expectRelClose(actual[r]![c]!, e, 1e-9, `${what}[${r}][${c}]`));
  });
};

describe(`tables of counts match ${fixture.generator}`, () => {
  it('has the seven reference tables', () => {
    expect(fixture.cases.length).toBe(7);
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_name, ref) => {
    const parsed = parseCountsTable(ref.text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const a = analyseCounts(parsed.value);
    close(a.table.counts, ref.counts, 'counts');
    ref.colBases.forEach((b, c) => expectRelClose(a.colBases[c]!, b, 1e-12, `base ${c}`));
    close(a.colPercents, ref.colPercents, 'column %');
    close(
      a.intervals.map((row) => row.map((i) => i!.low)),
      ref.low,
      'interval low',
    );
    close(
      a.intervals.map((row) => row.map((i) => i!.high)),
      ref.high,
      'interval high',
    );
    expect(a.tests).toEqual(ref.tests);
    if (ref.chiSquare === null) expect(a.chiSquare).toBeNull();
    else {
      const chi = a.chiSquare!;
      expectRelClose(chi.statistic, ref.chiSquare.statistic, 1e-9, 'chi-square');
      expect(chi.df).toBe(ref.chiSquare.df);
      expectRelClose(chi.p, ref.chiSquare.p, 1e-9, 'p');
      expect(chi.expectedBelow5).toBe(ref.expectedBelow5);
    }
  });
});
