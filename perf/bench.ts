// `npm run bench`: seeded surveys of 100k and 1M respondents; import, crosstab
// and memory figures beside papaparse, a naive baseline, Arquero and DuckDB;
// the bundle's gzip size; PASS/FAIL per target. Always exits 0: it measures.
//   npm run bench                   both sizes, Markdown grids
//   npm run bench -- --rows 20000   one smaller size
//   npm run --silent bench -- --json
//   --build                         rebuild the bundle even when dist/ is fresh
//   --cases ss-w,mm-wide            only these crosstab cases (keys; tabs, tabs-w: tab books)
//   --peers duckdb                  only these peers (naive, arquero, duckdb)
// Flags are read by node:util's parseArgs (`--rows 20000` or `--rows=20000`); an
// unknown flag or a bad value prints the usage and exits with 2.
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleSize } from './bundle';
import type { BenchResult } from './report';
import { markdown, targets } from './report';
import { runSize } from './run';
import type { RunOptions, SizeResult } from './run';

const DEFAULT_SIZES = [100_000, 1_000_000];

const USAGE =
  'Usage: npm run bench -- [--rows N] [--json] [--build] [--cases a,b] [--peers naive,arquero,duckdb]';

/** A comma-separated list (empty items dropped), or null when the flag is absent. */
const list = (value: string | undefined): string[] | null =>
  value === undefined ? null : value.split(',').filter((x) => x !== '');

/** The bench's flags, by node:util's parseArgs; a wrong one prints the usage and exits with 2. */
function benchArgs(argv: string[]): {
  sizes: number[];
  json: boolean;
  build: boolean;
  only: RunOptions;
} {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        rows: { type: 'string' },
        json: { type: 'boolean', default: false },
        build: { type: 'boolean', default: false },
        cases: { type: 'string' },
        peers: { type: 'string' },
      },
    });
    let sizes = DEFAULT_SIZES;
    if (values.rows !== undefined) {
      const n = Number(values.rows);
      if (!Number.isInteger(n) || n < 100)
        throw new Error('--rows needs a whole number of respondents (at least 100)');
      sizes = [n];
    }
    return {
      sizes,
      json: values.json,
      build: values.build,
      only: { cases: list(values.cases), peers: list(values.peers) },
    };
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const args = benchArgs(process.argv.slice(2));
  if ((globalThis as { gc?: unknown }).gc === undefined)
    process.stderr.write(
      '[bench] no global.gc: retained memory will be n/a (run via npm run bench)\n',
    );
  const sizes: SizeResult[] = [];
  for (const rows of args.sizes) sizes.push(await runSize(rows, args.only));
  process.stderr.write('[bench] bundle\n');
  const root = fileURLToPath(new URL('..', import.meta.url));
  const b = bundleSize(root, args.build);
  const bundle = typeof b === 'string' ? { na: b } : b;
  const cpu = cpus();
  const result: BenchResult = {
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpu.length,
      cpuModel: cpu[0]?.model.trim() ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 1024 ** 3),
    },
    sizes,
    bundle,
    targets: targets(sizes[sizes.length - 1]!, bundle),
  };
  process.stdout.write(args.json ? JSON.stringify(result, null, 2) + '\n' : markdown(result));
}

await main();
