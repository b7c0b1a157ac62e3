// The cell expressions against the engine's own functions, character by
// character: trimming (every Unicode code point), numbers (JavaScript's
// Number() on weights), "Not selected" labels (an ASCII-only /i regex) and
// the case folding of chosen values.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseNumber } from '../../../src/core/schema/profile';
import { isNotSelectedLabel } from '../../../src/core/schema/tokens';
import { batteryChosen, cellText, numberValue, trimmed } from '../../../src/core/sql/cells';
import { literal } from '../../../src/core/sql/quote';
import { openDuck, type Duck } from './duckdb';

const duck = await openDuck();
if (typeof duck === 'string') console.warn(`Skipping SQL cell expressions in DuckDB: ${duck}`);

/** Every code point but the surrogates (no UTF-8 form), as a table of i. */
const codePoints =
  'SELECT i FROM range(1, 55296) r(i) UNION ALL SELECT i FROM range(57344, 1114112) r(i)';

describe.skipIf(typeof duck === 'string')('cell expressions in DuckDB', () => {
  const db = duck as Duck;
  afterAll(() => db.close());

  it('trims exactly the code points String.prototype.trim trims (all of Unicode)', async () => {
    // Each character around a letter, through the regular expression, over all of Unicode.
    const c = 'chr(i::INTEGER)';
    const sql = `SELECT i FROM (${codePoints}) WHERE ${trimmed(`${c} || 'a' || ${c}`)} = 'a' ORDER BY i`;
    const duckTrims = (await db.rows(sql)).map((r) => r[0]);
    const jsTrims: number[] = [];
    for (let i = 1; i < 0x110000; i++) {
      if (i >= 0xd800 && i <= 0xdfff) continue;
      const ch = String.fromCodePoint(i);
      if (`${ch}a${ch}`.trim() === 'a') jsTrims.push(i);
    }
    expect(duckTrims).toEqual(jsTrims);
    expect(jsTrims.length).toBe(25);
  });

  it('trims a whole cell as String.prototype.trim does, its ASCII fast path included', async () => {
    // Every character of the Basic Multilingual Plane before, after and around a letter.
    const c = 'chr(i::INTEGER)';
    const same = (text: string) => `(${cellText(text)}) = 'a'`;
    const sql = `SELECT i, x, y, z FROM (
        SELECT i, ${same(`${c} || 'a' || ${c}`)} AS x, ${same(`'a' || ${c}`)} AS y, ${same(`${c} || 'a'`)} AS z
        FROM range(1, 55296) r(i)
        UNION ALL SELECT 65279, ${same("chr(65279) || 'a' || chr(65279)")}, ${same("'a' || chr(65279)")}, ${same("chr(65279) || 'a'")}
      ) WHERE x OR y OR z ORDER BY i`;
    const js: unknown[][] = [];
    for (const i of [...Array.from({ length: 55295 }, (_, k) => k + 1), 0xfeff]) {
      const ch = String.fromCodePoint(i);
      const row = [`${ch}a${ch}`, `a${ch}`, `${ch}a`].map((t) => t.trim() === 'a');
      if (row.some(Boolean)) js.push([i, ...row]);
    }
    expect(await db.rows(sql)).toEqual(js);
    expect(
      await db.rows(`SELECT ${cellText('NULL')}, ${cellText("''")}, ${cellText("' '")}`),
    ).toEqual([['', '', '']]);
  });

  const numberish = fc.oneof(
    fc.stringMatching(/^[-+]?[0-9]{0,4}[.,]?[0-9]{0,4}([eE][-+]?[0-9]{1,3})?$/),
    fc.stringMatching(/^0[xXbBoO][0-9a-fA-F]{0,6}$/),
    fc.constantFrom(
      'inf',
      'Infinity',
      '-Infinity',
      'NaN',
      'nan',
      '1_000',
      '1e400',
      '-0',
      '.',
      'e5',
      '1 2',
      '0x',
      '+0x10',
      '١٢',
    ),
  );

  it.each([false, true])('reads numbers as Number() does (decimal comma: %s)', async (comma) => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(numberish, { minLength: 1, maxLength: 40 }),
        async (texts) => {
          const values = texts.map((t) => `(${literal(t)})`).join(', ');
          const rows = await db.rows(
            `SELECT v, ${numberValue('v', ['NA'], comma)} FROM (VALUES ${values}) t(v)`,
          );
          for (const [v, n] of rows) {
            const text = v as string;
            const expected = text === 'NA' ? NaN : parseNumber(text, comma);
            // An overflowing literal (1e400) is infinite to DuckDB and NaN to the engine:
            // a weight either way left out (above 1e9), so the two are the same here.
            const got = n === null || !Number.isFinite(Number(n)) ? NaN : Number(n);
            expect(got, JSON.stringify(text)).toBe(expected);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads "Not selected" labels as the engine does (ASCII letters only ignore case)', async () => {
    const word = fc.oneof(
      fc.constantFrom(
        'not selected',
        'Not Selected',
        'NOT SELECTED',
        'not checked',
        'UNCHECKED',
        '0',
        '00',
        'unchecked ',
        'Not  selected',
        'uncheC\u212Aed',
        'not ſelected',
        'Friends',
      ),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(word, { minLength: 1, maxLength: 30 }), async (texts) => {
        const values = texts.map((t) => `(${literal(t)})`).join(', ');
        const rows = await db.rows(
          `SELECT v, ${batteryChosen('v', 'label', [], undefined)} FROM (VALUES ${values}) t(v)`,
        );
        for (const [v, chosen] of rows) {
          const text = v as string;
          expect(chosen, JSON.stringify(text)).toBe(text !== '' && !isNotSelectedLabel(text));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('folds case as toLowerCase does on Latin, Greek, Cyrillic and CJK, but for U+0130 (a limitation)', async () => {
    const ranges = [
      [1, 0x24f],
      [0x370, 0x4ff],
      [0x3000, 0x9fff],
    ];
    const differ: number[] = [];
    for (const [from, to] of ranges) {
      const rows = await db.rows(
        `SELECT i, lower(chr(i::INTEGER)) FROM range(${from}, ${to! + 1}) r(i)`,
      );
      for (const [i, lower] of rows)
        if (String.fromCodePoint(Number(i)).toLowerCase() !== lower) differ.push(Number(i));
    }
    expect(differ).toEqual([0x130]);
  });
});
