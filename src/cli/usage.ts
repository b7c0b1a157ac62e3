// The CLI's help texts, built from the flag table (flags.ts): a command's
// usage and the program's, one line per flag.
import { cliMessages as M } from '../core/messages';
import {
  COMMAND_FLAGS,
  COMMANDS,
  FILE_FLAGS,
  FLAG_TEXTS,
  FLAGS,
  type CommandName,
  type FlagName,
} from './flags';

/** A command's help: what it does, its synopsis and every flag, one line each. */
export function commandUsage(command: CommandName): string {
  return [
    M.usage(M.synopsis[command]),
    '',
    M.commands[command],
    '',
    M.optionsHeading,
    ...flagLines(COMMAND_FLAGS[command]),
    '',
    M.exitCodes,
    '',
  ].join('\n');
}

/** The program's help: every command, and every flag any command takes. */
export function programUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.length)) + 2;
  const common = COMMAND_FLAGS.list;
  const reading = FILE_FLAGS.filter((f) => !common.includes(f));
  const crosstabOnly = COMMAND_FLAGS.crosstab.filter((f) => !FILE_FLAGS.includes(f));
  const tabsOnly = COMMAND_FLAGS.tabs.filter(
    (f) => !FILE_FLAGS.includes(f) && !crosstabOnly.includes(f),
  );
  const inspectOnly = COMMAND_FLAGS.inspect.filter((f) => !FILE_FLAGS.includes(f));
  // One width for the five groups, so the help reads as one table.
  const lines = flagLines([...reading, ...crosstabOnly, ...tabsOnly, ...inspectOnly, ...common]);
  const tabsStart = reading.length + crosstabOnly.length;
  const inspectStart = tabsStart + tabsOnly.length;
  const commonStart = inspectStart + inspectOnly.length;
  return [
    ...COMMANDS.map((c) => M.usage(M.synopsis[c])),
    '',
    M.commandsHeading,
    ...COMMANDS.map((c) => `  ${c.padEnd(width)}${M.commands[c]}`),
    '',
    M.fileOptionsHeading,
    ...lines.slice(0, reading.length),
    '',
    M.crosstabOptionsHeading,
    ...lines.slice(reading.length, tabsStart),
    '',
    M.tabsOptionsHeading,
    ...lines.slice(tabsStart, inspectStart),
    '',
    M.inspectOptionsHeading,
    ...lines.slice(inspectStart, commonStart),
    '',
    M.commonOptionsHeading,
    ...lines.slice(commonStart),
    '',
    M.helpHint,
    M.exitCodes,
    '',
  ].join('\n');
}

function flagLines(names: readonly FlagName[]): string[] {
  const left = names.map((n) => {
    const short = FLAGS[n].short;
    const value = FLAG_TEXTS[n].value;
    return `${short === undefined ? '' : `-${short}, `}--${n}${value === '' ? '' : ` ${value}`}`;
  });
  const width = Math.max(...left.map((l) => l.length)) + 2;
  return names.map((n, i) => `  ${left[i]!.padEnd(width)}${FLAG_TEXTS[n].help}`);
}
