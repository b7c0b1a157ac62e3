// Whatever bytes arrive, the import pipeline answers with a Result: a loaded
// table or survey, or a SurveyError with a code and words. It never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSurveyFile, previewSurveyFile } from '../../../src/core/pipeline';
import type { LoadOptions } from '../../../src/core/pipeline';
import type { Column } from '../../../src/core/table/types';
import {
  csvLikeText,
  encodeAs,
  expectNoPrototypePollution,
  expectWellFormedResult,
  PROTO_NAMES,
  wellFormedGrid,
} from './arbitraries';

/** Options as the import preview may set them: detected or forced, small samples. */
const options: fc.Arbitrary<Partial<LoadOptions>> = fc.record(
  {
    encoding: fc.constantFrom('utf-8', 'utf-16le', 'windows-1252', 'gb18030' as const),
    delimiter: fc.constantFrom(',', ';', '\t', '|' as const),
    shape: fc.constantFrom('respondents', 'distribution', 'banner' as const),
    sampleRows: fc.integer({ min: 1, max: 5 }),
    missingTokens: fc.array(fc.constantFrom('', 'NA', '-', '__proto__', '99'), { maxLength: 3 }),
    weightId: fc.constantFrom(null, 'weight', '__proto__', 'nope'),
    idColumnId: fc.constantFrom(null, 'id', 'constructor'),
  },
  { requiredKeys: [] },
);

const encodings = fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le-bom' as const);

function runBoth(bytes: Uint8Array, opts: Partial<LoadOptions>): void {
  const all = { file: 'fuzz.csv', ...opts };
  expectWellFormedResult(loadSurveyFile(bytes, all));
  expectWellFormedResult(previewSurveyFile(bytes, all));
}

describe('the import pipeline never throws', () => {
  it('answers random bytes with a Result', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), options, (bytes, opts) => {
        runBoth(bytes, opts);
      }),
      { seed: 4101, numRuns: 300 },
    );
  });

  it('answers CSV-like text (quotes, delimiters, CR/LF, NUL, BOMs, CJK, long cells) with a Result', () => {
    fc.assert(
      fc.property(csvLikeText, encodings, options, ({ text }, how, opts) => {
        runBoth(encodeAs(text, how), opts);
      }),
      { seed: 4102, numRuns: 300 },
    );
    expectNoPrototypePollution();
  });

  it('answers the same text with detected settings with a Result', () => {
    fc.assert(
      fc.property(csvLikeText, encodings, ({ text }, how) => {
        runBoth(encodeAs(text, how), {});
      }),
      { seed: 4103, numRuns: 300 },
    );
  });

  it('answers many columns, up to the column limit and past it, with a Result', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 1, max: 3000 }), fc.constantFrom(20_000, 20_001, 60_000)),
        fc.constantFrom(...PROTO_NAMES, 'q'),
        (width, name) => {
          const header = Array.from({ length: width }, (_, i) => `${name}${i}`).join(',');
          const row = Array.from({ length: width }, (_, i) => String(i % 3)).join(',');
          runBoth(new TextEncoder().encode(`${header}\n${row}\n${row}\n`), {});
        },
      ),
      { seed: 4104, numRuns: 10 },
    );
  });
});

/** The text as it reads back from UTF-8 (a lone surrogate becomes U+FFFD). */
const asUtf8 = (s: string): string => new TextDecoder().decode(new TextEncoder().encode(s));

/** The labels a categorical column holds, or its numbers. */
function valuesOf(c: Column): unknown[] {
  return c.type === 'numeric' ? [...c.values] : c.labels;
}

describe('well-formed grids with hostile names load as data', () => {
  it('either load or fail with a reason, and every column id and label is text from the file', () => {
    fc.assert(
      fc.property(wellFormedGrid, ({ header, rows, text }) => {
        const bytes = new TextEncoder().encode(text);
        const r = loadSurveyFile(bytes, { file: 'grid.csv', shape: 'respondents' });
        expectWellFormedResult(r);
        if (!r.ok || r.value.kind !== 'respondents') return;
        const { table, schema } = r.value;
        // Labels are cells as the schema reads them: trimmed.
        const cells = new Set(rows.flat().map((c) => asUtf8(c).trim()));
        const names = new Set(schema.columnNames);
        for (const col of table.columns) {
          expect(typeof col.id).toBe('string');
          expect(typeof col.text).toBe('string');
          if (col.type === 'single' || col.type === 'text')
            for (const label of col.labels)
              expect(cells.has(label), JSON.stringify({ label, text })).toBe(true);
          expect(Array.isArray(valuesOf(col)) || ArrayBuffer.isView(valuesOf(col))).toBe(true);
        }
        // Every id names a column of the file, a battery stem, or a made-up "Column n".
        expect(schema.columnNames.length).toBe(header.length);
        expect(names.size).toBe(header.length);
        expect(table.rowCount).toBeGreaterThan(0);
        expect(table.rowCount).toBeLessThanOrEqual(rows.length);
      }),
      { seed: 4105, numRuns: 200 },
    );
    expectNoPrototypePollution();
  });

  it('keep column ids unique', () => {
    fc.assert(
      fc.property(wellFormedGrid, ({ text }) => {
        const r = loadSurveyFile(new TextEncoder().encode(text), {
          file: 'grid.csv',
          shape: 'respondents',
        });
        if (!r.ok || r.value.kind !== 'respondents') return;
        const ids = r.value.table.columns.map((c) => c.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { seed: 4106, numRuns: 200 },
    );
  });
});

describe('Unicode spaces', () => {
  // The schema and the encoder both trim every Unicode space: an ideographic space
  // U+3000, common in Chinese and Japanese exports, must not make a second "男".
  it('reads "\u3000男" as the option "男" and a lone "\u3000" as missing', () => {
    const text = 'id,gender\n1,男\n2,\u3000男\n3,女\n4,\u3000\n5,男\n';
    const r = loadSurveyFile(new TextEncoder().encode(text), { file: 'cjk.csv' });
    if (!r.ok || r.value.kind !== 'respondents') throw new Error('expected respondents');
    const gender = r.value.table.columns.find((c) => c.id === 'gender');
    expect(gender?.type === 'single' ? gender.labels : null).toEqual(['男', '女']);
  });
});

/** What a loaded table says, in plain values, to compare two loads. */
function summary(r: ReturnType<typeof loadSurveyFile>): unknown {
  if (!r.ok) return { code: r.error.code, line: r.error.line, column: r.error.column };
  if (r.value.kind !== 'respondents') return r.value.survey;
  const { table, schema } = r.value;
  return {
    schema,
    rowCount: table.rowCount,
    columns: table.columns.map((c) => ({ ...c })),
  };
}

/** The grid written with a delimiter, line end and encoding. */
function write(
  grid: readonly (readonly string[])[],
  delimiter: string,
  lineEnd: string,
  how: 'utf-8' | 'utf-8-bom' | 'utf-16le-bom',
): Uint8Array {
  const q = (c: string) => (/["\r\n,;\t|]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return encodeAs(grid.map((r) => r.map(q).join(delimiter)).join(lineEnd) + lineEnd, how);
}

describe('the same grid written differently loads the same', () => {
  // NUL is refused in either case, but as import-binary or csv-binary depending on the encoding.
  const grid = wellFormedGrid
    .map(({ header, rows }) => [header, ...rows].map((r) => r.map(asUtf8)))
    .filter((g) => !g.some((r) => r.some((c) => c.includes('\0'))));

  // A small sample makes the rows after it go through the streaming encoders.
  it('in UTF-8, UTF-8 with a BOM or UTF-16 with a BOM; with LF, CRLF or CR; with any delimiter; with any sample size', () => {
    fc.assert(
      fc.property(
        grid,
        fc.constantFrom(';', '\t', '|' as const),
        fc.constantFrom('\r\n', '\r'),
        fc.constantFrom('utf-8-bom', 'utf-16le-bom' as const),
        fc.constantFrom(1, 2, 5, 1000),
        (g, delimiter, lineEnd, how, sampleRows) => {
          const opts = { file: 'same.csv', shape: 'respondents' as const, sampleRows };
          const plain = loadSurveyFile(write(g, ',', '\n', 'utf-8'), { ...opts, delimiter: ',' });
          const other = loadSurveyFile(write(g, delimiter, lineEnd, how), { ...opts, delimiter });
          expect(summary(other)).toEqual(summary(plain));
        },
      ),
      { seed: 4107, numRuns: 150 },
    );
  });

  it('previews with the schema that loading uses', () => {
    fc.assert(
      fc.property(grid, (g) => {
        const bytes = write(g, ',', '\n', 'utf-8');
        const loaded = loadSurveyFile(bytes, { file: 'p.csv' });
        const preview = previewSurveyFile(bytes, { file: 'p.csv' });
        if (!loaded.ok || loaded.value.kind !== 'respondents') return;
        if (!preview.ok) throw new Error(`preview failed: ${preview.error.message}`);
        expect(preview.value.schema).toEqual(loaded.value.schema);
        expect(preview.value.detected).toEqual(loaded.value.detected);
      }),
      { seed: 4108, numRuns: 150 },
    );
  });
});

describe('rows after the schema sample', () => {
  it.each([
    [',', 'a,b\n1,2\n1,2\n1,2\nx,y\n'],
    [';', 'a;b\n1;2\n1;2\n1;2\nx;y\n'],
    ['\t', 'a\tb\n1\t2\n1\t2\n1\t2\nx\ty\n'],
    ['|', 'a|b\n1|2\n1|2\n1|2\nx|y\n'],
  ] as const)(
    'load every row with the delimiter %j when the sample is one row',
    (delimiter, text) => {
      const bytes = new TextEncoder().encode(text);
      const r = loadSurveyFile(bytes, { file: 'd.csv', delimiter, sampleRows: 1 });
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      expect(r.value.kind === 'respondents' && r.value.table.rowCount).toBe(4);
      const labels = r.value.kind === 'respondents' ? r.value.table.columns.map(valuesOf) : [];
      expect(labels).toEqual([
        ['1', 'x'],
        ['2', 'y'],
      ]);
    },
  );
});
