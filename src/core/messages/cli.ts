// The command line (src/cli): help, usage errors (exit 2), reading files and
// the plain-text output of inspect and list.

/** A file the command cannot read or write, or cannot use as asked (exit 1). */
export const cliErrors = {
  'cli-cannot-write': (file: string, why: string) => `Cannot write ${file}: ${why}`,
  'cli-cannot-read': (file: string, why: string) => `Cannot read ${file}: ${why}`,
  'cli-too-large': (file: string, bytes: number, limit: number) =>
    `${file} is ${bytes.toLocaleString('en-US')} bytes; at most ${limit.toLocaleString('en-US')} bytes (2 GiB - 1) can be read. Split the file, or keep only the columns you need.`,
  'cli-definition-too-large': (file: string, bytes: number, limit: number) =>
    `${file} is ${bytes.toLocaleString('en-US')} bytes, too large for a survey definition (at most ${limit.toLocaleString('en-US')}). Give the definition file, not the data.`,
  'cli-not-respondents':
    'This file holds published percentages, not one row per respondent: this command needs respondent-level data.',
  'cli-published-flags': (flags: string[]) =>
    `This file holds one row per respondent, not published percentages: ${flags.join(', ')} ${flags.length === 1 ? 'applies' : 'apply'} to published figures only (respondent data has its own bases).`,
  'cli-respondent-flags': (flags: string[]) =>
    `This file holds published percentages, not one row per respondent: ${flags.join(', ')} ${flags.length === 1 ? 'applies' : 'apply'} to respondent-level data only.`,
  'cli-no-surveys': (folder: string) => `No bundled surveys (*.csv) found in ${folder}.`,
  'cli-sheet-not-workbook':
    '--sheet chooses a sheet of an Excel workbook (.xlsx); this file is not one. Leave --sheet out.',
} as const;

export const cliMessages = {
  commands: {
    list: 'The bundled surveys (surveys/*.csv): id, format, title and question count.',
    inspect:
      'What the engine reads from a survey file: each question, its kind and the share of respondents per option.',
    crosstab:
      'A crosstab of two questions (or one, against the total), with bases, percents and tests, as JSON.',
    tabs: 'A tab book: every question (or --rows) against a banner (Total and each --banner question), with bases, percents, letters within each banner group and means, as JSON or an .xlsx workbook.',
    definition:
      'The complete survey definition the file is read with, as JSON: save it, edit it, pass it back with --definition.',
  },
  synopsis: {
    list: 'list [--json]',
    inspect: 'inspect <file> [options]',
    crosstab: 'crosstab <file> --rows <question> [--cols <question>] [options]',
    tabs: 'tabs <file> [--banner <question>[,<question>...]] [--rows <question>[,...]] [--json | --xlsx <out.xlsx> | --sql] [options]',
    definition: 'definition <file> [options] > definition.json',
  },
  flags: {
    rows: {
      value: '<question>',
      help: 'The question down the side, by id or exact text (crosstab: required; tabs: several, comma-separated, default every question).',
    },
    cols: {
      value: '<question>',
      help: 'The question across the top, by id or exact text (default: the total only).',
    },
    where: {
      value: '<question>=<option>',
      help: 'Only respondents who gave this answer; repeat it: ORed on one question, ANDed across questions.',
    },
    'no-tests': { value: '', help: 'Leave out the column-proportion significance letters.' },
    sql: {
      value: '',
      help: 'Print the DuckDB SQL query that counts this table over the same file, instead of the table.',
    },
    banner: {
      value: '<question>[,...]',
      help: 'The banner questions across the top after Total, by id or exact text, comma-separated; <outer>/<inner> nests inner within outer (default: the banner saved in the survey definition).',
    },
    band: {
      value: '<question>=<cut>,<cut>,...',
      help: 'Band a numeric question at these cut points (each starts a band) into <question>_band, usable on the banner (repeatable).',
    },
    nets: {
      value: 'top2bottom2',
      help: 'Add top-2-box and bottom-2-box nets to every ordered scale (1–5, Strongly disagree…Strongly agree).',
    },
    compare: {
      value: '<group|rest>',
      help: 'Letters compare each column with the others of its banner group, or with the rest of the sample (default: group).',
    },
    correction: {
      value: '<none|bonferroni|bh>',
      help: "Correct each row's comparisons within a group: none, Bonferroni or Benjamini–Hochberg (default: none).",
    },
    level: {
      value: '<95[/90]>',
      help: 'Confidence level of uppercase letters, and after a / of lowercase ones (default: 95).',
    },
    xlsx: {
      value: '<out.xlsx>',
      help: 'Write the tab book to this Excel workbook (a contents sheet and one sheet per table) instead of printing JSON.',
    },
    'one-sheet': { value: '', help: 'With --xlsx: every table on one sheet.' },
    base: {
      value: '<n>',
      help: 'Published figures: the respondents behind figures whose file gives no base_n, for their 95% margins of error.',
    },
    deff: {
      value: '<x>',
      help: 'Published figures: the design effect (1 or more) of weighted or clustered figures; margins use the base / x (default: 1).',
    },
    encoding: {
      value: '<name>',
      help: 'Read the file in this encoding: utf-8, utf-16le, utf-16be, gb18030, windows-1252 or macintosh (default: detected).',
    },
    delimiter: {
      value: '<char>',
      help: 'The field separator: "," ";" "|" or tab (also written \\t) (default: detected).',
    },
    definition: {
      value: '<file.json>',
      help: 'Read the file with this survey definition (default: <name>.json beside the data, when present).',
    },
    weight: {
      value: '<column>',
      help: "Weight every figure by this column (default: the definition's weight; without one, unweighted).",
    },
    'no-weight': {
      value: '',
      help: 'Unweighted figures, even when the definition names a weight.',
    },
    'read-as': {
      value: 'respondents|published-question',
      help: 'What the rows are, whatever detection or the definition says: one per respondent, or the options of one published question (a two-column table of labels and percents, read so by default).',
    },
    multi: {
      value: '<name>=<col>,<col>,...',
      help: 'Read these columns as one multi-answer question called <name>; each column stays its own question too (repeatable).',
    },
    json: {
      value: '',
      help: 'Print JSON (inspect, list; crosstab, definition and tabs without --xlsx always print JSON).',
    },
    help: { value: '', help: 'Print this help and exit.' },
  },
  usage: (synopsis: string) => `Usage: survey-workbench ${synopsis}`,
  optionsHeading: 'Options:',
  commandsHeading: 'Commands:',
  fileOptionsHeading: 'Reading a survey file (inspect, crosstab, tabs, definition):',
  crosstabOptionsHeading: 'crosstab (tabs takes --rows, --where and --no-tests too):',
  tabsOptionsHeading: 'tabs only:',
  inspectOptionsHeading: 'inspect only:',
  commonOptionsHeading: 'Every command:',
  helpHint: 'Run "survey-workbench <command> --help" for the options of one command.',
  exitCodes:
    'Exit codes: 0 done, 1 the file or a question cannot be read (stderr says why), 2 wrong usage.',

  // Usage errors (exit 2).
  noCommand: 'No command given.',
  unknownCommand: (name: string) => `Unknown command "${name}".`,
  unknownFlag: (flag: string) => `Unknown option "${flag}".`,
  missingValue: (flag: string) => `The option ${flag} needs a value.`,
  flagAsValue: (flag: string, value: string) =>
    `The option ${flag} needs a value, but "${value}" is an option, not a value. Write a value that starts with "-" as ${flag}=<value>.`,
  takesNoValue: (flag: string) => `The option ${flag} takes no value.`,
  givenTwice: (flag: string) => `The option ${flag} is given more than once; give it once.`,
  weightConflict: '--weight and --no-weight contradict each other: give one of them.',
  badReadAs: (value: string) =>
    `--read-as takes "respondents" or "published-question", not "${value}".`,
  noFile: 'Give the survey file to read.',
  tooManyFiles: (files: string[]) =>
    `Give exactly one survey file, not ${files.length}: ${files.map((f) => `"${f}"`).join(', ')}.`,
  noFileWanted: (extra: string) => `Unexpected argument "${extra}": this command reads no file.`,
  badEncoding: (name: string, valid: readonly string[]) =>
    `Unknown encoding "${name}". Use one of: ${valid.join(', ')}.`,
  badDelimiter: (value: string) =>
    `"${value}" is not a delimiter. Use one of: "," ";" "|" or tab (written \\t or tab).`,
  badWhere: (value: string) =>
    `"--where ${value}" must look like --where <question>=<option>, e.g. --where gender=Female.`,
  badMulti: (value: string) =>
    `"--multi ${value}" must look like --multi <name>=<column>,<column>,..., e.g. --multi leisure=cinema,sport.`,
  rowsMissing: 'Give the question for the rows with --rows <question>.',
  badBand: (value: string) =>
    `"--band ${value}" must look like --band <question>=<cut>,<cut>,... with numbers in increasing order, e.g. --band age=25,35,45,55.`,
  badNets: (value: string) =>
    `"--nets ${value}" is not a kind of nets: the one kind is top2bottom2.`,
  badCompare: (value: string) => `"--compare ${value}" must be group or rest.`,
  badCorrection: (value: string) =>
    `"--correction ${value}" must be none, bonferroni or bh (Benjamini–Hochberg).`,
  badLevel: (value: string) =>
    `"--level ${value}" must be a confidence level in percent, optionally with a lower one after a /, e.g. --level 95 or --level 95/90.`,
  testsOff: (flags: string[]) =>
    `--no-tests leaves out the letters, so ${flags.join(' and ')} would do nothing: give one or the other.`,
  jsonOrXlsx: '--json and --xlsx contradict each other: tabs prints JSON, or writes --xlsx <file>.',
  oneSheetWithoutXlsx: '--one-sheet lays out an .xlsx workbook: give --xlsx <file> too.',
  wroteXlsx: (file: string, tables: number) =>
    `Wrote ${tables} table${tables === 1 ? '' : 's'} to ${file}.`,
  badBase: (value: string) =>
    `"--base ${value}" must be a whole number of respondents, 1 or more, e.g. --base 1200.`,
  badDeff: (value: string) =>
    `"--deff ${value}" must be a design effect of 1 or more, e.g. --deff 1.5.`,

  // Reading files (exit 1).
  noSuchFile: 'no such file.',
  isFolder: 'it is a folder, not a file.',
  isPipe: 'it is a named pipe (FIFO), not a file. Save the data to a file and read that.',
  isDevice: 'it is a device, not a file.',
  isSocket: 'it is a socket, not a file.',
  notRegular: 'it is not a regular file.',
  permissionDenied: 'permission denied.',
  internal: (message: string) => `Internal error: ${message}`,

  // inspect and list without --json.
  summaryPublished: (questions: number, series: number, file: string) =>
    `${questions} question${questions === 1 ? '' : 's'}, ${series} series (question × segment) in ${file}`,
  summaryRespondents: (rows: number, file: string, weight: string | null) =>
    `${rows} respondents in ${file}${weight === null ? ', unweighted' : `, weighted by ${weight}`}`,
  kindInferred: (kind: string) => `${kind} (inferred)`,
  noFigures: 'no figures',
  total: (lowerBound: boolean, total: string) => `total ${lowerBound ? 'at least ' : ''}${total}`,
  optionCount: (n: number) => `${n} option${n === 1 ? '' : 's'}`,
  basesFit: (candidates: string[], count: number) =>
    `fits a base of at least ${candidates[0] ?? ''} respondents (${candidates.join(', ')}${count > candidates.length ? ', …' : ''})`,
  noBaseFits: (limit: string) => `fits no unweighted base up to ${limit}`,
  answered: (kind: string, n: number, weighted: string | null) =>
    `${kind}, ${n} answered${weighted === null ? '' : ` (weighted ${weighted})`}`,
  memberOf: (id: string) => `also an option of the multi-answer question "${id}"`,
  moreOptions: (n: number) => `… ${n} more options`,
  warning: (text: string) => `warning: ${text}`,
  listLine: (id: string, title: string, by: string | null, questions: number) =>
    `${id}  ${title}${by === null ? '' : ` (${by})`}: ${questions} question${questions === 1 ? '' : 's'}`,
} as const;
