// Hostile content at the core level: markup and script URLs, names of
// Object.prototype's properties, formula cells, NUL bytes, a 1 MB cell and
// 100,000 columns. Everything comes through as plain data, verbatim, or as a
// specific SurveyError; nothing reaches Object.prototype.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crosstab } from '../../../src/core/crosstab/crosstab';
import { loadSurveyFile, previewSurveyFile } from '../../../src/core/pipeline';
import type { Loaded } from '../../../src/core/pipeline';
import { exportDistributionCsv } from '../../../src/core/published/export';
import type { Column, RespondentTable } from '../../../src/core/table/types';
import { expectNoPrototypePollution, expectWellFormedResult } from './arbitraries';
import {
  bigCell,
  bytesOf,
  FIXTURE_DIR,
  FIXTURES,
  FORMULA_ROWS,
  MARKUP_HEADERS,
  MARKUP_ROWS,
  NUL_TEXT,
  PROTO_HEADERS,
  PROTO_ROWS,
  wideText,
  XSS,
} from './hostile';

function respondents(text: string, file = 'hostile.csv'): Extract<Loaded, { kind: 'respondents' }> {
  const r = loadSurveyFile(bytesOf(text), { file });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  if (r.value.kind !== 'respondents') throw new Error(`read as ${r.value.kind}`);
  return r.value;
}

function column(table: RespondentTable, id: string): Column {
  const c = table.columns.find((x) => x.id === id);
  if (c === undefined) throw new Error(`no column ${id}`);
  return c;
}

/** Each respondent's answer to a single-answer or text column, as its label (null = missing). */
function answers(c: Column, n: number): (string | null)[] {
  if (c.type !== 'single' && c.type !== 'text') throw new Error(`${c.id} is ${c.type}`);
  return Array.from({ length: n }, (_, i) => {
    const code = c.codes[i] ?? 0;
    return code === 0 ? null : (c.labels[code - 1] ?? null);
  });
}

describe('the fixture files in tests/fixtures/hostile', () => {
  it.each(Object.keys(FIXTURES))('%s holds exactly the generated text, under 20 KB', (name) => {
    const onDisk = readFileSync(new URL(name, FIXTURE_DIR), 'utf8');
    expect(onDisk).toBe(FIXTURES[name]);
    expect(onDisk.length).toBeLessThan(20 * 1024);
  });
});

describe('markup in headers and answers', () => {
  const { table, schema } = respondents(FIXTURES['markup-headers.csv']!);

  it('keeps every header as a column id and text, verbatim', () => {
    expect(table.columns.map((c) => c.id)).toEqual([...MARKUP_HEADERS]);
    expect(table.columns.map((c) => c.text)).toEqual([...MARKUP_HEADERS]);
    expect(schema.columnNames).toEqual([...MARKUP_HEADERS]);
  });

  it('keeps every answer verbatim as a label, for every respondent', () => {
    expect(answers(column(table, XSS.script), 12)).toEqual(MARKUP_ROWS.map((r) => r[0]));
    expect(answers(column(table, XSS.img), 12)).toEqual(MARKUP_ROWS.map((r) => r[1]));
    expect(answers(column(table, XSS.svg), 12)).toEqual(MARKUP_ROWS.map((r) => r[3]));
  });

  it('gives a crosstab whose labels are the same strings', () => {
    const x = crosstab(table, {
      rows: { questionId: XSS.script },
      cols: { questionId: XSS.img },
      weightId: null,
    });
    if (!x.ok) throw new Error(x.error.message);
    expect(x.value.rows.labels).toEqual([XSS.script, XSS.img, 'Yes']);
    expect(x.value.cols.labels).toEqual([XSS.js, 'No']);
    expect(x.value.rows.question).toEqual({ id: XSS.script, text: XSS.script, type: 'single' });
    // 12 respondents cycling through 3 × 2 answers: each pair of labels 2 times.
    expect(x.value.counts).toEqual([
      [2, 2],
      [2, 2],
      [2, 2],
    ]);
  });
});

describe('names of Object.prototype properties as columns and labels', () => {
  const loaded = respondents(FIXTURES['prototype-names.csv']!);
  const { table } = loaded;

  it('keeps them as ordinary column ids and labels', () => {
    expect(table.columns.map((c) => c.id)).toEqual([...PROTO_HEADERS]);
    PROTO_HEADERS.forEach((h, k) => {
      expect(answers(column(table, h), 10)).toEqual(PROTO_ROWS.map((r) => r[k]));
    });
    expectNoPrototypePollution();
  });

  it('counts "__proto__" against "constructor" like any other pair of questions', () => {
    const x = crosstab(table, {
      rows: { questionId: '__proto__', nets: [{ label: '__proto__', options: [0, 1] }] },
      cols: { questionId: 'constructor' },
      filter: [{ questionId: 'toString', options: [0, 1] }],
    });
    if (!x.ok) throw new Error(x.error.message);
    expect(x.value.rows.labels).toEqual(['__proto__', 'constructor', '__proto__']);
    expect(x.value.cols.labels).toEqual(['prototype', 'toString', '__proto__']);
    // Rows i = 0..9: __proto__ when i is even; constructor column cycles prototype, toString, __proto__.
    expect(x.value.counts).toEqual([
      [2, 1, 2],
      [2, 2, 1],
      [4, 3, 3],
    ]);
    expect(x.value.total).toBe(10);
    expectNoPrototypePollution();
  });

  it('previews them the same way', () => {
    const r = previewSurveyFile(bytesOf(FIXTURES['prototype-names.csv']!), { file: 'p.csv' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.rows[0]).toEqual([...PROTO_HEADERS]);
    expect(r.value.schema?.questions.map((q) => q.id)).toEqual([...PROTO_HEADERS]);
  });

  it('can be serialised and read back as JSON (worker messages, IndexedDB) without losing a column', () => {
    const back = JSON.parse(JSON.stringify(loaded.schema)) as typeof loaded.schema;
    expect(back.questions.map((q) => q.id)).toEqual([...PROTO_HEADERS]);
    expectNoPrototypePollution();
  });
});

describe('a published-distribution file with a javascript: source_url and markup', () => {
  const r = loadSurveyFile(bytesOf(FIXTURES['distribution-javascript-url.csv']!), {
    file: 'd.csv',
  });
  if (!r.ok || r.value.kind !== 'distribution') throw new Error('expected a distribution');
  const survey = r.value.survey;

  it('keeps the source_url, title and source as text, verbatim (the UI links only http(s))', () => {
    expect(survey.meta).toMatchObject({
      title: XSS.script,
      source: XSS.img,
      sourceUrl: XSS.js,
    });
  });

  it('keeps prototype names as question ids and labels, markup as text', () => {
    expect(survey.questions.map((q) => [q.id, q.text])).toEqual([
      ['__proto__', XSS.script],
      ['constructor', 'toString'],
      ['hasOwnProperty', '=HYPERLINK("http://x","y")'],
    ]);
    expect(survey.questions.map((q) => q.series[0]?.options.map((o) => o.label))).toEqual([
      [XSS.img, '__proto__', 'constructor'],
      ['prototype', XSS.js],
      ['=1+1'],
    ]);
    expectNoPrototypePollution();
  });

  it('exports the same bytes it read, formula cells escaped again', () => {
    const exported = exportDistributionCsv(survey);
    expect(exported).toContain(`,"'=HYPERLINK(""http://x"",""y"")",'=1+1,100%`);
    const again = loadSurveyFile(bytesOf(exported), { file: 'again.csv' });
    expect(again.ok && again.value.kind === 'distribution' && again.value.survey).toEqual(survey);
  });
});

describe('formula cells in a respondent file', () => {
  it('are read as data: labels keep their leading = + - @', () => {
    const { table } = respondents(FIXTURES['formula-cells.csv']!);
    expect(table.columns.map((c) => c.id)).toEqual(['=1+1', '@SUM(A1)', 'id']);
    expect(answers(column(table, '=1+1'), 8)).toEqual(FORMULA_ROWS.slice(1).map((r) => r[0]));
  });
});

describe('NUL bytes', () => {
  // The preview reads only its sample of rows: a NUL after them is the import's to refuse.
  it.each<[string, Uint8Array, string, boolean]>([
    ['in the first 64 KB', bytesOf(NUL_TEXT), 'import-binary', true],
    [
      'after the first 64 KB',
      bytesOf(`a,b\n${'1,2\n'.repeat(30_000)}3,\0\n`),
      'import-binary',
      false,
    ],
    [
      'as a U+0000 character in a UTF-16 file',
      Uint8Array.from([0xff, 0xfe, ...[...'a,b\n1,\0\n'].flatMap((c) => [c.charCodeAt(0), 0])]),
      'import-binary',
      true,
    ],
  ])('%s are refused as a binary file', (_where, bytes, code, previewSees) => {
    const load = loadSurveyFile(bytes, { file: 'n.csv' });
    expectWellFormedResult(load);
    expect(load.ok ? null : load.error.code).toBe(code);
    const preview = previewSurveyFile(bytes, { file: 'n.csv' });
    expectWellFormedResult(preview);
    expect(preview.ok ? null : preview.error.code).toBe(previewSees ? code : null);
  });

  it('names the line of a late NUL byte', () => {
    const r = loadSurveyFile(bytesOf(`a,b\n${'1,2\n'.repeat(30_000)}3,\0\n`), { file: 'n.csv' });
    expect(r.ok ? null : [r.error.line, r.error.column]).toEqual([30_002, 2]);
  });
});

describe('a 1 MB cell', () => {
  const big = bigCell(1 << 20);
  const quoted = `"${big.replace(/"/g, '""')}"`;

  it('loads as one label of exactly the same 1,048,576 characters', () => {
    const { table } = respondents(`id,comment\n1,${quoted}\n2,short\n`);
    const c = column(table, 'comment');
    expect(answers(c, 2)).toEqual([big, 'short']);
    expect(big.length).toBe(1_048_576);
  });

  it('loads as a column name of exactly the same characters', () => {
    const { table } = respondents(`${quoted},b\n1,2\n`);
    expect(table.columns[0]?.id).toBe(big.trim());
  });

  it.each([
    ['"a  -  " repeated, then a line break', `${'a  -  '.repeat(175_000)}\n`],
    ['"a[" repeated', 'a['.repeat(524_288)],
    ['"x: " repeated, then a line break', `${'x: '.repeat(350_000)}\ny`],
  ])('as a header of the form %s loads within a few seconds', (_what, name) => {
    // Before splitName was linear, these names took hours (quadratic backtracking).
    const start = performance.now();
    const { table } = respondents(`"${name}",b\n1,2\n`);
    expect(performance.now() - start).toBeLessThan(3000);
    expect(table.columns[0]?.id).toBe(name.trim());
  });

  it('previews without error', () => {
    const r = previewSurveyFile(bytesOf(`id,comment\n1,${quoted}\n2,short\n`), { file: 'b.csv' });
    expect(r.ok && r.value.rows[1]?.[1]).toBe(big);
  });

  it('above the 16 MB limit is refused with csv-field-too-large, naming line and column', () => {
    const r = loadSurveyFile(bytesOf(`id,comment\n1,"${'x'.repeat(17 << 20)}"\n`), {
      file: 'b.csv',
    });
    expect(r.ok ? null : [r.error.code, r.error.line, r.error.column]).toEqual([
      'csv-field-too-large',
      2,
      2,
    ]);
  });
});

describe('100,000 columns', () => {
  it.each([
    ['loading', loadSurveyFile],
    ['previewing', previewSurveyFile],
  ])('%s answers within a few seconds with csv-too-many-columns at column 20,001', (_w, f) => {
    const bytes = bytesOf(wideText(100_000));
    const start = performance.now();
    const r = f(bytes, { file: 'wide.csv' });
    expect(performance.now() - start).toBeLessThan(5000);
    expectWellFormedResult(r);
    expect(r.ok ? null : [r.error.code, r.error.line, r.error.column]).toEqual([
      'csv-too-many-columns',
      1,
      20_001,
    ]);
  });

  it('just under the limit (19,999 columns) loads every column within a few seconds', () => {
    const start = performance.now();
    const { table } = respondents(wideText(19_999), 'wide.csv');
    expect(performance.now() - start).toBeLessThan(5000);
    expect(table.columns.length).toBe(19_999);
    expect(table.rowCount).toBe(2);
  });
});
