// crosstabSql() over the real survey files in ../shared/datasets (not part of
// the project; skipped, saying so, when the folder is absent): every
// categorical question against a demographic column, weighted where the
// survey has a weight, and each multi-answer question also against Total,
// with nets and filtered, run by DuckDB and compared with the engine cell by cell.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CrosstabSpec } from '../../../src/core/crosstab/types';
import type { Loaded } from '../../../src/core/pipeline';
import type { SqlSource } from '../../../src/core/sql/crosstab';
import { loadRespondents } from '../../support/pipeline';
import { expectSqlMatches, openDuck, type Duck } from './duckdb';

const DATA = fileURLToPath(new URL('../../../../shared/datasets/', import.meta.url));
const present = existsSync(DATA);
if (!present) console.warn(`Skipping SQL crosstabs of real files: ${DATA} is absent.`);
const duck = present ? await openDuck() : 'no datasets';
if (typeof duck === 'string' && present) console.warn(`Skipping SQL crosstabs in DuckDB: ${duck}`);

type Respondents = Extract<Loaded, { kind: 'respondents' }>;

interface Dataset {
  name: string;
  file: string;
  /** The demographic column every question is crossed with. */
  cols: string;
  weight: string | null;
  /**
   * Read by DuckDB from a UTF-8 copy: DuckDB reads other encodings only with
   * its encodings extension, which is downloaded (not available offline).
   */
  utf8Copy?: boolean;
}

const DATASETS: Dataset[] = [
  {
    name: 'masculinity raw-responses (label-style batteries, weight)',
    file: 'fivethirtyeight/masculinity-survey/raw-responses.csv',
    cols: 'age3',
    weight: 'weight',
  },
  {
    name: 'hdv2003 (Oui/Non battery, weight poids)',
    file: 'questionr/questionr-hdv2003.csv',
    cols: 'sexe',
    weight: 'poids',
  },
  {
    name: 'coffee (";" in one cell)',
    file: 'nneune-coffee-survey/coffee_survey.csv',
    cols: '2. What’s your usual hot beverage at the institute?',
    weight: null,
  },
  {
    name: 'coffee with a UTF-8 byte order mark',
    file: 'derived/coffee_survey.utf8-bom.csv',
    cols: '2. What’s your usual hot beverage at the institute?',
    weight: null,
  },
  {
    name: 'StarWars (two-line header, windows-1252, read from a UTF-8 copy)',
    file: 'fivethirtyeight/star-wars-survey/StarWars.csv',
    cols: 'Gender',
    weight: null,
    utf8Copy: true,
  },
];

/** Every categorical question × `cols`; each multi-answer question also × Total, with nets and filtered. */
function specs(loaded: Respondents, d: Dataset): [string, CrosstabSpec][] {
  const weightId = d.weight;
  const out: [string, CrosstabSpec][] = [];
  const categorical = loaded.table.columns.filter((c) => c.type === 'single' || c.type === 'multi');
  const filterOn = categorical.find((c) => c.id === d.cols)!;
  for (const c of categorical) {
    out.push([
      `${c.id} × ${d.cols}`,
      { rows: { questionId: c.id }, cols: { questionId: d.cols }, weightId },
    ]);
    if (c.type !== 'multi' || c.labels.length < 2) continue;
    out.push([`${c.id} × Total`, { rows: { questionId: c.id }, cols: null, weightId }]);
    out.push([
      `${d.cols} × ${c.id} with a net, filtered`,
      {
        rows: { questionId: d.cols, nets: [{ label: 'First two (net)', options: [0, 1] }] },
        cols: { questionId: c.id, nets: [{ label: 'First two (net)', options: [0, 1] }] },
        filter: [{ questionId: filterOn.id, options: [0] }],
        weightId,
      },
    ]);
    out.push([
      `${c.id} × ${d.cols}, filtered on the multi`,
      {
        rows: { questionId: c.id },
        cols: { questionId: d.cols },
        filter: [{ questionId: c.id, options: [1] }],
        weightId,
      },
    ]);
  }
  return out;
}

describe.skipIf(typeof duck === 'string')(
  'crosstabSql on real survey files',
  { timeout: 120_000 },
  () => {
    const db = duck as Duck;
    const dir = mkdtempSync(join(tmpdir(), 'survey-sql-data-'));
    const totals: string[] = [];
    afterAll(() => {
      console.info(`real files: ${totals.join('; ')}`);
      rmSync(dir, { recursive: true, force: true });
      db.close();
    });

    it.each(DATASETS)('$name', async (d) => {
      const bytes = new Uint8Array(readFileSync(DATA + d.file));
      const loaded = loadRespondents(bytes, { file: d.file });
      let source: SqlSource = {
        kind: 'csv',
        path: DATA + d.file,
        delimiter: loaded.detected.delimiter,
        encoding: loaded.detected.encoding,
      };
      if (d.utf8Copy === true) {
        expect(loaded.detected.encoding).not.toBe('utf-8');
        const text = new TextDecoder(loaded.detected.encoding).decode(bytes);
        const path = join(dir, 'copy.csv');
        writeFileSync(path, text, 'utf8');
        source = { ...source, path, encoding: 'utf-8' };
      }
      let tables = 0;
      let cells = 0;
      for (const [what, spec] of specs(loaded, d)) {
        cells += await expectSqlMatches(db, loaded, source, spec, `${d.name}: ${what}`);
        tables++;
      }
      totals.push(`${d.name}: ${tables} tables, ${cells} cells`);
      expect(tables).toBeGreaterThan(10);
    });
  },
);

/** DuckDB's encodings extension, when it can be installed (it is downloaded): the files as they are. */
describe.skipIf(typeof duck === 'string')('crosstabSql on files in other encodings', () => {
  it('reads windows-1252 and GB18030 files with the encodings extension', async (ctx) => {
    const db = (await openDuck()) as Duck;
    try {
      await db.rows('INSTALL encodings');
      await db.rows('LOAD encodings');
    } catch (e) {
      console.warn(
        `Skipping windows-1252 and GB18030 files as they are: DuckDB's encodings extension did not load (${(e as Error).message.split('\n')[0]}); their UTF-8 copies are compared above.`,
      );
      db.close();
      ctx.skip();
      return;
    }
    for (const file of [
      'fivethirtyeight/star-wars-survey/StarWars.csv',
      'derived/coffee_survey.gb18030.csv',
    ]) {
      const loaded = loadRespondents(new Uint8Array(readFileSync(DATA + file)), { file });
      const source: SqlSource = {
        kind: 'csv',
        path: DATA + file,
        delimiter: loaded.detected.delimiter,
        encoding: loaded.detected.encoding,
      };
      for (const c of loaded.table.columns.filter((x) => x.type === 'multi' || x.type === 'single'))
        await expectSqlMatches(
          db,
          loaded,
          source,
          { rows: { questionId: c.id }, cols: null },
          `${file}: ${c.id}`,
        );
    }
    db.close();
  });
});
