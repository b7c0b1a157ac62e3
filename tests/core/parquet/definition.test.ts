// The survey definition travels inside the Parquet file: the export writes it
// to the key-value metadata, the reader applies it when the caller gives none,
// a definition the caller gives wins, and a damaged one is refused with a
// message that says where it came from.
import { ByteWriter, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';
import { parquetMetadata } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import {
  emptyDefinition,
  formatDefinition,
  type SurveyDefinition,
} from '../../../src/core/definition/definition';
import { PARQUET_DEFINITION_KEY } from '../../../src/core/parquet/index';
import { loadSurveyFileAsync, previewSurveyFileAsync } from '../../../src/core/pipeline';
import { DEMO_CSV, demoDefinition, loadCsv, loadParquet, toParquet } from './support';

/** A Parquet file made by hand: these columns (strings, numbers, booleans) and this metadata. */
function parquet(
  columns: { name: string; type: 'STRING' | 'DOUBLE' | 'BOOLEAN' | 'INT32'; data: unknown[] }[],
  kv: { key: string; value: string }[] = [],
): Uint8Array {
  const writer = new ByteWriter();
  const schema = schemaFromColumnData({
    columnData: columns.map((c) => ({ name: c.name, data: [], type: c.type, nullable: true })),
  });
  const w = new ParquetWriter({ writer, schema, kvMetadata: kv });
  void w.write({ columnData: columns.map((c) => ({ name: c.name, data: c.data })) });
  void w.finish();
  return new Uint8Array(writer.getBuffer());
}

const withDefinition = (def: SurveyDefinition) => [
  { key: PARQUET_DEFINITION_KEY, value: formatDefinition(def) },
];

const SMALL = [
  { name: 'id', type: 'INT32' as const, data: [1, 2, 3, 4, 5, 6] },
  { name: 'q1', type: 'STRING' as const, data: ['Yes', 'No', 'Yes', null, 'NA', 'Yes'] },
  { name: 'score', type: 'DOUBLE' as const, data: [0.5, 1.25, 2, 0.75, 1.5, null] },
];

describe('the definition in the metadata', () => {
  it('the export stores formatDefinition(definition) under "survey-workbench-definition"', async () => {
    const csv = loadCsv(DEMO_CSV, { definition: demoDefinition() });
    const meta = parquetMetadata((await toParquet(csv)).slice().buffer);
    expect(meta.key_value_metadata).toEqual([
      { key: 'survey-workbench-definition', value: formatDefinition(csv.definition) },
    ]);
  });

  it('is applied when the caller gives none: questions, weight, answer order, title', async () => {
    const def: SurveyDefinition = {
      ...emptyDefinition(),
      title: 'From the warehouse',
      notice: 'Test data',
      weight: 'score',
      questions: [
        {
          id: 'agree',
          text: 'Do you agree?',
          kind: 'single',
          columns: ['q1'],
          answers: ['No', 'Yes'],
        },
      ],
    };
    const r = await loadParquet(parquet(SMALL, withDefinition(def)));
    expect(r.table.meta).toEqual({
      title: 'From the warehouse',
      notice: 'Test data',
      source: null,
    });
    expect(r.table.weightId).toBe('score');
    const agree = r.table.columns.find((c) => c.id === 'agree');
    expect(agree?.type === 'single' && agree.labels).toEqual(['No', 'Yes']);
    expect(agree?.text).toBe('Do you agree?');
    expect(r.detected.shapeReason).toMatch(/definition stored in the file/);
    // The definition it reads with is complete, and says nothing about reading a CSV it was never given.
    expect(r.definition.weight).toBe('score');
    expect('delimiter' in r.definition || 'encoding' in r.definition).toBe(false);
  });

  it('keeps what the applied definition says about the CSV, so the document still reads the CSV', async () => {
    const def: SurveyDefinition = { ...emptyDefinition(), encoding: 'gb18030', delimiter: ';' };
    const r = await loadParquet(parquet(SMALL, withDefinition(def)));
    expect([r.definition.encoding, r.definition.delimiter]).toEqual(['gb18030', ';']);
    expect(Object.keys(r.definition).slice(0, 7)).toEqual([
      'format',
      'version',
      'title',
      'notice',
      'source',
      'encoding',
      'delimiter',
    ]);
  });

  it("the caller's definition wins over the file's", async () => {
    const stored: SurveyDefinition = { ...emptyDefinition(), title: 'Stored', weight: 'score' };
    const mine: SurveyDefinition = { ...emptyDefinition(), title: 'Mine' };
    const r = await loadParquet(parquet(SMALL, withDefinition(stored)), { definition: mine });
    expect([r.table.meta.title, r.table.weightId]).toEqual(['Mine', null]);
  });

  it('without one, detection decides, and nothing is weighted', async () => {
    const r = await loadParquet(parquet(SMALL));
    expect(r.table.meta.title).toBe('survey');
    expect(r.table.weightId).toBe(null);
    expect(r.table.idColumnId).toBe('id');
    expect(r.table.columns.map((c) => `${c.id}:${c.type}`)).toEqual([
      'id:numeric',
      'q1:single',
      'score:single', // five distinct numbers in six rows: answers, as for a CSV
    ]);
    const q1 = r.table.columns[1]!;
    // null and the missing token "NA" are both no answer.
    expect(q1.type === 'single' && [q1.labels, [...q1.codes]]).toEqual([
      ['Yes', 'No'],
      [1, 2, 1, 0, 0, 1],
    ]);
  });

  it('a damaged stored definition, or one naming columns the file lacks, is refused saying where it came from', async () => {
    const broken = await loadSurveyFileAsync(
      parquet(SMALL, [{ key: PARQUET_DEFINITION_KEY, value: '{"format": "survey-workbench-def' }]),
      { file: 'w.parquet' },
    );
    expect(broken.ok ? 'read' : broken.error.code).toBe('parquet-definition');
    expect(broken.ok ? '' : broken.error.message).toMatch(
      /^The survey definition stored in this Parquet file cannot be used: .*not valid JSON/i,
    );
    const renamed: SurveyDefinition = { ...emptyDefinition(), weight: 'poids' };
    const r = await previewSurveyFileAsync(parquet(SMALL, withDefinition(renamed)), {
      file: 'w.parquet',
    });
    expect(r.ok ? 'read' : r.error.message).toMatch(
      /^The survey definition stored in this Parquet file cannot be used: .*poids/,
    );
    // Giving another definition reads the file.
    const ok = await loadSurveyFileAsync(parquet(SMALL, withDefinition(renamed)), {
      file: 'w.parquet',
      definition: emptyDefinition(),
    });
    expect(ok.ok).toBe(true);
  });
});

describe('columns as questions, as the CSV path makes them', () => {
  it('booleans are "true"/"false": a battery of three or more, and each column a question too', async () => {
    const t = [true, false, true, null, false];
    const r = await loadParquet(
      parquet([
        { name: 'id', type: 'INT32', data: [1, 2, 3, 4, 5] },
        { name: 'tv', type: 'BOOLEAN', data: t },
        { name: 'radio', type: 'BOOLEAN', data: [false, false, true, null, true] },
        { name: 'press', type: 'BOOLEAN', data: [true, true, false, null, false] },
      ]),
    );
    const battery = r.table.columns.find((c) => c.type === 'multi');
    expect(battery?.type === 'multi' && battery.labels).toEqual(['tv', 'radio', 'press']);
    expect(battery?.type === 'multi' && [...battery.patternOf].map((p) => p > 0)).toEqual([
      true,
      true,
      true,
      false,
      true,
    ]);
    const tv = r.table.columns.find((c) => c.id === 'tv');
    expect(tv?.type === 'single' && tv.labels).toEqual(['true', 'false']);
    expect(tv?.memberOf).toBe(battery?.id);
  });

  it('many distinct numbers are numeric; few whole numbers are answers; text columns with many values are text', async () => {
    const n = 40;
    const r = await loadParquet(
      parquet([
        { name: 'age', type: 'INT32', data: Array.from({ length: n }, (_, i) => 18 + i) },
        { name: 'rating', type: 'INT32', data: Array.from({ length: n }, (_, i) => 1 + (i % 5)) },
        {
          name: 'comment',
          type: 'STRING',
          data: Array.from({ length: n }, (_, i) => `I think ${i} things`),
        },
        {
          name: 'apps',
          type: 'STRING',
          data: Array.from({ length: n }, (_, i) => ['WeChat;QQ', 'QQ', 'Weibo;WeChat'][i % 3]),
        },
      ]),
    );
    expect(r.table.columns.map((c) => `${c.id}:${c.type}`)).toEqual([
      'age:numeric',
      'rating:single',
      'comment:text',
      'apps:multi',
    ]);
    const rating = r.table.columns[1]!;
    expect(rating.type === 'single' && rating.labels).toEqual(['1', '2', '3', '4', '5']);
  });
});
