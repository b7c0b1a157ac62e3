import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../src/cli/args';
import { inspectFile, runInspect, type Inspected } from '../../src/cli/inspect';
import { describePublishedSurvey } from '../../src/core/published/describe';
import { parseDistributionCsv } from '../../src/core/published/parse';
import {
  capture,
  DEMO,
  demoWithoutDefinition,
  HDV2003,
  haveHdv2003,
  LEISURE,
  ROOT,
  unwrap,
  removeTempDirs,
  tempDir,
} from './helpers';

afterAll(removeTempDirs);

type Respondents = Extract<Inspected, { format: 'respondents' }>;
type Published = Extract<Inspected, { format: 'distribution' }>;

async function inspect(file: string, flags: Partial<Parameters<typeof inspectFile>[0]> = {}) {
  return unwrap(await inspectFile({ file, multi: [], ...flags }));
}
async function inspectRespondents(file: string, flags = {}): Promise<Respondents> {
  const r = await inspect(file, flags);
  if (r.format !== 'respondents') throw new Error(`${file} is not respondent data`);
  return r;
}
const question = (r: Respondents, id: string) => {
  const q = r.questions.find((x) => x.id === id);
  if (q === undefined) throw new Error(`no question ${id}`);
  return q;
};
const shares = (r: Respondents, id: string) =>
  Object.fromEntries(question(r, id).options.map((o) => [o.label, o.percent]));

describe('inspect on a published distribution', () => {
  it('reads the Eguan survey: one entry per segment, both totalling 100.00%', async () => {
    const file = join(ROOT, 'surveys/eguan-2013-07-mobile-im-share.csv');
    const out = (await inspect(file)) as Published;
    expect([out.file, out.format, out.warnings]).toEqual([file, 'distribution', []]);
    expect(out.survey).toEqual({
      title: 'Market share of mobile instant messenger services in China',
      publisher: 'Eguan',
      date: '2013-07',
      population: 'Mobile instant messenger users in China',
      source: "Eguan, as reported on a blog about China's social media on 25 July 2013",
      sourceUrl: null,
    });
    expect(
      out.questions.map((q) => [
        q.id,
        q.segment,
        q.kind,
        q.kindInferred,
        q.total,
        q.answersPerRespondent,
      ]),
    ).toEqual([
      ['share', 'Registered users', 'single', true, 100, null],
      ['share', 'Active users', 'single', true, 100, null],
    ]);
    expect(out.questions[0]?.flags.map((f) => f.code)).toEqual(['kind-inferred']);
    expect(out.questions[1]?.options.slice(0, 2)).toEqual([
      {
        label: 'QQ (Tencent)',
        percent: 42.54,
        printed: '42.54%',
        lowerBound: false,
        rank: null,
        omitted: false,
        ci: null,
      },
      {
        label: 'WeChat (Tencent)',
        percent: 23.38,
        printed: '23.38%',
        lowerBound: false,
        rank: null,
        omitted: false,
        ci: null,
      },
    ]);
  });

  // inspect reads every file through the pipeline: it must describe our own format
  // exactly as the distribution parser alone does (the path inspect used to take),
  // adding only bases, ciBase and each option's ci.
  it.each([
    'eguan-2013-07-mobile-im-share',
    'sootoo-2013-06-wechat-users',
    'sootoo-2013-08-official-accounts',
  ])('reads surveys/%s.csv as the distribution parser does', async (name) => {
    const file = join(ROOT, `surveys/${name}.csv`);
    const direct = unwrap(parseDistributionCsv(readFileSync(file, 'utf8'), file));
    const out = (await inspect(file)) as Published;
    expect(out).toMatchObject({
      file,
      ...describePublishedSurvey(direct),
      warnings: [],
    });
    // Without a base the options have no interval; nothing else is added.
    for (const q of out.questions) {
      const { bases, ciBase, options, ...rest } = q;
      expect(Object.keys(rest).sort()).toEqual(
        Object.keys(describePublishedSurvey(direct).questions[0]!)
          .filter((k) => k !== 'options')
          .sort(),
      );
      expect([bases === undefined, ciBase]).toEqual([false, null]);
      for (const o of options) expect(o.ci).toBeNull();
    }
  });

  it('prints a short summary without --json', async () => {
    const r = await capture(() => runInspect(['surveys/sootoo-2013-08-official-accounts.csv']));
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('User analytics of WeChat official accounts');
    expect(r.stdout).toContain('multi (inferred), total at least 160.2%, 5 options');
    expect(r.stdout).toContain('at least 1.09 answers per respondent on average');
  });

  it('reports a missing file on stderr and exits 1', async () => {
    const r = await capture(() => runInspect(['surveys/no-such-survey.csv', '--json']));
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Cannot read surveys/no-such-survey.csv: no such file.\n',
    });
  });

  it('reports a format error as file:line:column: message and exits 1', async () => {
    const file = 'tests/fixtures/distribution/bad-percent.csv';
    const r = await capture(() => runInspect([file, '--json']));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `${file}:4:3: Line 4, column 3 ("percent"): "3o%" is not a percent. Write it as printed: 38.07, 38.07%, 29, 30+% for "at least 30%", or leave it blank when no figure is published.\n`,
    );
  });

  it('refuses the respondent-data flags on published percentages', async () => {
    const r = await inspectFile({
      file: join(ROOT, 'surveys/eguan-2013-07-mobile-im-share.csv'),
      weight: 'w',
      multi: [{ id: 'm', columns: ['a', 'b'] }],
    });
    expect(!r.ok && r.error.message).toBe(
      'This file holds published percentages, not one row per respondent: --weight, --multi apply to respondent-level data only.',
    );
  });
});

describe('inspect: bases from rounding and margins of error', () => {
  const JUNE = join(ROOT, 'surveys/sootoo-2013-06-wechat-users.csv');
  const AUGUST = join(ROOT, 'surveys/sootoo-2013-08-official-accounts.csv');
  const series = (r: Published, id: string) => {
    const q = r.questions.find((x) => x.id === id);
    if (q === undefined) throw new Error(`no question ${id}`);
    return q;
  };

  it('gives the bases the printed figures fit: 29% / 34% / 15% / 22% need at least 41 people', async () => {
    const out = (await inspect(JUNE)) as Published;
    expect(series(out, 'use4').bases).toEqual({
      smallest: 41,
      candidates: [41, 59, 65, 68, 73, 79, 80, 82, 85, 86],
      searchedUpTo: 10_000,
      count: 9922,
    });
    expect(series(out, 'oa2').bases?.smallest).toBe(1116);
    // Published as a chart without numbers: no base is claimed from nothing.
    expect(series(out, 'oa4').bases).toBeNull();
    expect(out.questions.flatMap((q) => q.flags.map((f) => f.code))).not.toContain(
      'no-consistent-base',
    );
  });

  it('gives each option its Wilson 95% interval with --base, in percent to 2 decimals', async () => {
    const out = (await inspect(JUNE, { base: 1116 })) as Published;
    const oa2 = series(out, 'oa2');
    expect(oa2.ciBase).toEqual({ n: 1116, from: '--base', deff: 1 });
    // R: prop.test(684, 1116, correct = FALSE)$conf.int = 0.583985020835, 0.641046833465 (684/1116 = 61.29%).
    expect(oa2.options[0]).toMatchObject({
      label: 'For leisure and hobby',
      percent: 61.29,
      ci: { low: 58.4, high: 64.1 },
    });
    for (const q of out.questions)
      for (const o of q.options) {
        if (o.percent === null) expect(o.ci).toBeNull();
        else expect(o.ci!.low <= o.percent && o.percent <= o.ci!.high).toBe(true);
      }
  });

  it('divides the base by --deff: --base 1116 --deff 2 is --base 558', async () => {
    const a = (await inspect(JUNE, { base: 1116, deff: 2 })) as Published;
    const b = (await inspect(JUNE, { base: 558 })) as Published;
    expect(series(a, 'oa2').ciBase).toEqual({ n: 1116, from: '--base', deff: 2 });
    expect(a.questions.map((q) => q.options.map((o) => o.ci))).toEqual(
      b.questions.map((q) => q.options.map((o) => o.ci)),
    );
  });

  it('gives no interval for a lower bound ("30+%")', async () => {
    const out = (await inspect(AUGUST, { base: 500 })) as Published;
    const science = series(out, 'q3').options.find((o) => o.label === 'Science and technology');
    expect([science?.printed, science?.ci]).toEqual(['30+%', null]);
  });

  it('uses the stated base_n before --base, and warns when it fits no figure', async () => {
    const file = join(tempDir(), 'stated.csv');
    writeFileSync(
      file,
      [
        'question_id,question,kind,segment,base_n,option,percent',
        'q1,How long?,single,Small,40,Less than 5 minutes,29%',
        ',,,,,6 to 15 minutes,34%',
        ',,,,,16 to 30 minutes,15%',
        ',,,,,More than 31 minutes,22%',
        ',,,Large,1200,Less than 5 minutes,29%',
        ',,,,,6 to 15 minutes,34%',
        ',,,,,16 to 30 minutes,15%',
        ',,,,,More than 31 minutes,22%',
        '',
      ].join('\n'),
    );
    const out = (await inspect(file, { base: 5000 })) as Published;
    const [small, large] = out.questions;
    expect(small?.ciBase).toEqual({ n: 40, from: 'base_n', deff: 1 });
    expect(large?.ciBase).toEqual({ n: 1200, from: 'base_n', deff: 1 });
    expect(small?.flags.map((f) => [f.code, f.severity])).toEqual([
      ['base-contradicted', 'warning'],
    ]);
    expect(small?.flags[0]?.message).toContain(
      '29% ("Less than 5 minutes") and 34% ("6 to 15 minutes") cannot be a whole number out of 40',
    );
    expect(large?.flags).toEqual([]);
    // R: prop.test(348, 1200, correct = FALSE)$conf.int = 0.265029, 0.316311 (348/1200 = 29%).
    expect(large?.options[0]?.ci).toEqual({ low: 26.5, high: 31.63 });
  });

  it('tells when no unweighted base up to 10,000 fits', async () => {
    const file = join(tempDir(), 'weighted.csv');
    writeFileSync(file, 'question,option,percent\nq,Yes,33.334%\n,No,66.666%\n');
    const out = (await inspect(file)) as Published;
    expect(out.questions[0]?.bases).toEqual({
      smallest: null,
      candidates: [],
      searchedUpTo: 10_000,
      count: 0,
    });
    expect(out.questions[0]?.flags.find((f) => f.code === 'no-consistent-base')).toEqual({
      code: 'no-consistent-base',
      severity: 'info',
      message:
        'These figures fit no unweighted base up to 10,000: they are probably weighted, or rounded in another way; no base can be inferred.',
    });
  });

  it('prints the smallest base without --json', async () => {
    const r = await capture(() => runInspect([JUNE]));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'use4  How many hours do you use WeChat at one time?\n    single (inferred), total 100%, 4 options\n    fits a base of at least 41 respondents (41, 59, 65, 68, 73, 79, 80, 82, 85, 86, …)\n',
    );
  });

  it('reads --base and --deff, and refuses values that are not bases or design effects', () => {
    expect(parseCommandArgs('inspect', ['f.csv', '--base', '1200', '--deff', '1.5'])).toEqual({
      kind: 'args',
      args: { file: 'f.csv', json: false, multi: [], base: 1200, deff: 1.5 },
    });
    for (const [argv, message] of [
      [['--base', '0'], '"--base 0" must be a whole number of respondents, 1 or more'],
      [['--base', '12.5'], '"--base 12.5" must be a whole number'],
      [['--base', 'many'], '"--base many" must be a whole number'],
      [['--deff', '0.8'], '"--deff 0.8" must be a design effect of 1 or more'],
      [['--deff', 'x'], '"--deff x" must be a design effect'],
    ] as const) {
      const parsed = parseCommandArgs('inspect', ['f.csv', ...argv]);
      expect(parsed.kind === 'usage' && parsed.message).toContain(message);
    }
    expect(parseCommandArgs('crosstab', ['f.csv', '--rows', 'q', '--base', '5'])).toEqual({
      kind: 'usage',
      message: 'Unknown option "--base".',
    });
  });

  it('refuses --base and --deff on respondent data, which has its own bases', async () => {
    const r = await inspectFile({ file: DEMO, multi: [], base: 100, deff: 2 });
    expect(!r.ok && r.error.message).toBe(
      'This file holds one row per respondent, not published percentages: --base, --deff apply to published figures only (respondent data has its own bases).',
    );
  });
});

describe('inspect on the bundled respondent data', () => {
  // Counted independently from the file: each gender's share of the summed weights.
  const rows = Papa.parse<Record<string, string>>(readFileSync(DEMO, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const weighted = (gender: string) => {
    const sum = (rs: typeof rows) => rs.reduce((s, r) => s + Number(r.weight), 0);
    return (100 * sum(rows.filter((r) => r.gender === gender))) / sum(rows);
  };

  it('is weighted by the weight its definition decides: Female 46.00%, Male 54.00%', async () => {
    const out = await inspectRespondents(DEMO);
    expect([out.format, out.rowCount, out.weight, out.notice, out.warnings]).toEqual([
      'respondents',
      1500,
      'weight',
      'Simulated respondents, not real data',
      [],
    ]);
    expect(rows).toHaveLength(1500);
    expect(weighted('Female')).toBeCloseTo(46.0008, 4);
    expect(weighted('Male')).toBeCloseTo(53.9992, 4);
    expect(shares(out, 'gender')).toEqual({ Female: 46, Male: 54 });
    const gender = question(out, 'gender');
    expect([gender.answered, gender.memberOf]).toEqual([1500, null]);
    expect(gender.weighted).toBeCloseTo(1499.976, 9);
    expect(shares(out, 'How often do you use WeChat?')).toEqual({
      'Many times in a day': 36.25,
      'One time in a day': 27.2,
      'One time in few days': 21.13,
      'One time in a week': 15.43,
    });
  });

  it('--no-weight gives the unweighted split: Female 37.07%, Male 62.93% (556 and 944 of 1,500)', async () => {
    const out = await inspectRespondents(DEMO, { weight: null });
    expect([out.weight, out.warnings]).toEqual([null, []]);
    expect(rows.filter((r) => r.gender === 'Female')).toHaveLength(556);
    expect(shares(out, 'gender')).toEqual({ Female: 37.07, Male: 62.93 });
    expect(question(out, 'gender').weighted).toBeNull();
  });

  it('without its definition nothing is weighted, and a warning names the weight column', async () => {
    const copy = demoWithoutDefinition();
    const out = await inspectRespondents(copy);
    expect(out.weight).toBeNull();
    expect(out.title).toBe('demo');
    expect(shares(out, 'gender')).toEqual({ Female: 37.07, Male: 62.93 });
    expect(out.warnings).toEqual([
      '"weight" looks like a survey weight, but the figures are unweighted: weighting is your decision. Choose it as the weight in the import preview (or pass --weight "weight"), or keep the figures unweighted.',
    ]);
    const chosen = await inspectRespondents(copy, { weight: 'weight' });
    expect([chosen.weight, chosen.warnings]).toEqual(['weight', []]);
    expect(shares(chosen, 'gender')).toEqual({ Female: 46, Male: 54 });
  });

  it('prints the weight and each weighted base without --json', async () => {
    const r = await capture(() => runInspect([DEMO]));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`1500 respondents in ${DEMO}, weighted by weight\n`);
    expect(r.stdout).toContain(
      'gender\n    single, 1500 answered (weighted 1,500.0)\n    46.0%  Female\n    54.0%  Male\n',
    );
  });
});

describe.skipIf(!haveHdv2003)('inspect with --multi on questionr hdv2003', () => {
  it('adds the multi-answer question and keeps every column its own question', async () => {
    const out = await inspectRespondents(HDV2003, {
      weight: 'poids',
      multi: [{ id: 'leisure', columns: LEISURE }],
    });
    expect([out.rowCount, out.weight, out.warnings]).toEqual([2000, 'poids', []]);
    const leisure = question(out, 'leisure');
    expect([leisure.kind, leisure.answered]).toEqual(['multi', 2000]);
    expect(leisure.options.map((o) => o.label)).toEqual(LEISURE);
    // R: the weighted share choosing sport, (2057293.49743748 + 2299172.50401207) / 11071226.33844233.
    expect(shares(out, 'leisure').sport).toBe(39.35);
    expect(leisure.weighted).toBeCloseTo(11071226.33844233, 6);
    const sport = question(out, 'sport');
    expect([sport.kind, sport.memberOf]).toEqual(['single', 'hard.rock … sport']);
    expect(shares(out, 'sport')).toEqual({ Non: 60.65, Oui: 39.35 });
  });
});
