// The flags of the two manual browser checks (check-large-import.ts and
// check-crosstab-freeze.ts), parsed in one place by node:util's parseArgs, as
// the CLI parses its own: a file, an optional base URL, the crosstab's rows,
// columns and weight, and CPU profiling. A wrong flag prints the usage and
// exits with 2.
import { parseArgs } from 'node:util';

export interface CheckArgs {
  file: string;
  baseUrl: string;
  rows: string;
  cols: string;
  /** null for a check that takes no weight (the survey's link decides). */
  weight: string | null;
  /** Sample the page's main thread and say where its time went (names need an unminified build). */
  profile: boolean;
  /** Where to save the CPU profiles (Chrome DevTools .cpuprofile), or '' for nowhere. */
  profileDir: string;
}

export function checkArgs(
  script: string,
  defaults: { rows: string; cols: string; weight: string | null },
  argv: readonly string[] = process.argv.slice(2),
): CheckArgs {
  const usage =
    `Usage: npx tsx scripts/${script} <file> [baseUrl] [--rows ${defaults.rows}] ` +
    `[--cols ${defaults.cols}]${defaults.weight === null ? '' : ` [--weight ${defaults.weight}]`} ` +
    '[--profile] [--profile-dir DIR]';
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        rows: { type: 'string', default: defaults.rows },
        cols: { type: 'string', default: defaults.cols },
        weight: { type: 'string' },
        profile: { type: 'boolean', default: false },
        'profile-dir': { type: 'string', default: '' },
      },
    });
    const [file, baseUrl = 'http://127.0.0.1:4173/', ...extra] = positionals;
    if (file === undefined || extra.length > 0)
      throw new Error('Expected a file and at most a base URL.');
    if (defaults.weight === null && values.weight !== undefined)
      throw new Error(
        "This check takes no --weight: the crosstab opens as the survey's link gives it.",
      );
    return {
      file,
      baseUrl,
      rows: values.rows,
      cols: values.cols,
      weight: defaults.weight === null ? null : (values.weight ?? defaults.weight),
      profile: values.profile,
      profileDir: values['profile-dir'],
    };
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    process.exit(2);
  }
}
