// The bench survey (perf/generate.ts, seeded: 3,000 respondents, 22 single and
// 8 multi-answer questions, Chinese labels, quoted cells, blanks) written to
// a temporary file: every query crosstabSql() writes, run by DuckDB over the
// CSV and over a Parquet copy, gives the engine's counts cell for cell.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSurvey } from '../../../perf/generate';
import type { CrosstabSpec } from '../../../src/core/crosstab/types';
import { sourceClause, type SqlSource } from '../../../src/core/sql/source';
import { loadRespondents } from '../../support/pipeline';
import { expectSqlMatches, openDuck } from './duckdb';

const duck = await openDuck();
if (typeof duck === 'string') console.warn(`Skipping SQL crosstabs in DuckDB: ${duck}`);

const survey = generateSurvey(3000, 20260101);
const loaded = loadRespondents(survey.bytes, { file: 'bench.csv' });
const labels = (id: string) => survey.questions.find((q) => q.id === id)!.labels;

const W = { weightId: 'weight' };
const CASES: [string, CrosstabSpec][] = [
  ['single × single', { rows: { questionId: 'Q1' }, cols: { questionId: 'Q2' } }],
  ['single × single, weighted', { rows: { questionId: 'Q1' }, cols: { questionId: 'Q2' }, ...W }],
  [
    'single × single, filtered',
    {
      rows: { questionId: 'Q1' },
      cols: { questionId: 'Q2' },
      filter: [{ questionId: 'Q3', options: [0, 1] }],
    },
  ],
  ['single × Total (Chinese labels)', { rows: { questionId: 'Q3' }, cols: null, ...W }],
  ['multi × single', { rows: { questionId: 'Q16' }, cols: { questionId: 'Q2' } }],
  ['multi × single, weighted', { rows: { questionId: 'Q16' }, cols: { questionId: 'Q2' }, ...W }],
  ['multi × multi', { rows: { questionId: 'Q16' }, cols: { questionId: 'Q8' } }],
  [
    'multi × multi, weighted, filtered on a multi and a single',
    {
      rows: { questionId: 'Q16' },
      cols: { questionId: 'Q8' },
      filter: [
        { questionId: 'Q4', options: [0, 2] },
        { questionId: 'Q5', options: [1, 2, 3] },
      ],
      ...W,
    },
  ],
  ['multi × Total', { rows: { questionId: 'Q12' }, cols: null }],
  ['single × multi', { rows: { questionId: 'Q1' }, cols: { questionId: 'Q24' }, ...W }],
  [
    'nets on both axes, single × multi, weighted',
    {
      rows: {
        questionId: 'Q1',
        nets: [
          { label: 'Top two (net)', options: [0, 1] },
          { label: 'Nobody (net)', options: [] },
        ],
      },
      cols: { questionId: 'Q16', nets: [{ label: 'Any of 1, 3, 5 (net)', options: [0, 2, 4] }] },
      ...W,
    },
  ],
  [
    'nets on a multi row, filtered, one-way',
    {
      rows: { questionId: 'Q20', nets: [{ label: 'First three (net)', options: [0, 1, 2] }] },
      cols: null,
      filter: [{ questionId: 'Q1', options: [0] }],
    },
  ],
  [
    '"All of" nets: on a multi-answer row, on a single-answer column (one option, and two: nobody)',
    {
      rows: {
        questionId: 'Q16',
        nets: [
          { label: 'All of 1 and 2 (net)', options: [0, 1], all: true },
          { label: 'All of none (net)', options: [], all: true },
        ],
      },
      cols: {
        questionId: 'Q2',
        nets: [
          { label: 'All of 1 (net)', options: [0], all: true },
          { label: 'All of 1 and 2 (net)', options: [0, 1], all: true },
        ],
      },
      ...W,
    },
  ],
  [
    'a filter nobody passes',
    {
      rows: { questionId: 'Q1' },
      cols: { questionId: 'Q2' },
      filter: [{ questionId: 'Q3', options: [] }],
    },
  ],
];

describe.skipIf(typeof duck === 'string')('crosstabSql on the bench survey', () => {
  const db = duck as Exclude<typeof duck, string>;
  let dir = '';
  let csv: SqlSource;
  let parquet: SqlSource;
  let cells = 0;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'survey-sql-'));
    const path = join(dir, 'bench survey.csv');
    writeFileSync(path, survey.bytes);
    csv = { kind: 'csv', path, delimiter: ',', encoding: 'utf-8' };
    // The README's recipe: a Parquet copy read with the query's own read_csv(…).
    parquet = { kind: 'parquet', path: join(dir, 'bench survey.parquet') };
    const from = sourceClause(csv, loaded.schema);
    if (!from.ok) throw new Error(from.error.message);
    await db.rows(`COPY (SELECT * FROM ${from.value.from}) TO '${parquet.path}' (FORMAT parquet)`);
  });
  afterAll(() => {
    console.info(`bench survey: ${CASES.length} tables × 2 sources, ${cells} cells compared`);
    rmSync(dir, { recursive: true, force: true });
    db.close();
  });

  it('reads the survey the engine reads (3,000 respondents)', () => {
    expect(loaded.table.rowCount).toBe(3000);
    expect(labels('Q3').some((l) => /[\u4e00-\u9fff]/.test(l))).toBe(true);
  });

  it.each(CASES)('%s', async (what, spec) => {
    cells += await expectSqlMatches(db, loaded, csv, spec, `${what} (CSV)`);
    cells += await expectSqlMatches(db, loaded, parquet, spec, `${what} (Parquet)`);
  });
});
