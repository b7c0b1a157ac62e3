// crosstabSql() without running it: the errors it gives (the engine's for the
// same mistakes, and its own for what SQL cannot say) and how it reads each
// kind of file. DuckDB runs every query in the other tests of this folder.
import { describe, expect, it } from 'vitest';
import type { CrosstabSpec } from '../../../src/core/crosstab/types';
import type { Schema, SchemaQuestion } from '../../../src/core/schema/types';
import { crosstabSql, type SqlSource } from '../../../src/core/sql/crosstab';
import { sqlColumnNames } from '../../../src/core/sql/source';
import { loadRespondents } from '../../support/pipeline';

const q = (over: Partial<SchemaQuestion> & Pick<SchemaQuestion, 'id'>): SchemaQuestion => ({
  text: over.id,
  kind: 'single',
  sourceColumns: [0],
  multi: null,
  grid: null,
  reason: '',
  ...over,
});

const schema = (over: Partial<Schema> = {}): Schema => ({
  columnNames: ['a', 'b', 'c', 'd', 'w'],
  headerLines: 1,
  questions: [
    q({ id: 'a', sourceColumns: [0] }),
    q({
      id: 'm',
      text: 'Apps used',
      kind: 'multi',
      sourceColumns: [1],
      multi: { encoding: 'delimited', separator: '|' },
    }),
    q({
      id: 'bat',
      kind: 'multi',
      sourceColumns: [2, 3],
      multi: { encoding: 'columns', style: 'binary', options: ['C', 'D'], chosen: ['Oui'] },
    }),
    q({ id: 'w', kind: 'numeric', sourceColumns: [4] }),
  ],
  missingTokens: ['', 'NA'],
  weightId: null,
  proposedWeightId: null,
  idColumnId: null,
  decimalComma: false,
  warnings: [],
  ...over,
});

const CSV: SqlSource = { kind: 'csv', path: 'survey.csv', delimiter: ',' };
const sql = (spec: CrosstabSpec, over: Partial<Schema> = {}, source: SqlSource = CSV) =>
  crosstabSql({ source, schema: schema(over), spec });
const text = (spec: CrosstabSpec, over: Partial<Schema> = {}, source: SqlSource = CSV) => {
  const r = sql(spec, over, source);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const code = (r: ReturnType<typeof sql>) => (r.ok ? 'ok' : r.error.code);

describe('crosstabSql errors', () => {
  it('gives the engine’s errors for unknown questions, non-categorical ones and weights', () => {
    expect(code(sql({ rows: { questionId: 'nope' }, cols: null }))).toBe(
      'crosstab-unknown-question',
    );
    expect(code(sql({ rows: { questionId: 'w' }, cols: null }))).toBe('crosstab-not-categorical');
    expect(code(sql({ rows: { questionId: 'a' }, cols: null, weightId: 'a' }))).toBe(
      'crosstab-unknown-weight',
    );
    expect(code(sql({ rows: { questionId: 'a' }, cols: null, weightId: 'gone' }))).toBe(
      'crosstab-unknown-weight',
    );
    expect(
      code(sql({ rows: { questionId: 'bat', nets: [{ label: 'x', options: [2] }] }, cols: null })),
    ).toBe('crosstab-bad-net');
  });

  it('names a question by id or by exact text, as the engine does', () => {
    expect(text({ rows: { questionId: 'Apps used' }, cols: null })).toContain(
      'string_split("b", \'|\')',
    );
  });

  it('needs the loaded table to name the options of questions whose answers come from the data', () => {
    const r = sql({ rows: { questionId: 'a', nets: [{ label: 'n', options: [0] }] }, cols: null });
    expect(code(r)).toBe('sql-needs-labels');
    expect(
      code(
        sql({ rows: { questionId: 'm' }, cols: null, filter: [{ questionId: 'm', options: [1] }] }),
      ),
    ).toBe('sql-needs-labels');
    // A battery's options are the schema's own: no table needed.
    expect(
      code(
        sql({
          rows: { questionId: 'a' },
          cols: null,
          filter: [{ questionId: 'bat', options: [1] }],
        }),
      ),
    ).toBe('ok');
  });

  it('names options from the table when given one', () => {
    const loaded = loadRespondents('a,b\nx,p\ny,q\n');
    const r = crosstabSql({
      source: CSV,
      schema: loaded.schema,
      table: loaded.table,
      spec: {
        rows: { questionId: 'a', nets: [{ label: 'X or Y', options: [0, 1] }] },
        cols: null,
        filter: [{ questionId: 'b', options: [1] }],
      },
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toContain("row_answer IN ('x', 'y') THEN 'X or Y'");
    expect(r.value).toContain("filter_1 IN ('q')");
  });

  it('refuses text no quoting can carry: a NUL, a lone surrogate', () => {
    expect(
      code(
        sql(
          { rows: { questionId: 'a' }, cols: null },
          { columnNames: ['a\0', 'b', 'c', 'd', 'w'] },
        ),
      ),
    ).toBe('sql-unwritable-text');
    expect(
      code(sql({ rows: { questionId: 'a' }, cols: null }, { missingTokens: ['\ud800'] })),
    ).toBe('sql-unwritable-text');
    expect(
      code(sql({ rows: { questionId: 'a' }, cols: null }, {}, { ...CSV, path: 'a\0b.csv' })),
    ).toBe('sql-unwritable-text');
    // A well-formed pair is fine.
    expect(code(sql({ rows: { questionId: 'a' }, cols: null }, { missingTokens: ['🙂'] }))).toBe(
      'ok',
    );
  });

  it('refuses UTF-16 BE, which DuckDB reads as no rows at all', () => {
    expect(
      code(sql({ rows: { questionId: 'a' }, cols: null }, {}, { ...CSV, encoding: 'utf-16be' })),
    ).toBe('sql-utf16be');
  });
});

describe('how the query reads the file', () => {
  const spec: CrosstabSpec = { rows: { questionId: 'a' }, cols: null };

  it('reads a CSV with sniffing off, every setting given, and the engine’s column names', () => {
    const t = text(spec);
    expect(t).toContain(
      "read_csv('survey.csv', auto_detect = false, header = true, skip = 0, delim = ',', quote = '\"', escape = '\"', encoding = 'utf-8', strict_mode = false, columns = {'a': 'VARCHAR', 'b': 'VARCHAR', 'c': 'VARCHAR', 'd': 'VARCHAR', 'w': 'VARCHAR'})",
    );
    expect(t).toContain('AS "a"');
    expect(t.trimEnd().endsWith(';')).toBe(true);
  });

  it('skips both lines of a two-line header, writes a tab as \\t, and names the encodings extension', () => {
    expect(text(spec, { headerLines: 2 })).toContain('skip = 1');
    expect(text(spec, {}, { ...CSV, delimiter: '\t' })).toContain("delim = '\\t'");
    const t = text(spec, {}, { ...CSV, encoding: 'windows-1252' });
    expect(t).toContain("encoding = 'windows-1252-2000'");
    expect(t.split('\n')[0]).toBe('-- Survey Workbench crosstab: rows "a", columns Total.');
    expect(t).toMatch(/^-- .*INSTALL encodings; LOAD encodings;/m);
    expect(text(spec, {}, { ...CSV, encoding: 'gb18030' })).toContain("encoding = 'gb18030'");
    expect(text(spec, {}, { ...CSV, encoding: 'utf-16le' })).toContain("encoding = 'utf-16'");
  });

  it('reads a Parquet file’s columns as text', () => {
    const t = text(spec, {}, { kind: 'parquet', path: 'part-*.parquet' });
    expect(t).toContain("FROM read_parquet('part-*.parquet')");
    expect(t).toContain('CAST("a" AS VARCHAR)');
  });

  it('renames headers DuckDB would take for one (case) and blank ones', () => {
    expect(sqlColumnNames(['Q1', 'q1', 'q1_2', '', 'Column 4'])).toEqual([
      'Q1',
      'q1_2',
      'q1_2_2',
      'Column 4',
      'Column 4_2',
    ]);
  });

  it('keeps every line of user text inside its comment', () => {
    const t = text(
      { rows: { questionId: 'a' }, cols: null },
      {
        questions: [q({ id: 'a', text: 'Evil\nDROP TABLE x; --\r\u2028' })],
      },
    );
    const comments = t.split('\n').filter((l) => l.includes('DROP TABLE'));
    expect(comments).toEqual([
      '-- Survey Workbench crosstab: rows "Evil DROP TABLE x; --  ", columns Total.',
    ]);
  });

  it('counts respondents unweighted, and sums usable weights when weighted', () => {
    expect(text(spec)).toContain('count(*) AS count');
    const w = text({ ...spec, weightId: 'w' });
    expect(w).toContain('sum(weight) AS count');
    expect(w).toContain('weight > 0');
    expect(w).toContain('weight <= 1e9');
    // The survey's decided weight is used when the view names none.
    expect(text(spec, { weightId: 'w' })).toContain('sum(weight) AS count');
    expect(text({ ...spec, weightId: null }, { weightId: 'w' })).toContain('count(*) AS count');
  });
});
