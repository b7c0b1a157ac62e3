// Import throughput (not a test), in alternating rounds on the same bytes:
//   - one thread: `loadSurveyFile` (decode, parse, infer, encode), as `npm run bench` times it;
//   - parts: the same import with `--helpers` worker threads reading parts of
//     the file (core/csv/parallel.ts, as the app's import worker does with Web
//     Workers; the threads are started before timing), checked cell for cell
//     against the one-thread table first;
//   - papaparse: `Papa.parse(new TextDecoder().decode(bytes), { header: false })`;
//   - DuckDB: `read_csv` into an in-memory table from a file in the page cache
//     (perf/peers/duckdb.ts), on its default threads.
// Each is given in MB/s of wall time and of its busiest thread's CPU time (on
// Linux): on a machine shared with other work the second says what the import
// would do with a core for each of its threads.
//
//   npx tsx perf/import-speed.ts [rows=1000000] [runs=3] [--helpers=1] [--mixed] [--only=load|parts|papa|duckdb] [--mem]
//
// Flags are read by node:util's parseArgs, anywhere on the line (`--only=load`
// or `--only load`); an unknown flag or a bad value prints the usage and exits with 2.
//
// The survey is the bench's (perf/generate.ts: 30 questions, quoted and
// Chinese labels; 367 MB at 1,000,000 rows). `--mixed` reads another seeded
// file instead, cached in the OS temp folder: 1,000,000 x 30 (~300 MB: an id,
// 16 single-answer questions with 3-12 options, 8 multi-answer questions with
// 5-15 options joined by ';', 5 numeric; CRLF line ends). `--mem` loads once
// and reports peak RSS and heap as sampled from onProgress (every 1 MB).
import { mulberry32 } from './random';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { bytesSource, loadSurveySource, type ReadOutcome } from '../src/core/loadSource';
import { loadSurveyFile, type Loaded } from '../src/core/pipeline';
import type { Result } from '../src/core/result';
import { generateSurvey } from './generate';
import { helperPool } from './parallel';
import { openDuck } from './peers/duckdb';

const USAGE =
  'Usage: npx tsx perf/import-speed.ts [rows=1000000] [runs=3] [--helpers=1] [--mixed] [--only=load|parts|papa|duckdb] [--mem]';
const ONLY = ['all', 'load', 'parts', 'papa', 'duckdb'];

/** The rows and runs, then the flags, by node:util's parseArgs; a wrong one prints the usage and exits with 2. */
function speedArgs(argv: string[]): {
  rows: number;
  runs: number;
  only: string;
  helpers: number;
  mem: boolean;
  mixed: boolean;
} {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        helpers: { type: 'string', default: '1' },
        mixed: { type: 'boolean', default: false },
        only: { type: 'string', default: 'all' },
        mem: { type: 'boolean', default: false },
      },
    });
    const [rowsArg = '1000000', runsArg = '3', ...extra] = positionals;
    if (extra.length > 0) throw new Error(`Unexpected argument '${extra[0]}'`);
    const whole = (text: string, least: number, what: string): number => {
      const n = Number(text);
      if (text.trim() === '' || !Number.isInteger(n) || n < least)
        throw new Error(`${what} needs a whole number (at least ${least}), not '${text}'`);
      return n;
    };
    if (!ONLY.includes(values.only))
      throw new Error(`--only takes load, parts, papa or duckdb, not '${values.only}'`);
    return {
      rows: whole(rowsArg, 1, 'rows'),
      runs: whole(runsArg, 0, 'runs'),
      only: values.only,
      helpers: whole(values.helpers, 0, '--helpers'),
      mem: values.mem,
      mixed: values.mixed,
    };
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
}

const {
  rows: ROWS,
  runs: RUNS,
  only,
  helpers: HELPERS,
  mem,
  mixed,
} = speedArgs(process.argv.slice(2));

const rng = mulberry32;

const WORDS = [
  'Strongly agree',
  'Agree',
  'Neutral',
  'Disagree',
  'Strongly disagree',
  'Very satisfied',
  'Satisfied',
  'Dissatisfied',
  'Daily',
  'Weekly',
  'Monthly',
  'Never',
  'Paris, France',
  'New York, NY',
  'Tier 1 city',
  'Tier 2 city',
  '非常满意',
  '比较满意',
  '一般',
  '不满意',
  '微信',
  '朋友圈',
  "Don't know",
  'Say "maybe"',
];

function labelSet(rand: () => number, n: number, prefix: string): string[] {
  const pool = [...WORDS];
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const w = pool.splice(Math.floor(rand() * pool.length), 1)[0] as string;
    out.push(rand() < 0.9 ? w : `${prefix}${k + 1} ${w}`);
  }
  return out;
}

function quote(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

function generate(rows: number): Uint8Array {
  const rand = rng(20240601);
  const singles = Array.from({ length: 16 }, (_, q) =>
    labelSet(rand, 3 + Math.floor(rand() * 10), `S${q}_`),
  );
  const multis = Array.from({ length: 8 }, (_, q) =>
    labelSet(rand, 5 + Math.floor(rand() * 11), `M${q}_`).map((l) => l.replaceAll(';', ',')),
  );
  const header = ['respondent_id'];
  singles.forEach((_, q) => header.push(`Q${q + 1}`));
  multis.forEach((_, q) => header.push(`Which of these apply? (M${q + 1})`));
  header.push('age', 'income', 'score', 'hours', 'weight');
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [enc.encode(header.map(quote).join(',') + '\r\n')];
  let total = parts[0]!.length;
  let block: string[] = [];
  for (let i = 1; i <= rows; i++) {
    const row: string[] = [String(i)];
    for (const s of singles)
      row.push(rand() < 0.03 ? '' : quote(s[Math.floor(rand() * rand() * s.length)] as string));
    for (const m of multis) {
      if (rand() < 0.05) {
        row.push('');
        continue;
      }
      const chosen = m.filter(() => rand() < 0.09);
      row.push(quote(chosen.join(';')));
    }
    row.push(String(18 + Math.floor(rand() * 70)));
    row.push(rand() < 0.05 ? 'NA' : String(Math.floor(rand() * 200) * 500));
    row.push((rand() * 10).toFixed(2));
    row.push(rand() < 0.1 ? '' : (rand() * 60).toFixed(1));
    row.push((0.4 + rand() * 1.2).toFixed(4));
    block.push(row.join(','));
    if (block.length === 10_000 || i === rows) {
      const bytes = enc.encode(block.join('\r\n') + '\r\n');
      parts.push(bytes);
      total += bytes.length;
      block = [];
    }
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

let bytes: Uint8Array;
if (mixed) {
  const path = join(tmpdir(), `survey-import-speed-${ROWS}.csv`);
  if (existsSync(path)) bytes = readFileSync(path);
  else {
    bytes = generate(ROWS);
    writeFileSync(path, bytes);
  }
} else bytes = generateSurvey(ROWS).bytes;
const mb = bytes.length / 1e6;
console.log(`${mixed ? 'mixed' : 'bench'} survey: ${mb.toFixed(1)} MB, ${ROWS} rows`);
const OPTS = { file: 'speed.csv', weightId: 'weight' };

function papa(): number {
  const r = Papa.parse<string[]>(new TextDecoder().decode(bytes), { header: false });
  return r.data.length;
}

function rowsOf(r: Result<Loaded>): number {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  if (r.value.kind !== 'respondents') throw new Error('not respondents');
  return r.value.table.rowCount;
}

let peakRss = 0;
let peakHeap = 0;
function load(): number {
  return rowsOf(
    loadSurveyFile(bytes, {
      ...OPTS,
      onProgress: mem
        ? () => {
            const m = process.memoryUsage();
            peakRss = Math.max(peakRss, m.rss);
            peakHeap = Math.max(peakHeap, m.heapUsed + m.external + m.arrayBuffers);
          }
        : undefined,
    }),
  );
}

const pool = helperPool(bytes, HELPERS);
let outcome: ReadOutcome | null = null;
const parts = async (): Promise<number> =>
  rowsOf(
    await loadSurveySource(
      bytesSource(bytes),
      OPTS,
      pool.helpers((o) => (outcome = o)),
    ),
  );

/** Typed arrays as text, to compare two tables cell for cell. */
const plain = (r: Result<Loaded>): string =>
  JSON.stringify(r.ok && r.value.kind === 'respondents' ? r.value.table : r, (_k, v: unknown) =>
    ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>).join(',') : v,
  );

async function duckdb(): Promise<{ rows: number; ms: number; busiestCpuMs: number }> {
  // Its busiest thread is one of its own: this thread writes the temporary file, which is not timed.
  let loadMs = 0;
  const t = await timeOnce(async () => {
    const peer = await openDuck(bytes);
    if (typeof peer === 'string') throw new Error(peer);
    const rows = Number((await peer.conn.runAndReadAll('SELECT count(*) FROM t')).getRows()[0]![0]);
    peer.close();
    loadMs = peer.loadMs;
    return rows;
  }, true);
  return { ...t, ms: loadMs };
}

/** CPU milliseconds each thread of this process has used so far (Linux: /proc/self/task). */
function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  if (!existsSync('/proc/self/task')) return out;
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid, ((Number(f[11]) + Number(f[12])) * 1000) / TICKS);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return out;
}
/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const TICKS = 100;

/**
 * Wall time, and the CPU time of the busiest thread: on a machine shared with
 * other work, wall time measures the machine's load as much as the import,
 * while the busiest thread's CPU time is the wall time the import would take
 * with a core for each of its threads.
 */
async function timeOnce(
  fn: () => number | Promise<number>,
  /** Leave out this thread (DuckDB's own threads read; this one writes the temporary file). */
  skipMain = false,
): Promise<{ ms: number; rows: number; busiestCpuMs: number }> {
  const before = threadCpu();
  const t0 = performance.now();
  const rows = await fn();
  const ms = performance.now() - t0;
  let busiest = 0;
  for (const [tid, cpu] of threadCpu())
    if (!skipMain || tid !== String(process.pid))
      busiest = Math.max(busiest, cpu - (before.get(tid) ?? 0));
  return { ms, rows, busiestCpuMs: busiest };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

if (mem) {
  const before = process.memoryUsage().rss;
  const t = await timeOnce(load);
  console.log(
    `load: ${(mb / (t.ms / 1000)).toFixed(1)} MB/s; rss before ${(before / 2 ** 20).toFixed(0)} MiB, ` +
      `peak rss ${(peakRss / 2 ** 20).toFixed(0)} MiB, peak heap+external ${(peakHeap / 2 ** 20).toFixed(0)} MiB`,
  );
} else {
  if (only === 'all' || only === 'parts') {
    const same =
      plain(loadSurveyFile(bytes, OPTS)) ===
      plain(
        await loadSurveySource(
          bytesSource(bytes),
          OPTS,
          pool.helpers((o) => (outcome = o)),
        ),
      );
    console.log(
      `parts (${HELPERS} helper thread${HELPERS === 1 ? '' : 's'}): ${JSON.stringify(outcome)}; table ${same ? 'equals' : 'DIFFERS FROM'} the one-thread table`,
    );
  }
  const speeds: Record<string, number[]> = { load: [], parts: [], papa: [], duckdb: [] };
  const cpuSpeeds: Record<string, number[]> = { load: [], parts: [], papa: [], duckdb: [] };
  const runners: [string, () => Promise<{ ms: number; rows: number; busiestCpuMs: number }>][] = [
    ['load', () => timeOnce(load)],
    ['parts', () => timeOnce(parts)],
    ['papa', () => timeOnce(papa)],
    ['duckdb', duckdb],
  ];
  for (let r = 0; r < RUNS; r++) {
    for (const [name, run] of runners) {
      if (only !== 'all' && only !== name) continue;
      const t = await run();
      const s = mb / (t.ms / 1000);
      speeds[name]!.push(s);
      cpuSpeeds[name]!.push(mb / (t.busiestCpuMs / 1000));
      console.log(
        `run ${r + 1} ${name.padEnd(6)} ${s.toFixed(1).padStart(6)} MB/s  (${t.ms.toFixed(0)} ms, ${t.rows} rows; busiest thread ${t.busiestCpuMs.toFixed(0)} ms CPU)`,
      );
    }
  }
  for (const [what, table] of [
    ['wall time', speeds],
    ['busiest thread CPU time (a core per thread)', cpuSpeeds],
  ] as const) {
    console.log(`-- by ${what}`);
    const med: Record<string, number> = {};
    for (const [name, xs] of Object.entries(table))
      if (xs.length > 0) {
        med[name] = median(xs);
        console.log(
          `${name.padEnd(6)} median ${median(xs).toFixed(1)} MB/s  [${xs.map((x) => x.toFixed(0)).join(', ')}]`,
        );
      }
    const ratio = (a: string, b: string): void => {
      if (med[a] !== undefined && med[b] !== undefined)
        console.log(`${a} ÷ ${b} (medians): ${(med[a]! / med[b]!).toFixed(2)}×`);
    };
    ratio('load', 'duckdb');
    ratio('parts', 'duckdb');
    ratio('load', 'papa');
    ratio('parts', 'load');
  }
}
await pool.close();
