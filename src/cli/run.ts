// How every command ends: help on stdout (exit 0), a usage error and the
// command's usage on stderr (exit 2), a file or question error as
// `file:line:column: message` on stderr (exit 1), or its output on stdout (exit 0).
import type { Result } from '../core/result';
import { parseCommandArgs } from './args';
import { commandUsage } from './usage';
import type { ArgsOf } from './args';
import type { CommandName } from './flags';
import { formatError } from './open';

export async function runCommand<C extends CommandName>(
  command: C,
  argv: readonly string[],
  body: (args: ArgsOf[C]) => Promise<Result<string>>,
): Promise<number> {
  const parsed = parseCommandArgs(command, argv);
  if (parsed.kind === 'help') {
    process.stdout.write(commandUsage(command));
    return 0;
  }
  if (parsed.kind === 'usage') {
    process.stderr.write(`${parsed.message}\n\n${commandUsage(command)}`);
    return 2;
  }
  const result = await body(parsed.args);
  if (!result.ok) {
    process.stderr.write(`${formatError(result.error)}\n`);
    return 1;
  }
  process.stdout.write(result.value);
  return 0;
}

/** JSON as every command prints it: two-space indent, NaN (a base of 0) as null. */
export const printJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
