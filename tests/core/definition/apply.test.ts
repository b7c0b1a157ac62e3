// A survey definition meets a file (src/core/definition/apply.ts through
// loadSurveyFile): hand-written CSVs whose every figure is counted by hand, then
// a round trip over real files: the definition a load returns, written out and
// read back, reads the same bytes into the same table.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { distribution } from '../../../src/core/crosstab/distribution';
import {
  formatDefinition,
  parseDefinition,
  type SurveyDefinition,
} from '../../../src/core/definition/definition';
import { loadSurveyFile, type LoadOptions, type Loaded } from '../../../src/core/pipeline';
import type { Result, SurveyError } from '../../../src/core/result';
import type { Column, MultiColumn, RespondentTable } from '../../../src/core/table/types';

type Respondents = Extract<Loaded, { kind: 'respondents' }>;
type Definition = Omit<SurveyDefinition, 'format' | 'version'>;

const define = (d: Definition): SurveyDefinition => ({
  format: 'survey-workbench-definition',
  version: 1,
  ...d,
});

/** it.each rows named by their `what`, printed in full (a `$what` name is cut at 40 characters). */
const named = <T extends { what: string }>(rows: T[]): [string, T][] =>
  rows.map((r) => [r.what, r]);

const bytesOf = (text: string) => new TextEncoder().encode(text);

function respondents(r: Result<Loaded>): Respondents {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  if (r.value.kind !== 'respondents') throw new Error(`read as ${r.value.kind}`);
  return r.value;
}

function load(csv: string, def?: Definition, file = 'survey.csv'): Respondents {
  return respondents(
    loadSurveyFile(bytesOf(csv), { file, ...(def ? { definition: define(def) } : {}) }),
  );
}

function refused(csv: string, def: Definition): SurveyError {
  const r = loadSurveyFile(bytesOf(csv), { file: 'survey.csv', definition: define(def) });
  if (r.ok) throw new Error('the definition was accepted');
  return r.error;
}

function column(table: RespondentTable, id: string): Column {
  const c = table.columns.find((x) => x.id === id);
  if (c === undefined) throw new Error(`no column ${id}: ${table.columns.map((x) => x.id)}`);
  return c;
}

/** Each respondent's answer by label: a label or null (single), labels or null (multi). */
function answers(table: RespondentTable, id: string): unknown[] {
  const c = column(table, id);
  return Array.from({ length: table.rowCount }, (_, i) => {
    if (c.type === 'numeric') return c.values[i];
    if (c.type !== 'multi') {
      const code = c.codes[i] ?? 0;
      return code === 0 ? null : c.labels[code - 1];
    }
    const p = c.patternOf[i] ?? 0;
    if (p === 0) return null;
    return c.labels.filter(
      (_, j) => ((c.masks[(p - 1) * c.words + (j >>> 5)] ?? 0) >>> (j & 31)) & 1,
    );
  });
}

/** Respondents per label, from the codes (single) or the chosen sets (multi). */
function countsOf(table: RespondentTable, id: string): Record<string, number> {
  const c = column(table, id) as Exclude<Column, { type: 'numeric' }>;
  const counts: Record<string, number> = Object.fromEntries(c.labels.map((l) => [l, 0]));
  for (const a of answers(table, id))
    for (const l of Array.isArray(a) ? a : a === null ? [] : [a])
      counts[l as string] = (counts[l as string] ?? 0) + 1;
  return counts;
}

// Seven respondents, three Y/N columns; 5 skipped all three, 3 and 7 wrote a lowercase y.
//   1: QQ, WeChat   2: WeChat   3: QQ (y)   4: none   5: missing   6: all three   7: WeChat (y)
//   -> answered 6; QQ 3 (1, 3, 6), WeChat 4 (1, 2, 6, 7), Weibo 1 (6)
const APPS = [
  'resp,gender,uses_qq,uses_wechat,uses_weibo',
  '1,F,Y,Y,N',
  '2,M,N,Y,N',
  '3,F,y,N,N',
  '4,M,N,N,N',
  '5,F,,,',
  '6,M,Y,Y,Y',
  '7,F,N,y,N',
].join('\n');
const APP_COLUMNS = ['uses_qq', 'uses_wechat', 'uses_weibo'];
const APPS_BY_HAND = [
  ['uses_qq', 'uses_wechat'],
  ['uses_wechat'],
  ['uses_qq'],
  [],
  null,
  ['uses_qq', 'uses_wechat', 'uses_weibo'],
  ['uses_wechat'],
];

describe('a battery the definition groups', () => {
  const battery = (chosen: string[], extra: object = {}): Definition => ({
    questions: [
      {
        id: 'apps',
        text: 'Which apps do you use?',
        kind: 'multi',
        columns: APP_COLUMNS,
        chosen,
        ...extra,
      },
    ],
  });

  it('reads each respondent\'s chosen columns from the cells equal to "Y"', () => {
    const { table } = load(APPS, battery(['Y']));
    const apps = column(table, 'apps') as MultiColumn;
    expect(apps.type).toBe('multi');
    expect(apps.text).toBe('Which apps do you use?');
    expect(apps.labels).toEqual(APP_COLUMNS);
    expect(answers(table, 'apps')).toEqual(APPS_BY_HAND);
    expect(countsOf(table, 'apps')).toEqual({ uses_qq: 3, uses_wechat: 4, uses_weibo: 1 });
  });

  it.each(
    named([
      {
        what: 'counts a lowercase y as chosen when chosen is ["Y"] (case is ignored)',
        chosen: ['Y'],
      },
      {
        what: 'counts an uppercase Y as chosen when chosen is ["y"] (case is ignored)',
        chosen: ['y'],
      },
    ]),
  )('%s', (_, { chosen }) => {
    const rows = answers(load(APPS, battery(chosen)).table, 'apps');
    expect(rows[2]).toEqual(['uses_qq']); // respondent 3 wrote "y" for QQ
    expect(rows[6]).toEqual(['uses_wechat']); // respondent 7 wrote "y" for WeChat
    expect(rows).toEqual(APPS_BY_HAND);
  });

  it('names the options by its answers, one per column in column order', () => {
    const { table } = load(APPS, battery(['Y'], { answers: ['QQ', 'WeChat', 'Weibo'] }));
    expect((column(table, 'apps') as MultiColumn).labels).toEqual(['QQ', 'WeChat', 'Weibo']);
    expect(countsOf(table, 'apps')).toEqual({ QQ: 3, WeChat: 4, Weibo: 1 });
  });

  it("hides no column: each column stays a question of its own, and the battery's carry memberOf", () => {
    const { table } = load(APPS, battery(['Y']));
    expect(table.columns.map((c) => [c.id, c.type, c.memberOf ?? null])).toEqual([
      ['resp', 'numeric', null],
      ['gender', 'single', null],
      ['apps', 'multi', null],
      ['uses_qq', 'single', 'apps'],
      ['uses_wechat', 'single', 'apps'],
      ['uses_weibo', 'single', 'apps'],
    ]);
    // A member is still its own question: its cells as written, "y" apart from "Y".
    expect(countsOf(table, 'uses_qq')).toEqual({ Y: 2, N: 3, y: 1 });
    expect(answers(table, 'gender')).toEqual(['F', 'M', 'F', 'M', 'F', 'M', 'F']);
  });
});

// Eight respondents. sat: Good p1 p5 p6, Bad p2 p7, Fair p4 p8, "99" p3.
// region: North p1 p3 p7, South p2 p5 p8, "99" p4, "-" p6.
// weight: Good 0.5 + 1.0 + 1.0 = 2.5, Bad 1.5 + 0.75 = 2.25, Fair 2.0 + 1.25 = 3.25, "99" 1.0; total 9.
const SAT = [
  'pid,sat,region,weight',
  'p1,Good,North,0.5',
  'p2,Bad,South,1.5',
  'p3,99,North,1.0',
  'p4,Fair,99,2.0',
  'p5,Good,South,1.0',
  'p6,Good,-,1.0',
  'p7,Bad,North,0.75',
  'p8,Fair,South,1.25',
].join('\n');
const sat = (extra: object = {}): Definition => ({
  questions: [{ id: 'sat', text: 'Satisfaction', kind: 'single', columns: ['sat'], ...extra }],
});

describe('a single-answer question the definition describes', () => {
  it('lists its answers in the order given, the others after them, codes following', () => {
    const detected = load(SAT).table;
    expect((column(detected, 'sat') as { labels: string[] }).labels).toEqual([
      'Good',
      'Bad',
      '99',
      'Fair',
    ]);
    const { table } = load(SAT, sat({ answers: ['Bad', 'Fair', 'Good'] }));
    const q = column(table, 'sat');
    expect(q.type === 'single' && q.labels).toEqual(['Bad', 'Fair', 'Good', '99']);
    expect(q.text).toBe('Satisfaction');
    expect(q.type === 'single' && [...q.codes]).toEqual([3, 1, 4, 2, 3, 3, 1, 2]);
    expect(countsOf(table, 'sat')).toEqual({ Bad: 2, Fair: 2, Good: 3, '99': 1 });
  });

  it('drops an answer it lists that nobody gave', () => {
    const { table } = load(SAT, sat({ answers: ['Excellent', 'Good', 'Fair', 'Bad'] }));
    const q = column(table, 'sat');
    expect(q.type === 'single' && q.labels).toEqual(['Good', 'Fair', 'Bad', '99']);
    expect(q.type === 'single' && [...q.codes]).toEqual([1, 3, 4, 2, 1, 1, 3, 2]);
  });

  it('reads its own missing values as missing in that question only', () => {
    const { table } = load(SAT, sat({ missing: ['99'] }));
    expect(answers(table, 'sat')).toEqual([
      'Good',
      'Bad',
      null,
      'Fair',
      'Good',
      'Good',
      'Bad',
      'Fair',
    ]);
    expect(answers(table, 'region')).toEqual([
      'North',
      'South',
      'North',
      '99',
      'South',
      '-',
      'North',
      'South',
    ]);
  });
});

describe("a battery's own missing values", () => {
  // a/b: "-" is missing for the battery only. Row 2 skipped both (missing), row 3 answered
  // "N" and skipped b (answered, none chosen), row 5 skipped a and chose b.
  const CSV = ['a,b', 'Y,N', '-,-', 'N,-', 'N,N', '-,Y', 'Y,Y'].join('\n');

  it('make a respondent missing only when every column is missing', () => {
    const { table } = load(CSV, {
      questions: [
        { id: 'ab', text: 'ab', kind: 'multi', columns: ['a', 'b'], chosen: ['Y'], missing: ['-'] },
      ],
    });
    expect(answers(table, 'ab')).toEqual([['a'], null, [], [], ['b'], ['a', 'b']]);
    expect(answers(table, 'a')).toEqual(['Y', '-', 'N', 'N', '-', 'Y']);
  });
});

describe("the survey's missing values", () => {
  it('are missing in every column', () => {
    const { table, definition } = load(SAT, { missing: ['', '99', '-'] });
    expect(answers(table, 'sat')).toEqual([
      'Good',
      'Bad',
      null,
      'Fair',
      'Good',
      'Good',
      'Bad',
      'Fair',
    ]);
    expect(answers(table, 'region')).toEqual([
      'North',
      'South',
      'North',
      null,
      'South',
      null,
      'North',
      'South',
    ]);
    expect(definition.missing).toEqual(['', '99', '-']);
  });
});

describe('the weight the definition decides', () => {
  const proposal = (r: Respondents) =>
    r.detected.warnings.filter((w) => w.includes('"weight" looks like a survey weight'));

  it.each(
    named([
      {
        what: 'named: the table is weighted by it, and no proposal is made',
        weight: 'weight',
        weightId: 'weight',
        warned: 0,
      },
      {
        what: 'null: the table is unweighted, as decided, and no proposal is made',
        weight: null,
        weightId: null,
        warned: 0,
      },
      {
        what: 'absent: the table is unweighted, and the load proposes the weight column by name',
        weight: undefined,
        weightId: null,
        warned: 1,
      },
    ]),
  )('%s', (_, { weight, weightId, warned }) => {
    const r = load(SAT, weight === undefined ? {} : { weight });
    expect(r.table.weightId).toBe(weightId);
    expect(r.schema.proposedWeightId).toBe('weight');
    expect(r.definition.weight).toBe(weightId);
    expect(proposal(r).length).toBe(warned);
  });

  it('weights the figures: the weighted share of each answer', () => {
    const { table } = load(SAT, { weight: 'weight', ...sat({ answers: ['Bad', 'Fair', 'Good'] }) });
    const d = distribution(table, 'sat');
    if (!d.ok) throw new Error(d.error.message);
    expect(d.value.labels).toEqual(['Bad', 'Fair', 'Good', '99']);
    expect(d.value.counts).toEqual([2.25, 3.25, 2.5, 1]);
    expect(d.value.unweightedCounts).toEqual([2, 2, 3, 1]);
    expect(d.value.base.weighted).toBe(9);
    const byHand = [(100 * 2.25) / 9, (100 * 3.25) / 9, (100 * 2.5) / 9, 100 / 9]; // 25, 36.1, 27.8, 11.1
    d.value.percents.forEach((p, k) => expect(p).toBeCloseTo(byHand[k]!, 12));
  });
});

describe('the respondent id the definition decides', () => {
  const IDS = ['id,answer', '1,Yes', '2,No', '3,Yes', '4,No'].join('\n');

  it.each(
    named([
      {
        what: 'absent: the column named id is detected',
        csv: IDS,
        id: undefined,
        idColumnId: 'id',
      },
      {
        what: 'null: there is none, though a column is named id',
        csv: IDS,
        id: null,
        idColumnId: null,
      },
      {
        what: 'named: a column detection would not choose becomes the id',
        csv: SAT,
        id: 'pid',
        idColumnId: 'pid',
      },
    ]),
  )('%s', (_, { csv, id, idColumnId }) => {
    const r = load(csv, id === undefined ? {} : { id });
    expect(r.table.idColumnId).toBe(idColumnId);
    expect(r.definition.id).toBe(idColumnId);
  });
});

describe('a definition naming what the file lacks is refused', () => {
  const columns = '"pid", "sat", "region", "weight"';

  it.each(
    named([
      {
        what: "refuses a question reading an unknown column, naming it and listing the file's columns",
        def: {
          questions: [{ id: 'age', text: 'Age', kind: 'numeric' as const, columns: ['age'] }],
        },
        code: 'definition-unknown-column',
        says: 'question "age" reads the column "age", which this file does not have',
      },
      {
        what: "refuses a battery with one unknown column, naming it and listing the file's columns",
        def: {
          questions: [
            {
              id: 'ab',
              text: 'ab',
              kind: 'multi' as const,
              columns: ['sat', 'Region'],
              chosen: ['Y'],
            },
          ],
        },
        code: 'definition-unknown-column',
        says: 'reads the column "Region", which this file does not have',
      },
      {
        what: "refuses an unknown weight column, naming it and listing the file's columns",
        def: { weight: 'wt' },
        code: 'definition-unknown-weight',
        says: 'weights by the column "wt"',
      },
      {
        what: "refuses an unknown id column, naming it and listing the file's columns",
        def: { id: 'respondent' },
        code: 'definition-unknown-id',
        says: 'names "respondent" as the respondent id column',
      },
    ]),
  )('%s', (_, { def, code, says }) => {
    const e = refused(SAT, def);
    expect(e.code).toBe(code);
    expect(e.file).toBe('survey.csv');
    expect(e.message).toContain(says);
    expect(e.message).toContain(`The file's columns are: ${columns}.`);
  });

  it('refuses a weight column that does not hold numbers', () => {
    const e = refused(SAT, { weight: 'region' });
    expect(e.code).toBe('schema-weight-not-numeric');
    expect(e.message).toContain('"region"');
  });
});

describe("the survey's title, notice and source", () => {
  it.each(
    named([
      {
        what: "are the definition's when it gives them",
        def: {
          title: 'Satisfaction 2024',
          notice: 'Simulated respondents, not real data',
          source: 'Hand-written',
        },
        meta: {
          title: 'Satisfaction 2024',
          notice: 'Simulated respondents, not real data',
          source: 'Hand-written',
        },
      },
      {
        what: 'are the file name, and none, when it does not',
        def: {},
        meta: { title: 'survey', notice: null, source: null },
      },
      {
        what: 'stay none when it gives null',
        def: { notice: null, source: null },
        meta: { title: 'survey', notice: null, source: null },
      },
    ]),
  )('%s', (_, { def, meta }) => {
    const r = load(SAT, def);
    expect(r.table.meta).toEqual(meta);
    expect(r.definition).toMatchObject(meta);
  });
});

describe('how the definition says to read the file', () => {
  // Each line splits into two fields on "," and on ";": detection takes the comma.
  const AMBIGUOUS = 'region;Rating, 1-5\nNorth;3, mostly\nSouth;4, yes\nEast;3, mostly\n';

  it('splits on the delimiter given only in the definition', () => {
    const detected = load(AMBIGUOUS);
    expect(detected.detected.delimiter).toBe(',');
    expect(detected.table.columns.map((c) => c.id)).toEqual(['region;Rating', '1-5']);
    const r = load(AMBIGUOUS, { delimiter: ';' });
    expect(r.detected).toMatchObject({ delimiter: ';', delimiterReason: 'as the definition says' });
    expect(r.table.columns.map((c) => c.id)).toEqual(['region', 'Rating, 1-5']);
    expect(answers(r.table, 'Rating, 1-5')).toEqual(['3, mostly', '4, yes', '3, mostly']);
    expect(r.definition.delimiter).toBe(';');
  });

  it.each(
    named([
      {
        what: 'decodes Windows-1252 bytes as Windows-1252',
        bytes: Uint8Array.from([
          ...bytesOf('city;drink\nParis;Caf'),
          0xe9,
          ...bytesOf('\nLyon;Th'),
          0xe9,
          0x0a,
        ]),
        encoding: 'windows-1252' as const,
        labels: ['Café', 'Thé'],
      },
      {
        what: 'decodes UTF-8 bytes as Windows-1252: the definition wins over detection',
        bytes: bytesOf('city;drink\nParis;Café\nLyon;Thé\n'),
        encoding: 'windows-1252' as const,
        labels: ['CafÃ©', 'ThÃ©'],
      },
      {
        what: 'decodes UTF-8 bytes as UTF-8',
        bytes: bytesOf('city;drink\nParis;Café\nLyon;Thé\n'),
        encoding: 'utf-8' as const,
        labels: ['Café', 'Thé'],
      },
    ]),
  )('%s', (_, { bytes, encoding, labels }) => {
    const r = respondents(
      loadSurveyFile(bytes, { file: 'drinks.csv', definition: define({ encoding }) }),
    );
    expect(r.detected).toMatchObject({ encoding, encodingReason: 'as the definition says' });
    expect(answers(r.table, 'drink')).toEqual(labels);
    expect(r.definition.encoding).toBe(encoding);
  });
});

// ---- round trip over real files --------------------------------------------------------

const DATA = fileURLToPath(new URL('../../../../shared/datasets/', import.meta.url));
const DEMO = fileURLToPath(
  new URL('../../../surveys/demo-simulated-wechat-respondents', import.meta.url),
);
const present = existsSync(DATA);

const demoDefinition = (): SurveyDefinition => {
  const r = parseDefinition(readFileSync(`${DEMO}.json`, 'utf8'), 'demo.json');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/**
 * Loads once (detection and the options given), writes the definition it returns as
 * JSON, reads it back, loads the same bytes with it, and compares.
 */
function roundTrip(path: string, opts: Partial<LoadOptions>) {
  const bytes = new Uint8Array(readFileSync(path));
  const file = path.split('/').pop()!;
  const a = respondents(loadSurveyFile(bytes, { file, ...opts }));
  const text = formatDefinition(a.definition);
  const parsed = parseDefinition(text, `${file}.json`);
  if (!parsed.ok) throw new Error(`${parsed.error.code}: ${parsed.error.message}`);
  expect(parsed.value).toEqual(a.definition);
  const b = respondents(loadSurveyFile(bytes, { file, definition: parsed.value }));
  expect(b.table.rowCount).toBe(a.table.rowCount);
  expect(b.table.columns).toEqual(a.table.columns);
  expect(b.table.weightId).toBe(a.table.weightId);
  expect(b.table.idColumnId).toBe(a.table.idColumnId);
  expect(b.table.meta).toEqual(a.table.meta);
  expect(b.definition).toEqual(a.definition);
  expect(formatDefinition(b.definition)).toBe(text);
  return a;
}

const FILMS = 'Which of the following Star Wars films have you seen? Please select all that apply.';
const LEISURE = ['hard.rock', 'lecture.bd', 'peche.chasse', 'cuisine', 'bricol', 'cinema', 'sport'];

describe('the bundled demo survives a round trip of its definition', () => {
  it.each(
    named([
      { what: 'read by detection, unweighted', opts: {}, columns: 8, multis: 2, weightId: null },
      {
        what: 'read with the definition beside it, weighted by weight',
        opts: { definition: demoDefinition() },
        columns: 8,
        multis: 2,
        weightId: 'weight',
      },
    ]),
  )('%s', (_, { opts, columns, multis, weightId }) => {
    const a = roundTrip(`${DEMO}.csv`, opts);
    expect(a.table.rowCount).toBe(1500);
    expect(a.table.columns.length).toBe(columns);
    expect(a.definition.questions?.filter((q) => q.kind === 'multi').length).toBe(multis);
    expect(a.table.weightId).toBe(weightId);
    expect(a.table.idColumnId).toBe('respondent_id');
  });

  it('reads its own definition back as the definition beside it', () => {
    const def = demoDefinition();
    const a = respondents(
      loadSurveyFile(new Uint8Array(readFileSync(`${DEMO}.csv`)), {
        file: 'demo.csv',
        definition: def,
      }),
    );
    expect(a.definition).toEqual(def);
  });
});

describe.skipIf(!present)(
  present
    ? 'real survey files survive a round trip of their definition'
    : 'real survey files survive a round trip of their definition (skipped: the shared datasets in ../shared/datasets are absent)',
  { timeout: 60_000 },
  () => {
    it.each(
      named([
        {
          what: 'StarWars, by detection',
          path: 'fivethirtyeight/star-wars-survey/StarWars.csv',
          opts: {},
          columns: 39,
          multis: 1,
          weightId: null,
        },
        {
          what: 'StarWars, films ungrouped and Gender renamed',
          path: 'fivethirtyeight/star-wars-survey/StarWars.csv',
          opts: {
            schemaOverrides: [
              { type: 'ungroup' as const, id: FILMS },
              { type: 'rename' as const, id: 'Gender', text: 'Sex of respondent' },
            ],
          },
          columns: 38,
          multis: 0,
          weightId: null,
        },
        {
          what: 'masculinity raw responses, weighted by weight',
          path: 'fivethirtyeight/masculinity-survey/raw-responses.csv',
          opts: { weightId: 'weight' },
          columns: 107,
          multis: 9,
          weightId: 'weight',
        },
        {
          what: 'masculinity raw responses, weight proposed only',
          path: 'fivethirtyeight/masculinity-survey/raw-responses.csv',
          opts: {},
          columns: 107,
          multis: 9,
          weightId: null,
        },
        {
          what: 'hdv2003, weighted by poids',
          path: 'questionr/questionr-hdv2003.csv',
          opts: { weightId: 'poids' },
          columns: 21,
          multis: 1,
          weightId: 'poids',
        },
        {
          what: 'hdv2003, leisure regrouped as loisirs',
          path: 'questionr/questionr-hdv2003.csv',
          opts: {
            schemaOverrides: [
              { type: 'ungroup' as const, id: 'hard.rock … sport' },
              { type: 'group' as const, id: 'loisirs', text: 'Loisirs', columns: LEISURE },
            ],
          },
          columns: 21,
          multis: 1,
          weightId: null,
        },
        {
          what: 'coffee',
          path: 'nneune-coffee-survey/coffee_survey.csv',
          opts: {},
          columns: 47,
          multis: 6,
          weightId: null,
        },
        {
          what: 'coffee in GB18030',
          path: 'derived/coffee_survey.gb18030.csv',
          opts: {},
          columns: 47,
          multis: 6,
          weightId: null,
        },
        {
          what: 'food world cup',
          path: 'fivethirtyeight/food-world-cup/food-world-cup-data.csv',
          opts: {},
          columns: 48,
          multis: 0,
          weightId: null,
        },
      ]),
    )('%s', (_, { path, opts, columns, multis, weightId }) => {
      const a = roundTrip(DATA + path, opts);
      expect(a.table.columns.length).toBe(columns);
      expect(a.definition.questions?.filter((q) => q.kind === 'multi').length).toBe(multis);
      expect(a.table.weightId).toBe(weightId);
    });

    it('keeps an override\'s wording in the definition (StarWars "Gender")', () => {
      const a = roundTrip(DATA + 'fivethirtyeight/star-wars-survey/StarWars.csv', {
        schemaOverrides: [{ type: 'rename', id: 'Gender', text: 'Sex of respondent' }],
      });
      expect(a.definition.questions?.find((q) => q.id === 'Gender')?.text).toBe(
        'Sex of respondent',
      );
      expect(a.definition.encoding).toBe('windows-1252');
    });

    // Detection reads "Will you watch … - Macy's Parade" as a multi-answer battery of one
    // column: its definition names the option (answers) instead of a separator.
    it('thanksgiving, with a battery of one column', () => {
      roundTrip(DATA + 'fivethirtyeight/thanksgiving-2015/thanksgiving-2015-poll-data.csv', {});
    });
  },
);

describe('columns a definition does not list', () => {
  const CSV = 'id,answer,weight\n1,Yes,0.5\n2,No,1.5\n3,Yes,1.25\n4,No,0.75\n';
  const listed = {
    questions: [{ id: 'answer', text: 'Answer', kind: 'single' as const, columns: ['answer'] }],
  };

  it('keep what detection made of them alone: the id stays the id, the weight stays numeric', () => {
    const v = load(CSV, listed);
    expect(v.table.idColumnId).toBe('id');
    expect(column(v.table, 'weight').type).toBe('numeric');
    expect(column(v.table, 'answer').text).toBe('Answer');
    expect(v.table.weightId).toBeNull();
  });

  it('say which key a definition does not use', () => {
    const r = parseDefinition(JSON.stringify({ ...define(listed), colour: 1 }), 'd.json');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toBe(
        'This survey definition is not valid: it has a key a definition does not use ("colour"); remove it or check the spelling. Fix that entry, or download the definition again from the app.',
      );
  });
});
