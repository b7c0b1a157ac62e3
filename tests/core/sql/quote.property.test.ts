// Names and values are arbitrary text from files, so the query must quote
// them, never splice them: hostile column names (quotes of both kinds, `--`,
// `/*`, `;`, line breaks, braces, backslashes, names that differ only in
// case), hostile answers, missing tokens, chosen values, net labels and a
// hostile file name. Whatever they hold, DuckDB must parse one statement and
// count what the engine counts, over the CSV and over a Parquet copy.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { crosstab } from '../../../src/core/crosstab/crosstab';
import type { CrosstabSpec } from '../../../src/core/crosstab/types';
import type { Schema } from '../../../src/core/schema/types';
import { crosstabSql } from '../../../src/core/sql/crosstab';
import { commentText, ident, literal } from '../../../src/core/sql/quote';
import { sourceClause } from '../../../src/core/sql/source';
import { createTableBuilder } from '../../../src/core/table/encode';
import { expectSameCounts, openDuck, type Duck } from './duckdb';

const duck = await openDuck();
if (typeof duck === 'string') console.warn(`Skipping hostile names in DuckDB: ${duck}`);

const FRAGMENTS = [
  '"',
  "'",
  '""',
  "''",
  '--',
  '/*',
  '*/',
  ';',
  '\n',
  '\r\n',
  '\u2028',
  ')',
  '}',
  '{',
  ']',
  ',',
  ':',
  '\\',
  '\\"',
  "\\'",
  '$$',
  '%',
  ' ',
  '\u00a0',
  'DROP TABLE x',
  "'); SELECT 1; --",
  '" FROM x; --',
  'ÉTÉ',
  'été',
  '中文',
  '🙂',
  '\u202e',
  'q',
  'Q',
];

/** Text made of hostile fragments and arbitrary (well-formed, NUL-free) characters. */
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom(...FRAGMENTS),
      fc.string({ unit: 'grapheme', maxLength: 4 }).filter((s) => !s.includes('\0')),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((parts) => parts.join(''));

/** An answer: hostile, with something left after trimming (a blank cell is no answer). */
const answer = hostile.filter((s) => s.trim() !== '' && !s.includes(';'));

/**
 * A battery's chosen value is compared ignoring case: JavaScript's
 * toLowerCase in the engine, DuckDB's lower() in the query. They agree on
 * Latin, Greek, Cyrillic and CJK but for U+0130 (see cells.test.ts); the
 * README lists this limitation.
 */
const chosenValue = answer.filter((s) =>
  Array.from(s).every((c) => {
    const n = c.codePointAt(0)!;
    return (
      (n <= 0x24f && n !== 0x130) || (n >= 0x370 && n <= 0x4ff) || (n >= 0x3000 && n <= 0x9fff)
    );
  }),
);

const scenario = fc.record({
  names: fc.uniqueArray(hostile, { minLength: 7, maxLength: 7 }),
  answers: fc.uniqueArray(answer, { minLength: 2, maxLength: 4 }),
  options: fc.uniqueArray(answer, { minLength: 2, maxLength: 3 }),
  missing: fc.uniqueArray(hostile, { maxLength: 2 }),
  chosen: chosenValue,
  net: hostile,
  // No path separator, and no glob character: DuckDB expands *, ? and [ in paths (README).
  file: hostile.map((s) => Array.from(s, (c) => ('/\\*?[]\0'.includes(c) ? '_' : c)).join('')),
  seed: fc.integer({ min: 1, max: 1e6 }),
});

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

const csvCell = (v: string): string => `"${v.replaceAll('"', '""')}"`;

describe.skipIf(typeof duck === 'string')('crosstabSql with hostile names and values', () => {
  const db = duck as Duck;
  const dir = mkdtempSync(join(tmpdir(), 'survey-sql-hostile-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    db.close();
  });

  it(
    'parses as one statement and counts what the engine counts',
    { timeout: 120_000 },
    async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(scenario, async (s) => {
          run++;
          // A net named like an answer would be two rows of one name (a limitation of the three columns).
          fc.pre(![...s.answers, ...s.missing, ''].some((a) => a.trim() === s.net.trim()));
          const [single, multi, b1, b2, b3, weight, other] = s.names as [string, ...string[]];
          const schema: Schema = {
            columnNames: s.names,
            headerLines: 1,
            questions: [
              {
                id: single,
                text: other!,
                kind: 'single',
                sourceColumns: [0],
                grid: null,
                reason: '',
                multi: null,
              },
              {
                id: multi!,
                text: multi!,
                kind: 'multi',
                sourceColumns: [1],
                grid: null,
                reason: '',
                multi: { encoding: 'delimited', separator: ';' },
              },
              {
                id: `${b1!} battery`,
                text: b2!,
                kind: 'multi',
                sourceColumns: [2, 3, 4],
                grid: null,
                reason: '',
                multi: {
                  encoding: 'columns',
                  style: 'binary',
                  options: s.options.concat(b3!).slice(0, 3),
                  chosen: [s.chosen],
                },
              },
              {
                id: weight!,
                text: weight!,
                kind: 'numeric',
                sourceColumns: [5],
                grid: null,
                reason: '',
                multi: null,
              },
            ],
            missingTokens: s.missing,
            weightId: weight!,
            proposedWeightId: null,
            idColumnId: null,
            decimalComma: false,
            warnings: [],
          };
          const random = rng(s.seed);
          const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
          const rows = Array.from({ length: 40 }, () => [
            random() < 0.1
              ? pick(['', ...s.missing])
              : `${pick(['', ' ', '\u3000'])}${pick(s.answers)}`,
            s.options.filter(() => random() < 0.5).join(random() < 0.5 ? ';' : ' ; '),
            ...[0, 1, 2].map(() =>
              pick([s.chosen, s.chosen.toUpperCase(), 'no', '', ...s.missing]),
            ),
            pick(['1', '2.5', '0', '', 'x', ...s.missing]),
            pick(s.answers),
          ]);
          const builder = createTableBuilder(schema, { title: 't', notice: null, source: null });
          for (const r of rows) builder.push(r);
          const { table } = builder.finish();

          const path = join(dir, `${run} ${s.file}.csv`);
          writeFileSync(path, [s.names, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n'));
          const battery = schema.questions[2]!.multi as { options: string[] };
          const specs: CrosstabSpec[] = [
            {
              rows: { questionId: other!, nets: [{ label: s.net, options: [0, 1] }] },
              cols: { questionId: multi! },
              filter: [{ questionId: `${b1!} battery`, options: [0, 2] }],
            },
            {
              // The battery on an axis, with a net by column (its labels may repeat: nets go by column).
              rows: { questionId: `${b1!} battery`, nets: [{ label: s.net, options: [1, 2] }] },
              cols: { questionId: other! },
              filter: [{ questionId: multi!, options: [0] }],
              weightId: null,
            },
          ].filter((_, k) => k === 0 || new Set([...battery.options, s.net]).size === 4);
          const from = sourceClause({ kind: 'csv', path, delimiter: ',' }, schema);
          if (!from.ok) throw new Error(from.error.message);
          const parquet = `${path}.parquet`;
          await db.rows(
            `COPY (SELECT * FROM ${from.value.from}) TO ${literal(parquet)} (FORMAT parquet)`,
          );
          for (const spec of specs) {
            const x = crosstab(table, spec);
            if (!x.ok) throw new Error(x.error.message);
            for (const source of [
              { kind: 'csv', path, delimiter: ',' } as const,
              { kind: 'parquet', path: parquet } as const,
            ]) {
              const sql = crosstabSql({ source, schema, spec, table });
              if (!sql.ok) throw new Error(sql.error.message);
              expect(await db.statements(sql.value)).toBe(1);
              expectSameCounts(x.value, await db.rows(sql.value), source.kind);
            }
          }
        }),
        { numRuns: 30 },
      );
    },
  );

  it('quotes an identifier (never empty: SQL has none) and a value into exactly the text given', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostile.filter((n) => n !== ''),
        hostile,
        async (name, value) => {
          const rows = await db.rows(`SELECT ${literal(value)} AS ${ident(name)}`);
          expect(rows).toEqual([[value]]);
          const named = await db.rows(`SELECT ${ident(name)} FROM (SELECT 1 AS ${ident(name)})`);
          expect(named).toEqual([[1]]);
          // A comment holds any text without ending early.
          expect(await db.rows(`-- ${commentText(value)}\nSELECT 2`)).toEqual([[2]]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
