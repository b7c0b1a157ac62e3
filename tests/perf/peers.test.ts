import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadSurveyFile } from '../../src/core/pipeline';
import type { BenchCase, Cells } from '../../perf/cases';
import { SEP, cellsDiff, engineCells, engineRunner } from '../../perf/cases';
import { readOnce } from '../../perf/floor';
import { median } from '../../perf/measure';
import { arqueroCrosstab, arqueroTable } from '../../perf/peers/arquero';
import { duckCrosstab, openDuck } from '../../perf/peers/duckdb';
import { naiveCrosstab, rowObjects } from '../../perf/peers/naive';

// Five respondents; Q3 and Q4 are multi-answer (";"), blanks are missing.
const CSV = [
  'respondent_id,weight,Q1,Q2,Q3,Q4,Q5',
  '1,1.5,A,x,P;R,Tea;Coffee,k',
  '2,0.5,A,y,P,Coffee,l',
  '3,2,B,x,,Tea,k',
  '4,1,B,,Q;R,Coffee,k',
  '5,1,,x,Q,Tea;Coffee,l',
].join('\n');

const cells = (o: Record<string, number>): Cells =>
  new Map(Object.entries(o).map(([k, v]) => [k.replace('|', SEP), v]));

const bc = (
  rows: string,
  cols: string[],
  weighted = false,
  filter: BenchCase['filter'] = null,
): BenchCase => ({ key: rows, label: rows, rows, cols, weighted, filter });

// Counted by hand from CSV above.
const CASES: [string, BenchCase, Cells[]][] = [
  ['single × single', bc('Q1', ['Q2']), [cells({ 'A|x': 1, 'A|y': 1, 'B|x': 1 })]],
  ['weighted', bc('Q1', ['Q2'], true), [cells({ 'A|x': 1.5, 'A|y': 0.5, 'B|x': 2 })]],
  [
    'filtered on Q5 = k',
    bc('Q1', ['Q2'], false, { questionId: 'Q5', labels: ['k'] }),
    [cells({ 'A|x': 1, 'B|x': 1 })],
  ],
  ['multi × single', bc('Q3', ['Q1']), [cells({ 'P|A': 2, 'R|A': 1, 'Q|B': 1, 'R|B': 1 })]],
  [
    'multi × multi',
    bc('Q3', ['Q4']),
    [cells({ 'P|Tea': 1, 'P|Coffee': 2, 'R|Tea': 1, 'R|Coffee': 2, 'Q|Tea': 1, 'Q|Coffee': 2 })],
  ],
  [
    'multi × multi, weighted',
    bc('Q3', ['Q4'], true),
    [
      cells({
        'P|Tea': 1.5,
        'P|Coffee': 2,
        'R|Tea': 1.5,
        'R|Coffee': 2.5,
        'Q|Tea': 1,
        'Q|Coffee': 2,
      }),
    ],
  ],
  [
    'banner Q1 × Q2, Q3, Q5',
    bc('Q1', ['Q2', 'Q3', 'Q5']),
    [
      cells({ 'A|x': 1, 'A|y': 1, 'B|x': 1 }),
      cells({ 'A|P': 2, 'A|R': 1, 'B|Q': 1, 'B|R': 1 }),
      cells({ 'A|k': 1, 'A|l': 1, 'B|k': 2 }),
    ],
  ],
];

const isMulti = (id: string): boolean => id === 'Q3' || id === 'Q4';
const bytes = new TextEncoder().encode(CSV);
const parsed = Papa.parse<string[]>(CSV, { header: false }).data;

async function engine(c: BenchCase): Promise<Cells[]> {
  const loaded = loadSurveyFile(bytes, { file: 'tiny.csv', weightId: 'weight' });
  if (!loaded.ok || loaded.value.kind !== 'respondents') throw new Error('not loaded');
  return engineCells(await engineRunner(loaded.value.table, c)());
}

describe('every implementation in the benchmark counts the same tables', () => {
  it.each(CASES)('the engine counts %s as counted by hand', async (_, c, want) => {
    expect(cellsDiff(await engine(c), want)).toBe(0);
  });

  it.each(CASES)('the naive baseline counts %s as counted by hand', (_, c, want) => {
    expect(cellsDiff(naiveCrosstab(rowObjects(parsed), c, isMulti), want)).toBe(0);
  });

  it.each(CASES)('Arquero counts %s as counted by hand', (_, c, want) => {
    expect(cellsDiff(arqueroCrosstab(arqueroTable(parsed), c, isMulti), want)).toBe(0);
  });

  it('DuckDB counts every case as counted by hand (or says why it cannot run)', async () => {
    const duck = await openDuck(bytes);
    if (typeof duck === 'string') {
      console.warn(`DuckDB skipped: ${duck}`);
      return;
    }
    try {
      for (const [, c, want] of CASES)
        expect(cellsDiff(await duckCrosstab(duck, c, isMulti), want)).toBe(0);
    } finally {
      duck.close();
    }
  });
});

describe('benchmark helpers', () => {
  it('reads every typed array once for the floor, summing codes and doubles and xoring 32-bit codes', () => {
    const bytes = Uint8Array.from({ length: 11 }, (_, i) => i); // 0 + … + 10 = 55, past the 4-way loop
    expect(readOnce([bytes, Uint16Array.of(300, 1), Float64Array.of(0.5, 0.25)])).toBe(356.75);
    expect(readOnce([Uint32Array.of(5, 3, 0xff, 0xff, 1)])).toBe(5 ^ 1 ^ 3);
  });

  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[7], 7],
  ])('takes the median of %j as %d', (xs, want) => {
    expect(median(xs)).toBe(want);
  });

  it('reports the largest relative difference between two tables', () => {
    const a = [cells({ 'A|x': 10, 'A|y': 4 })];
    expect(cellsDiff(a, [cells({ 'A|x': 10, 'A|y': 4 })])).toBe(0);
    expect(cellsDiff(a, [cells({ 'A|x': 8, 'A|y': 4 })])).toBeCloseTo(0.2, 12);
    expect(cellsDiff(a, [cells({ 'A|x': 10 })])).toBe(1);
  });
});
