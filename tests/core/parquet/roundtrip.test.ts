// CSV -> table -> Parquet -> table: the same table, cell for cell, and so the
// same crosstabs, for the bundled demo (with its definition) and for the shared
// survey files (with the definition their CSV is read with).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crosstab } from '../../../src/core/crosstab/crosstab';
import type { Crosstab } from '../../../src/core/crosstab/types';
import { loadSurveyFile } from '../../../src/core/pipeline';
import type { RespondentTable } from '../../../src/core/table/types';
import {
  DATA,
  DATASETS,
  DEMO_CSV,
  demoDefinition,
  expectSameTable,
  haveDatasets,
  loadCsv,
  loadParquet,
  toParquet,
} from './support';

if (!haveDatasets)
  console.warn(`Skipping the Parquet round trips of shared datasets: ${DATA} is absent.`);

function table(t: RespondentTable, rows: string, cols: string | null, filter = false): Crosstab {
  const r = crosstab(t, {
    rows: { questionId: rows },
    cols: cols === null ? null : { questionId: cols },
    ...(filter ? { filter: [{ questionId: cols ?? rows, options: [0] }] } : {}),
  });
  if (!r.ok) throw new Error(`${rows} × ${cols}: ${r.error.message}`);
  return r.value;
}

describe('the bundled demo, with its definition', () => {
  it('reads back as the same table and definition, with the definition from the file', async () => {
    const csv = loadCsv(DEMO_CSV, { definition: demoDefinition() });
    const bytes = await toParquet(csv);
    // A tenth of the CSV: dictionary-encoded and snappy-compressed.
    expect(bytes.length).toBeLessThan(csv.table.rowCount * 20);
    const back = await loadParquet(bytes);
    expectSameTable(back.table, csv.table);
    expect(back.definition).toEqual(csv.definition);
    expect(back.schema.weightId).toBe('weight');
    expect(back.table.meta.notice).toBe('Simulated respondents, not real data');
    expect(back.detected.warnings).toEqual([]);
  });

  it('gives the same crosstabs: weighted, multi-answer, filtered, with tests', async () => {
    const csv = loadCsv(DEMO_CSV, { definition: demoDefinition() });
    const back = await loadParquet(await toParquet(csv));
    const multi = csv.table.columns.find((c) => c.type === 'multi')!.id;
    for (const [rows, cols, filter] of [
      ['How often do you use WeChat?', 'age_group', false],
      ['gender', null, false],
      [multi, 'gender', false],
      [multi, 'city_tier', true],
    ] as const) {
      const a = table(csv.table, rows, cols, filter);
      const b = table(back.table, rows, cols, filter);
      expect(b, `${rows} × ${cols}`).toEqual(a);
      // Weighted by the definition's weight, read back from the file's metadata.
      expect(a.counts).not.toEqual(a.unweightedCounts);
    }
  });
});

describe.skipIf(!haveDatasets)('the shared survey files', { timeout: 60_000 }, () => {
  for (const path of DATASETS) {
    it(`${path}: the same table and crosstabs, and the same detection without a definition`, async () => {
      // Detection, then the complete definition it makes, as a stored survey carries it.
      const detected = loadCsv(DATA + path);
      const csv = loadCsv(DATA + path, { definition: detected.definition });
      const bytes = await toParquet(csv);
      const back = await loadParquet(bytes);
      expectSameTable(back.table, csv.table);
      expect(back.definition).toEqual(csv.definition);

      // Every single-answer question against the first one, and every multi-answer one.
      const singles = csv.table.columns.filter((c) => c.type === 'single').map((c) => c.id);
      const multis = csv.table.columns.filter((c) => c.type === 'multi').map((c) => c.id);
      const against = singles[0]!;
      for (const q of [...singles.slice(1, 20), ...multis])
        expect(table(back.table, q, against), q).toEqual(table(csv.table, q, against));

      // With an empty definition given instead of the file's, detection reads the Parquet
      // columns as it read the CSV's: the same questions, kinds and answers.
      const fresh = await loadParquet(bytes, {
        definition: { format: 'survey-workbench-definition', version: 1 },
      });
      expectSameTable(fresh.table, { ...detected.table, meta: fresh.table.meta });
    });
  }
});

describe('what the export writes', () => {
  it('has one column per source column, named as the definition names them', async () => {
    const { parquetMetadata, parquetSchema } = await import('hyparquet');
    const csv = loadCsv(DEMO_CSV, { definition: demoDefinition() });
    const bytes = await toParquet(csv);
    const meta = parquetMetadata(bytes.slice().buffer);
    const columns = parquetSchema(meta).children.map((c) => [
      c.element.name,
      c.element.type,
      c.element.repetition_type,
    ]);
    // The CSV's columns, the questions first (in the definition's order), then weight and id.
    const header = new TextDecoder()
      .decode(loadCsvBytes())
      .split('\n', 1)[0]!
      .split(',')
      .map((h) => h.replace(/^"|"$/g, ''));
    expect(columns.map((c) => c[0]).sort()).toEqual([...header].sort());
    expect(Object.fromEntries(columns.map((c) => [c[0], c[1]]))).toMatchObject({
      gender: 'BYTE_ARRAY',
      weight: 'DOUBLE',
      respondent_id: 'DOUBLE',
    });
    expect(columns.every((c) => c[2] === 'OPTIONAL')).toBe(true);
    expect(Number(meta.num_rows)).toBe(csv.table.rowCount);
    expect(meta.created_by).toBe('Survey Workbench');
  });

  it('writes joined multi-answer cells, labels for categories (three ages are answers), numbers for ids, nulls for no answer', async () => {
    const text = 'id,apps,age\n1,WeChat;QQ,30\n2,,41\n3,QQ,NA\n4,WeChat;Weibo;QQ,25\n';
    const r = loadSurveyFile(new TextEncoder().encode(text), {
      file: 'x.csv',
      definition: {
        format: 'survey-workbench-definition',
        version: 1,
        questions: [{ id: 'apps', text: 'Apps', kind: 'multi', columns: ['apps'], separator: ';' }],
      },
    });
    if (!r.ok || r.value.kind !== 'respondents') throw new Error('not read');
    const bytes = await toParquet(r.value);
    const { parquetReadObjects } = await import('hyparquet');
    const rows = await parquetReadObjects({ file: bytes.slice().buffer });
    expect(rows).toEqual([
      { apps: 'WeChat;QQ', id: 1, age: '30' },
      { apps: null, id: 2, age: '41' },
      { apps: 'QQ', id: 3, age: null },
      { apps: 'WeChat;QQ;Weibo', id: 4, age: '25' },
    ]);
    expectSameTable((await loadParquet(bytes)).table, r.value.table);
  });

  it('writes an empty survey as a valid file that reads as "no rows"', async () => {
    const csv = loadCsv(DEMO_CSV, { definition: demoDefinition() });
    const empty = { ...csv, table: { ...csv.table, rowCount: 0 } };
    const bytes = await toParquet(empty);
    const { loadSurveyFileAsync } = await import('../../../src/core/pipeline');
    const r = await loadSurveyFileAsync(bytes, { file: 'empty.parquet' });
    expect(r.ok ? 'read' : r.error.code).toBe('import-no-rows');
  });
});

function loadCsvBytes(): Uint8Array {
  return new Uint8Array(readFileSync(DEMO_CSV));
}
