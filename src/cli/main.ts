#!/usr/bin/env node
// The headless command line over the same engine as the UI. Each command lives
// in its own module, reads its arguments with the one parser (args.ts) and its
// survey file through the one door (open.ts). Results go to stdout, errors to
// stderr: exit 1 for a file or question error, 2 for wrong usage.
import { cliMessages as M } from '../core/messages';
import { COMMANDS, type CommandName } from './flags';
import { commandUsage, programUsage } from './usage';
import { runCrosstab } from './crosstab';
import { runDefinition } from './definition';
import { runInspect } from './inspect';
import { runList } from './list';
import { runTabs } from './tabs';

const commands: Record<CommandName, (argv: readonly string[]) => Promise<number>> = {
  list: runList,
  inspect: runInspect,
  crosstab: runCrosstab,
  tabs: runTabs,
  definition: runDefinition,
};

const isCommand = (name: string | undefined): name is CommandName =>
  COMMANDS.some((c) => c === name);

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = rest[0];
    process.stdout.write(isCommand(topic) ? commandUsage(topic) : programUsage());
    return 0;
  }
  if (!isCommand(name)) {
    const problem = name === undefined ? M.noCommand : M.unknownCommand(name);
    process.stderr.write(`${problem}\n\n${programUsage()}`);
    return 2;
  }
  return commands[name](rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${M.internal(err instanceof Error ? err.message : String(err))}\n`);
    process.exitCode = 1;
  },
);
