// The bench's output: Markdown grids (engine beside its peers, Arquero-style)
// and PASS/FAIL for each target, all computed from the measured figures.
import type { BundleFigures } from './bundle';
import type { PeerFigure, SizeResult } from './run';

export interface Target {
  name: string;
  measured: string;
  limit: string;
  pass: boolean | null;
}

export interface BenchResult {
  date: string;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; memoryGiB: number };
  sizes: SizeResult[];
  bundle: BundleFigures | { na: string };
  targets: Target[];
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const ms = (n: number): string => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : int(n));
/** A ratio; three decimals below 1, so that 0.102× is not read as the 0.10× limit it misses. */
const x = (n: number): string => (n < 1 ? n.toFixed(3) : n < 10 ? n.toFixed(2) : n.toFixed(1));
const mib = (b: number): string => `${(b / 1024 ** 2).toFixed(1)} MiB`;
const kb = (b: number): string => `${(b / 1000).toFixed(1)} kB`;

/** A set-up time, or "not run" (NaN, or null when read back from JSON) when its peer did not run. */
const setup = (n: number | null): string =>
  n !== null && Number.isFinite(n) ? `${int(n)} ms` : 'not run';
const peerMs = (p: PeerFigure): number | null => ('na' in p ? null : p.medianMs);
function peerCell(p: PeerFigure): string {
  if ('na' in p) return `n/a (${p.na})`;
  return `${ms(p.medianMs)}${p.agrees ? '' : ' ✗ differs'} (${p.runs})`;
}

/**
 * The engine's time against DuckDB's: the engine's median from the rounds
 * that alternated with DuckDB's when the run timed it so (engineMs), else
 * `engine` (results saved before it did).
 */
const beside = (p: PeerFigure, engine: number): number =>
  'na' in p ? engine : (p.engineMs ?? engine);

/** engine ÷ DuckDB with the two medians it divides, e.g. "0.060× (47.2 ÷ 793)". */
const ratioCell = (engine: number, duck: number | null): string =>
  duck === null ? 'n/a' : `${x(engine / duck)}× (${ms(engine)} ÷ ${ms(duck)})`;

function caseMs(
  s: SizeResult,
  key: string,
): { engine: number; floor: number; duck: number | null; besideDuck: number } {
  const c = s.cases.find((k) => k.key === key)!;
  return {
    engine: c.engine.medianMs,
    floor: c.floor.medianMs,
    duck: peerMs(c.duckdb),
    besideDuck: beside(c.duckdb, c.engine.medianMs),
  };
}

/** The two-thread import and DuckDB's in the rounds that alternate them. */
function partsCells(p: SizeResult['import']['parts']): [string, string] {
  if (p === undefined) return ['n/a (older result)', ''];
  if ('na' in p) return [`n/a (${p.na})`, ''];
  return [
    `${p.partsMBps.toFixed(1)} MB/s (${p.parts.runs})`,
    `${p.duckdbMBps.toFixed(1)} MB/s (${p.duckdb.runs})`,
  ];
}

export function targets(largest: SizeResult, bundle: BenchResult['bundle']): Target[] {
  const at = `at ${int(largest.rows)}`;
  const out: Target[] = [];
  const imp = largest.import;
  out.push({
    name: `import throughput ÷ papaparse raw (${at})`,
    measured: `${x(imp.ratio)}× (${imp.engineMBps.toFixed(1)} vs ${imp.papaparseMBps.toFixed(1)} MB/s)`,
    limit: '≥ 1.0×',
    pass: imp.ratio >= 1,
  });
  const parts = imp.parts;
  if (parts !== undefined)
    out.push({
      name: `import in parts (two threads) ÷ DuckDB read_csv (${at})`,
      measured:
        'na' in parts
          ? `n/a (${parts.na})`
          : `${x(parts.partsMBps / parts.duckdbMBps)}× (${parts.partsMBps.toFixed(1)} vs ${parts.duckdbMBps.toFixed(1)} MB/s)`,
      limit: '≥ 0.6×',
      pass: 'na' in parts ? null : parts.partsMBps / parts.duckdbMBps >= 0.6,
    });
  const vsDuck = (key: string, label: string): void => {
    const c = caseMs(largest, key);
    out.push({
      name: `${label} ÷ DuckDB (${at})`,
      measured:
        c.duck === null
          ? 'n/a (DuckDB did not run)'
          : `${x(c.besideDuck / c.duck)}× (${ms(c.besideDuck)} vs ${ms(c.duck)} ms)`,
      limit: '≤ 0.1×',
      pass: c.duck === null ? null : c.besideDuck / c.duck <= 0.1,
    });
  };
  // Every crosstab case at most 0.1× DuckDB: weighted, filtered, multi × multi and banners alike.
  for (const c of largest.cases) vsDuck(c.key, c.label);
  if (largest.cases.some((c) => c.key === 'ss')) {
    const ss = caseMs(largest, 'ss');
    out.push({
      name: `single × single ÷ memory-read floor (${at})`,
      measured: `${x(ss.engine / ss.floor)}× (${ms(ss.engine)} vs ${ms(ss.floor)} ms)`,
      limit: '≤ 20×',
      pass: ss.engine / ss.floor <= 20,
    });
  }
  for (const t of largest.tabBooks ?? []) {
    const duck = peerMs(t.duckdb);
    const engine = beside(t.duckdb, t.engine.medianMs);
    out.push({
      name: `${t.label} ÷ DuckDB (${at})`,
      measured:
        duck === null
          ? 'n/a (DuckDB did not run)'
          : `${x(engine / duck)}× (${ms(engine)} vs ${ms(duck)} ms)`,
      limit: '≤ 0.1×',
      pass: duck === null ? null : engine / duck <= 0.1,
    });
  }
  if (largest.cases.some((c) => c.key === 'banner')) {
    const b = caseMs(largest, 'banner');
    out.push({
      name: `banner, Q1 × 23 (${at})`,
      measured: `${ms(b.engine)} ms`,
      limit: '< 100 ms',
      pass: b.engine < 100,
    });
  }
  const m = largest.memory;
  // The larger of the survey alone and the survey with what the crosstabs keep (their caches).
  const perAnswer =
    m.retainedBytesPerAnswer === null
      ? null
      : Math.max(m.retainedBytesPerAnswer, m.withCachesBytesPerAnswer ?? 0);
  out.push({
    name: `bytes retained per respondent-answer (${at})`,
    measured:
      perAnswer === null || m.retainedBytesPerAnswer === null
        ? 'n/a (run with node --expose-gc)'
        : `${perAnswer.toFixed(2)} B (loaded ${m.retainedBytesPerAnswer.toFixed(2)} B${m.withCachesBytesPerAnswer == null ? '' : `, after every crosstab ${m.withCachesBytesPerAnswer.toFixed(2)} B`}; typed arrays ${m.typedBytesPerAnswer.toFixed(2)} B)`,
    limit: '≤ 2 B',
    pass: perAnswer === null ? null : perAnswer <= 2,
  });
  out.push({
    name: 'gzipped JS a first visit loads (entry, static imports, workers started at load)',
    measured: 'na' in bundle ? `n/a (${bundle.na})` : kb(bundle.gzipBytes),
    limit: '< 250 kB',
    pass: 'na' in bundle ? null : bundle.gzipBytes < 250_000,
  });
  return out;
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export function markdown(r: BenchResult): string {
  const parts: string[] = [];
  const m = r.machine;
  parts.push(
    `Survey Workbench benchmark, ${r.date}: Node ${m.node}, ${m.platform}, ${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB} GiB.`,
  );
  const duck = r.sizes.find((s) => s.duckdb !== null)?.duckdb;
  if (duck) parts.push(`DuckDB ${duck.version} through @duckdb/node-api, ${duck.threads} threads.`);

  parts.push('\n### Import (MB = 10⁶ bytes; median of the runs in brackets)\n');
  parts.push(
    table(
      [
        'respondents',
        'CSV',
        'loadSurveyFile',
        'papaparse raw',
        'ratio',
        'DuckDB read_csv',
        'in parts (2 threads)',
        'DuckDB, alternating',
      ],
      r.sizes.map((s) => [
        int(s.rows),
        `${(s.bytes / 1e6).toFixed(1)} MB`,
        `${s.import.engineMBps.toFixed(1)} MB/s (${s.import.engine.runs})`,
        `${s.import.papaparseMBps.toFixed(1)} MB/s (${s.import.papaparse.runs})`,
        `${x(s.import.ratio)}×`,
        'na' in s.import.duckdb
          ? `n/a (${s.import.duckdb.na})`
          : `${s.import.duckdb.MBps.toFixed(1)} MB/s`,
        ...partsCells(s.import.parts),
      ]),
    ),
  );

  for (const s of r.sizes) {
    parts.push(
      `\n### Crosstab latency at ${int(s.rows)} respondents (ms, median; runs in brackets; ✗ = table differs from the engine's; engine ÷ DuckDB from rounds that alternate the two)\n`,
      '\nThe engine counts with a helper thread holding a copy of the table, which tallies the second part of the respondents (`src/core/crosstab/split.ts`; DuckDB uses its 2 threads); "one thread" is the same numbers counted on one thread, as the CLI counts them (and the app before its helper holds the survey).\n',
    );
    parts.push(
      table(
        [
          'crosstab',
          'engine',
          'one thread',
          'read floor',
          'naive objects',
          'Arquero',
          'DuckDB',
          'engine ÷ DuckDB',
          'engine ÷ floor',
        ],
        s.cases.map((c) => {
          const d = peerMs(c.duckdb);
          return [
            c.label,
            `**${ms(c.engine.medianMs)}** (${c.engine.runs})`,
            c.alone === undefined ? 'n/a' : ms(c.alone.medianMs),
            ms(c.floor.medianMs),
            peerCell(c.naive),
            peerCell(c.arquero),
            peerCell(c.duckdb),
            ratioCell(beside(c.duckdb, c.engine.medianMs), d),
            `${x(c.engine.medianMs / c.floor.medianMs)}×`,
          ];
        }),
      ),
    );
    parts.push(
      `\nSet-up outside the timings: row objects ${setup(s.setupMs.naiveObjects)}, Arquero table ${setup(s.setupMs.arqueroTable)}.`,
    );
    const books = s.tabBooks;
    if (books !== undefined) {
      parts.push(
        `\n### Tab books at ${int(s.rows)} respondents (ms, median; runs in brackets; ✗ = cells differ from the engine's; engine ÷ DuckDB from alternating rounds)\n`,
      );
      parts.push(
        table(
          ['tab book', 'engine', 'DuckDB (GROUPING SETS)', 'engine ÷ DuckDB'],
          books.map((t) => {
            const d = peerMs(t.duckdb);
            return [
              t.label,
              `**${ms(t.engine.medianMs)}** (${t.engine.runs})`,
              peerCell(t.duckdb),
              ratioCell(beside(t.duckdb, t.engine.medianMs), d),
            ];
          }),
        ),
      );
    }
  }

  parts.push(
    '\n### Memory of a loaded survey (respondent-answer = respondent × categorical question)\n',
  );
  parts.push(
    table(
      [
        'respondents',
        'typed arrays',
        'per answer',
        'retained (gc)',
        'per answer',
        'after every crosstab (gc)',
        'peak RSS (before)',
        'peak heap+external (before)',
      ],
      r.sizes.map((s) => {
        const mm = s.memory;
        return [
          int(s.rows),
          mib(mm.typedArrayBytes),
          `${mm.typedBytesPerAnswer.toFixed(2)} B`,
          mm.retainedBytes === null ? 'n/a' : mib(mm.retainedBytes),
          mm.retainedBytesPerAnswer === null ? 'n/a' : `${mm.retainedBytesPerAnswer.toFixed(2)} B`,
          mm.withCachesBytesPerAnswer == null
            ? 'n/a'
            : `${mm.withCachesBytesPerAnswer.toFixed(2)} B`,
          `${mib(mm.peakRss)} (${mib(mm.rssBefore)})`,
          `${mib(mm.peakHeap)} (${mib(mm.heapBefore)})`,
        ];
      }),
    ),
  );

  parts.push('\n### Production bundle\n');
  if ('na' in r.bundle) parts.push(`n/a (${r.bundle.na})`);
  else
    parts.push(
      `${r.bundle.files.filter((f) => f.initial).length} of ${r.bundle.files.length} JS files load on a first visit: ${kb(r.bundle.jsBytes)} → **${kb(r.bundle.gzipBytes)} gzipped**; ${kb(r.bundle.lazyGzipBytes)} gzipped more load only when used (Parquet, Excel, codecs). zlib default level; kB = 1,000 bytes. Source: ${r.bundle.source}.`,
    );

  parts.push('\n### Targets\n');
  parts.push(
    table(
      ['target', 'measured', 'limit', 'result'],
      r.targets.map((t) => [
        t.name,
        t.measured,
        t.limit,
        t.pass === null ? 'n/a' : t.pass ? 'PASS' : 'FAIL',
      ]),
    ),
  );
  return parts.join('\n') + '\n';
}
