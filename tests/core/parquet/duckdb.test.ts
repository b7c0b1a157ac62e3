// Parquet files written by another program: DuckDB (the devDependency the
// benchmark uses) copies the CSV files to Parquet with every compression it
// offers, and the reader must give the table the CSV gives. DuckDB also reads
// the app's own export, definition included, and writes it back. Skipped,
// saying why, when DuckDB's native binding does not load.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDefinition } from '../../../src/core/definition/definition';
import { loadSurveyFileAsync, previewSurveyFileAsync } from '../../../src/core/pipeline';
import { mulberry32 } from '../../support/random';
import {
  DATA,
  DEMO_CSV,
  demoDefinition,
  expectSameTable,
  haveDatasets,
  loadCsv,
  loadParquet,
  toParquet,
} from './support';

type Connection = import('@duckdb/node-api').DuckDBConnection;

async function openDuck(): Promise<{ conn: Connection; close(): void } | string> {
  try {
    const api = await import('@duckdb/node-api');
    const instance = await api.DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    return {
      conn,
      close: () => {
        conn.closeSync();
        instance.closeSync();
      },
    };
  } catch (e) {
    return (e as Error).message.split('\n')[0] ?? String(e);
  }
}

const duck = await openDuck();
if (typeof duck === 'string') console.warn(`Skipping the DuckDB Parquet tests: ${duck}`);
const dir = mkdtempSync(join(tmpdir(), 'parquet-duckdb-'));
afterAll(() => {
  if (typeof duck !== 'string') duck.close();
  rmSync(dir, { recursive: true, force: true });
});

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The CSV copied to Parquet by DuckDB (read_csv's own type detection) with this compression. */
async function duckParquet(csv: string, codec: string): Promise<Uint8Array> {
  if (typeof duck === 'string') throw new Error(duck);
  const out = join(dir, `${codec}.parquet`);
  await duck.conn.run(
    `COPY (SELECT * FROM read_csv(${quote(csv)})) TO ${quote(out)} (FORMAT parquet, COMPRESSION ${codec})`,
  );
  return new Uint8Array(readFileSync(out));
}

const CODECS = ['snappy', 'zstd', 'gzip', 'brotli', 'lz4', 'uncompressed'];

describe.skipIf(typeof duck === 'string')('Parquet written by DuckDB', { timeout: 60_000 }, () => {
  it.each(CODECS)(
    'the demo, %s: the table its CSV gives, with the same definition',
    async (codec) => {
      const definition = demoDefinition();
      const csv = loadCsv(DEMO_CSV, { definition });
      const bytes = await duckParquet(DEMO_CSV, codec);
      const back = await loadParquet(bytes, { definition });
      expectSameTable(back.table, csv.table);
      expect(back.definition).toEqual(csv.definition);
    },
  );

  it.skipIf(!haveDatasets)(
    'hdv2003 (numbers as BIGINT and DOUBLE, blanks as NULL), zstd: what detection makes of the CSV',
    async () => {
      const path = `${DATA}questionr/questionr-hdv2003.csv`;
      const csv = loadCsv(path);
      const back = await loadParquet(await duckParquet(path, 'zstd'));
      expectSameTable(back.table, { ...csv.table, meta: back.table.meta });
      expect(back.schema.questions.map((q) => [q.id, q.kind])).toEqual(
        csv.schema.questions.map((q) => [q.id, q.kind]),
      );
    },
  );

  it('reads its types as the text a CSV would hold, and says which columns it leaves out', async () => {
    if (typeof duck === 'string') return;
    const out = join(dir, 'types.parquet');
    await duck.conn.run(`COPY (
      SELECT * FROM (VALUES
        (true, DATE '2024-05-01', TIMESTAMP '2024-05-01 12:30:00.123456', TIMESTAMPTZ '2024-05-01 12:30:00+00',
         TIME '12:30:05', 12.50::DECIMAL(10,2), 0.1::FLOAT, 3::TINYINT, 18446744073709551615::UBIGINT,
         'x', [1, 2], {'a': 1}, '5f0f0c47-6b0f-4f3a-9a56-0c3c3b0f3e11'::UUID, INTERVAL 1 DAY, 'abc'::BLOB),
        (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
      ) AS t(b, d, ts, tz, t, dec, f, ti, ub, s, l, st, u, iv, bl)
    ) TO ${quote(out)} (FORMAT parquet)`);
    const r = await previewSurveyFileAsync(new Uint8Array(readFileSync(out)), { file: out });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.rows).toEqual([
      ['b', 'd', 'ts', 'tz', 't', 'dec', 'f', 'ti', 'ub', 's', 'u', 'bl'],
      [
        'true',
        '2024-05-01',
        '2024-05-01T12:30:00.123456', // a local timestamp: no zone
        '2024-05-01T12:30:00Z', // an instant in UTC
        '12:30:05',
        '12.5',
        '0.1',
        '3',
        '18446744073709551615',
        'x',
        '5f0f0c47-6b0f-4f3a-9a56-0c3c3b0f3e11',
        'abc',
      ],
      ['', '', '', '', '', '', '', '', '', '', '', ''],
    ]);
    expect(r.value.detected.warnings).toEqual([
      'Columns "l", "st" were left out: lists, structs and maps have no single answer per respondent.',
      'Column "iv" was left out: interval, BSON, geometry and variant values are no survey answers.',
    ]);
  });

  it("reads the app's export, sees the definition in its metadata, and writes it back the same", async () => {
    if (typeof duck === 'string') return;
    const csv = loadCsv(DEMO_CSV, { definition: demoDefinition() });
    const ours = join(dir, 'ours.parquet');
    writeFileSync(ours, await toParquet(csv));
    const kv = await duck.conn.runAndReadAll(
      `SELECT decode(key), decode(value) FROM parquet_kv_metadata(${quote(ours)})`,
    );
    expect(kv.getRows()).toEqual([
      ['survey-workbench-definition', formatDefinition(csv.definition)],
    ]);
    const n = await duck.conn.runAndReadAll(
      `SELECT count(*), count(DISTINCT gender), sum(weight) FROM read_parquet(${quote(ours)})`,
    );
    const [count, genders, weight] = n.getRows()[0]!;
    expect([Number(count), Number(genders)]).toEqual([csv.table.rowCount, 2]);
    const weights = csv.table.columns.find((c) => c.id === 'weight');
    if (weights?.type !== 'numeric') throw new Error('no weight');
    expect(Number(weight)).toBeCloseTo(
      weights.values.reduce((a, b) => a + b, 0),
      6,
    );

    // Through the warehouse and back: DuckDB's copy (without our metadata) read with the definition.
    const again = join(dir, 'again.parquet');
    await duck.conn.run(
      `COPY (SELECT * FROM read_parquet(${quote(ours)})) TO ${quote(again)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    const back = await loadParquet(new Uint8Array(readFileSync(again)), {
      definition: csv.definition,
    });
    expectSameTable(back.table, csv.table);
  });

  it('a DuckDB file (version 1 pages, dictionaries, RLE levels) with changed bytes: refused or read, never stuck', async () => {
    for (const codec of ['snappy', 'zstd']) {
      const good = await duckParquet(DEMO_CSV, codec);
      const rand = mulberry32(codec === 'zstd' ? 7 : 3);
      for (let k = 0; k < 150; k++) {
        const b = good.slice();
        const flips = 1 + Math.floor(rand() * 6);
        for (let f = 0; f < flips; f++)
          b[4 + Math.floor(rand() * (b.length - 8))] = Math.floor(rand() * 256);
        const started = performance.now();
        const r = await loadSurveyFileAsync(b, { file: 'fuzz.parquet' });
        expect(performance.now() - started).toBeLessThan(5000);
        if (!r.ok) expect(r.error.message).not.toMatch(/undefined|NaN|\[object/);
      }
    }
  });
});
