// Three surfaces print one question's distribution, and must print the same:
// (a) `cli inspect` (describeRespondentTable), (b) `cli crosstab --rows Q`
// (crosstab's Total column) and (c) the app's question page (surveyOfTable,
// one decimal). Checked over every single- and multi-answer question of the
// bundled demo and of the real respondent files in ../shared/datasets.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { crosstab } from '../../src/core/crosstab/crosstab';
import { parseDefinition } from '../../src/core/definition/definition';
import { formatPercent } from '../../src/core/format/percent';
import { loadSurveyFile, type LoadOptions } from '../../src/core/pipeline';
import { describeRespondentTable } from '../../src/core/table/describe';
import type { RespondentTable } from '../../src/core/table/types';
import { surveyOfTable } from '../../src/state/models/respondentView';

const DATA = fileURLToPath(new URL('../../../shared/datasets/', import.meta.url));
const DEMO = fileURLToPath(
  new URL('../../surveys/demo-simulated-wechat-respondents', import.meta.url),
);
const present = existsSync(DATA);

function loadTable(path: string, opts: Partial<LoadOptions> = {}): RespondentTable {
  const r = loadSurveyFile(new Uint8Array(readFileSync(path)), {
    file: path.split('/').pop()!,
    ...opts,
  });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  if (r.value.kind !== 'respondents') throw new Error(`${path} read as ${r.value.kind}`);
  return r.value.table;
}

function loadDemo(): RespondentTable {
  const def = parseDefinition(readFileSync(`${DEMO}.json`, 'utf8'), 'demo.json');
  if (!def.ok) throw new Error(def.error.message);
  return loadTable(`${DEMO}.csv`, { definition: def.value });
}

/**
 * Checks the three surfaces against each other for every single- and
 * multi-answer question; returns how many questions and options it compared.
 */
function expectSurfacesAgree(table: RespondentTable): { questions: number; options: number } {
  const described = describeRespondentTable(table);
  const page = surveyOfTable(table, null);
  const categorical = table.columns.filter((c) => c.type === 'single' || c.type === 'multi');
  // The question page shows every categorical question, in the table's order.
  expect(
    page.questions
      .filter((q) => q.declaredKind === 'single' || q.declaredKind === 'multi')
      .map((q) => q.id),
  ).toEqual(categorical.map((c) => c.id));
  let options = 0;
  for (const c of categorical) {
    const a = described.questions.find((q) => q.id === c.id)!;
    const x = crosstab(table, { rows: { questionId: c.id }, cols: null });
    if (!x.ok) throw new Error(`${c.id}: ${x.error.message}`);
    const b = x.value;
    const shown = page.questions.find((q) => q.id === c.id)!.series[0]!.options;

    expect(a.kind, c.id).toBe(c.type);
    expect(
      a.options.map((o) => o.label),
      c.id,
    ).toEqual(b.rows.labels);
    expect(
      shown.map((o) => o.label),
      c.id,
    ).toEqual(b.rows.labels);
    // (a) = (b): the same numbers, not merely close.
    expect(
      a.options.map((o) => o.percent),
      c.id,
    ).toEqual(b.colPercents.map((row) => (Number.isFinite(row[0]) ? row[0] : null)));
    expect(a.answered, c.id).toBe(b.unweightedTotal);
    expect(a.weighted, c.id).toBe(table.weightId === null ? null : b.total);
    // (a) printed with one decimal = (c) as the page prints it.
    expect(
      a.options.map((o) => (o.percent === null ? null : formatPercent(o.percent, 1))),
      c.id,
    ).toEqual(shown.map((o) => o.percent?.text ?? null));
    options += b.rows.labels.length;
  }
  return { questions: categorical.length, options };
}

describe('inspect, crosstab and the question page agree on the bundled demo', () => {
  const table = loadDemo();

  it("on every single- and multi-answer question, weighted by its definition's weight", () => {
    expect(table.weightId).toBe('weight');
    expect(expectSurfacesAgree(table)).toEqual({ questions: 6, options: 24 });
  });

  // By hand, from the CSV (papaparse): sum of weights per gender over the 1,500 rows
  // (556 Female, 944 Male, none blank): Female 690.001, Male 809.975, total 1,499.976;
  // Female 690.001 / 1,499.976 = 46.00080267950954 %, Male 809.975 / 1,499.976 = 53.99919732049046 %.
  it('shows gender weighted 46.0% Female and 54.0% Male, as the CSV gives by hand', () => {
    const rows = Papa.parse<Record<string, string>>(readFileSync(`${DEMO}.csv`, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const weightOf: Record<string, number> = {};
    const countOf: Record<string, number> = {};
    for (const r of rows) {
      const g = r.gender ?? '';
      if (g === '') continue;
      weightOf[g] = (weightOf[g] ?? 0) + Number(r.weight);
      countOf[g] = (countOf[g] ?? 0) + 1;
    }
    const total = (weightOf.Female ?? 0) + (weightOf.Male ?? 0);
    expect(rows.length).toBe(1500);
    expect(countOf).toEqual({ Female: 556, Male: 944 });
    expect(weightOf.Female).toBeCloseTo(690.001, 9);
    expect(weightOf.Male).toBeCloseTo(809.975, 9);
    expect(total).toBeCloseTo(1499.976, 9);
    const byHand = [(100 * weightOf.Female!) / total, (100 * weightOf.Male!) / total];
    expect(byHand[0]).toBeCloseTo(46.00080267950954, 10);
    expect(byHand[1]).toBeCloseTo(53.99919732049046, 10);

    const gender = describeRespondentTable(table).questions.find((q) => q.id === 'gender')!;
    expect(gender.options.map((o) => o.label)).toEqual(['Female', 'Male']);
    expect(gender.answered).toBe(1500);
    expect(gender.weighted).toBeCloseTo(1499.976, 9);
    gender.options.forEach((o, k) => expect(o.percent).toBeCloseTo(byHand[k]!, 10));
    const x = crosstab(table, { rows: { questionId: 'gender' }, cols: null });
    expect(x.ok && x.value.unweightedCounts).toEqual([[556], [944]]);
    expect(x.ok && x.value.counts.map((r) => r[0])).toEqual([
      expect.closeTo(690.001, 9),
      expect.closeTo(809.975, 9),
    ]);
    const shown = surveyOfTable(table, null).questions.find((q) => q.id === 'gender')!;
    expect(shown.series[0]!.options.map((o) => o.percent?.text)).toEqual(['46.0%', '54.0%']);
  });
});

describe.skipIf(!present)(
  present
    ? 'inspect, crosstab and the question page agree on the real respondent files'
    : 'inspect, crosstab and the question page agree on the real respondent files (skipped: the shared datasets in ../shared/datasets are absent)',
  { timeout: 60_000 },
  () => {
    it.each([
      ['StarWars, unweighted', 'fivethirtyeight/star-wars-survey/StarWars.csv', {}, null, 38, 170],
      [
        'masculinity raw responses, weighted by weight',
        'fivethirtyeight/masculinity-survey/raw-responses.csv',
        { weightId: 'weight' },
        'weight',
        103,
        406,
      ],
      [
        'thanksgiving, unweighted',
        'fivethirtyeight/thanksgiving-2015/thanksgiving-2015-poll-data.csv',
        {},
        null,
        61,
        159,
      ],
      [
        'hdv2003, weighted by poids',
        'questionr/questionr-hdv2003.csv',
        { weightId: 'poids' },
        'poids',
        16,
        61,
      ],
      ['coffee, unweighted', 'nneune-coffee-survey/coffee_survey.csv', {}, null, 42, 209],
      ['coffee in GB18030, unweighted', 'derived/coffee_survey.gb18030.csv', {}, null, 42, 209],
      [
        'food world cup, unweighted',
        'fivethirtyeight/food-world-cup/food-world-cup-data.csv',
        {},
        null,
        47,
        233,
      ],
      ['AHCA polls, unweighted', 'fivethirtyeight/ahca-polls/ahca_polls.csv', {}, null, 1, 9],
    ] as const)('%s', (_, path, opts, weightId, questions, options) => {
      const table = loadTable(DATA + path, opts);
      expect(table.weightId).toBe(weightId);
      expect(expectSurfacesAgree(table)).toEqual({ questions, options });
    });
  },
);
