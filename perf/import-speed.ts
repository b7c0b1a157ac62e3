// Import throughput (not a test): generates a seeded respondent CSV of
// 1,000,000 x 30 (~300 MB: an id, 16 single-answer questions with 3-12 options,
// 8 multi-answer questions with 5-15 options joined by ';', 5 numeric; some
// quoted labels, some Chinese) and times, in the same process and alternating,
// `Papa.parse(new TextDecoder().decode(bytes), { header: false })` against the
// full `loadSurveyFile` (decode, parse, infer, encode).
//
//   npx tsx perf/import-speed.ts [rows=1000000] [runs=5] [--only=load|papa] [--mem]
//
// The file is cached in the OS temp folder (keyed by row count). `--mem` loads
// once and reports peak RSS and heap as sampled from onProgress (every 1 MB).
import { mulberry32 } from './random';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { loadSurveyFile } from '../src/core/pipeline';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const ROWS = Number(args[0] ?? 1_000_000);
const RUNS = Number(args[1] ?? 5);
const only = flags.find((f) => f.startsWith('--only='))?.slice(7) ?? 'both';
const mem = flags.includes('--mem');

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

const path = join(tmpdir(), `survey-import-speed-${ROWS}.csv`);
let bytes: Uint8Array;
if (existsSync(path)) bytes = readFileSync(path);
else {
  bytes = generate(ROWS);
  writeFileSync(path, bytes);
}
const mb = bytes.length / 1e6;
console.log(`${path}: ${mb.toFixed(1)} MB, ${ROWS} rows`);

function papa(): number {
  const r = Papa.parse<string[]>(new TextDecoder().decode(bytes), { header: false });
  return r.data.length;
}

let peakRss = 0;
let peakHeap = 0;
function load(): number {
  const r = loadSurveyFile(bytes, {
    file: 'speed.csv',
    weightId: 'weight',
    onProgress: mem
      ? () => {
          const m = process.memoryUsage();
          peakRss = Math.max(peakRss, m.rss);
          peakHeap = Math.max(peakHeap, m.heapUsed + m.external + m.arrayBuffers);
        }
      : undefined,
  });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  if (r.value.kind !== 'respondents') throw new Error('not respondents');
  return r.value.table.rowCount;
}

function timeOnce(fn: () => number): { ms: number; rows: number } {
  const t0 = performance.now();
  const rows = fn();
  return { ms: performance.now() - t0, rows };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

if (mem) {
  const before = process.memoryUsage().rss;
  const t = timeOnce(load);
  console.log(
    `load: ${(mb / (t.ms / 1000)).toFixed(1)} MB/s; rss before ${(before / 2 ** 20).toFixed(0)} MiB, ` +
      `peak rss ${(peakRss / 2 ** 20).toFixed(0)} MiB, peak heap+external ${(peakHeap / 2 ** 20).toFixed(0)} MiB`,
  );
} else {
  const speeds: Record<string, number[]> = { papa: [], load: [] };
  for (let r = 0; r < RUNS; r++) {
    for (const [name, fn] of [
      ['papa', papa],
      ['load', load],
    ] as const) {
      if (only !== 'both' && only !== name) continue;
      const t = timeOnce(fn);
      const s = mb / (t.ms / 1000);
      speeds[name]!.push(s);
      console.log(
        `run ${r + 1} ${name.padEnd(5)} ${s.toFixed(1).padStart(6)} MB/s  (${t.ms.toFixed(0)} ms, ${t.rows} rows)`,
      );
    }
  }
  for (const [name, xs] of Object.entries(speeds))
    if (xs.length > 0)
      console.log(
        `${name.padEnd(5)} median ${median(xs).toFixed(1)} MB/s  [${xs.map((x) => x.toFixed(0)).join(', ')}]`,
      );
  if (speeds.papa!.length > 0 && speeds.load!.length > 0)
    console.log(
      `ratio load/papa (medians): ${(median(speeds.load!) / median(speeds.papa!)).toFixed(2)}x`,
    );
}
