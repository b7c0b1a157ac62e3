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

/** The bench's Markdown for one size, on a made-up machine. */
const page = (s: SizeResult, out: ReturnType<typeof targets>, bundle = 'not built'): string =>
  markdown({
    date: 'today',
    machine: { node: 'v20', platform: 'linux x64', cpus: 2, cpuModel: 'cpu', memoryGiB: 24 },
    sizes: [s],
    bundle: { na: bundle },
    targets: out,
  });

function size(over: {
  ratio: number;
  ss: number;
  ms: number;
  wide: number;
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
      kase('mm-wide-w', over.wide, 2, 250),
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
    const s = size({ ratio: 1.2, ss: 2.4, ms: 9.9, wide: 24.9, banner: 58, retained: 1.99 });
    expect(results(s, 249_999)).toEqual([true, true, true, true, true, true, true, true, true]);
  });

  it('fail one by one when a figure is just outside its limit', () => {
    // Order: import, each case ÷ DuckDB (ss, ms, mm-wide-w, banner), ss ÷ floor, banner < 100 ms,
    // memory, bundle. ss 4.6 ms is 0.102× DuckDB's 45 ms but 6.6× the 0.7 ms floor; ms 10.1 is
    // 0.101× of 100; the widest multi × multi 25.1 is 0.1004× of 250; banner 100 is 0.111× of 900.
    const s = size({ ratio: 0.84, ss: 4.6, ms: 10.1, wide: 25.1, banner: 100, retained: 2.01 });
    expect(results(s, 250_000)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      false,
      false,
      false,
    ]);
  });

  it('fails single × single against the floor beyond 20×', () => {
    const s = size({ ratio: 1, ss: 14.1, ms: 1, wide: 1, banner: 1, retained: 1 });
    expect(results(s, 1)[5]).toBe(false);
  });

  it('judge only the cases that ran (npm run bench -- --cases mm-wide-w)', () => {
    const s = size({ ratio: 1, ss: 1, ms: 1, wide: 30, banner: 1, retained: 1 });
    s.cases = s.cases.filter((c) => c.key === 'mm-wide-w');
    const out = targets(s, { na: 'not built' });
    expect(out).toHaveLength(4);
    expect(out.slice(0, 3).map((x) => x.name)).toEqual([
      'import throughput ÷ papaparse raw (at 1,000,000)',
      'mm-wide-w ÷ DuckDB (at 1,000,000)',
      'bytes retained per respondent-answer (at 1,000,000)',
    ]);
    expect(out[1]).toMatchObject({ measured: '0.120× (30.0 vs 250 ms)', pass: false });
  });

  it('divide by DuckDB the engine time from the rounds that alternated with it', () => {
    // Timed alone the engine took 2.4 ms (0.053× DuckDB's 45 ms); beside DuckDB, 4.6 ms (0.102×).
    const s = size({ ratio: 1, ss: 2.4, ms: 1, wide: 1, banner: 1, retained: 1 });
    const ss = s.cases[0]!;
    ss.duckdb = { ...t(45), agrees: true, engineMs: 4.6 };
    const out = targets(s, { na: 'not built' });
    expect(out[1]).toMatchObject({ measured: '0.102× (4.60 vs 45.0 ms)', pass: false });
    const text = page(s, out);
    expect(text).toContain(
      '| **2.40** (5) | n/a | 0.70 | 490 (5) | n/a (not run) | 45.0 (5) | 0.102× (4.60 ÷ 45.0) |',
    );
  });

  it('show the one-thread time beside the engine’s with its helper thread, and judge the latter', () => {
    const s = size({ ratio: 1, ss: 2.4, ms: 1, wide: 1, banner: 1, retained: 1 });
    s.cases[0]!.alone = t(3.9);
    const out = targets(s, { na: 'not built' });
    const text = page(s, out);
    expect(text).toContain('| engine | one thread | read floor |');
    expect(text).toContain('| **2.40** (5) | 3.90 | 0.70 |');
    expect(out[1]).toMatchObject({ measured: expect.stringContaining('(2.40 vs') });
  });

  it('count what the engine keeps between crosstabs against the 2 B a respondent-answer', () => {
    const s = size({ ratio: 1, ss: 1, ms: 1, wide: 1, banner: 1, retained: 1.9 });
    s.memory.withCachesBytesPerAnswer = 2.01;
    const memory = targets(s, { na: 'not built' }).find((x) => x.name.startsWith('bytes'))!;
    expect(memory).toMatchObject({
      measured: '2.01 B (loaded 1.90 B, after every crosstab 2.01 B; typed arrays 1.80 B)',
      pass: false,
    });
  });

  it.each([
    [107.4, 130.8, '0.821× (107.4 vs 130.8 MB/s)', true],
    [78.4, 130.8, '0.599× (78.4 vs 130.8 MB/s)', false],
  ])(
    'judge the two-thread import at %s MB/s against DuckDB at %s MB/s by 0.6×',
    (partsMBps, duckdbMBps, measured, pass) => {
      const s = size({ ratio: 1, ss: 1, ms: 1, wide: 1, banner: 1, retained: 1 });
      s.import.parts = { parts: t(1), duckdb: t(1), partsMBps, duckdbMBps };
      const row = targets(s, { na: 'not built' })[1]!;
      expect(row).toMatchObject({
        name: 'import in parts (two threads) ÷ DuckDB read_csv (at 1,000,000)',
        measured,
        limit: '≥ 0.6×',
        pass,
      });
    },
  );

  it('leave the two-thread import unjudged when DuckDB did not load', () => {
    const s = size({ ratio: 1, ss: 1, ms: 1, wide: 1, banner: 1, retained: 1 });
    s.import.parts = { na: 'no native binary' };
    expect(targets(s, { na: 'not built' })[1]).toMatchObject({
      measured: 'n/a (no native binary)',
      pass: null,
    });
  });

  it('prints n/a rather than a result when DuckDB did not run', () => {
    const s = size({ ratio: 1, ss: 1, ms: 1, wide: 1, banner: 1, retained: 1 });
    for (const c of s.cases) c.duckdb = { na: 'no native binary' };
    const out = targets(s, { na: 'vite build failed' });
    expect(out.map((x) => x.pass)).toEqual([true, null, null, null, null, true, true, true, null]);
    const text = page(s, out, 'vite build failed');
    expect(text).toContain('n/a (no native binary)');
    expect(text).toContain('| PASS |');
  });
});
