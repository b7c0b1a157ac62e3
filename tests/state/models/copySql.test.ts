// Copy as SQL's queries (state/models/copySql.ts): the crosstab page's view and
// a tab book over the demo survey, run by DuckDB against the file and compared
// with what the page shows; and the reasons given where no query can be made.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDefinition } from '../../../src/core/definition/definition';
import type { Loaded } from '../../../src/core/pipeline';
import { tabs } from '../../../src/core/tabs/tabs';
import {
  crosstabQuery,
  tabBookQuery,
  tabBookRequestQuery,
} from '../../../src/state/models/copySql';
import { buildTabBook, type TabBookRequest } from '../../../src/state/models/tabBookBuild';
import { buildCrosstabGrid } from '../../../src/state/models/crosstabModel';
import {
  entryFromSurvey,
  entryFromTable,
  type LibraryEntry,
} from '../../../src/state/models/library';
import { DEFAULT_CROSSTAB, type CrosstabView } from '../../../src/state/url/view';
import { expectSameCounts, openDuck, type Duck } from '../../core/sql/duckdb';
import { loadRespondents } from '../../support/pipeline';

const duck = await openDuck();
if (typeof duck === 'string') console.warn(`Skipping Copy as SQL in DuckDB: ${duck}`);

const FILE = 'demo-simulated-wechat-respondents.csv';
const CSV = fileURLToPath(new URL(`../../../surveys/${FILE}`, import.meta.url));
const definition = parseDefinition(readFileSync(CSV.replace(/\.csv$/, '.json'), 'utf8'), 'demo');
if (!definition.ok) throw new Error(definition.error.message);
const demo = loadRespondents(new Uint8Array(readFileSync(CSV)), {
  file: FILE,
  definition: definition.value,
});
const REASON = 'What is the reason that you started to use WeChat?';

/** A library entry as the app keeps it: with the schema the import read the file with. */
function entryOf(loaded: Extract<Loaded, { kind: 'respondents' }>, file = FILE): LibraryEntry {
  const entry = entryFromTable('demo', file, 'bundled', loaded.table, {
    definition: loaded.definition,
  });
  return { ...entry, schema: loaded.schema } as LibraryEntry;
}

const atFile = (sql: string) => sql.replaceAll(`'${FILE}'`, `'${CSV}'`);

describe('Copy as SQL', () => {
  afterAll(() => {
    if (typeof duck !== 'string') duck.close();
  });

  it.skipIf(typeof duck === 'string')(
    'gives the crosstab page’s counts: a multi-answer row with any-of and all-of nets, a filter, the weight',
    async () => {
      const view: CrosstabView = {
        ...DEFAULT_CROSSTAB,
        rows: REASON,
        cols: 'age_group',
        filters: [{ question: 'city_tier', options: [0, 1] }],
        rowNets: [
          { options: [0, 1], all: false },
          { options: [0, 1], all: true },
        ],
        colNets: [{ options: [0, 1], all: false }],
      };
      const grid = buildCrosstabGrid(demo.table, view);
      if (grid === null || !grid.ok) throw new Error('no grid');
      const sql = crosstabQuery(entryOf(demo), view, grid.value.result);
      if (!sql.ok) throw new Error(sql.error.message);
      expect(sql.value.split('\n')[0]).toBe(
        `-- The query reads "${FILE}" from the folder DuckDB runs in: point read_csv at your copy of the file.`,
      );
      const db = duck as Duck;
      // 6 options and 2 nets × 4 age groups and a net: every cell of the page's table.
      expect(expectSameCounts(grid.value.result, await db.rows(atFile(sql.value)), 'page')).toBe(
        40,
      );
    },
  );

  it.skipIf(typeof duck === 'string')(
    'gives a tab book’s counts for the tab-book page',
    async () => {
      const spec = { banner: ['gender', { question: 'gender', within: 'city_tier' }] };
      const sql = tabBookQuery(entryOf(demo), demo.table, spec);
      if (!sql.ok) throw new Error(sql.error.message);
      const book = tabs(demo.table, { ...spec, tests: false });
      if (!book.ok) throw new Error(book.error.message);
      const rows = await (duck as Duck).rows(atFile(sql.value));
      const nonEmpty = book.value.tables.flatMap((t) => t.counts.flat()).filter((n) => n > 0);
      expect(rows.length).toBe(nonEmpty.length);
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      expect(sum(rows.map((r) => Number(r[4])))).toBeCloseTo(sum(nonEmpty), 6);
    },
  );

  it.skipIf(typeof duck === 'string')(
    'gives the counts of the book the tab-book page built, nets and weight included, cell for cell',
    async () => {
      const request: TabBookRequest = {
        banner: { columns: ['gender', 'age_group'] },
        rows: null,
        tests: { level: 0.95, lowerLevel: 0.9, compare: 'group', correction: 'none' },
        nets: true,
      };
      const sql = tabBookRequestQuery(entryOf(demo), demo.table, request);
      if (!sql.ok) throw new Error(sql.error.message);
      expect(sql.value).toContain('-- Weighted by "weight"');
      const book = buildTabBook(demo.table, request);
      if (!book.ok) throw new Error(book.error.message);
      // Every non-empty cell of every table, as DuckDB's rows are: the same counts, each once.
      const page = book.value.tables
        .flatMap((t) => t.counts.flat())
        .filter((n) => n > 0)
        .map((n) => n.toFixed(9))
        .sort();
      const rows = await (duck as Duck).rows(atFile(sql.value));
      expect(rows.map((r) => Number(r[4]).toFixed(9)).sort()).toEqual(page);
      expect(page.length).toBeGreaterThan(100);
    },
  );

  it('says why the tab-book page has no query for a banner the survey cannot make', () => {
    const r = tabBookRequestQuery(entryOf(demo), demo.table, {
      banner: { columns: ['no such question'] },
      rows: null,
      tests: { level: 0.95, lowerLevel: null, compare: 'group', correction: 'none' },
      nets: false,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^No query for this view: .*no such question/);
  });

  it('says why there is no query, instead of writing a wrong one', () => {
    const view: CrosstabView = { ...DEFAULT_CROSSTAB, rows: `answers:${REASON}`, cols: 'gender' };
    const grid = buildCrosstabGrid(demo.table, view);
    if (grid === null || !grid.ok) throw new Error('no grid');
    const shown = grid.value.result;
    const reason = (entry: LibraryEntry, v: CrosstabView = view) => {
      const r = crosstabQuery(entry, v, shown);
      return r.ok ? 'ok' : r.error.message;
    };
    expect(reason(entryOf(demo))).toBe(
      `No query for this view: "Number of answers chosen: ${REASON}" is made by the app, not read from the file, so no query can count it: pick another question to copy the query.`,
    );
    const plain = { ...DEFAULT_CROSSTAB, rows: REASON, cols: 'gender' };
    const plainShown = buildCrosstabGrid(demo.table, plain);
    if (plainShown === null || !plainShown.ok) throw new Error('no grid');
    const why = (entry: LibraryEntry) => {
      const r = crosstabQuery(entry, plain, plainShown.value.result);
      return r.ok ? 'ok' : r.error.message;
    };
    expect(why(entryOf(demo))).toBe('ok');
    // Saved before the library kept the schema.
    const older: LibraryEntry = { ...entryOf(demo), schema: null };
    expect(why(older)).toContain('import the file again');
    expect(why(entryOf(demo, 'survey.sav'))).toContain('save the file as CSV');
    const published = entryFromSurvey('p', 'p.csv', 'bundled', entryOf(demo).survey);
    expect(why(published)).toContain('Only respondent data has a query');
    // A Parquet file is read with read_parquet.
    const parquet = crosstabQuery(entryOf(demo, 'survey.parquet'), plain, plainShown.value.result);
    expect(parquet.ok && parquet.value).toContain("read_parquet('survey.parquet')");
  });
});
