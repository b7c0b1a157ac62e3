// Schema inference and the user's overrides, on random column names, cells and
// override lists: a schema (or a SurveyError) always comes back, and it stays
// consistent: every source column read by exactly one question, ids unique.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inferSchema } from '../../../src/core/schema/infer';
import { applyOverrides } from '../../../src/core/schema/overrides';
import type { Schema, SchemaOverride } from '../../../src/core/schema/types';
import {
  cellText,
  expectNoPrototypePollution,
  expectWellFormedResult,
  PROTO_NAMES,
} from './arbitraries';

/** Column names: unique, as resolveHeader makes them; batteries (Q5_1, Q5_2) and prototype names likely. */
const names = fc.uniqueArray(
  fc.oneof(
    fc.constantFrom(
      ...PROTO_NAMES,
      'Q5_1',
      'Q5_2',
      'Q5_3',
      'Q7 [Tea]',
      'Q7 [Coffee]',
      'Which? - A',
      'Which? - B',
      'weight',
      'id',
      'Q5',
    ),
    cellText,
  ),
  { minLength: 1, maxLength: 8 },
);

const sampleCell = fc.oneof(
  fc.constantFrom('', 'NA', '1', '0', '2', '3.5', 'Yes', 'No', 'Oui', 'Non', 'Not selected'),
  fc.constantFrom('a;b', 'a;c', 'b|c', 'x, y', ...PROTO_NAMES),
  cellText,
);

const input = names.chain((ns) =>
  fc.record({
    names: fc.constant(ns),
    rows: fc.array(fc.array(sampleCell, { minLength: ns.length, maxLength: ns.length }), {
      maxLength: 25,
    }),
    decimalComma: fc.boolean(),
    missingTokens: fc.option(fc.array(fc.constantFrom('', 'NA', '-', '__proto__')), {
      nil: undefined,
    }),
  }),
);

/** Overrides naming the schema's own ids, the source column names, or nothing that exists. */
function overridesFor(schema: Schema): fc.Arbitrary<SchemaOverride[]> {
  const ids = fc.constantFrom(
    ...schema.questions.map((q) => q.id),
    ...schema.columnNames,
    ...PROTO_NAMES,
    'missing-id',
  );
  const override: fc.Arbitrary<SchemaOverride> = fc.oneof(
    fc.record({ type: fc.constant('rename' as const), id: ids, text: cellText }),
    fc.record(
      {
        type: fc.constant('kind' as const),
        id: ids,
        kind: fc.constantFrom('single', 'numeric', 'text', 'multi' as const),
        separator: fc.constantFrom(';', '|', ',' as const),
      },
      { requiredKeys: ['type', 'id', 'kind'] },
    ),
    fc.record(
      {
        type: fc.constant('group' as const),
        id: fc.oneof(ids, cellText),
        text: cellText,
        columns: fc.array(ids, { maxLength: 4 }),
      },
      { requiredKeys: ['type', 'id', 'columns'] },
    ),
    fc.record({ type: fc.constant('ungroup' as const), id: ids }),
    fc.record({
      type: fc.constant('missing' as const),
      tokens: fc.array(fc.constantFrom('', 'NA', '0', '__proto__')),
    }),
    fc.record({
      type: fc.constantFrom('weight', 'id' as const),
      id: fc.option(ids, { nil: null }),
    }),
  );
  return fc.array(override, { maxLength: 6 });
}

/** The invariants the table encoder and the crosstab engine rely on. */
function expectConsistent(schema: Schema): void {
  const width = schema.columnNames.length;
  const ids = schema.questions.map((q) => q.id);
  expect(new Set(ids).size, `duplicate ids: ${JSON.stringify(ids)}`).toBe(ids.length);
  // Grouping never hides a column: each column has exactly one question of its own;
  // batteries (multi-answer over columns) read their columns besides.
  const readBy = new Array<number>(width).fill(0);
  for (const q of schema.questions) {
    expect(q.sourceColumns.length).toBeGreaterThan(0);
    const battery = q.multi?.encoding === 'columns';
    for (const c of q.sourceColumns) {
      expect(Number.isInteger(c) && c >= 0 && c < width).toBe(true);
      if (!battery) readBy[c] = (readBy[c] ?? 0) + 1;
    }
    if (q.memberOf !== undefined)
      expect(schema.questions.find((b) => b.id === q.memberOf)?.multi?.encoding).toBe('columns');
    if (q.multi?.encoding === 'columns')
      expect(q.multi.options.length).toBe(q.sourceColumns.length);
    expect(typeof q.text).toBe('string');
    expect(q.reason.length).toBeGreaterThan(0);
  }
  expect(readBy, 'every column read by exactly one question of its own').toEqual(
    new Array<number>(width).fill(1),
  );
  for (const key of ['weightId', 'idColumnId'] as const) {
    const id = schema[key];
    if (id !== null) expect(ids).toContain(id);
  }
}

describe('schema inference', () => {
  it('gives a consistent schema for any names and cells', () => {
    fc.assert(
      fc.property(input, (i) => {
        expectConsistent(inferSchema({ ...i, headerLines: 1 }));
      }),
      { seed: 5101, numRuns: 300 },
    );
    expectNoPrototypePollution();
  });
});

describe('schema overrides', () => {
  it('give a Result, and an ok schema stays consistent, for any list of overrides', () => {
    const withOverrides = input.chain((i) => {
      const schema = inferSchema({ ...i, headerLines: 1 });
      return fc.tuple(fc.constant({ schema, rows: i.rows }), overridesFor(schema));
    });
    fc.assert(
      fc.property(withOverrides, ([{ schema, rows }, overrides]) => {
        const before = JSON.stringify(schema);
        const r = applyOverrides(schema, overrides, 'fuzz.csv', rows);
        expectWellFormedResult(r);
        if (r.ok) expectConsistent(r.value);
        expect(JSON.stringify(schema), 'the inferred schema is not changed in place').toBe(before);
      }),
      { seed: 5102, numRuns: 300 },
    );
    expectNoPrototypePollution();
  });
});

describe('overrides never make two questions with one id', () => {
  const rows = [
    ['1', '0', 'a'],
    ['0', '1', 'b'],
    ['1', '1', 'a'],
  ];
  const schema = inferSchema({ names: ['Q5_1', 'Q5_2', 'x'], headerLines: 1, rows });

  it('reads Q5_1 and Q5_2 as the multi-answer question Q5, beside their own questions (the starting point)', () => {
    expect(schema.questions.map((q) => q.id)).toEqual(['Q5', 'Q5_1', 'Q5_2', 'x']);
  });

  it.each<[string, SchemaOverride[], string]>([
    [
      'grouping under the id of another question',
      [{ type: 'group', id: 'Q5', columns: ['x'] }],
      'There is already a question "Q5". Give the grouped question another name.',
    ],
    [
      'grouping under the id of a battery member, which keeps its own question',
      [{ type: 'group', id: 'Q5_1', columns: ['x'] }],
      'There is already a question "Q5_1". Give the grouped question another name.',
    ],
  ])('refuses %s with schema-duplicate-id', (_what, overrides, message) => {
    const r = applyOverrides(schema, overrides, 'f.csv', rows);
    expect(r).toEqual({
      ok: false,
      error: { code: 'schema-duplicate-id', message, file: 'f.csv' },
    });
  });

  it('groups a column named twice in the list once', () => {
    const r = applyOverrides(
      schema,
      [
        { type: 'ungroup', id: 'Q5' },
        { type: 'group', id: 'Q5', columns: ['Q5_1', 'Q5_1', 'Q5_2'] },
      ],
      'f.csv',
      rows,
    );
    expect(r.ok && r.value.questions.find((q) => q.id === 'Q5')?.sourceColumns).toEqual([0, 1]);
  });
});
