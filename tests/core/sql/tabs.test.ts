// tabsSql() and `tabs … --sql`: one DuckDB query for a whole tab book's
// counts, run by DuckDB over the demo survey, the bench survey, a small file
// of numeric edge cases (banded) and the shared hdv2003 file, and compared
// with tabs() cell by cell (to 1e-9): every row question against Total and
// every banner column, nets, top-2/bottom-2 boxes, bands, nesting, filters,
// weights.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSurvey } from '../../../perf/generate';
import { parseCommandArgs } from '../../../src/cli/args';
import { openSurvey } from '../../../src/cli/open';
import { tabsSqlFor } from '../../../src/cli/sql';
import { tabsFile } from '../../../src/cli/tabs';
import type { DefinedBand } from '../../../src/core/definition/definition';
import { parseDefinition } from '../../../src/core/definition/definition';
import { tabsMessages } from '../../../src/core/messages';
import type { Loaded } from '../../../src/core/pipeline';
import type { SqlSource } from '../../../src/core/sql/crosstab';
import { tabsSql } from '../../../src/core/sql/tabs';
import type { RespondentTable } from '../../../src/core/table/types';
import { band, withColumns } from '../../../src/core/tabs/band';
import { tabs } from '../../../src/core/tabs/tabs';
import type { TabBook, TabSpec } from '../../../src/core/tabs/types';
import { expectRelClose } from '../../support/numbers';
import { loadRespondents } from '../../support/pipeline';
import { openDuck, type Duck } from './duckdb';

const duck = await openDuck();
if (typeof duck === 'string') console.warn(`Skipping tab books in DuckDB: ${duck}`);

type Respondents = Extract<Loaded, { kind: 'respondents' }>;
const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const DEMO = root('surveys/demo-simulated-wechat-respondents.csv');
const HDV = root('../shared/datasets/questionr/questionr-hdv2003.csv');

/**
 * Expects the query's rows (row_question, row_label, col_question, col_label,
 * count) to be the book's counts: every non-empty cell of every categorical
 * table, to 1e-9 relative, and nothing else. Returns the cells compared.
 */
function expectSameBook(book: TabBook, rows: unknown[][], what: string): number {
  const sql = new Map<string, number>();
  for (const row of rows) {
    expect(row.length, `${what}: columns`).toBe(5);
    const key = JSON.stringify(row.slice(0, 4));
    expect(sql.has(key), `${what}: ${key} twice`).toBe(false);
    sql.set(key, Number(row[4]));
  }
  const seen = new Set<string>();
  let cells = 0;
  for (const t of book.tables) {
    t.rows.forEach((label, r) =>
      book.columns.forEach((column, c) => {
        const colLabel =
          column.within === undefined
            ? column.label
            : tabsMessages.nestedLabel(column.within, column.label);
        const key = JSON.stringify([t.question.id, label, column.group, colLabel]);
        expect(seen.has(key), `${what}: the book has two cells ${key}`).toBe(false);
        seen.add(key);
        cells++;
        const want = t.counts[r]![c]!;
        const got = sql.get(key);
        // Weights are positive, so a weighted count of 0 is a cell without respondents.
        if (want === 0) expect(got, `${what}: empty cell ${key}`).toBeUndefined();
        else {
          expect(got, `${what}: cell ${key}`).toBeDefined();
          expectRelClose(got!, want, 1e-9, `${what}: ${key}`);
        }
      }),
    );
  }
  for (const key of sql.keys()) expect(seen.has(key), `${what}: extra cell ${key}`).toBe(true);
  return cells;
}

/** The table with its bands, as the CLI and a saved banner make them. */
function banded(table: RespondentTable, bands: readonly DefinedBand[]): RespondentTable {
  const columns = bands.map((b) => {
    const c = band(table, b.question, b.cuts, b.labels);
    if (!c.ok) throw new Error(c.error.message);
    return c.value;
  });
  const t = withColumns(table, columns);
  if (!t.ok) throw new Error(t.error.message);
  return t.value;
}

async function expectBookMatches(
  db: Duck,
  loaded: Respondents,
  source: SqlSource,
  spec: TabSpec,
  what: string,
  bands: readonly DefinedBand[] = [],
): Promise<number> {
  const table = banded(loaded.table, bands);
  const sql = tabsSql({ source, schema: loaded.schema, table, spec, bands });
  if (!sql.ok) throw new Error(`${what}: ${sql.error.code}: ${sql.error.message}`);
  expect(await db.statements(sql.value), `${what}: statements`).toBe(1);
  const book = tabs(table, { ...spec, tests: false });
  if (!book.ok) throw new Error(`${what}: engine: ${book.error.message}`);
  return expectSameBook(book.value, await db.rows(sql.value), what);
}

const demoDefinition = parseDefinition(
  readFileSync(DEMO.replace(/\.csv$/, '.json'), 'utf8'),
  'demo',
);
if (!demoDefinition.ok) throw new Error(demoDefinition.error.message);
const demo = loadRespondents(new Uint8Array(readFileSync(DEMO)), {
  file: DEMO,
  definition: demoDefinition.value,
});
const DEMO_SOURCE: SqlSource = { kind: 'csv', path: DEMO, delimiter: ',', encoding: 'utf-8' };

describe.skipIf(typeof duck === 'string')('tabsSql in DuckDB', { timeout: 120_000 }, () => {
  const db = duck as Duck;
  const dir = mkdtempSync(join(tmpdir(), 'survey-tabs-sql-'));
  const totals: string[] = [];
  afterAll(() => {
    console.info(`tab books: ${totals.join('; ')}`);
    rmSync(dir, { recursive: true, force: true });
    db.close();
  });

  it('gives the demo survey’s weighted book: six questions by gender, age and a multi-answer banner', async () => {
    const cells = await expectBookMatches(
      db,
      demo,
      DEMO_SOURCE,
      { banner: ['gender', 'age_group', 'Which type of official accounts do you follow?'] },
      'demo',
    );
    // 24 rows (the options of 6 questions) × 12 columns (Total, 2 genders, 4 age groups, 5 kinds of account).
    expect(cells).toBe(288);
    totals.push(`demo ${cells} cells`);
  });

  it('gives the demo book nested (gender within city tier), filtered, unweighted, with nets', async () => {
    const cells = await expectBookMatches(
      db,
      demo,
      DEMO_SOURCE,
      {
        banner: [{ question: 'gender', within: 'city_tier' }, 'age_group'],
        rows: [
          'How often do you use WeChat?',
          'What is the reason that you started to use WeChat?',
        ],
        filter: [{ questionId: 'age_group', options: [0, 1, 2] }],
        weightId: null,
        nets: {
          'How often do you use WeChat?': [{ label: 'Often (net)', options: [0, 1] }],
          'What is the reason that you started to use WeChat?': [
            { label: 'Any of the first two (net)', options: [0, 1] },
          ],
        },
      },
      'demo nested',
    );
    totals.push(`demo nested ${cells} cells`);
  });

  it('gives the bench survey’s book: 30 questions, Chinese labels, quoted cells, weighted', async () => {
    const survey = generateSurvey(3000, 20260101);
    const file = join(dir, 'bench.csv');
    writeFileSync(file, survey.bytes);
    const loaded = loadRespondents(survey.bytes, { file: 'bench.csv' });
    const source: SqlSource = { kind: 'csv', path: file, delimiter: ',', encoding: 'utf-8' };
    let cells = await expectBookMatches(
      db,
      loaded,
      source,
      { banner: ['Q1', 'Q2', 'Q16'], weightId: 'weight' },
      'bench',
    );
    cells += await expectBookMatches(
      db,
      loaded,
      source,
      {
        banner: [{ question: 'Q3', within: 'Q1' }],
        rows: ['Q4', 'Q16', 'Q20'],
        filter: [
          { questionId: 'Q5', options: [0, 1] },
          { questionId: 'Q8', options: [2] },
        ],
      },
      'bench nested, filtered',
    );
    expect(cells).toBeGreaterThan(3000);
    totals.push(`bench ${cells} cells`);
  });

  it('bands numbers as band() does: decimals, hex, 1e400, missing values, cuts between values, own labels', async () => {
    const lines = [
      'id,score,weight,g',
      '1,17,1.5,a',
      '2,18,2,b',
      '3,24.999,1,a',
      '4,25,1,b',
      '5,0x1A,1,a',
      '6,1e400,1,b',
      '7,NA,1,a',
      '8,,1,b',
      '9,  64 ,1,a',
      '10,65,0.5,b',
      '11,-3,1,a',
      '12,abc,1,b',
      '13,1e2,1,a',
    ];
    const file = join(dir, 'bands.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const loaded = loadRespondents(readFileSync(file), {
      file,
      definition: {
        format: 'survey-workbench-definition',
        version: 1,
        weight: 'weight',
        questions: [{ id: 'score', text: 'Score', kind: 'numeric', columns: ['score'] }],
      },
    });
    const source: SqlSource = { kind: 'csv', path: file, delimiter: ',', encoding: 'utf-8' };
    let cells = 0;
    for (const [what, bands] of [
      ['whole cuts', [{ question: 'score', cuts: [18, 25, 65] }]],
      ['a fractional cut', [{ question: 'score', cuts: [24.999, 25.5] }]],
      ['own labels', [{ question: 'score', cuts: [0, 50], labels: ['neg', 'low', 'high'] }]],
    ] as [string, DefinedBand[]][]) {
      cells += await expectBookMatches(
        db,
        loaded,
        source,
        {
          banner: ['score_band', { question: 'g', within: 'score_band' }],
          rows: ['g', 'score_band'],
        },
        `bands: ${what}`,
        bands,
      );
    }
    totals.push(`bands ${cells} cells`);
  });

  it.skipIf(!existsSync(HDV))(
    'gives hdv2003’s book weighted by poids: age banded, a Oui/Non battery with all-of and any-of nets, top-2/bottom-2 boxes',
    async () => {
      const opened = await openSurvey({
        file: HDV,
        weight: 'poids',
        multi: [
          {
            id: 'leisure',
            columns: [
              'hard.rock',
              'lecture.bd',
              'peche.chasse',
              'cuisine',
              'bricol',
              'cinema',
              'sport',
            ],
          },
        ],
      });
      if (!opened.ok || opened.value.kind !== 'respondents') throw new Error('hdv2003');
      const loaded = opened.value;
      const source: SqlSource = { kind: 'csv', path: HDV, delimiter: ',', encoding: 'utf-8' };
      const bands = [{ question: 'age', cuts: [25, 35, 45, 55, 65] }];
      let cells = await expectBookMatches(
        db,
        loaded,
        source,
        { banner: ['sexe', 'age_band', 'leisure'], nets: 'top2bottom2' },
        'hdv2003',
        bands,
      );
      cells += await expectBookMatches(
        db,
        loaded,
        source,
        {
          banner: [{ question: 'sexe', within: 'age_band' }],
          filter: [{ questionId: 'leisure', options: [3] }],
          nets: {
            leisure: [
              { label: 'Cooking and DIY (all of)', options: [3, 4], all: true },
              { label: 'Cooking or DIY (any of)', options: [3, 4] },
            ],
          },
        },
        'hdv2003 nested, filtered on the battery',
        bands,
      );
      totals.push(`hdv2003 ${cells} cells`);
    },
  );

  it('prints the same query from `tabs … --sql` as the book `tabs … --json` counts', async () => {
    const parsed = parseCommandArgs('tabs', [
      DEMO,
      '--banner',
      'gender,age_group',
      '--where',
      'city_tier=Tier 1',
      '--sql',
    ]);
    if (parsed.kind !== 'args') throw new Error('usage');
    const opened = await openSurvey(parsed.args);
    if (!opened.ok) throw new Error(opened.error.message);
    const sql = tabsSqlFor(parsed.args, opened.value);
    if (!sql.ok) throw new Error(sql.error.message);
    expect(sql.value.endsWith(';\n')).toBe(true);
    const book = await tabsFile(parsed.args);
    if (!book.ok) throw new Error(book.error.message);
    const cells = expectSameBook(book.value, await db.rows(sql.value), 'cli');
    expect(cells).toBeGreaterThan(100);
  });
});

describe('tabsSql without DuckDB', () => {
  it('lists numeric rows in its header, leaves them out, and refuses what it cannot count', () => {
    const lines = ['id,score,g', '1,17,a', '2,30,b', '3,50,a'];
    const loaded = loadRespondents(`${lines.join('\n')}\n`, {
      file: 'n.csv',
      definition: {
        format: 'survey-workbench-definition',
        version: 1,
        questions: [{ id: 'score', text: 'Score', kind: 'numeric', columns: ['score'] }],
      },
    });
    const source: SqlSource = { kind: 'csv', path: 'n.csv', delimiter: ',' };
    const table = banded(loaded.table, [{ question: 'score', cuts: [20] }]);
    const ok = tabsSql({
      source,
      schema: loaded.schema,
      table,
      spec: { banner: ['g'], rows: ['g', 'score'] },
    });
    if (!ok.ok) throw new Error(ok.error.message);
    expect(ok.value).toContain(
      '-- Numeric rows have means, not counts, so they are not in this query: "score".',
    );
    expect(ok.value).not.toContain("'score' AS row_question");

    const code = (spec: TabSpec, bands: DefinedBand[] = [{ question: 'score', cuts: [20] }]) => {
      const r = tabsSql({ source, schema: loaded.schema, table, spec, bands });
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code({ banner: ['g'], rows: ['score'] })).toBe('sql-no-tabs');
    expect(code({ banner: ['g'], filter: [{ questionId: 'score_band', options: [0] }] })).toBe(
      'sql-band-filter',
    );
    expect(
      code({
        banner: ['g'],
        rows: ['score_band'],
        nets: { score_band: [{ label: 'n', options: [0] }] },
      }),
    ).toBe('sql-band-nets');
    // tabs()' own errors: a numeric question on the banner, a multi-answer question nested.
    expect(code({ banner: ['score'] })).toBe('tabs-banner-numeric');
    expect(code({ banner: ['score_band'] })).toBe('ok');
  });

  it('refuses --sql with --xlsx, with a message that says to choose', () => {
    const parsed = parseCommandArgs('tabs', [
      DEMO,
      '--banner',
      'gender',
      '--sql',
      '--xlsx',
      'x.xlsx',
    ]);
    expect(parsed.kind).toBe('usage');
    if (parsed.kind === 'usage') expect(parsed.message).toContain('--sql prints the query');
  });
});
