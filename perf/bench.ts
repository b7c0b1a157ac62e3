// `npm run bench`: seeded surveys of 100k and 1M respondents; import, crosstab
// and memory figures beside papaparse, a naive baseline, Arquero and DuckDB;
// the bundle's gzip size; PASS/FAIL per target. Always exits 0: it measures.
//   npm run bench                   both sizes, Markdown grids
//   npm run bench -- --rows 20000   one smaller size
//   npm run --silent bench -- --json
//   --build                         rebuild the bundle even when dist/ is fresh
//   --cases ss-w,mm-wide            only these crosstab cases (keys; tabs, tabs-w: tab books)
//   --peers duckdb                  only these peers (naive, arquero, duckdb)
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { bundleSize } from './bundle';
import type { BenchResult } from './report';
import { markdown, targets } from './report';
import { runSize } from './run';
import type { RunOptions, SizeResult } from './run';

const DEFAULT_SIZES = [100_000, 1_000_000];

/** The comma-separated value after `flag`, or null when the flag is absent. */
function listArg(argv: string[], flag: string): string[] | null {
  const at = argv.indexOf(flag);
  return at < 0 ? null : (argv[at + 1] ?? '').split(',').filter((x) => x !== '');
}

function parseArgs(argv: string[]): {
  sizes: number[];
  json: boolean;
  build: boolean;
  only: RunOptions;
} {
  const rowsAt = argv.indexOf('--rows');
  let sizes = DEFAULT_SIZES;
  if (rowsAt >= 0) {
    const n = Number(argv[rowsAt + 1]);
    if (!Number.isInteger(n) || n < 100) {
      process.stderr.write('--rows needs a whole number of respondents (at least 100)\n');
      process.exit(2);
    }
    sizes = [n];
  }
  return {
    sizes,
    json: argv.includes('--json'),
    build: argv.includes('--build'),
    only: { cases: listArg(argv, '--cases'), peers: listArg(argv, '--peers') },
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
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
