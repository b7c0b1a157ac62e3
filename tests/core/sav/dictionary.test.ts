// From records to variables: continuation records, very long strings, long
// names, value labels in code order, missing values, the weight, the encoding
// and the MR sets' variables; and the offsets named when the records disagree.
import { describe, expect, it } from 'vitest';
import { buildDictionary } from '../../../src/core/sav/dictionary';
import { savEncoding } from '../../../src/core/sav/encoding';
import { readRecords } from '../../../src/core/sav/records';
import { answers, expectRefusal, loaded, parsed } from './helpers';
import { loadSurveyFile } from '../../../src/core/pipeline';
import { Bytes, end, extension, header, savFile, variable, type FileSpec } from './writer';

const dictionary = (spec: FileSpec) => parsed(() => buildDictionary(readRecords(savFile(spec))));
const load = (spec: FileSpec) => loaded(loadSurveyFile(savFile(spec), { file: 'test.sav' }));

describe('variables from variable records', () => {
  it('joins a long string with its continuation records: one variable, one slot per 8 bytes', () => {
    const d = dictionary({
      vars: [{ name: 'ID' }, { name: 'COMMENT', type: 20 }, { name: 'AGE' }],
      cases: [[1, 'a comment that is 20', 30]],
    });
    expect(d.variables.map((v) => [v.name, v.type, v.width, v.dictIndex])).toEqual([
      ['ID', 'numeric', 0, 1],
      ['COMMENT', 'string', 20, 2],
      ['AGE', 'numeric', 0, 5],
    ]);
    expect(d.variables[1]!.segments).toEqual([{ slot: 1, bytes: 20 }]);
    expect(d.slots).toBe(5);
  });

  it('refuses a continuation record with no string before it, and a string short of its continuations', () => {
    const orphan = header(new Bytes());
    variable(orphan, { name: 'A' });
    orphan.i32(2).i32(-1).i32(0).i32(0).i32(0).i32(0).text('', 8, 0);
    expectRefusal(
      () => buildDictionary(readRecords(end(orphan).done())),
      /^Byte 208: a long-string continuation record has no string variable before it/,
    );
    const short = header(new Bytes());
    short.i32(2).i32(20).i32(0).i32(0).i32(0).i32(0).text('S', 8);
    variable(short, { name: 'B' });
    expectRefusal(
      () => buildDictionary(readRecords(end(short).done())),
      /^Byte 208: string variable S needs 2 continuation records after it, but 0 follow/,
    );
  });

  it('applies long names (subtype 13), keeping names unique', () => {
    const d = dictionary({
      vars: [{ name: 'SATISFAC' }, { name: 'Q2' }],
      extensions: [[13, 'SATISFAC=satisfaction_with_service\tQ2=q2']],
      cases: [[1, 2]],
    });
    expect(d.variables.map((v) => [v.shortName, v.name])).toEqual([
      ['SATISFAC', 'satisfaction_with_service'],
      ['Q2', 'q2'],
    ]);
  });

  it('joins a very long string (subtype 14) from its 255-byte segments, packed 255 bytes each', () => {
    const text = `${'é'.repeat(127)}x${'北'.repeat(20)}`; // 255 + 60 bytes: 'x' is byte 255
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBe(315);
    const spec: FileSpec = {
      vars: [{ name: 'ESSAY', type: 255 }, { name: 'ESSAY0', type: 60 }, { name: 'N' }],
      extensions: [[14, 'ESSAY=00315\0\t']],
      cases: [
        [
          new TextDecoder().decode(bytes.subarray(0, 255)),
          new TextDecoder().decode(bytes.subarray(255)),
          1,
        ],
      ],
    };
    const d = dictionary(spec);
    expect(d.variables.map((v) => [v.name, v.width])).toEqual([
      ['ESSAY', 315],
      ['N', 0],
    ]);
    expect(d.variables[0]!.segments).toEqual([
      { slot: 0, bytes: 255 },
      { slot: 32, bytes: 60 },
    ]);
    const { table } = load(spec);
    expect(answers(table, 'ESSAY')).toEqual([text]);
  });

  it('refuses a very long string record naming an unknown variable or too few segments', () => {
    const base: FileSpec = { vars: [{ name: 'ESSAY', type: 255 }], cases: [['x']] };
    expectRefusal(
      () =>
        buildDictionary(readRecords(savFile({ ...base, extensions: [[14, 'OTHER=00300\0\t']] }))),
      /very long string record names variable OTHER/,
    );
    expectRefusal(
      () =>
        buildDictionary(readRecords(savFile({ ...base, extensions: [[14, 'ESSAY=00300\0\t']] }))),
      /says ESSAY is 300 bytes wide, but the string variables after it do not hold that many segments/,
    );
    expectRefusal(
      () =>
        buildDictionary(readRecords(savFile({ ...base, extensions: [[14, 'ESSAY=00100\0\t']] }))),
      /gives ESSAY the width "00100"/,
    );
  });
});

describe('value labels and missing values', () => {
  it('puts value labels in code order whatever order the file lists them in', () => {
    const d = dictionary({
      vars: [{ name: 'Q' }],
      labels: [
        {
          labels: [
            [3, 'Three'],
            [1, 'One'],
            [2, 'Two'],
          ],
          indexes: [1],
        },
      ],
      cases: [[1]],
    });
    expect(d.variables[0]!.valueLabels).toEqual([
      { value: 1, label: 'One' },
      { value: 2, label: 'Two' },
      { value: 3, label: 'Three' },
    ]);
  });

  it('refuses labels on a variable index the file lacks, on a continuation record, or on numbers and long strings at once', () => {
    const spec = (indexes: number[]): FileSpec => ({
      vars: [{ name: 'N' }, { name: 'S', type: 12 }],
      labels: [{ labels: [[1, 'One']], indexes }],
      cases: [[1, 'x']],
    });
    expectRefusal(
      () => buildDictionary(readRecords(savFile(spec([4])))),
      /^Byte 272: a value label record applies labels to variable number 4, but the file has 3 variable records/,
    );
    expectRefusal(
      () => buildDictionary(readRecords(savFile(spec([3])))),
      /variable record 3, which continues a long string/,
    );
    expectRefusal(
      () => buildDictionary(readRecords(savFile(spec([1, 2])))),
      /to numeric and string variables/,
    );
  });

  it('reads discrete, range and range-plus-one missing values', () => {
    const d = dictionary({
      vars: [
        { name: 'A', missing: [7, 9] },
        { name: 'B', missingCode: -2, missing: [90, Number.MAX_VALUE] },
        { name: 'C', missingCode: -3, missing: [-Number.MAX_VALUE, -1, 99] },
        { name: 'S', type: 4, missing: ['?', 'NA'] },
      ],
      cases: [[1, 1, 1, 'x']],
    });
    expect(d.variables.map((v) => v.missing)).toEqual([
      { values: [7, 9], range: null },
      { values: [], range: { lo: 90, hi: Number.MAX_VALUE } },
      { values: [99], range: { lo: -Number.MAX_VALUE, hi: -1 } },
      { values: ['?', 'NA'], range: null },
    ]);
  });
});

describe('the weight', () => {
  it('is the variable at the header weight index', () => {
    const d = dictionary({
      vars: [{ name: 'S', type: 12 }, { name: 'W' }],
      weightIndex: 3,
      cases: [['x', 1.5]],
    });
    expect(d.weight?.name).toBe('W');
  });

  it('is ignored, with a warning, when the index names a string or a continuation', () => {
    for (const weightIndex of [1, 2]) {
      const d = dictionary({
        vars: [{ name: 'S', type: 12 }, { name: 'W' }],
        weightIndex,
        cases: [['x', 1]],
      });
      expect(d.weight).toBeNull();
      expect(d.warnings).toEqual([
        `The file names variable record ${weightIndex} as its weight, but that is not a numeric variable; the figures are unweighted.`,
      ]);
    }
  });
});

describe('the character encoding', () => {
  it('comes from the encoding record, else the code page, else Windows-1252', () => {
    expect(savEncoding('UTF-8', 1252).encoding).toBe('utf-8');
    expect(savEncoding('windows-1252', null).encoding).toBe('windows-1252');
    expect(savEncoding('GBK', null).encoding).toBe('gb18030');
    expect(savEncoding('GB2312', null).encoding).toBe('gb18030');
    expect(savEncoding('ISO-8859-1', null).encoding).toBe('windows-1252');
    expect(savEncoding(null, 65001)).toMatchObject({ encoding: 'utf-8', warning: null });
    expect(savEncoding(null, 936).encoding).toBe('gb18030');
    expect(savEncoding(null, 2).encoding).toBe('windows-1252');
    expect(savEncoding(null, null)).toMatchObject({ encoding: 'windows-1252', warning: null });
  });

  it('reads an unknown encoding as Windows-1252 and says so', () => {
    expect(savEncoding('KOI8-R', null)).toEqual({
      encoding: 'windows-1252',
      reason: 'the file\'s character encoding record says "KOI8-R"',
      warning:
        'The file says its text is in "KOI8-R", which this app does not decode; its text was read as Windows-1252, so some letters may be wrong.',
    });
    expect(savEncoding(null, 1251).warning).toMatch(/code page 1251/);
  });

  it('decodes labels and data with it (a file without an encoding record, code page 936)', () => {
    const gbk = Uint8Array.from([0xb1, 0xb1, 0xbe, 0xa9]); // 北京 in GBK
    const spec: FileSpec = {
      vars: [{ name: 'CITY', type: 8 }],
      encoding: null,
      codePage: 936,
      cases: [[new TextDecoder('latin1').decode(gbk)]],
    };
    // The writer writes strings as UTF-8; write the GBK bytes into the data directly.
    const bytes = savFile({ ...spec, cases: [['XXXX']] });
    bytes.set(gbk, bytes.length - 8);
    const { table, detected } = loaded(loadSurveyFile(bytes, { file: 't.sav' }));
    expect(detected.encoding).toBe('gb18030');
    expect(detected.encodingReason).toBe("the file's header gives code page 936");
    expect(answers(table, 'CITY')).toEqual(['北京']);
    // A user's choice overrides the file.
    const forced = loaded(loadSurveyFile(bytes, { file: 't.sav', encoding: 'windows-1252' }));
    expect(forced.detected).toMatchObject({
      encoding: 'windows-1252',
      encodingReason: 'chosen by you',
    });
    expect(answers(forced.table, 'CITY')).toEqual(['±±¾©']);
  });
});

describe('multiple-response sets', () => {
  it('find their variables by short name (lower case), and are left out with a warning when one is unknown', () => {
    const spec: FileSpec = {
      vars: [{ name: 'HARDROCK' }, { name: 'SPORT' }],
      extensions: [[7, '$l=D1 1 7 Leisure hardrock sport\n$bad=C 0  hardrock nosuch\n']],
      cases: [[1, 0]],
    };
    const d = dictionary(spec);
    expect(d.mrsets.map((s) => [s.name, s.variables.map((v) => v.name)])).toEqual([
      ['$l', ['HARDROCK', 'SPORT']],
    ]);
    expect(d.warnings).toEqual([
      'The multiple-response set $bad was left out: it names variable "nosuch", which the file does not have.',
    ]);
  });

  it('are left out when their record cannot be read past some byte, keeping those before', () => {
    const d = dictionary({
      vars: [{ name: 'A' }, { name: 'B' }],
      extensions: [[7, '$ok=C 0  a b\n$broken=Q\n']],
      cases: [[1, 2]],
    });
    expect(d.mrsets.map((s) => s.name)).toEqual(['$ok']);
    expect(d.warnings).toEqual([
      'The multiple-response set $broken was left out: its record cannot be read past byte 21 of the record.',
    ]);
  });

  it('are left out when they mix numeric and string variables', () => {
    const d = dictionary({
      vars: [{ name: 'A' }, { name: 'B', type: 3 }],
      extensions: [[7, '$m=C 0  a b\n']],
      cases: [[1, 'x']],
    });
    expect(d.mrsets).toEqual([]);
    expect(d.warnings[0]).toMatch(/not all numeric or all string/);
  });
});

describe('the float info record', () => {
  it('gives the system-missing value', () => {
    const b = header(new Bytes(), { ncases: 1 });
    variable(b, { name: 'X' });
    b.i32(7).i32(4).i32(8).i32(3).f64(-1e300).f64(Number.MAX_VALUE).f64(-Number.MAX_VALUE);
    extension(b, 20, 'UTF-8');
    end(b).f64(-1e300);
    const d = parsed(() => buildDictionary(readRecords(b.done())));
    expect(d.sysmis).toBe(-1e300);
    const { table } = loaded(loadSurveyFile(b.done(), { file: 't.sav' }));
    const x = table.columns.find((c) => c.id === 'X');
    expect(x?.type === 'numeric' && Number.isNaN(x.values[0])).toBe(true);
  });
});
