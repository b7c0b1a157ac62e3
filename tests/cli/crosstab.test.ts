import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { crosstabFile, resolveCrosstabSpec, runCrosstab } from '../../src/cli/crosstab';
import type { CrosstabArgs } from '../../src/cli/args';
import { inspectFile } from '../../src/cli/inspect';
import type { Crosstab } from '../../src/core/crosstab/types';
import { expectRelClose } from '../support/numbers';
import { multi, respondents, single } from '../support/respondents';
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

const args = (file: string, rest: Partial<CrosstabArgs>): Omit<CrosstabArgs, 'json'> => ({
  file,
  multi: [],
  rows: '',
  cols: null,
  where: [],
  tests: true,
  ...rest,
});
const tab = async (file: string, rest: Partial<CrosstabArgs>) =>
  unwrap(await crosstabFile(args(file, rest)));
const total = (x: Crosstab) => x.colPercents.map((row) => row[0]!);

describe('naming questions and options', () => {
  const t = respondents([
    single('q1', ['a', 'b', 'a'], ['a', 'b'], 'How often?'),
    multi('q2', [['x'], ['y'], ['x', 'y']], ['x', 'y'], 'Why?'),
  ]);
  const base = { cols: null, tests: true };

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
    // No weight in the spec: the table's decided weight is used.
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

describe('crosstab on the bundled demo survey', () => {
  it('is weighted by the definition: gender Female 46.0008%, Male 53.9992% of 1,499.976', async () => {
    const x = await tab(DEMO, { rows: 'gender' });
    expect([x.weightId, x.notice, x.warnings]).toEqual([
      'weight',
      'Simulated respondents, not real data',
      [],
    ]);
    expect(x.rows.labels).toEqual(['Female', 'Male']);
    expect(x.unweightedCounts).toEqual([[556], [944]]);
    expectRelClose(x.counts[0]![0]!, 690.001, 1e-9, 'Female');
    expectRelClose(x.counts[1]![0]!, 809.975, 1e-9, 'Male');
    expectRelClose(x.total, 1499.976, 1e-9, 'total');
    expectRelClose(total(x)[0]!, 46.0008026795096, 1e-12, 'Female %');
    expectRelClose(total(x)[1]!, 53.99919732049041, 1e-12, 'Male %');
  });

  it('agrees with inspect to the last printed digit, question by question', async () => {
    const inspected = unwrap(await inspectFile({ file: DEMO, multi: [] }));
    if (inspected.format !== 'respondents') throw new Error('not respondent data');
    const categorical = inspected.questions.filter((q) => q.options.length > 0);
    expect(categorical.map((q) => q.id)).toEqual([
      'gender',
      'age_group',
      'city_tier',
      'How often do you use WeChat?',
      'What is the reason that you started to use WeChat?',
      'Which type of official accounts do you follow?',
    ]);
    for (const q of categorical) {
      const x = await tab(DEMO, { rows: q.id });
      expect(x.rows.labels, q.id).toEqual(q.options.map((o) => o.label));
      expect(
        total(x).map((p) => Math.round(p * 100) / 100),
        q.id,
      ).toEqual(q.options.map((o) => o.percent));
    }
  });

  it('--no-weight gives the unweighted split: 556 Female (37.07%), 944 Male (62.93%)', async () => {
    const x = await tab(DEMO, { rows: 'gender', weight: null });
    expect(x.weightId).toBeNull();
    expect(x.counts).toEqual([[556], [944]]);
    expectRelClose(total(x)[0]!, (100 * 556) / 1500, 1e-12, 'Female %');
    expectRelClose(total(x)[1]!, (100 * 944) / 1500, 1e-12, 'Male %');
  });

  it('a copy without its definition is unweighted, and its warnings name the weight column', async () => {
    const x = await tab(demoWithoutDefinition(), { rows: 'gender' });
    expect(x.weightId).toBeNull();
    expect(x.counts).toEqual([[556], [944]]);
    expect(x.warnings).toEqual([
      '"weight" looks like a survey weight, but the figures are unweighted: weighting is your decision. Choose it as the weight in the import preview (or pass --weight "weight"), or keep the figures unweighted.',
    ]);
  });

  it('prints the crosstab as JSON with the notice, a weighted base and exit 0', async () => {
    const r = await capture(() =>
      runCrosstab([
        DEMO,
        '--rows',
        'How often do you use WeChat?',
        '--cols',
        'gender',
        '--where',
        'age_group=18-24',
        '--json',
      ]),
    );
    expect([r.code, r.stderr]).toEqual([0, '']);
    const x = JSON.parse(r.stdout) as Crosstab;
    expect(x.notice).toBe('Simulated respondents, not real data');
    expect(x.weightId).toBe('weight');
    expect(x.base.description).toBe(
      'respondents where "age_group" is "18-24", n = 503 (weighted 450.0; effective base 389.0)',
    );
    // Kish (Σw)²/Σw² per column, as R computes it from the CSV: 176 women (Σw 197.406)
    // and 327 men (Σw 252.621); the letters are tested on these bases.
    expect(x.cols.labels).toEqual(['Female', 'Male']);
    expectRelClose(x.effectiveBases[0]!, 142.01813570954388, 1e-9, 'Female');
    expectRelClose(x.effectiveBases[1]!, 259.15936842329853, 1e-9, 'Male');
    expectRelClose(x.effectiveTotal, 388.98878780339919, 1e-9, 'total');
    expect(x.counts).toHaveLength(4);
    expect(x.unweightedTotal + x.missing.filteredOut).toBe(1500);
    const sum = x.colPercents.reduce((s, row) => s + row[0]!, 0);
    expect(sum).toBeCloseTo(100, 9);
  });

  it('prints an error listing the valid questions to stderr and exits 1', async () => {
    const r = await capture(() => runCrosstab([DEMO, '--rows', 'agegroup', '--json']));
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toContain(
      'There is no question "agegroup" in this survey. Pick one of: "gender", "age_group"',
    );
  });

  it('says which file it cannot read, and refuses published percentages', async () => {
    const missing = await capture(() => runCrosstab(['/nonexistent/x.csv', '--rows', 'a']));
    expect([missing.code, missing.stderr]).toEqual([
      1,
      'Cannot read /nonexistent/x.csv: no such file.\n',
    ]);
    const published = 'surveys/eguan-2013-07-mobile-im-share.csv';
    const r = await capture(() => runCrosstab([published, '--rows', 'share']));
    expect([r.code, r.stderr]).toEqual([
      1,
      `${published}: This file holds published percentages, not one row per respondent: this command needs respondent-level data.\n`,
    ]);
  });
});

interface Reference {
  name: string;
  rowLabels: string[];
  colLabels: string[];
  counts: number[][];
  unweightedCounts: number[][];
  colBases: number[];
  colCases: number[];
  colResponses: number[];
  colPercentsOfRespondents: number[][];
  colPercentsOfCases: number[][];
  colPercentsOfResponses: number[][];
  total: number;
  unweightedTotal: number;
  tests: string[][];
}

// The R fixture (tests/fixtures/reference, made by scripts/reference/make-fixtures.sh)
// tabulates hdv2003's seven Oui/Non leisure columns as one multi-answer question by sexe.
describe.skipIf(!haveHdv2003)('crosstab --multi on questionr hdv2003 against R', () => {
  const fixture = JSON.parse(
    readFileSync(`${ROOT}tests/fixtures/reference/crosstab-reference.json`, 'utf8'),
  ) as { tables: (Reference & { question?: string })[] };
  const ref = fixture.tables.find((t) => t.question === 'leisure')!;
  const flags = { weight: 'poids', multi: [{ id: 'leisure', columns: LEISURE }] };
  const close = (actual: number[][], expected: number[][], what: string) => {
    expect(actual.length, what).toBe(expected.length);
    expected.forEach((row, r) =>
      row.forEach((e, c) => expectRelClose(actual[r]![c]!, e, 1e-9, `${what}[${r}][${c}]`)),
    );
  };

  it("gives R's multi-answer table of leisure by sexe, weighted by poids, to 1e-9", async () => {
    expect(ref.name).toBe('hdv2003 leisure (multi) x sexe, weighted');
    const x = await tab(HDV2003, { ...flags, rows: 'leisure', cols: 'sexe' });
    expect(x.multi).toEqual({ rows: true, cols: false });
    expect(x.weightId).toBe('poids');
    expect(x.rows.labels).toEqual(ref.rowLabels);
    expect(x.cols.labels).toEqual(ref.colLabels);
    expect(x.unweightedCounts).toEqual(ref.unweightedCounts);
    // e.g. sport: 354 women and 369 men, 2,057,293.497 and 2,299,172.504 weighted.
    expect(x.unweightedCounts[6]).toEqual([354, 369]);
    close(x.counts, ref.counts, 'counts');
    close([x.colBases], [ref.colBases], 'colBases');
    close([x.colCases!], [ref.colCases], 'colCases');
    close([x.colResponses!], [ref.colResponses], 'colResponses');
    close(x.colPercentsOfRespondents!, ref.colPercentsOfRespondents, 'ofRespondents');
    close(x.colPercentsOfCases!, ref.colPercentsOfCases, 'ofCases');
    close(x.colPercentsOfResponses!, ref.colPercentsOfResponses, 'ofResponses');
    expectRelClose(x.total, ref.total, 1e-9, 'total');
    expect(x.unweightedTotal).toBe(ref.unweightedTotal);
    expect(x.chiSquare).toBeNull();
    expect(x.tests).toEqual(ref.tests);
  });

  it('keeps sport its own question: its "Oui" row is the battery\'s sport row', async () => {
    const x = await tab(HDV2003, { ...flags, rows: 'sport', cols: 'sexe' });
    expect(x.multi).toEqual({ rows: false, cols: false });
    expect(x.rows.labels).toEqual(['Non', 'Oui']);
    // 1,101 women and 899 men: 354 and 369 of them do sport.
    expect(x.unweightedCounts).toEqual([
      [747, 530],
      [354, 369],
    ]);
    close([x.counts[1]!], [ref.counts[6]!], 'Oui');
    expect(x.chiSquare).not.toBeNull();
  });

  it('without --weight, hdv2003 is unweighted and the warning proposes poids', async () => {
    const x = await tab(HDV2003, { multi: flags.multi, rows: 'leisure', cols: 'sexe' });
    expect(x.weightId).toBeNull();
    expect(x.counts).toEqual(ref.unweightedCounts);
    expect(x.warnings).toContain(
      '"poids" looks like a survey weight, but the figures are unweighted: weighting is your decision. Choose it as the weight in the import preview (or pass --weight "poids"), or keep the figures unweighted.',
    );
  });
});
