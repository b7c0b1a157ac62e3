// A seeded respondent-level survey for the benchmark, written straight into a
// Uint8Array (UTF-8 CSV, no intermediate string): respondent_id, weight, then
// 30 questions Q1..Q30. 22 are single-answer (3-12 options), 8 multi-answer
// (5-15 options joined by `;`). Every third question has Chinese labels; the
// English labels include some with commas and quotes, so cells get quoted.
// Answers are skewed per question; ~3% of single answers are blank (missing)
// and ~8% of multi-answer cells are blank (not asked).
import { closeSync, openSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { mulberry32 } from './random';

const DEFAULT_SEED = 20240601;
export const MULTI_IDS = ['Q4', 'Q8', 'Q12', 'Q16', 'Q20', 'Q24', 'Q27', 'Q30'];
const SINGLE_OPTIONS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 5, 4, 3, 7, 12, 6, 5, 8, 10, 4, 9, 11];
const MULTI_OPTIONS = [5, 7, 9, 11, 13, 15, 6, 10];
const SINGLE_MISSING = 0.03;
const MULTI_MISSING = 0.08;

const EN = [
  'Very satisfied',
  'Satisfied',
  'Neither',
  'Dissatisfied',
  'Very dissatisfied',
  'Yes, often',
  'Daily',
  'Weekly',
  'Monthly',
  'The "premium" plan',
  'Rarely',
  'Never',
  'Under 25',
  '25 to 34',
  'Friends, family',
  '35 to 44',
  '45 to 54',
  '55 and over',
  'Price',
  'Quality',
  'Other (say "what")',
  'Brand',
  'Design',
  'Online, via app',
  'Service',
];
const ZH = [
  '微信',
  '支付宝',
  '淘宝',
  '京东',
  '微博',
  '抖音',
  '非常满意',
  '比较满意',
  '一般',
  '不太满意',
  '很不满意',
  '北京',
  '上海',
  '广州',
  '深圳',
];

export interface BenchQuestion {
  id: string;
  type: 'single' | 'multi';
  labels: string[];
  /** Single: probability of each option (sums to 1). Multi: probability each option is chosen. */
  probs: number[];
}

export interface BenchSurvey {
  bytes: Uint8Array;
  rows: number;
  questions: BenchQuestion[];
}

export function benchQuestions(seed = DEFAULT_SEED): BenchQuestion[] {
  const rand = mulberry32(seed ^ 0x5eed);
  const out: BenchQuestion[] = [];
  let s = 0;
  let m = 0;
  for (let q = 1; q <= 30; q++) {
    const id = `Q${q}`;
    const multi = MULTI_IDS.includes(id);
    const n = multi ? MULTI_OPTIONS[m++]! : SINGLE_OPTIONS[s++]!;
    const pool = q % 3 === 0 ? ZH : EN;
    const labels = Array.from({ length: n }, (_, j) => pool[(q * 5 + j) % pool.length]!);
    let probs: number[];
    if (multi) probs = labels.map(() => 0.03 + 0.3 * rand());
    else {
      const w = labels.map(() => rand() * rand() + 0.05);
      const total = w.reduce((a, b) => a + b, 0);
      probs = w.map((x) => x / total);
    }
    out.push({ id, type: multi ? 'multi' : 'single', labels, probs });
  }
  return out;
}

class ByteWriter {
  buf: Uint8Array;
  n = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(capacity);
  }
  ensure(extra: number): void {
    if (this.n + extra <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.n + extra));
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
  }
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.n);
    this.n += b.length;
  }
  ascii(s: string): void {
    this.ensure(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.n++] = s.charCodeAt(i);
  }
  byte(c: number): void {
    this.ensure(1);
    this.buf[this.n++] = c;
  }
}

const utf8 = new TextEncoder();
const needsQuotes = (s: string): boolean => /[",\n\r]/.test(s);
const escapeInner = (s: string): string => s.replace(/"/g, '""');
const cellBytes = (s: string): Uint8Array =>
  utf8.encode(needsQuotes(s) ? `"${escapeInner(s)}"` : s);

const COMMA = 44;
const SEMI = 59;
const QUOTE = 34;
const NL = 10;

/**
 * The survey's CSV in blocks of about `blockRows` rows (the header first): the
 * same bytes as generateSurvey, for files too large to hold in one array.
 */
function* surveyBlocks(
  rows: number,
  seed = DEFAULT_SEED,
  blockRows = 100_000,
): Generator<Uint8Array> {
  const questions = benchQuestions(seed);
  const rand = mulberry32(seed);
  const header = 'respondent_id,weight,' + questions.map((q) => q.id).join(',') + '\n';
  yield utf8.encode(header);
  const singleCells = questions.map((q) => q.labels.map(cellBytes));
  const multiParts = questions.map((q) => q.labels.map((l) => utf8.encode(escapeInner(l))));
  const multiQuoted = questions.map((q) => q.labels.some(needsQuotes));
  const cumulative = questions.map((q) => {
    let acc = 0;
    return q.probs.map((p) => (acc += p));
  });
  let w = new ByteWriter(Math.max(1024, Math.min(rows, blockRows) * 400));
  for (let r = 1; r <= rows; r++) {
    w.ascii(String(r));
    w.byte(COMMA);
    w.ascii((0.4 + 1.6 * rand()).toFixed(4));
    for (let k = 0; k < questions.length; k++) {
      w.byte(COMMA);
      const q = questions[k]!;
      if (q.type === 'single') {
        if (rand() < SINGLE_MISSING) continue;
        const u = rand();
        const cum = cumulative[k]!;
        let j = 0;
        while (j < cum.length - 1 && u >= cum[j]!) j++;
        w.bytes(singleCells[k]![j]!);
        continue;
      }
      if (rand() < MULTI_MISSING) continue;
      const quoted = multiQuoted[k]!;
      if (quoted) w.byte(QUOTE);
      let chosen = 0;
      for (let j = 0; j < q.labels.length; j++) {
        if (rand() >= q.probs[j]!) continue;
        if (chosen++ > 0) w.byte(SEMI);
        w.bytes(multiParts[k]![j]!);
      }
      if (chosen === 0) w.bytes(multiParts[k]![0]!); // everyone asked chose something
      if (quoted) w.byte(QUOTE);
    }
    w.byte(NL);
    if (r % blockRows === 0 || r === rows) {
      yield w.buf.subarray(0, w.n);
      w = new ByteWriter(w.buf.length);
    }
  }
}

/** The survey as CSV bytes; the same seed and row count give the same bytes. */
export function generateSurvey(rows: number, seed = DEFAULT_SEED): BenchSurvey {
  const blocks = [...surveyBlocks(rows, seed)];
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.length;
  }
  return { bytes: out, rows, questions: benchQuestions(seed) };
}

/** Write the survey's CSV to a file, block by block: 10,000,000 rows make about 3.7 GB. */
function writeSurvey(path: string, rows: number, seed = DEFAULT_SEED): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  try {
    for (const block of surveyBlocks(rows, seed)) {
      writeSync(fd, block);
      bytes += block.length;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** The CSV copied to Parquet by DuckDB (its own type detection, Snappy): the same survey, the other door. */
async function writeParquetCopy(csv: string, parquet: string): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const q = (s: string): string => `'${s.replaceAll("'", "''")}'`;
  try {
    await conn.run(
      `COPY (SELECT * FROM read_csv(${q(csv)}, header = true, delim = ',', quote = '"', escape = '"')) TO ${q(parquet)} (FORMAT parquet, COMPRESSION snappy)`,
    );
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

const USAGE =
  'Usage: npx tsx perf/generate.ts --rows <n> --out <file.csv> [--seed <n>] [--parquet <file.parquet>]';

/**
 * The command line's flags, by node:util's parseArgs (--rows defaults to
 * 1,000,000, --seed to the bench's); a wrong one prints the usage and exits with 2.
 */
function generateArgs(argv: string[]): {
  rows: number;
  out: string;
  seed: number;
  parquet: string | undefined;
} {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        rows: { type: 'string', default: String(1_000_000) },
        out: { type: 'string' },
        seed: { type: 'string', default: String(DEFAULT_SEED) },
        parquet: { type: 'string' },
      },
    });
    const rows = Number(values.rows);
    const seed = Number(values.seed);
    if (!Number.isInteger(rows) || rows < 1)
      throw new Error('--rows needs a whole number of respondents (at least 1)');
    if (values.out === undefined) throw new Error('--out <file.csv> is needed');
    if (values.seed.trim() === '' || !Number.isInteger(seed))
      throw new Error('--seed needs a whole number');
    return { rows, out: values.out, seed, parquet: values.parquet };
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
}

// npx tsx perf/generate.ts --rows 10000000 --out /tmp/survey-10m.csv [--parquet /tmp/survey-10m.parquet]
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { rows, out, seed, parquet } = generateArgs(process.argv.slice(2));
  let t0 = performance.now();
  const seconds = (): string => ((performance.now() - t0) / 1000).toFixed(1);
  const bytes = writeSurvey(out, rows, seed);
  process.stderr.write(
    `${out}: ${rows} respondents, ${(bytes / 1e6).toFixed(1)} MB in ${seconds()} s\n`,
  );
  if (parquet !== undefined) {
    t0 = performance.now();
    await writeParquetCopy(out, parquet);
    process.stderr.write(`${parquet}: written by DuckDB in ${seconds()} s\n`);
  }
}
