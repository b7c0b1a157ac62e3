import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
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
      },
      {
        label: 'WeChat (Tencent)',
        percent: 23.38,
        printed: '23.38%',
        lowerBound: false,
        rank: null,
        omitted: false,
      },
    ]);
  });

  // inspect reads every file through the pipeline: it must describe our own format
  // exactly as the distribution parser alone does (the path inspect used to take).
  it.each([
    'eguan-2013-07-mobile-im-share',
    'sootoo-2013-06-wechat-users',
    'sootoo-2013-08-official-accounts',
  ])('reads surveys/%s.csv as the distribution parser does', async (name) => {
    const file = join(ROOT, `surveys/${name}.csv`);
    const direct = unwrap(parseDistributionCsv(readFileSync(file, 'utf8'), file));
    expect(await inspect(file)).toEqual({
      file,
      ...describePublishedSurvey(direct),
      warnings: [],
    });
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
