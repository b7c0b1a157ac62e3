// The CLI's commands and flags as data: each flag's type, and which commands
// take it. The parser (args.ts) and the help (usage.ts) are both built from
// this table, so a flag cannot be parsed without being documented.
import { cliMessages as M, xlsxMessages } from '../core/messages';

export type CommandName = 'list' | 'inspect' | 'crosstab' | 'tabs' | 'definition';
export const COMMANDS: readonly CommandName[] = [
  'list',
  'inspect',
  'crosstab',
  'tabs',
  'definition',
];

/** Every flag's value and help line (--sheet's with the .xlsx reader's texts). */
export const FLAG_TEXTS = { ...M.flags, sheet: xlsxMessages.sheetFlag };
export type FlagName = keyof typeof FLAG_TEXTS;
interface FlagSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
}

export const FLAGS: Record<FlagName, FlagSpec> = {
  rows: { type: 'string' },
  cols: { type: 'string' },
  where: { type: 'string', multiple: true },
  'no-tests': { type: 'boolean' },
  sql: { type: 'boolean' },
  banner: { type: 'string' },
  band: { type: 'string', multiple: true },
  nets: { type: 'string' },
  compare: { type: 'string' },
  correction: { type: 'string' },
  level: { type: 'string' },
  xlsx: { type: 'string' },
  'one-sheet': { type: 'boolean' },
  base: { type: 'string' },
  deff: { type: 'string' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  definition: { type: 'string' },
  weight: { type: 'string' },
  'no-weight': { type: 'boolean' },
  'read-as': { type: 'string' },
  multi: { type: 'string', multiple: true },
  sheet: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** How to read a survey file: the flags of every command that opens one. */
export const FILE_FLAGS: readonly FlagName[] = [
  'encoding',
  'delimiter',
  'definition',
  'weight',
  'no-weight',
  'read-as',
  'multi',
  'sheet',
  'json',
  'help',
];

/** Each command's flags, in the order its help lists them. */
export const COMMAND_FLAGS: Record<CommandName, readonly FlagName[]> = {
  list: ['json', 'help'],
  inspect: ['base', 'deff', ...FILE_FLAGS],
  crosstab: ['rows', 'cols', 'where', 'no-tests', 'sql', ...FILE_FLAGS],
  tabs: [
    'banner',
    'rows',
    'where',
    'band',
    'nets',
    'compare',
    'correction',
    'level',
    'no-tests',
    'xlsx',
    'one-sheet',
    'sql',
    ...FILE_FLAGS,
  ],
  definition: FILE_FLAGS,
};
