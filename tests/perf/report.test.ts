import { describe, expect, it } from 'vitest';
import { markdown, targets } from '../../perf/report';
import type { CaseResult, SizeResult } from '../../perf/run';

const t = (ms: number) => ({ medianMs: ms, minMs: ms, runs: 5 });
const kase = (key: string, engine: number, floor: number, duck: number): CaseResult => ({
  key,
  label: key,
  engine: t(engine),
  floor: t(floor),
  naive: { ...t(490), agrees: true },
  arquero: { na: 'not run' },
  duckdb: { ...t(duck), agrees: true },
});

function size(over: {
  ratio: number;
  ss: number;
  ms: number;
  banner: number;
  retained: number;
}): SizeResult {
  return {
    rows: 1_000_000,
    bytes: 300e6,
    generateMs: 1,
    import: {
      engine: t(1000),
      papaparse: t(1000 * over.ratio),
      engineMBps: 300,
      papaparseMBps: 300 / over.ratio,
      ratio: over.ratio,
      duckdb: { na: 'skipped' },
    },
    memory: {
      answers: 30e6,
      typedArrayBytes: 54e6,
      typedBytesPerAnswer: 1.8,
      retainedBytes: over.retained * 30e6,
      retainedBytesPerAnswer: over.retained,
      rssBefore: 1,
      peakRss: 2,
      heapBefore: 1,
      peakHeap: 2,
      samples: 3,
    },
    setupMs: { naiveObjects: 1, arqueroTable: 1 },
    duckdb: { version: 'v1', threads: 2 },
    cases: [
      kase('ss', over.ss, 0.7, 45),
      kase('ms', over.ms, 0.7, 100),
      kase('banner', over.banner, 15, 900),
    ],
  };
}

const results = (s: SizeResult, gzip: number) =>
  targets(s, { source: 'test', files: [], jsBytes: 0, gzipBytes: gzip, lazyGzipBytes: 0 }).map(
    (x) => x.pass,
  );

describe('benchmark targets', () => {
  it('pass when every figure is inside its limit', () => {
    const s = size({ ratio: 1.2, ss: 2.4, ms: 9.9, banner: 58, retained: 3.9 });
    expect(results(s, 249_999)).toEqual([true, true, true, true, true, true, true]);
  });

  it('fail one by one when a figure is just outside its limit', () => {
    // ss 4.6 ms is 0.102× DuckDB's 45 ms but 6.6× the 0.7 ms floor; ms 10.1 is 0.101× of 100.
    const s = size({ ratio: 0.84, ss: 4.6, ms: 10.1, banner: 100, retained: 4.01 });
    expect(results(s, 250_000)).toEqual([false, false, true, false, false, false, false]);
  });

  it('fails single × single against the floor beyond 20×', () => {
    const s = size({ ratio: 1, ss: 14.1, ms: 1, banner: 1, retained: 1 });
    expect(results(s, 1)[2]).toBe(false);
  });

  it('prints n/a rather than a result when DuckDB did not run', () => {
    const s = size({ ratio: 1, ss: 1, ms: 1, banner: 1, retained: 1 });
    for (const c of s.cases) c.duckdb = { na: 'no native binary' };
    const out = targets(s, { na: 'vite build failed' });
    expect(out.map((x) => x.pass)).toEqual([true, null, true, null, true, true, null]);
    const text = markdown({
      date: 'today',
      machine: { node: 'v20', platform: 'linux x64', cpus: 2, cpuModel: 'cpu', memoryGiB: 24 },
      sizes: [s],
      bundle: { na: 'vite build failed' },
      targets: out,
    });
    expect(text).toContain('n/a (no native binary)');
    expect(text).toContain('| PASS |');
  });
});
