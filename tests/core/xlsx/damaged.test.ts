// Damaged and hostile workbooks: each is refused with a message that names
// the part (and the row or cell, where there is one), says what is wrong and
// what to do; a zip bomb stops at its budget, long before it is inflated; and
// every fixture cut short anywhere, or with bits flipped anywhere, answers
// with a Result (a survey or a SurveyError), never an exception or a hang.
import fc from 'fast-check';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadSurveyFileAsync, previewSurveyFileAsync } from '../../../src/core/pipeline';
import type { Result } from '../../../src/core/result';
import { cell, handWorkbook, row } from '../../../scripts/make-xlsx-fixtures';
import { expectWellFormedResult } from '../property/arbitraries';
import { centralRecord, edited, fixture, load, parts } from './helpers';

const features = fixture('features.xlsx');
const SHEET = 'xl/worksheets/sheet1.xml';

/** A one-sheet workbook of these rows, inline strings and no styles. */
const book = (rows: string, extra: Partial<Parameters<typeof handWorkbook>[0]> = {}) =>
  handWorkbook({ strings: null, sheets: [{ name: 'Data', rows }], ...extra });

async function refusal(
  bytes: Uint8Array,
  opts = {},
): Promise<{ code: string; message: string; line?: number }> {
  const r = await load(bytes, opts);
  if (r.ok) throw new Error('read, though it should have been refused');
  const { code, message, line } = r.error;
  return line === undefined ? { code, message } : { code, message, line };
}

const DAMAGED =
  'The workbook is damaged (cut short or altered): copy or download it again, or open it in Excel and save it again.';

describe('a damaged ZIP container', () => {
  it('cut short: its directory is missing', async () => {
    expect(await refusal(features.slice(0, 3000))).toEqual({
      code: 'xlsx-no-zip-directory',
      message: `The file starts like an .xlsx workbook (a ZIP archive) but its last 3,000 bytes hold no ZIP directory, so it was cut short. ${DAMAGED}`,
    });
  });

  it('a stored (uncompressed) part with a changed byte fails its checksum', async () => {
    const p = parts(features);
    const stored = zipSync(
      Object.fromEntries(Object.entries(p).map(([k, v]) => [k, [strToU8(v), { level: 0 }]])),
    ) as Uint8Array;
    // "first note" becomes "first nose": still well-formed XML, but not what was written.
    const at = Buffer.from(stored).indexOf('first note') + 9;
    const altered = stored.slice();
    altered[at] = 's'.charCodeAt(0);
    expect((await load(stored)).ok).toBe(true);
    expect(await refusal(altered)).toEqual({
      code: 'xlsx-part-damaged',
      message: `The part ${SHEET} cannot be read: its checksum does not match its contents. ${DAMAGED}`,
    });
  });

  it('an encrypted part, or one compressed another way than deflate, is named', async () => {
    const encrypted = features.slice();
    encrypted[centralRecord(encrypted, SHEET) + 8]! |= 1;
    expect((await refusal(encrypted)).message).toBe(
      `The part ${SHEET} cannot be read: it is encrypted. ${DAMAGED}`,
    );
    const bzip2 = features.slice();
    bzip2[centralRecord(bzip2, SHEET) + 10] = 12;
    expect((await refusal(bzip2)).message).toBe(
      `The part ${SHEET} cannot be read: it is compressed with ZIP method 12, not the deflate method workbooks use. ${DAMAGED}`,
    );
  });
});

describe('a zip bomb', () => {
  // 16 MB of spaces between two rows compress to about 16 KB (1000:1).
  const bomb = book(
    row(1, [cell('A1', 't="inlineStr"', '<is><t>x</t></is>')]) +
      ' '.repeat(16 << 20) +
      row(2, [cell('A2', 't="inlineStr"', '<is><t>y</t></is>')]),
  );

  it('stops where the part expands past the size its directory states', async () => {
    const lying = bomb.slice();
    const at = centralRecord(lying, SHEET) + 24; // uncompressed size: 4 bytes
    lying.set([0xe8, 0x03, 0, 0], at); // 1,000 bytes
    expect(await refusal(lying)).toEqual({
      code: 'xlsx-part-damaged',
      message: `The part ${SHEET} cannot be read: it expands to more than the 1,000 bytes the ZIP directory states. ${DAMAGED}`,
    });
  });

  it('stops at the budget of XML the workbook may expand to', async () => {
    expect(bomb.length).toBeLessThan(64 * 1024);
    // The budget is at most the largest file read (maxBytes), here 8 MB.
    const started = performance.now();
    expect(await refusal(bomb, { maxBytes: 8 << 20 })).toEqual({
      code: 'xlsx-too-large',
      message: `The workbook expands to more than 8,388,608 bytes of XML from ${bomb.length.toLocaleString('en-US')} bytes, more than a survey file needs and more than this app reads (a "zip bomb" expands like this). Save only the sheet you need, or save it as CSV.`,
    });
    expect(performance.now() - started).toBeLessThan(2000);
    // With the default budget (at least 256 MB) the same file reads.
    expect((await load(bomb)).ok).toBe(true);
  });
});

describe('malformed XML', () => {
  const cases: [string, (xml: string) => string, string, number | undefined][] = [
    [
      // B1 (shared string 1) loses its </c>: C1's </c> closes it, and </row> finds C1 open.
      'a cell closed by its row',
      (x) => x.replace('<v>1</v></c>', '<v>1</v>'),
      `The part ${SHEET} is not well-formed XML (near row 1): <c> is closed by </row>.`,
      1,
    ],
    [
      'cut short inside the sheet data',
      (x) => x.slice(0, x.indexOf('<row r="7"')),
      `The part ${SHEET} is not well-formed XML (near row 6): it ends inside <sheetData>, so it was cut short.`,
      6,
    ],
    [
      'a DOCTYPE',
      (x) => x.replace('<worksheet', '<!DOCTYPE lol [<!ENTITY lol "lol">]><worksheet'),
      `The part ${SHEET} is not well-formed XML: it declares a DOCTYPE, which workbook parts never do.`,
      undefined,
    ],
    [
      'an undeclared entity',
      (x) => x.replace('first note', 'first &lol; note'),
      `The part ${SHEET} is not well-formed XML (at cell H2): "&lol; note" is not an XML character or entity.`,
      2,
    ],
    [
      'rows out of order',
      (x) => x.replace('<row r="7"', '<row r="3"'),
      `The part ${SHEET} is not well-formed XML (near row 6): row 3 comes after row 6.`,
      6,
    ],
    [
      'a shared string that does not exist',
      (x) => x.replace('<c r="B2" t="s"><v>10</v>', '<c r="B2" t="s"><v>99</v>'),
      `The part ${SHEET} is not well-formed XML (at cell B2): it refers to shared string 99, but the workbook has 15.`,
      2,
    ],
    [
      'a cell format that does not exist',
      (x) => x.replace('<c r="C2" s="1">', '<c r="C2" s="42">'),
      `The part ${SHEET} is not well-formed XML (at cell C2): it uses cell format 42, but styles.xml defines 7.`,
      2,
    ],
    [
      'a number that is not one',
      (x) => x.replace('<v>2.1000000000000001</v>', '<v>2,1</v>'),
      `The part ${SHEET} is not well-formed XML (at cell G2): "2,1" is not a number.`,
      2,
    ],
    [
      'a cell reference past column XFD',
      (x) => x.replace('<c r="B2"', '<c r="ZZZZ2"'),
      `The part ${SHEET} is not well-formed XML (near row 2): "ZZZZ2" is not a cell reference like B7.`,
      2,
    ],
  ];

  it.each(cases)(
    '%s is refused, naming the part and the place',
    async (_, change, message, line) => {
      const r = await refusal(edited(features, SHEET, change));
      expect(r).toEqual({
        code: 'xlsx-malformed',
        message: `${message} ${DAMAGED}`,
        ...(line === undefined ? {} : { line }),
      });
    },
  );

  it('a piece of text longer than 8 MB without a tag is refused, not buffered', async () => {
    const long = book(
      row(1, [cell('A1', 't="inlineStr"', `<is><t>${'x'.repeat(9 << 20)}</t></is>`)]),
    );
    expect((await refusal(long)).message).toBe(
      `The part ${SHEET} is not well-formed XML (at cell A1): one piece of text or one tag is longer than 8,388,608 bytes. ${DAMAGED}`,
    );
  });

  it('a value to the right of the table after its first rows is refused with its row', async () => {
    const rows = [
      row(1, [
        cell('A1', 't="inlineStr"', '<is><t>a</t></is>'),
        cell('B1', 't="inlineStr"', '<is><t>b</t></is>'),
      ]),
    ];
    for (let i = 2; i <= 8; i++)
      rows.push(row(i, [cell(`A${i}`, '', `<v>${i}</v>`), cell(`B${i}`, '', `<v>${i * 2}</v>`)]));
    rows.push(row(9, [cell('A9', '', '<v>9</v>'), cell('E9', '', '<v>1</v>')]));
    expect(await refusal(book(rows.join('')), { sampleRows: 5 })).toEqual({
      code: 'xlsx-beyond-table',
      line: 9,
      message:
        'Row 9 of sheet "Data" has a value in column E, to the right of the table, which ends at column B in its first rows. Move the value into the table or delete it, then save the workbook again.',
    });
  });
});

/** Per call; a sound read of these fixtures takes a few milliseconds to a few tens. */
const BOUND_MS = 3000;

async function check(bytes: Uint8Array): Promise<void> {
  for (const read of [loadSurveyFileAsync, previewSurveyFileAsync]) {
    const started = performance.now();
    let r: Result<unknown>;
    try {
      r = await read(bytes, { file: 'fuzz.xlsx' });
    } catch (e) {
      throw new Error(`threw instead of answering: ${String(e)}`);
    }
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
    expectWellFormedResult(r);
    // Only the reader's own errors: an exception from a bug would be "cannot be read (…)".
    if (!r.ok) expect(r.error.code).not.toBe('xlsx-internal');
  }
}

describe.each(['features.xlsx', 'dates-1904.xlsx', 'sootoo-2013-06.xlsx'])(
  '%s, damaged',
  (name) => {
    const good = fixture(name);

    it('cut short at any byte', async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: good.length - 1 }), (n) =>
          check(good.slice(0, n)),
        ),
        { seed: 1601, numRuns: 120 },
      );
    });

    it('with bits flipped anywhere', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.tuple(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 0, max: 7 })),
            {
              minLength: 1,
              maxLength: 8,
            },
          ),
          async (flips) => {
            const bytes = good.slice();
            for (const [at, bit] of flips) bytes[at]! ^= 1 << bit;
            await check(bytes);
          },
        ),
        { seed: 1602, numRuns: 120 },
      );
    });

    it('with bits flipped in the ZIP directory, where sizes and offsets live', async () => {
      const directory = centralRecord(good, '[Content_Types].xml');
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.tuple(
              fc.integer({ min: directory, max: good.length - 1 }),
              fc.integer({ min: 0, max: 7 }),
            ),
            { minLength: 1, maxLength: 4 },
          ),
          async (flips) => {
            const bytes = good.slice();
            for (const [at, bit] of flips) bytes[at]! ^= 1 << bit;
            await check(bytes);
          },
        ),
        { seed: 1603, numRuns: 120 },
      );
    });
  },
);
