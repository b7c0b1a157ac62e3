// A damaged Parquet file is refused with a message that says which bytes are
// wrong and what to do, and nothing ever throws or hangs: cut short, a broken
// footer, a broken page header, and a seeded fuzz of byte changes. Also what
// is not Parquet at all, and the limits (size, progress, cancel).
import { parquetMetadata } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import {
  loadSurveyFile,
  loadSurveyFileAsync,
  previewSurveyFileAsync,
} from '../../../src/core/pipeline';
import { isParquetFile } from '../../../src/core/parquet/index';
import { mulberry32 } from '../../support/random';
import { DEMO_CSV, demoDefinition, loadCsv, toParquet } from './support';

const good = await toParquet(loadCsv(DEMO_CSV, { definition: demoDefinition() }));
const meta = parquetMetadata(good.slice().buffer);
const footerFrom = good.length - 8 - meta.metadata_length;
const ADVICE = 'The file is damaged (cut short or altered) or was not written completely';

async function refusal(bytes: Uint8Array): Promise<{ code: string; message: string }> {
  const r = await loadSurveyFileAsync(bytes, { file: 'damaged.parquet' });
  if (r.ok) throw new Error('read a damaged file');
  return { code: r.error.code, message: r.error.message };
}

const changed = (f: (b: Uint8Array) => void): Uint8Array => {
  const b = good.slice();
  f(b);
  return b;
};

describe('a damaged Parquet file', () => {
  it('cut short: no "PAR1" at the end, at the byte where it ends', async () => {
    for (const length of [
      good.length - 1,
      good.length - 8,
      footerFrom + 5,
      good.length >> 1,
      100,
    ]) {
      const r = await refusal(good.slice(0, length));
      expect(r.code).toBe('parquet-damaged');
      expect(r.message).toContain(
        `Byte ${(length - 4).toLocaleString('en')}: the file starts like a Parquet file but does not end with "PAR1"`,
      );
      expect(r.message).toContain(ADVICE);
    }
    expect((await refusal(good.slice(0, 10))).message).toMatch(
      /^The file is 10 bytes long: too short/,
    );
  });

  it('a footer longer than the file, or one that does not parse: the footer bytes', async () => {
    const long = await refusal(
      changed((b) => new DataView(b.buffer).setUint32(b.length - 8, 0x7fffffff, true)),
    );
    expect(long.message).toMatch(/^Byte [\d,]+: the footer says it is 2,147,483,647 bytes long/);
    const garbled = await refusal(changed((b) => b.fill(0xff, footerFrom + 10, b.length - 28)));
    expect(garbled.code).toBe('parquet-damaged');
    expect(garbled.message).toContain(
      `Bytes ${footerFrom.toLocaleString('en')}–${good.length.toLocaleString('en')} (the footer) cannot be read: `,
    );
  });

  it("a broken page header: the header's byte, the column and the row group", async () => {
    const chunk = meta.row_groups[0]!.columns[2]!.meta_data!;
    const at = Number(chunk.dictionary_page_offset ?? chunk.data_page_offset);
    const r = await refusal(changed((b) => b.fill(0xff, at, at + 6)));
    expect(r.message).toMatch(
      new RegExp(
        `^Byte ${at.toLocaleString('en')} \\(column "age_group", row group 1\\): the page header cannot be read`,
      ),
    );
    // A header claiming more values than the row group has rows is refused before decoding.
    const preview = await previewSurveyFileAsync(
      changed((b) => b.fill(0xff, at, at + 6)),
      { file: 'damaged.parquet' },
    );
    expect(preview.ok ? 'read' : preview.error.code).toBe('parquet-damaged');
  });

  it(
    'never throws and never hangs: 300 seeded changes of bytes and lengths',
    { timeout: 60_000 },
    async () => {
      const rand = mulberry32(20261201);
      const codes = new Map<string, number>();
      for (let k = 0; k < 300; k++) {
        const b = good.slice(0, k % 10 === 0 ? 5 + Math.floor(rand() * good.length) : good.length);
        const flips = 1 + Math.floor(rand() * 8);
        for (let f = 0; f < flips; f++)
          b[4 + Math.floor(rand() * (b.length - 8))] = Math.floor(rand() * 256);
        const started = performance.now();
        const r = await loadSurveyFileAsync(b, { file: 'fuzz.parquet' });
        expect(performance.now() - started).toBeLessThan(5000);
        const code = r.ok ? 'read' : r.error.code;
        codes.set(code, (codes.get(code) ?? 0) + 1);
        if (!r.ok) {
          expect(r.error.message).not.toMatch(/undefined|NaN|\[object/);
          expect([
            'parquet-damaged',
            'import-binary',
            'import-not-csv',
            'parquet-definition',
            'import-no-rows',
            'file-too-large-for-memory',
          ]).toContain(r.error.code);
        }
      }
      // Most changes land in the data or the footer and are caught; some change only values.
      expect(codes.get('parquet-damaged') ?? 0).toBeGreaterThan(100);
    },
  );
});

describe('what is and is not Parquet', () => {
  it('recognises "PAR1" + a page header, or "PAR1" at both ends; a CSV whose header is PAR1 stays a CSV', async () => {
    expect(isParquetFile(good)).toBe(true);
    expect(isParquetFile(good.slice(0, 20))).toBe(true); // cut short: still Parquet, and refused as damaged
    const csv = new TextEncoder().encode('PAR1,PAR2\n1,2\n3,4\n');
    expect(isParquetFile(csv)).toBe(false);
    const r = await loadSurveyFileAsync(csv, { file: 'par.csv' });
    expect(r.ok && r.value.kind === 'respondents' && r.value.table.rowCount).toBe(2);
  });

  it('the synchronous door says to use the asynchronous one', () => {
    const r = loadSurveyFile(good, { file: 'x.parquet' });
    expect(r.ok ? 'read' : r.error.code).toBe('import-parquet-async');
  });
});

describe('limits, progress and cancel, as for a CSV', () => {
  it('refuses a file above maxBytes before reading it', async () => {
    const r = await loadSurveyFileAsync(good, { file: 'x.parquet', maxBytes: 1000 });
    expect(r.ok ? 'read' : r.error.code).toBe('import-too-large');
  });

  it('reports bytes and rows as it goes, ending with every byte and row', async () => {
    const seen: { bytes: number; rows: number }[] = [];
    const r = await loadSurveyFileAsync(good, {
      file: 'x.parquet',
      onProgress: (p) => {
        expect(p.totalBytes).toBe(good.length);
        seen.push({ bytes: p.bytes, rows: p.rows });
      },
    });
    if (!r.ok || r.value.kind !== 'respondents') throw new Error('not read');
    expect(seen.length).toBeGreaterThan(2);
    for (let i = 1; i < seen.length; i++)
      expect(seen[i]!.rows).toBeGreaterThanOrEqual(seen[i - 1]!.rows);
    expect(seen.at(-1)).toEqual({ bytes: good.length, rows: r.value.table.rowCount });
  });

  it('stops when asked, with nothing loaded', async () => {
    let calls = 0;
    const r = await loadSurveyFileAsync(good, {
      file: 'x.parquet',
      shouldCancel: () => ++calls > 2,
    });
    expect(r.ok ? 'read' : r.error.code).toBe('import-cancelled');
    expect(calls).toBe(3);
  });
});
