import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Delimiter } from '../../../src/core/csv/delimiter';
import { parseCsv } from '../../../src/core/csv/parse';
import { createTokenizer } from '../../../src/core/csv/tokenize';
import type { TokenizerOptions } from '../../../src/core/csv/tokenize';
import { errorText } from '../../../src/core/messages';
import type { SurveyError } from '../../../src/core/result';

interface Outcome {
  rows: string[][];
  lines: number[];
  error: SurveyError | null;
}

/** Tokenize `chunks` one push each; collect copied rows, their start lines and the first error. */
function run(
  chunks: string[],
  delimiter: Delimiter = ',',
  extra: Partial<Pick<TokenizerOptions, 'maxFieldBytes' | 'maxColumns'>> = {},
): Outcome {
  const rows: string[][] = [];
  const lines: number[] = [];
  const tok = createTokenizer({
    delimiter,
    file: 'test.csv',
    ...extra,
    onRow(cells, line) {
      rows.push(cells.slice());
      lines.push(line);
    },
  });
  for (const c of chunks) {
    const r = tok.push(c);
    if (!r.ok) return { rows, lines, error: r.error };
  }
  const r = tok.end();
  if (!r.ok) return { rows, lines, error: r.error };
  expect(r.value.rows).toBe(rows.length);
  return { rows, lines, error: null };
}

/** Dialect cases: input, expected rows (comma-delimited). */
const CASES: [string, string, string[][]][] = [
  [
    'two rows with LF and a final line break',
    'a,b\n1,2\n',
    [
      ['a', 'b'],
      ['1', '2'],
    ],
  ],
  [
    'rows without a final line break',
    'a,b\n1,2',
    [
      ['a', 'b'],
      ['1', '2'],
    ],
  ],
  [
    'CRLF line ends',
    'a,b\r\n1,2\r\n',
    [
      ['a', 'b'],
      ['1', '2'],
    ],
  ],
  [
    'lone CR line ends (classic Mac)',
    'a,b\r1,2\r',
    [
      ['a', 'b'],
      ['1', '2'],
    ],
  ],
  ['a blank line as a row of one empty field', 'a,b\n\n1,2\n', [['a', 'b'], [''], ['1', '2']]],
  [
    'empty fields everywhere',
    ',a,,b,\n,,\n',
    [
      ['', 'a', '', 'b', ''],
      ['', '', ''],
    ],
  ],
  ['a row ending with the delimiter at the end of the text', 'a,b,', [['a', 'b', '']]],
  ['whitespace kept around unquoted values', ' a , b\t,\tc ', [[' a ', ' b\t', '\tc ']]],
  [
    'quoted values holding delimiters',
    '"a,b",c\n"1,2,3",4',
    [
      ['a,b', 'c'],
      ['1,2,3', '4'],
    ],
  ],
  [
    'quoted values holding LF, CRLF and CR',
    '"x\ny","p\r\nq","r\rs"\n',
    [['x\ny', 'p\r\nq', 'r\rs']],
  ],
  ['doubled quotes as escapes', '"say ""hi""",""""\n', [['say "hi"', '"']]],
  ['escapes at both ends of a value', '"""quoted""",x', [['"quoted"', 'x']]],
  ['an empty quoted value', '"",""\n""', [['', ''], ['']]],
  ['a quote inside an unquoted value kept literally', 'a,B"C,D"\n', [['a', 'B"C', 'D"']]],
  [
    'a stray quote inside a quoted value kept literally',
    '"He said "hi" twice",2\n',
    [['He said "hi" twice', '2']],
  ],
  [
    'spaces between a closing quote and the delimiter dropped',
    '"a" ,"b"\t\n"c"  ',
    [['a', 'b'], ['c']],
  ],
  ['spaces before an opening quote keep the value unquoted', 'a, "b" ,c', [['a', ' "b" ', 'c']]],
  [
    'ragged rows keep their own field counts',
    'a,b,c\n1\n1,2,3,4,5\n',
    [['a', 'b', 'c'], ['1'], ['1', '2', '3', '4', '5']],
  ],
  ['a single column', 'only\nvalues\n', [['only'], ['values']]],
  [
    'a leading byte order mark dropped',
    '\uFEFFid,q1\n1,2',
    [
      ['id', 'q1'],
      ['1', '2'],
    ],
  ],
  [
    'non-ASCII text and emoji',
    'café,☕️ 😀\n"Zürich, CH",日本\n',
    [
      ['café', '☕️ 😀'],
      ['Zürich, CH', '日本'],
    ],
  ],
  ['a long value with many escapes', `"${'ab""'.repeat(40)}",z`, [['ab"'.repeat(40), 'z']]],
];

describe('createTokenizer dialect', () => {
  it.each(CASES)('reads %s', (_name, input, expected) => {
    expect(run([input]).rows).toEqual(expected);
  });

  it.each([
    [
      ';',
      'a;"b;c";d\n1,5;2;3\n',
      [
        ['a', 'b;c', 'd'],
        ['1,5', '2', '3'],
      ],
    ],
    [
      '\t',
      'a\t"b\tc"\td\n1,5\t2\t3\n',
      [
        ['a', 'b\tc', 'd'],
        ['1,5', '2', '3'],
      ],
    ],
    [
      '|',
      'a|"b|c"|d\n1,5|2|3\n',
      [
        ['a', 'b|c', 'd'],
        ['1,5', '2', '3'],
      ],
    ],
    [
      ',',
      'a,"b,c",d\n1;5,2,3\n',
      [
        ['a', 'b,c', 'd'],
        ['1;5', '2', '3'],
      ],
    ],
  ] as [Delimiter, string, string[][]][])(
    'splits on the %j delimiter and on nothing else',
    (delimiter, input, expected) => {
      expect(run([input], delimiter).rows).toEqual(expected);
    },
  );

  it('gives each row the physical line it starts on, counting breaks inside quotes', () => {
    const out = run(['h1,h2\n"a\nb",c\r\n"x\ry",z\nlast,1']);
    expect(out.rows).toHaveLength(4);
    expect(out.lines).toEqual([1, 2, 4, 6]);
  });

  it('reuses one cells array per row, so a consumer keeping rows must copy them', () => {
    const seen: string[][] = [];
    const tok = createTokenizer({
      delimiter: ',',
      file: 'f.csv',
      onRow: (cells) => void seen.push(cells),
    });
    tok.push('a,b\n1,2,3\n');
    tok.end();
    expect(seen[0]).toBe(seen[1]);
    expect(seen[1]).toEqual(['1', '2', '3']);
  });

  it('stops when onRow returns false and ignores later text', () => {
    const got: string[] = [];
    const tok = createTokenizer({
      delimiter: ',',
      file: 'f.csv',
      onRow(cells) {
        got.push(cells[0] ?? '');
        return got.length === 2 ? false : undefined;
      },
    });
    expect(tok.push('r1\nr2\nr3\n').ok).toBe(true);
    expect(tok.push('r4,"never closed').ok).toBe(true);
    expect(tok.end()).toEqual({ ok: true, value: { rows: 2 } });
    expect(got).toEqual(['r1', 'r2']);
  });
});

describe('createTokenizer errors', () => {
  it.each([
    [
      'an unclosed quote, at the line it opens',
      'a,b\n1,"open\n2,3\n',
      {},
      'csv-unclosed-quote',
      2,
      2,
      errorText['csv-unclosed-quote'](2),
    ],
    [
      'an unclosed quote after a multi-line value',
      'a,b\n"x\ny",1\n3,"never',
      {},
      'csv-unclosed-quote',
      4,
      2,
      errorText['csv-unclosed-quote'](4),
    ],
    [
      'a NUL byte (binary file)',
      'a,b\n1,2\n3,\0x',
      {},
      'import-binary',
      3,
      2,
      errorText['import-binary'],
    ],
    [
      'a NUL byte at the very start',
      '\0\0PK',
      {},
      'import-binary',
      1,
      1,
      errorText['import-binary'],
    ],
    [
      'a quoted value over maxFieldBytes',
      'a,b\n1,"0123456789AB"\n',
      { maxFieldBytes: 10 },
      'csv-field-too-large',
      2,
      2,
      errorText['csv-field-too-large'](10),
    ],
    [
      'an unquoted value over maxFieldBytes',
      'a,b\n1,2\nxxxxxxxxxxxx,3',
      { maxFieldBytes: 10 },
      'csv-field-too-large',
      3,
      1,
      errorText['csv-field-too-large'](10),
    ],
    [
      'more fields than maxColumns',
      'a,b,c\n1,2,3,4\n',
      { maxColumns: 3 },
      'csv-too-many-columns',
      2,
      4,
      errorText['csv-too-many-columns'](3),
    ],
    ['empty text', '', {}, 'import-empty', 1, 1, errorText['import-empty']],
    ['only line breaks', '\n\r\n\r', {}, 'import-empty', 1, 1, errorText['import-empty']],
  ] as const)(
    'reports %s with its line and column',
    (_name, input, extra, code, line, column, message) => {
      expect(run([input], ',', extra).error).toEqual({
        code,
        message,
        file: 'test.csv',
        line,
        column,
      });
    },
  );

  it('names the limit in megabytes or characters in the too-large message', () => {
    expect(errorText['csv-field-too-large'](16 * 1024 * 1024)).toContain('longer than 16 MB,');
    expect(errorText['csv-field-too-large'](1000)).toContain('longer than 1,000 characters,');
  });

  it('catches an unclosed quote that runs past maxFieldBytes before the end of the text', () => {
    const body = 'x'.repeat(100);
    const tok = createTokenizer({
      delimiter: ',',
      file: 'big.csv',
      maxFieldBytes: 250,
      onRow: () => {},
    });
    expect(tok.push('a,b\n1,"').ok).toBe(true);
    const results = [tok.push(body), tok.push(body), tok.push(body)];
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(tok.end()).toEqual(results[2]);
    expect(results[2]).toMatchObject({
      ok: false,
      error: { code: 'csv-field-too-large', line: 2, column: 2 },
    });
  });

  it('keeps failing with the same error after an error', () => {
    const tok = createTokenizer({ delimiter: ',', file: 'f.csv', onRow: () => {} });
    const first = tok.push('a\0');
    expect(first.ok).toBe(false);
    expect(tok.push('b,c\n')).toBe(first);
    expect(tok.end()).toBe(first);
  });
});

/** Every fixture (and its delimiter) whose outcome must not depend on where chunks are cut. */
const FUZZ: [string, Delimiter][] = [
  ...CASES.map(([, input]): [string, Delimiter] => [input, ',']),
  ['a,"b\r\nc",d\r\n"e""",f\r\n', ','],
  ['q,"x""\r\n""y"\r"z"  \r\n', ','],
  ['a,"b\n1,2\n', ','],
  ['a,b\n"x\ny",1\n3,"never', ','],
  ['x,"a "" b" ,"c"\t\r', ','],
  ['p,"q "r" s"  t",u\n', ','],
  ['\uFEFF"h"\r', ','],
  ['a\t"b\tc"\td\n"x" \t"y"\t\n', '\t'],
  ['a;"b;c";d\r\n1,5;"2"" x";3', ';'],
  ['a|"b|c"|d\r"e\r\nf"|\r', '|'],
];

describe('createTokenizer chunk boundaries', () => {
  it.each(FUZZ.map(([f, d]) => [JSON.stringify(f), f, d] as const))(
    'gives identical rows, lines and errors for %s split at every offset',
    (_n, text, delimiter) => {
      const whole = run([text], delimiter);
      for (let k = 0; k <= text.length; k++)
        expect(run([text.slice(0, k), text.slice(k)], delimiter), `split at ${k}`).toEqual(whole);
      expect(run([...text], delimiter), 'one character per chunk').toEqual(whole);
    },
  );

  it('reads tab-delimited values whose closing quote is followed by a space and the tab', () => {
    expect(run(['a\t"b\tc"\td\n"x" \t"y"\t\n'], '\t').rows).toEqual([
      ['a', 'b\tc', 'd'],
      ['x', 'y', ''],
    ]);
  });

  it('reads a 100,000-character quoted value with escapes pushed in 997-character chunks', () => {
    const value = 'ab"\r\n'.repeat(20_000);
    const text = `id,long\n1,"${value.replaceAll('"', '""')}"\n2,x\n`;
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += 997) chunks.push(text.slice(i, i + 997));
    const out = run(chunks);
    expect(out.error).toBeNull();
    expect(out.rows[1]?.[1]).toBe(value);
    expect(out.lines).toEqual([1, 2, 20_003]); // the value spans lines 2 to 20,002
  });

  it('round-trips random tables written with RFC 4180 quoting, in random chunks (seeded)', () => {
    const cell = fc.stringMatching(/^[a-z ",;\r\n\t|é]{0,6}$/);
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), {
      minLength: 1,
      maxLength: 6,
    });
    const quote = (s: string): string =>
      /[",\r\n]/.test(s) || s === '' ? `"${s.replaceAll('"', '""')}"` : s;
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (rows, cuts, crlf) => {
        fc.pre(rows.some((r) => r.some((c) => c !== ''))); // all-empty text is the csv-empty error
        const text = rows.map((r) => r.map(quote).join(',')).join(crlf ? '\r\n' : '\n');
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
        const chunks = [0, ...at].map((from, i) => text.slice(from, at[i] ?? text.length));
        const out = run(chunks);
        expect(out.error).toBeNull();
        expect(out.rows).toEqual(rows);
      }),
      { seed: 20240607, numRuns: 400 },
    );
  });
});

describe('parseCsv', () => {
  it('detects the delimiter when none is given and returns copied rows', () => {
    const r = parseCsv('name;score\nAnna;3,5\nBen;4\n', { file: 'f.csv' });
    expect(r).toEqual({
      ok: true,
      value: {
        delimiter: ';',
        rows: [
          ['name', 'score'],
          ['Anna', '3,5'],
          ['Ben', '4'],
        ],
      },
    });
  });

  it('uses the delimiter it is given', () => {
    const r = parseCsv('a;b,c\n1;2,3', { file: 'f.csv', delimiter: ';' });
    expect(r.ok && r.value.rows).toEqual([
      ['a', 'b,c'],
      ['1', '2,3'],
    ]);
  });

  it('returns the tokenizer error with file, line and column', () => {
    expect(parseCsv('a,b\n"x', { file: 'broken.csv' })).toEqual({
      ok: false,
      error: {
        code: 'csv-unclosed-quote',
        message: errorText['csv-unclosed-quote'](2),
        file: 'broken.csv',
        line: 2,
        column: 1,
      },
    });
  });
});
