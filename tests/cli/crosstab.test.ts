import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseCrosstabArgs, resolveCrosstabSpec, runCrosstab } from '../../src/cli/crosstab';
import type { Crosstab } from '../../src/core/crosstab/types';
import { multi, respondents, single, unwrap } from '../core/crosstab/build';

const DEMO = fileURLToPath(
  new URL('../../surveys/demo-simulated-wechat-respondents.csv', import.meta.url),
);

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const code = await runCrosstab(args);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

afterEach(() => vi.restoreAllMocks());

describe('crosstab command arguments', () => {
  it('reads rows, cols, weight, repeated --where, encoding and delimiter', () => {
    const args = unwrap(
      parseCrosstabArgs([
        'f.csv',
        '--rows',
        'q1',
        '--cols',
        'Gender',
        '--weight',
        'wt',
        '--where',
        'age=18-24',
        '--where',
        'age=25-30',
        '--encoding',
        'GB18030',
        '--delimiter',
        'tab',
        '--json',
      ]),
    );
    expect(args).toEqual({
      file: 'f.csv',
      rows: 'q1',
      cols: 'Gender',
      weight: 'wt',
      where: [
        { question: 'age', option: '18-24' },
        { question: 'age', option: '25-30' },
      ],
      encoding: 'gb18030',
      delimiter: '\t',
      tests: true,
    });
  });

  it.each([
    [['f.csv', '--cols', 'a'], 'The option --rows needs a value.'],
    [['f.csv', '--rows'], 'The option --rows needs a value.'],
    [
      ['f.csv', '--rows', 'a', '--where', 'novalue'],
      '"--where novalue" must look like --where <question>=<option>',
    ],
    [['f.csv', '--rows', 'a', '--colz', 'b'], 'Unknown option "--colz".'],
    [['f.csv', '--rows', 'a', '--encoding', 'latin9'], '--encoding "latin9" is not one of'],
    [['--rows', 'a'], 'Give exactly one survey file.'],
  ])('rejects %j: %s', (args, message) => {
    const result = parseCrosstabArgs(args);
    expect(!result.ok && result.error.message).toContain(message);
  });
});

describe('naming questions and options', () => {
  const t = respondents([
    single('q1', ['a', 'b', 'a'], ['a', 'b'], 'How often?'),
    multi('q2', [['x'], ['y'], ['x', 'y']], ['x', 'y'], 'Why?'),
  ]);
  const base = { file: 'f.csv', cols: null, weight: undefined, tests: true };

  it('accepts ids or exact texts and merges --where on one question into one OR condition', () => {
    const spec = unwrap(
      resolveCrosstabSpec(t, {
        ...base,
        rows: 'How often?',
        cols: 'q2',
        where: [
          { question: 'Why?', option: 'y' },
          { question: 'q2', option: 'x' },
        ],
      }),
    );
    expect(spec).toEqual({
      rows: { questionId: 'q1' },
      cols: { questionId: 'q2' },
      filter: [{ questionId: 'q2', options: [1, 0] }],
      tests: true,
    });
  });

  it('names the unknown option and lists the valid ones', () => {
    const result = resolveCrosstabSpec(t, {
      ...base,
      rows: 'q1',
      where: [{ question: 'q1', option: 'c' }],
    });
    expect(!result.ok && result.error.message).toBe(
      'Question "q1" has no option "c". Pick one of: "a", "b".',
    );
  });
});

describe('crosstab command on the demo survey', () => {
  it('prints the crosstab as JSON with the simulated-data notice and exits 0', async () => {
    const { code, stdout, stderr } = await run([
      DEMO,
      '--rows',
      'How often do you use WeChat?',
      '--cols',
      'gender',
      '--where',
      'age_group=18-24',
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const x = JSON.parse(stdout) as Crosstab;
    expect(x.notice).toBe('Simulated respondents, not real data');
    expect(x.weightId).toBe('weight');
    expect(x.base.description).toMatch(
      /^Base: respondents where "age_group" is "18-24", n = \d+ \(weighted [\d,.]+\)$/,
    );
    expect(x.counts).toHaveLength(4);
    expect(x.unweightedTotal + x.missing.filteredOut).toBe(1500);
    const sum = x.colPercents.reduce((s, row) => s + row[0]!, 0);
    expect(sum).toBeCloseTo(100, 9);
  });

  it('--no-weight gives integer counts', async () => {
    const { stdout } = await run([DEMO, '--rows', 'gender', '--no-weight', '--json']);
    const x = JSON.parse(stdout) as Crosstab;
    expect(x.weightId).toBeNull();
    expect(x.counts.flat().reduce((a, b) => a + b, 0)).toBe(1500);
  });

  it('prints an error listing the valid questions to stderr and exits 1', async () => {
    const { code, stdout, stderr } = await run([DEMO, '--rows', 'agegroup', '--json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'There is no question "agegroup" in this survey. Pick one of: "gender", "age_group"',
    );
  });

  it('says which file it cannot read', async () => {
    const { code, stderr } = await run(['/nonexistent/x.csv', '--rows', 'a', '--json']);
    expect(code).toBe(1);
    expect(stderr).toContain('Cannot read /nonexistent/x.csv');
  });
});
