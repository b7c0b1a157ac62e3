// The one argument parser of every command, on node:util parseArgs (strict).
// Shared flags read a survey file the way the app does (encoding, delimiter,
// definition, weight, multi-answer groups); each command adds its own. Usage
// errors come back as text (the caller prints the usage and exits 2), never
// as exceptions.
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { ENCODINGS } from '../core/csv/encoding';
import type { Delimiter } from '../core/csv/delimiter';
import type { EncodingName } from '../core/csv/encoding';
import type { DefinedContent } from '../core/definition/definition';
import { cliMessages as M, sqlMoreMessages as SQL } from '../core/messages';
import { COMMAND_FLAGS, FLAGS, type CommandName } from './flags';

/** A survey file and how to read it. */
export interface FileArgs {
  file: string;
  json: boolean;
  encoding?: EncodingName;
  delimiter?: Delimiter;
  /** The --definition file; absent: <name>.json beside the data, when present. */
  definition?: string;
  /** A column to weight by; null: unweighted (--no-weight); absent: as the definition says. */
  weight?: string | null;
  /** --multi NAME=COL,COL,...: multi-answer questions grouped from single columns. */
  multi: { id: string; columns: string[] }[];
  /** --sheet: an Excel workbook's sheet, by name or position (1 = first). */
  sheet?: string;
  /** --read-as: what the rows are, over detection and the definition (its "content"). */
  readAs?: DefinedContent;
}

export interface CrosstabArgs extends FileArgs {
  rows: string;
  cols: string | null;
  where: { question: string; option: string }[];
  tests: boolean;
  /** --sql: print the DuckDB query that counts the table, instead of the table. */
  sql?: true;
}

export interface TabsArgs extends FileArgs {
  /** --banner: question ids or texts, comma-separated; "outer/inner" nests inner within outer. */
  banner: string;
  /** --rows: question ids or texts, comma-separated; null: every question. */
  rows: string | null;
  where: { question: string; option: string }[];
  /** --band <question>=<cut>,<cut>,...: a banded copy of a numeric question, <question>_band. */
  bands: { question: string; cuts: number[] }[];
  /** --nets top2bottom2: top-2 and bottom-2 boxes on every ordered scale. */
  nets: 'top2bottom2' | null;
  /** null: --no-tests. */
  tests: {
    level: number;
    lowerLevel: number | null;
    compare: 'group' | 'rest';
    correction: 'none' | 'bonferroni' | 'bh';
  } | null;
  /** --xlsx <file>: write a workbook instead of printing JSON. */
  xlsx: string | null;
  /** --one-sheet: every table on one sheet. */
  oneSheet: boolean;
  /** --sql: print the DuckDB query that counts the book, instead of the book. */
  sql?: true;
}

export interface InspectArgs extends FileArgs {
  /** --base N: the respondents behind published figures whose file states no base_n. */
  base?: number;
  /** --deff X: the design effect (≥ 1) of published figures; margins use n / X. */
  deff?: number;
}

export interface ListArgs {
  json: boolean;
}

export interface ArgsOf {
  list: ListArgs;
  inspect: InspectArgs;
  crosstab: CrosstabArgs;
  tabs: TabsArgs;
  definition: FileArgs;
}

export type ParseOutcome<T> =
  { kind: 'args'; args: T } | { kind: 'help' } | { kind: 'usage'; message: string };

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;
type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

const usage = (message: string): { kind: 'usage'; message: string } => ({
  kind: 'usage',
  message,
});

/** Reads a command's arguments (everything after the command name). */
export function parseCommandArgs<C extends CommandName>(
  command: C,
  argv: readonly string[],
): ParseOutcome<ArgsOf[C]> {
  const names = COMMAND_FLAGS[command];
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const name of names) options[name] = { ...FLAGS[name] };
  let values: Values;
  let positionals: string[];
  let tokens: Token[];
  try {
    const parsed = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: true,
      tokens: true,
    });
    values = parsed.values as Values;
    positionals = parsed.positionals;
    tokens = parsed.tokens;
  } catch (e) {
    // Asking for help wins over a mistake beside it.
    const end = argv.indexOf('--');
    const flags = end < 0 ? argv : argv.slice(0, end);
    if (flags.includes('--help') || flags.includes('-h')) return { kind: 'help' };
    // parseArgs refused: say why in our words, naming the flag.
    return usage(explain(argv, options) ?? (e instanceof Error ? e.message : String(e)));
  }
  if (values.help === true) return { kind: 'help' };
  const twice = repeated(tokens, options);
  if (twice !== null) return usage(M.givenTwice(twice));

  if (command === 'list') {
    if (positionals[0] !== undefined) return usage(M.noFileWanted(positionals[0]));
    return { kind: 'args', args: { json: values.json === true } as ArgsOf[C] };
  }

  const file = fileArgs(values, positionals);
  if (file.kind === 'args' && command === 'inspect') {
    const args: InspectArgs = { ...file.args };
    if (typeof values.base === 'string') {
      const base = /^\d+$/.test(values.base.trim()) ? Number(values.base.trim()) : NaN;
      if (!(Number.isSafeInteger(base) && base >= 1)) return usage(M.badBase(values.base));
      args.base = base;
    }
    if (typeof values.deff === 'string') {
      const text = values.deff.trim();
      const deff = text === '' ? NaN : Number(text);
      if (!(Number.isFinite(deff) && deff >= 1)) return usage(M.badDeff(values.deff));
      args.deff = deff;
    }
    return { kind: 'args', args: args as ArgsOf[C] };
  }
  if (file.kind === 'args' && command === 'tabs')
    return tabsArgs(file.args, values) as ParseOutcome<ArgsOf[C]>;
  if (file.kind !== 'args' || command !== 'crosstab') return file as ParseOutcome<ArgsOf[C]>;

  const rows = values.rows;
  if (typeof rows !== 'string') return usage(M.rowsMissing);
  const where = whereArgs(values);
  if (typeof where === 'string') return usage(where);
  const args: CrosstabArgs = {
    ...file.args,
    rows,
    cols: typeof values.cols === 'string' ? values.cols : null,
    where,
    tests: values['no-tests'] !== true,
    ...(values.sql === true ? { sql: true as const } : {}),
  };
  return { kind: 'args', args: args as ArgsOf[C] };
}

/** --where <question>=<option>, repeated; a string says what is wrong. */
function whereArgs(values: Values): CrosstabArgs['where'] | string {
  const where: CrosstabArgs['where'] = [];
  for (const w of strings(values.where)) {
    const eq = w.indexOf('=');
    if (eq <= 0) return M.badWhere(w);
    where.push({ question: w.slice(0, eq), option: w.slice(eq + 1) });
  }
  return where;
}

const CORRECTIONS: Record<string, 'none' | 'bonferroni' | 'bh'> = {
  none: 'none',
  bonferroni: 'bonferroni',
  bh: 'bh',
  fdr: 'bh',
  'benjamini-hochberg': 'bh',
};

/** A confidence level in percent or as a fraction: "95" or "0.95" is 0.95. */
function levelOf(text: string): number {
  const x = text.trim() === '' ? NaN : Number(text.trim());
  const level = x > 1 ? x / 100 : x;
  return Number.isFinite(level) && level > 0 && level < 1 ? level : NaN;
}

function tabsArgs(file: FileArgs, values: Values): ParseOutcome<TabsArgs> {
  // Without --banner, the banner saved in the survey definition (src/cli/tabs.ts).
  const banner = typeof values.banner === 'string' ? values.banner : '';
  const where = whereArgs(values);
  if (typeof where === 'string') return usage(where);
  const bands: TabsArgs['bands'] = [];
  for (const b of strings(values.band)) {
    const eq = b.lastIndexOf('=');
    const cuts = b
      .slice(eq + 1)
      .split(',')
      .map((c) => (c.trim() === '' ? NaN : Number(c.trim())));
    const increasing = cuts.every((c, i) => Number.isFinite(c) && (i === 0 || c > cuts[i - 1]!));
    if (eq <= 0 || !increasing) return usage(M.badBand(b));
    bands.push({ question: b.slice(0, eq).trim(), cuts });
  }
  let nets: TabsArgs['nets'] = null;
  if (typeof values.nets === 'string') {
    if (values.nets.trim().toLowerCase() !== 'top2bottom2') return usage(M.badNets(values.nets));
    nets = 'top2bottom2';
  }
  let tests: TabsArgs['tests'] = {
    level: 0.95,
    lowerLevel: null,
    compare: 'group',
    correction: 'none',
  };
  if (typeof values.compare === 'string') {
    const compare = values.compare.trim().toLowerCase();
    if (compare !== 'group' && compare !== 'rest') return usage(M.badCompare(values.compare));
    tests.compare = compare;
  }
  if (typeof values.correction === 'string') {
    const correction = CORRECTIONS[values.correction.trim().toLowerCase()];
    if (correction === undefined) return usage(M.badCorrection(values.correction));
    tests.correction = correction;
  }
  if (typeof values.level === 'string') {
    const [upper, lower, ...extra] = values.level.split('/');
    const level = levelOf(upper ?? '');
    const lowerLevel = lower === undefined ? null : levelOf(lower);
    if (Number.isNaN(level) || Number.isNaN(lowerLevel) || extra.length > 0)
      return usage(M.badLevel(values.level));
    if (lowerLevel !== null && !(lowerLevel < level)) return usage(M.badLevel(values.level));
    tests.level = level;
    tests.lowerLevel = lowerLevel;
  }
  if (values['no-tests'] === true) {
    const given = ['compare', 'correction', 'level'].filter((f) => values[f] !== undefined);
    if (given.length > 0) return usage(M.testsOff(given.map((f) => `--${f}`)));
    tests = null;
  }
  const xlsx = typeof values.xlsx === 'string' ? values.xlsx : null;
  if (xlsx !== null && file.json) return usage(M.jsonOrXlsx);
  if (values['one-sheet'] === true && xlsx === null) return usage(M.oneSheetWithoutXlsx);
  if (values.sql === true && (xlsx !== null || values['one-sheet'] === true))
    return usage(SQL.sqlWithXlsx);
  return {
    kind: 'args',
    args: {
      ...file,
      banner,
      rows: typeof values.rows === 'string' ? values.rows : null,
      where,
      bands,
      nets,
      tests,
      xlsx,
      oneSheet: values['one-sheet'] === true,
      ...(values.sql === true ? { sql: true as const } : {}),
    },
  };
}

function fileArgs(values: Values, positionals: string[]): ParseOutcome<FileArgs> {
  const [file, ...extra] = positionals;
  if (file === undefined) return usage(M.noFile);
  if (extra.length > 0) return usage(M.tooManyFiles(positionals));
  const args: FileArgs = { file, json: values.json === true, multi: [] };
  if (typeof values.encoding === 'string') {
    const encoding = encodingNamed(values.encoding);
    if (encoding === undefined) return usage(M.badEncoding(values.encoding, ENCODINGS));
    args.encoding = encoding;
  }
  if (typeof values.delimiter === 'string') {
    const delimiter = DELIMITERS[values.delimiter.toLowerCase()];
    if (delimiter === undefined) return usage(M.badDelimiter(values.delimiter));
    args.delimiter = delimiter;
  }
  if (typeof values.definition === 'string') args.definition = values.definition;
  if (typeof values.sheet === 'string') args.sheet = values.sheet;
  if (typeof values.weight === 'string' && values['no-weight'] === true)
    return usage(M.weightConflict);
  if (typeof values.weight === 'string') args.weight = values.weight;
  if (values['no-weight'] === true) args.weight = null;
  if (typeof values['read-as'] === 'string') {
    const readAs = values['read-as'];
    if (readAs !== 'respondents' && readAs !== 'published-question')
      return usage(M.badReadAs(readAs));
    args.readAs = readAs;
  }
  for (const m of strings(values.multi)) {
    const eq = m.indexOf('=');
    const id = m.slice(0, Math.max(0, eq)).trim();
    const columns = m
      .slice(eq + 1)
      .split(',')
      .map((c) => c.trim());
    if (id === '' || columns.some((c) => c === '')) return usage(M.badMulti(m));
    args.multi.push({ id, columns });
  }
  return { kind: 'args', args };
}

const strings = (v: Values[string]): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

const DELIMITERS: Record<string, Delimiter> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  '|': '|',
  pipe: '|',
  tab: '\t',
  '\\t': '\t',
  '\t': '\t',
};

/**
 * An encoding by any usual spelling: "UTF8", "utf-8", "UTF-16LE", "Windows-1252",
 * or a label browsers accept for one of ours ("latin1", "mac"). Undefined when
 * it names none of ENCODINGS.
 */
export function encodingNamed(value: string): EncodingName | undefined {
  const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const direct = ENCODINGS.find((e) => key(e) === key(value));
  if (direct !== undefined) return direct;
  let canonical: string;
  try {
    canonical = new TextDecoder(value.trim()).encoding;
  } catch {
    return undefined;
  }
  return ENCODINGS.find((e) => e === canonical);
}

/** Why strict parseArgs refused these arguments, in the CLI's words; null when unsure. */
function explain(
  argv: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
): string | null {
  let tokens: Token[];
  try {
    tokens = parseArgs({ args: [...argv], options, strict: false, tokens: true }).tokens;
  } catch {
    return null;
  }
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const spec = options[t.name];
    if (spec === undefined) return M.unknownFlag(t.rawName);
    if (spec.type === 'boolean' && t.value !== undefined) return M.takesNoValue(t.rawName);
    if (spec.type === 'string' && t.value === undefined) return M.missingValue(t.rawName);
    if (spec.type === 'string' && t.inlineValue !== true && t.value?.startsWith('-') === true)
      return M.flagAsValue(t.rawName, t.value);
  }
  return null;
}

/** A flag that takes one value but is given several times (parseArgs keeps the last). */
function repeated(
  tokens: readonly Token[],
  options: NonNullable<ParseArgsConfig['options']>,
): string | null {
  const seen = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'option' || options[t.name]?.type !== 'string') continue;
    if (options[t.name]?.multiple === true) continue;
    if (seen.has(t.name)) return t.rawName;
    seen.add(t.name);
  }
  return null;
}
