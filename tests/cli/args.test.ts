import { describe, expect, it } from 'vitest';
import { encodingNamed, parseCommandArgs } from '../../src/cli/args';
import { COMMAND_FLAGS, COMMANDS } from '../../src/cli/flags';
import { commandUsage, programUsage } from '../../src/cli/usage';
import { runCrosstab } from '../../src/cli/crosstab';
import { runDefinition } from '../../src/cli/definition';
import { runInspect } from '../../src/cli/inspect';
import { runList } from '../../src/cli/list';
import { ENCODINGS } from '../../src/core/csv/encoding';
import { capture, DEMO, spawnCli } from './helpers';

describe('the one argument parser', () => {
  it('reads every shared flag the same way in inspect, crosstab and definition', () => {
    const shared = [
      'f.csv',
      '--encoding',
      'UTF8',
      '--delimiter',
      'tab',
      '--definition',
      'd.json',
      '--weight',
      'wt',
      '--multi',
      'leisure=cinema, sport',
      '--multi',
      'media=tv,radio',
      '--json',
    ];
    const expected = {
      file: 'f.csv',
      json: true,
      encoding: 'utf-8',
      delimiter: '\t',
      definition: 'd.json',
      weight: 'wt',
      multi: [
        { id: 'leisure', columns: ['cinema', 'sport'] },
        { id: 'media', columns: ['tv', 'radio'] },
      ],
    };
    expect(parseCommandArgs('inspect', shared)).toEqual({ kind: 'args', args: expected });
    expect(parseCommandArgs('definition', shared)).toEqual({ kind: 'args', args: expected });
    expect(parseCommandArgs('crosstab', [...shared, '--rows', 'q1'])).toEqual({
      kind: 'args',
      args: { ...expected, rows: 'q1', cols: null, where: [], tests: true },
    });
  });

  it('reads the crosstab flags: rows, cols, repeated --where and --no-tests', () => {
    const parsed = parseCommandArgs('crosstab', [
      'f.csv',
      '--rows',
      'How often?',
      '--cols=Gender',
      '--where',
      'age=18-24',
      '--where',
      'age=25-30',
      '--where',
      'city=a=b',
      '--no-tests',
      '--no-weight',
    ]);
    expect(parsed).toEqual({
      kind: 'args',
      args: {
        file: 'f.csv',
        json: false,
        weight: null,
        multi: [],
        rows: 'How often?',
        cols: 'Gender',
        where: [
          { question: 'age', option: '18-24' },
          { question: 'age', option: '25-30' },
          { question: 'city', option: 'a=b' },
        ],
        tests: false,
      },
    });
  });

  it.each([
    ['utf8', 'utf-8'],
    ['UTF-8', 'utf-8'],
    ['Utf_8', 'utf-8'],
    ['UTF16LE', 'utf-16le'],
    ['utf-16be', 'utf-16be'],
    ['GB18030', 'gb18030'],
    ['Windows-1252', 'windows-1252'],
    ['cp1252', 'windows-1252'],
    ['latin1', 'windows-1252'],
    ['mac', 'macintosh'],
  ])('accepts the encoding %j as %j', (spelling, name) => {
    expect(encodingNamed(spelling)).toBe(name);
  });

  it('accepts each encoding of ENCODINGS by its own name and refuses others', () => {
    for (const name of ENCODINGS) expect(encodingNamed(name)).toBe(name);
    expect(encodingNamed('latin9')).toBeUndefined();
    expect(encodingNamed('gbk')).toBeUndefined();
  });

  it.each([
    [',', ','],
    [';', ';'],
    ['|', '|'],
    ['tab', '\t'],
    ['TAB', '\t'],
    ['\\t', '\t'],
    ['\t', '\t'],
    ['semicolon', ';'],
  ])('accepts the delimiter %j', (value, delimiter) => {
    const parsed = parseCommandArgs('inspect', ['f.csv', '--delimiter', value]);
    expect(parsed.kind === 'args' && parsed.args.delimiter).toBe(delimiter);
  });

  const usageErrors: [string[], string][] = [
    [
      ['f.csv', '--weight', '--json'],
      'The option --weight needs a value, but "--json" is an option',
    ],
    [['f.csv', '--weight', 'wt', '--no-weight'], '--weight and --no-weight contradict each other'],
    [['f.csv', '--bogus'], 'Unknown option "--bogus".'],
    [['f.csv', '-x'], 'Unknown option "-x".'],
    [['f.csv', '--encoding'], 'The option --encoding needs a value.'],
    [['f.csv', '--json=yes'], 'The option --json takes no value.'],
    [['f.csv', '--weight', 'a', '--weight', 'b'], 'The option --weight is given more than once'],
    [['f.csv', '--encoding', 'latin9'], 'Unknown encoding "latin9". Use one of: utf-8, utf-16le'],
    [['f.csv', '--delimiter', ':'], '":" is not a delimiter.'],
    [['f.csv', '--multi', 'leisure'], '"--multi leisure" must look like --multi <name>=<column>'],
    [['f.csv', '--multi', 'leisure=a,,b'], '"--multi leisure=a,,b" must look like'],
    [['f.csv', '--multi', ' =a,b'], '"--multi  =a,b" must look like'],
    [[], 'Give the survey file to read.'],
    [['a.csv', 'b.csv'], 'Give exactly one survey file, not 2: "a.csv", "b.csv".'],
  ];

  it.each(usageErrors)('inspect refuses %j: %s', (argv, message) => {
    const parsed = parseCommandArgs('inspect', argv);
    expect(parsed.kind === 'usage' && parsed.message).toContain(message);
  });

  it.each(usageErrors)('crosstab refuses %j: %s', (argv, message) => {
    const parsed = parseCommandArgs('crosstab', ['--rows', 'q', ...argv]);
    expect(parsed.kind === 'usage' && parsed.message).toContain(message);
  });

  it.each([
    [['f.csv'], 'Give the question for the rows with --rows <question>.'],
    [['f.csv', '--rows'], 'The option --rows needs a value.'],
    [['f.csv', '--rows', 'a', '--where', 'novalue'], '"--where novalue" must look like'],
    [['f.csv', '--rows', 'a', '--colz', 'b'], 'Unknown option "--colz".'],
  ])('crosstab refuses %j: %s', (argv, message) => {
    const parsed = parseCommandArgs('crosstab', argv);
    expect(parsed.kind === 'usage' && parsed.message).toContain(message);
  });

  it('keeps the crosstab flags out of inspect and the file flags out of list', () => {
    expect(parseCommandArgs('inspect', ['f.csv', '--rows', 'q'])).toEqual({
      kind: 'usage',
      message: 'Unknown option "--rows".',
    });
    expect(parseCommandArgs('list', ['--weight', 'w'])).toEqual({
      kind: 'usage',
      message: 'Unknown option "--weight".',
    });
    expect(parseCommandArgs('list', ['surveys'])).toEqual({
      kind: 'usage',
      message: 'Unexpected argument "surveys": this command reads no file.',
    });
  });

  it('asks for help with --help or -h, even beside other errors', () => {
    expect(parseCommandArgs('crosstab', ['--help'])).toEqual({ kind: 'help' });
    expect(parseCommandArgs('inspect', ['-h'])).toEqual({ kind: 'help' });
    expect(parseCommandArgs('list', ['--help'])).toEqual({ kind: 'help' });
    expect(parseCommandArgs('definition', ['a.csv', 'b.csv', '--help'])).toEqual({
      kind: 'help',
    });
    expect(parseCommandArgs('inspect', ['a.csv', '--bogus', '-h'])).toEqual({ kind: 'help' });
    expect(parseCommandArgs('inspect', ['--bogus', '--', '-h'])).toEqual({
      kind: 'usage',
      message: 'Unknown option "--bogus".',
    });
  });
});

describe('help', () => {
  it.each(COMMANDS)('%s --help lists every flag it takes, one line each', (command) => {
    const usage = commandUsage(command);
    for (const flag of COMMAND_FLAGS[command]) {
      const line = new RegExp(`^  (-h, )?--${flag}( <[^>]+>\\S*)? +\\S`);
      expect(
        usage.split('\n').filter((l) => line.test(l)),
        `--${flag}`,
      ).toHaveLength(1);
    }
  });

  it('the program help names every command and every flag', () => {
    const usage = programUsage();
    for (const command of COMMANDS) expect(usage).toContain(`survey-workbench ${command}`);
    const all = new Set(COMMANDS.flatMap((c) => COMMAND_FLAGS[c]));
    expect(all.size).toBe(25);
    for (const flag of all)
      expect(usage, `--${flag}`).toMatch(
        new RegExp(`^  (-h, )?--${flag}( <[^>]+>\\S*)? +\\S`, 'm'),
      );
  });
});

describe('exit codes', () => {
  const runs = { inspect: runInspect, crosstab: runCrosstab, definition: runDefinition };

  it.each([
    ['inspect', [DEMO, '--weight', '--json']],
    ['inspect', [DEMO, '--weight', 'weight', '--no-weight']],
    ['inspect', [DEMO, '--frobnicate']],
    ['inspect', []],
    ['crosstab', [DEMO, '--rows', 'gender', '--weight', '--json']],
    ['crosstab', [DEMO, '--rows', 'gender', '--weight', 'weight', '--no-weight']],
    ['crosstab', [DEMO, '--rows', 'gender', '--frobnicate']],
    ['crosstab', ['--rows', 'gender']],
    ['definition', [DEMO, '--weight', '--json']],
  ] as const)('%s %j is a usage error: exit 2 with the usage on stderr', async (command, argv) => {
    const r = await capture(() => runs[command]([...argv]));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`Usage: survey-workbench ${command} <file>`);
  });

  it('list with an unknown flag exits 2', async () => {
    const r = await capture(() => runList(['--all']));
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, 'Unknown option "--all".']);
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const r = await capture(() => runCrosstab(['--help']));
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(commandUsage('crosstab'));
  });

  // The real process: main.ts sets the exit code (about 0.6 s each).
  it('the CLI process exits 2 for a usage error in inspect and in crosstab', () => {
    const inspect = spawnCli('inspect', DEMO, '--weight', '--json');
    expect(inspect.status).toBe(2);
    expect(inspect.stderr).toMatch(/^The option --weight needs a value, but "--json" is an option/);
    const crosstab = spawnCli('crosstab', DEMO, '--rows', 'gender', '--weight', 'x', '--no-weight');
    expect(crosstab.status).toBe(2);
    expect(crosstab.stderr).toContain('Usage: survey-workbench crosstab <file>');
  }, 30_000);

  it('the CLI process exits 2 for an unknown command, and 0 for --help', () => {
    const unknown = spawnCli('tabulate');
    expect([unknown.status, unknown.stderr.split('\n')[0]]).toEqual([
      2,
      'Unknown command "tabulate".',
    ]);
    const help = spawnCli('--help');
    expect([help.status, help.stdout]).toEqual([0, programUsage()]);
  }, 30_000);
});
