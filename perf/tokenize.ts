// Throughput check for the CSV tokenizer (not a test): generates a seeded
// ~50 MB survey-like CSV and compares createTokenizer with Papa.parse
// (header: false) on the same text, plus bytes -> rows with the chunk decoder.
// Run: npx tsx perf/tokenize.ts [megabytes]
// (read by node:util's parseArgs: another argument, a flag or a size that is not
// a positive number prints the usage and exits with 2)
import { parseArgs } from 'node:util';
import { mulberry32 } from './random';
import Papa from 'papaparse';
import { createChunkDecoder } from '../src/core/csv/decode';
import { createTokenizer } from '../src/core/csv/tokenize';

const USAGE = 'Usage: npx tsx perf/tokenize.ts [megabytes]';

/** The size of the generated CSV in MB (50 when not given). */
function targetMegabytes(argv: string[]): number {
  try {
    const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
    const [text = '50', ...extra] = positionals;
    if (extra.length > 0) throw new Error(`Unexpected argument '${extra[0]}'`);
    const mb = Number(text);
    if (text.trim() === '' || !Number.isFinite(mb) || mb <= 0)
      throw new Error(`megabytes needs a positive number, not '${text}'`);
    return mb;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
}

const targetMb = targetMegabytes(process.argv.slice(2));

const rng = mulberry32;

function generate(bytes: number): string {
  const rand = rng(42);
  const options = [
    'Strongly agree',
    'Agree',
    'Neither agree nor disagree',
    'Disagree',
    'Strongly disagree',
    'NA',
  ];
  const cities = ['"Paris, France"', 'Berlin', '"New York, NY"', 'Lyon', '"São Paulo"', 'Zürich'];
  const free = [
    '',
    '',
    '',
    '"I said ""maybe"", then no"',
    '"line one\nline two"',
    'nothing to add',
  ];
  const header = ['id', 'weight', 'age', 'city'];
  for (let q = 1; q <= 20; q++) header.push(`Q${q}`);
  for (let k = 1; k <= 5; k++) header.push(`Q21_${k}`);
  header.push('comment');
  const lines: string[] = [header.join(',')];
  let size = lines[0]!.length + 1;
  for (let id = 1; size < bytes; id++) {
    const row: string[] = [
      String(id),
      (0.5 + rand()).toFixed(4),
      String(18 + Math.floor(rand() * 70)),
    ];
    row.push(cities[Math.floor(rand() * cities.length)]!);
    for (let q = 0; q < 20; q++) row.push(options[Math.floor(rand() * options.length)]!);
    for (let k = 0; k < 5; k++) row.push(rand() < 0.3 ? '1' : '0');
    row.push(free[Math.floor(rand() * free.length)]!);
    const line = row.join(',');
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n') + '\n';
}

function time(label: string, mb: number, fn: () => number): void {
  fn(); // warm up
  const runs: number[] = [];
  let rows = 0;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    rows = fn();
    runs.push(performance.now() - t0);
  }
  const best = Math.min(...runs);
  console.log(
    `${label.padEnd(44)} ${(mb / (best / 1000)).toFixed(1).padStart(6)} MB/s  (${best.toFixed(0)} ms, ${rows} rows)`,
  );
}

const text = generate(targetMb * 1024 * 1024);
const bytes = new TextEncoder().encode(text);
const mb = bytes.length / (1024 * 1024);
console.log(`generated ${mb.toFixed(1)} MB, ${text.length} chars`);

time(
  'Papa.parse(text, { header: false })',
  mb,
  () => Papa.parse<string[]>(text, { header: false }).data.length,
);

const CHUNK = 1024 * 1024;
time('createTokenizer, text in 1 MB chunks', mb, () => {
  let rows = 0;
  const tok = createTokenizer({ delimiter: ',', file: 'bench.csv', onRow: () => void rows++ });
  for (let i = 0; i < text.length; i += CHUNK) tok.push(text.slice(i, i + CHUNK));
  const r = tok.end();
  if (!r.ok) throw new Error(r.error.message);
  return rows;
});

time('createTokenizer, whole text at once', mb, () => {
  let rows = 0;
  const tok = createTokenizer({ delimiter: ',', file: 'bench.csv', onRow: () => void rows++ });
  tok.push(text);
  const r = tok.end();
  if (!r.ok) throw new Error(r.error.message);
  return rows;
});

time('bytes: createChunkDecoder + tokenizer, 1 MB', mb, () => {
  let rows = 0;
  const dec = createChunkDecoder('utf-8');
  const tok = createTokenizer({ delimiter: ',', file: 'bench.csv', onRow: () => void rows++ });
  for (let i = 0; i < bytes.length; i += CHUNK) tok.push(dec.push(bytes.subarray(i, i + CHUNK)));
  tok.push(dec.end());
  const r = tok.end();
  if (!r.ok) throw new Error(r.error.message);
  return rows;
});

time(
  'bytes: TextDecoder + Papa.parse',
  mb,
  () => Papa.parse<string[]>(new TextDecoder().decode(bytes), { header: false }).data.length,
);
