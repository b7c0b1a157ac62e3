import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../src/cli/args';
import type { TabsArgs } from '../../src/cli/args';
import { resolveTabSpec, runTabs, tabsFile } from '../../src/cli/tabs';
import { loadSurveyFile } from '../../src/core/pipeline';
import { tabs } from '../../src/core/tabs/tabs';
import type { TabBook } from '../../src/core/tabs/types';
import { numeric, respondents, single } from '../support/respondents';
import {
  capture,
  DEMO,
  HDV2003,
  haveHdv2003,
  removeTempDirs,
  spawnCli,
  tempDir,
  unwrap,
} from './helpers';

afterAll(removeTempDirs);

const DEFAULT_TESTS = {
  level: 0.95,
  lowerLevel: null,
  compare: 'group',
  correction: 'none',
} as const;

const args = (
  file: string,
  rest: Partial<TabsArgs>,
): Omit<TabsArgs, 'json' | 'xlsx' | 'oneSheet'> => ({
  file,
  multi: [],
  banner: '',
  rows: null,
  where: [],
  bands: [],
  nets: null,
  tests: { ...DEFAULT_TESTS },
  ...rest,
});

describe('tabs arguments', () => {
  it('reads the banner, rows, bands, nets, tests and the workbook flags', () => {
    expect(
      parseCommandArgs('tabs', [
        'f.csv',
        '--banner',
        'gender,region/age',
        '--rows=q1,q2',
        '--band',
        'age=25, 35,45',
        '--nets',
        'top2bottom2',
        '--compare',
        'rest',
        '--correction',
        'BH',
        '--level',
        '95/90',
        '--where',
        'q1=Yes',
        '--weight',
        'wt',
        '--xlsx',
        'out.xlsx',
        '--one-sheet',
      ]),
    ).toEqual({
      kind: 'args',
      args: {
        file: 'f.csv',
        json: false,
        multi: [],
        weight: 'wt',
        banner: 'gender,region/age',
        rows: 'q1,q2',
        where: [{ question: 'q1', option: 'Yes' }],
        bands: [{ question: 'age', cuts: [25, 35, 45] }],
        nets: 'top2bottom2',
        tests: { level: 0.95, lowerLevel: 0.9, compare: 'rest', correction: 'bh' },
        xlsx: 'out.xlsx',
        oneSheet: true,
      },
    });
  });

  it('takes no --banner: the banner saved in the survey definition is used then', () => {
    const parsed = parseCommandArgs('tabs', ['f.csv']);
    expect(parsed.kind === 'args' && parsed.args.banner).toBe('');
  });

  it('defaults to letters at 95% within each group, no correction, JSON', () => {
    const parsed = parseCommandArgs('tabs', ['f.csv', '--banner', 'g']);
    expect(parsed.kind === 'args' && [parsed.args.tests, parsed.args.xlsx]).toEqual([
      DEFAULT_TESTS,
      null,
    ]);
    const off = parseCommandArgs('tabs', ['f.csv', '--banner', 'g', '--no-tests']);
    expect(off.kind === 'args' && off.args.tests).toBeNull();
  });

  it.each([
    [
      ['f.csv', '--banner', 'g', '--json', '--xlsx', 'o.xlsx'],
      '--json and --xlsx contradict each other: tabs prints JSON, or writes --xlsx <file>.',
    ],
    [
      ['f.csv', '--banner', 'g', '--one-sheet'],
      '--one-sheet lays out an .xlsx workbook: give --xlsx <file> too.',
    ],
    [
      ['f.csv', '--banner', 'g', '--level', '90/95'],
      '"--level 90/95" must be a confidence level in percent, optionally with a lower one after a /, e.g. --level 95 or --level 95/90.',
    ],
    [
      ['f.csv', '--banner', 'g', '--band', 'age=35,25'],
      '"--band age=35,25" must look like --band <question>=<cut>,<cut>,... with numbers in increasing order, e.g. --band age=25,35,45,55.',
    ],
    [
      ['f.csv', '--banner', 'g', '--correction', 'holm'],
      '"--correction holm" must be none, bonferroni or bh (Benjamini–Hochberg).',
    ],
    [
      ['f.csv', '--banner', 'g', '--no-tests', '--compare', 'rest'],
      '--no-tests leaves out the letters, so --compare would do nothing: give one or the other.',
    ],
    [
      ['f.csv', '--banner', 'g', '--nets', 'top3'],
      '"--nets top3" is not a kind of nets: the one kind is top2bottom2.',
    ],
  ])('%j is a usage error: %s', (argv, message) => {
    expect(parseCommandArgs('tabs', argv)).toEqual({ kind: 'usage', message });
  });
});

describe('naming questions', () => {
  const t = respondents([
    single('q1', ['a', 'b', 'a', 'b'], ['a', 'b'], 'Which apps, if any, do you use?'),
    single('g', ['x', 'x', 'y', 'y'], ['x', 'y'], 'Gender'),
    single('r', ['n', 's', 'n', 's'], ['n', 's']),
    numeric('age', [20, 30, 40, 50]),
  ]);
  const resolve = (rest: Partial<TabsArgs>) =>
    unwrap(
      resolveTabSpec(t, {
        banner: '',
        rows: null,
        where: [],
        bands: [],
        nets: null,
        tests: null,
        ...rest,
      }),
    );

  it('by id or exact text, a comma inside a question text read as part of it', () => {
    const { spec } = resolve({ banner: 'Gender,r', rows: 'Which apps, if any, do you use?,age' });
    expect(spec.banner).toEqual(['g', 'r']);
    expect(spec.rows).toEqual(['Which apps, if any, do you use?', 'age']);
  });

  it('"<outer>/<inner>" nests inner within outer; a banded numeric question stands as its band', () => {
    const { table, spec } = resolve({
      banner: 'r/Gender,age',
      bands: [{ question: 'age', cuts: [35] }],
    });
    expect(spec.banner).toEqual([{ question: 'g', within: 'r' }, 'age_band']);
    expect(table.columns.map((c) => c.id)).toContain('age_band');
    // Rows by default are the file's questions, not the band made for the banner.
    expect(spec.rows).toEqual(['q1', 'g', 'r', 'age']);
  });

  it('without --banner, uses the banner saved in the survey definition, bands and all', () => {
    const saved = {
      columns: [{ question: 'g', within: 'r' }, 'age'],
      bands: [{ question: 'age', cuts: [35] }],
    };
    const fromDefinition = unwrap(
      resolveTabSpec(
        t,
        { banner: '', rows: null, where: [], bands: [], nets: null, tests: null },
        saved,
      ),
    );
    const fromFlags = resolve({ banner: 'r/g,age', bands: [{ question: 'age', cuts: [35] }] });
    expect(fromDefinition.spec).toEqual(fromFlags.spec);
    expect(fromDefinition.table.columns).toEqual(fromFlags.table.columns);
  });

  it('a --band replaces the saved band of the same question; --banner replaces the saved banner', () => {
    const saved = { columns: ['age'], bands: [{ question: 'age', cuts: [35] }] };
    const base = { rows: null, where: [], nets: null, tests: null };
    const banded = unwrap(
      resolveTabSpec(
        t,
        { ...base, banner: '', bands: [{ question: 'age', cuts: [30, 40] }] },
        saved,
      ),
    );
    const band = banded.table.columns.find((c) => c.id === 'age_band');
    expect(band?.type === 'single' && band.labels.length).toBe(3);
    const flagged = unwrap(resolveTabSpec(t, { ...base, banner: 'g,age', bands: [] }, saved));
    expect(flagged.spec.banner).toEqual(['g', 'age_band']);
  });

  it('without --banner and no saved banner, says how to give one', () => {
    const r = resolveTabSpec(t, {
      banner: '',
      rows: null,
      where: [],
      bands: [],
      nets: null,
      tests: null,
    });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'tabs-no-banner',
        message:
          'Give the banner questions with --banner <question>[,<question>...], e.g. --banner gender,age_group, or save a banner in the survey definition ("banner": {"columns": ["gender", "age_group"]}).',
      },
    });
  });
});

describe('tabs on the bundled demo survey', () => {
  it('prints the book as JSON: Total first, each banner question a group, one table a question', async () => {
    const r = await capture(() =>
      runTabs([DEMO, '--banner', 'gender,age_group', '--level', '95/90']),
    );
    expect([r.code, r.stderr]).toEqual([0, '']);
    const book = JSON.parse(r.stdout) as TabBook;
    expect(Object.keys(book)).toEqual([
      'title',
      'notice',
      'source',
      'columns',
      'groups',
      'tables',
      'weightId',
      'filter',
      'tests',
      'warnings',
    ]);
    expect(book.columns.slice(0, 3)).toEqual([
      { group: 'Total', label: 'Total', letter: null },
      { group: 'gender', label: 'Female', letter: 'A' },
      { group: 'gender', label: 'Male', letter: 'B' },
    ]);
    expect(book.columns.slice(3).map((c) => `${c.group}:${c.label}:${c.letter}`)).toEqual([
      'age_group:18-24:C',
      'age_group:25-30:D',
      'age_group:31-40:E',
      'age_group:41+:F',
    ]);
    expect([book.weightId, book.notice]).toEqual([
      'weight',
      'Simulated respondents, not real data',
    ]);
    const often = book.tables.find((t) => t.question.id === 'How often do you use WeChat?')!;
    expect(Object.keys(often)).toEqual([
      'question',
      'rows',
      'isNet',
      'counts',
      'colPercents',
      'bases',
      'letters',
      'stats',
      'scores',
      'notes',
    ]);
    expect(often.counts.every((row) => row.length === 7)).toBe(true);
    expect(Object.keys(often.bases)).toEqual(['unweighted', 'weighted', 'effective']);
    expect(often.bases.unweighted[0]).toBe(1500);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
  });

  it('prints what the core computes from the same file and flags', async () => {
    const book = unwrap(
      await tabsFile(
        args(DEMO, { banner: 'gender', rows: 'city_tier,How often do you use WeChat?' }),
      ),
    );
    const loaded = unwrap(
      loadSurveyFile(new Uint8Array(readFileSync(DEMO)), {
        file: DEMO,
        definition: JSON.parse(readFileSync(DEMO.replace(/\.csv$/, '.json'), 'utf8')),
      }),
    );
    if (loaded.kind !== 'respondents') throw new Error('not respondents');
    const core = unwrap(
      tabs(loaded.table, {
        banner: ['gender'],
        rows: ['city_tier', 'How often do you use WeChat?'],
        tests: DEFAULT_TESTS,
        filter: [],
      }),
    );
    expect(book).toEqual(core);
  });

  it('writes an .xlsx workbook with --xlsx, and says so on stdout', async () => {
    const out = join(tempDir(), 'book.xlsx');
    const r = await capture(() =>
      runTabs([DEMO, '--banner', 'gender', '--rows', 'gender,city_tier', '--xlsx', out]),
    );
    expect([r.code, r.stdout, r.stderr]).toEqual([0, `Wrote 2 tables to ${out}.\n`, '']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Contents', '1 gender', '2 city_tier']);
  });

  it('names an unknown banner question and exits 1', async () => {
    const r = await capture(() => runTabs([DEMO, '--banner', 'sex']));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^There is no question "sex" in this survey\. Pick one of: "gender"/);
  });

  it('refuses published figures: a tab book needs respondents', async () => {
    const r = await capture(() =>
      runTabs(['surveys/sootoo-2013-06-wechat-users.csv', '--banner', 'x']),
    );
    expect([r.code, r.stderr]).toEqual([
      1,
      'surveys/sootoo-2013-06-wechat-users.csv: This file holds published percentages, not one row per respondent: this command needs respondent-level data.\n',
    ]);
  });

  it('a usage error exits 2 with the usage on stderr (the real process)', () => {
    const r = spawnCli('tabs', DEMO, '--level', '90/95');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage: survey-workbench tabs <file> [--banner');
  }, 30_000);

  it('without --banner and no banner saved in the definition, exits 1 saying how to give one', () => {
    const r = spawnCli('tabs', DEMO);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('or save a banner in the survey definition');
  }, 30_000);
});

describe.skipIf(!haveHdv2003)('tabs on hdv2003, weighted by poids', () => {
  it('bands age on the banner, gives means with letters and effective bases below the unweighted n', async () => {
    const book = unwrap(
      await tabsFile(
        args(HDV2003, {
          banner: 'sexe,age',
          bands: [{ question: 'age', cuts: [25, 35, 45, 55, 65] }],
          rows: 'heures.tv,qualif',
          weight: 'poids',
          tests: { ...DEFAULT_TESTS, lowerLevel: 0.9, correction: 'bh' },
        }),
      ),
    );
    expect(book.groups.map((g) => g.id)).toEqual(['Total', 'sexe', 'age_band']);
    expect(book.columns.filter((c) => c.group === 'age_band').map((c) => c.label)).toEqual([
      '18–24',
      '25–34',
      '35–44',
      '45–54',
      '55–64',
      '65+',
    ]);
    const tv = book.tables[0]!;
    expect(tv.question).toEqual({ id: 'heures.tv', text: 'heures.tv', type: 'numeric' });
    expect(tv.stats!.n[0]).toBe(1995);
    expect(tv.bases.effective[0]!).toBeGreaterThan(1000);
    expect(tv.bases.effective[0]!).toBeLessThan(1995);
    // The oldest watch the most television: 65+ is higher than every younger band.
    expect(tv.stats!.letters[8]).toMatch(/^CDEF/);
  });

  it('writes every table on one sheet with --one-sheet', async () => {
    const out = join(tempDir(), 'one.xlsx');
    const r = await capture(() =>
      runTabs([HDV2003, '--banner', 'sexe', '--weight', 'poids', '--xlsx', out, '--one-sheet']),
    );
    expect(r.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tables']);
  });
});

it('refuses to write the workbook into a folder that does not exist, exit 1', async () => {
  const out = join(tempDir(), 'missing', 'book.xlsx');
  const r = await capture(() =>
    runTabs([DEMO, '--banner', 'gender', '--rows', 'gender', '--xlsx', out]),
  );
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(
    new RegExp(`^Cannot write ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ENOENT`),
  );
});
