#!/usr/bin/env node
// The headless command line over the same engine as the UI. Each command lives
// in its own module; results go to stdout as JSON, errors to stderr with exit 1.
import { runInspect } from './inspect';
import { runList } from './list';
import { runCrosstab } from './crosstab';

const USAGE = `Usage:
  survey-workbench list --json
  survey-workbench inspect <file.csv> [--encoding <name>] [--delimiter <char>] --json
  survey-workbench crosstab <file.csv> --rows <question> --cols <question> [--weight <column>] [--where <question>=<option>]... --json`;

const commands: Record<string, (args: string[]) => Promise<number>> = {
  list: runList,
  inspect: runInspect,
  crosstab: runCrosstab,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (command === undefined) {
    process.stderr.write(
      `${name === undefined ? 'No command given.' : `Unknown command "${name}".`}\n${USAGE}\n`,
    );
    return 2;
  }
  return command(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
