// The dictionary records one by one, from bytes written by the test writer:
// what each field becomes, and the byte offset named when a field is impossible.
import { describe, expect, it } from 'vitest';
import { looksLikeSav, parseHeader } from '../../../src/core/sav/header';
import { ByteReader } from '../../../src/core/sav/reader';
import { readRecords } from '../../../src/core/sav/records';
import { parseValueLabels } from '../../../src/core/sav/valueLabels';
import { parseVariable } from '../../../src/core/sav/variable';
import { noExtensions, parseExtension } from '../../../src/core/sav/extension';
import { expectRefusal, parsed } from './helpers';
import { Bytes, end, extension, header, integerInfo, valueLabels, variable } from './writer';

const ascii = (b: Uint8Array) => String.fromCharCode(...b);
/** A reader positioned just past the record type of the record the bytes start with. */
const after = (b: Bytes) => {
  const r = new ByteReader(b.done(), b.little);
  r.pos = 4;
  return r;
};

describe('the file header', () => {
  it('reads magic, byte order, compression, weight index, cases, bias and label', () => {
    const h = parseHeader(
      header(new Bytes(), {
        compression: 1,
        weightIndex: 3,
        ncases: 42,
        label: 'My survey',
      }).done(),
    );
    expect(h).toMatchObject({
      magic: '$FL2',
      little: true,
      compression: 'bytecode',
      weightIndex: 3,
      ncases: 42,
      bias: 100,
    });
    expect(ascii(h.label).trim()).toBe('My survey');
    expect(h.product).toBe('@(#) SPSS DATA FILE test writer');
  });

  it('tells the byte order from the layout code (big-endian files, layout 3)', () => {
    const h = parseHeader(header(new Bytes(false), { layout: 3, ncases: 7 }).done());
    expect(h.little).toBe(false);
    expect(h.ncases).toBe(7);
    expect(h.compression).toBe('none');
  });

  it('reads $FL3 as zlib-compressed and an unknown number of cases as -1', () => {
    const h = parseHeader(
      header(new Bytes(), { magic: '$FL3', compression: 2, ncases: -1 }).done(),
    );
    expect(h).toMatchObject({ magic: '$FL3', compression: 'zlib', ncases: -1 });
  });

  it('recognises SPSS files by their first bytes', () => {
    expect(looksLikeSav(new TextEncoder().encode('$FL2xxxx'))).toBe(true);
    expect(looksLikeSav(new TextEncoder().encode('$FL3'))).toBe(true);
    expect(looksLikeSav(Uint8Array.from([0x5b, 0xc6, 0xd3, 0xf2]))).toBe(true);
    expect(looksLikeSav(new TextEncoder().encode('id,$FL2'))).toBe(false);
    expect(looksLikeSav(new TextEncoder().encode('$FL'))).toBe(false);
  });

  it('refuses what it cannot read, naming the byte', () => {
    expectRefusal(
      () => parseHeader(new TextEncoder().encode('$FL2 short')),
      /^Byte 4: the file header needs 172 bytes, but only 6 bytes remain in the file\./,
    );
    expectRefusal(
      () => parseHeader(header(new Bytes(), { layout: 7 }).done()),
      /^Byte 64: the header's layout code is 7, not 2 or 3/,
    );
    expectRefusal(
      () => parseHeader(header(new Bytes(), { compression: 2 }).done()),
      /^Byte 72: the header says compression 2, which a \$FL2 file cannot have/,
    );
    expectRefusal(
      () => parseHeader(header(new Bytes(), { magic: '$FL3', compression: 1 }).done()),
      /^Byte 72: .*compression 1/,
    );
    expectRefusal(
      () => parseHeader(header(new Bytes(), { compression: 1, bias: NaN }).done()),
      /^Byte 84: the header's compression bias is NaN/,
    );
    expectRefusal(() => parseHeader(Uint8Array.from([0x5b, 0xc6, 0xd3, 0xf2, 0, 0])), /EBCDIC/);
  });
});

describe('variable records (type 2)', () => {
  it('reads a numeric variable with a label padded to 4 bytes', () => {
    const v = parsed(() =>
      parseVariable(after(variable(new Bytes(), { name: 'AGE', label: 'Âge' }))),
    );
    expect(v.type).toBe(0);
    expect(ascii(v.name)).toBe('AGE     ');
    expect(new TextDecoder().decode(v.label!)).toBe('Âge');
    expect(v.missingCode).toBe(0);
  });

  it('reads discrete missing values, a range, and a range with one value', () => {
    const one = parsed(() =>
      parseVariable(after(variable(new Bytes(), { name: 'Q', missing: [7, 9] }))),
    );
    expect(one.missingCode).toBe(2);
    expect(
      one.missing.map((m) => new DataView(m.buffer, m.byteOffset, 8).getFloat64(0, true)),
    ).toEqual([7, 9]);
    const range = parsed(() =>
      parseVariable(
        after(variable(new Bytes(), { name: 'Q', missingCode: -3, missing: [90, 99, -1] })),
      ),
    );
    expect(range.missingCode).toBe(-3);
    expect(range.missing).toHaveLength(3);
  });

  it('reads a string variable, whose first record gives its width', () => {
    const b = variable(new Bytes(), { name: 'CITY', type: 20, missing: ['?'] });
    const v = parsed(() => parseVariable(after(b)));
    expect(v.type).toBe(20);
    expect(ascii(v.missing[0]!)).toBe('?       ');
  });

  it('refuses a label longer than the file, a missing-values code the format lacks, and ranges on strings', () => {
    const long = new Bytes()
      .i32(2)
      .i32(0)
      .i32(1)
      .i32(0)
      .i32(0)
      .i32(0)
      .text('X', 8)
      .i32(300)
      .text('abc');
    expectRefusal(
      () => parseVariable(after(long)),
      'Byte 32: a variable label says it is 300 bytes long, more than the 3 bytes left in the file.',
    );
    const badCode = new Bytes().i32(2).i32(0).i32(0).i32(5).i32(0).i32(0).text('X', 8);
    expectRefusal(
      () => parseVariable(after(badCode)),
      /^Byte 12: a variable record says it has 5 missing values/,
    );
    const stringRange = new Bytes()
      .i32(2)
      .i32(8)
      .i32(0)
      .i32(-2)
      .i32(0)
      .i32(0)
      .text('X', 8)
      .text('a', 16);
    expectRefusal(
      () => parseVariable(after(stringRange)),
      /^Byte 12: a string variable has a range/,
    );
    const tooWide = new Bytes().i32(2).i32(256).i32(0).i32(0).i32(0).i32(0).text('X', 8);
    expectRefusal(() => parseVariable(after(tooWide)), /^Byte 4: .*256 bytes wide/);
    const cut = new Bytes().i32(2).i32(0).i32(0).i32(3).i32(0).i32(0).text('X', 8).f64(1);
    expectRefusal(
      () => parseVariable(after(cut)),
      /^Byte 32: the variable record's missing values says there are 3, which would take 24 bytes, more than the 8 bytes left/,
    );
  });
});

describe('value labels (types 3 and 4)', () => {
  it('reads labels padded to 8 bytes and the dictionary indexes they apply to', () => {
    const b = valueLabels(
      new Bytes(),
      [
        [1, 'Homme'],
        [2, 'Femme'],
        [9, 'Ne sait pas du tout'],
      ],
      [1, 3],
    );
    const rec = parsed(() => parseValueLabels(after(b)));
    expect(rec.labels.map((l) => new TextDecoder().decode(l.label))).toEqual([
      'Homme',
      'Femme',
      'Ne sait pas du tout',
    ]);
    expect(
      rec.labels.map((l) =>
        new DataView(l.value.buffer, l.value.byteOffset, 8).getFloat64(0, true),
      ),
    ).toEqual([1, 2, 9]);
    expect(rec.indexes).toEqual([1, 3]);
  });

  it('refuses a count the file cannot hold, and labels without their type 4 record', () => {
    const huge = new Bytes().i32(3).i32(1_000_000).f64(1);
    expectRefusal(
      () => parseValueLabels(after(huge)),
      'Byte 4: a value label record says there are 1,000,000, which would take 16,000,000 bytes, more than the 8 bytes left in the file.',
    );
    const orphan = new Bytes().i32(3).i32(1).f64(1).u8(1).text('A', 7).i32(2);
    expectRefusal(
      () => parseValueLabels(after(orphan)),
      /^Byte 24: a value label record \(type 3\) is not followed by the record \(type 4\)/,
    );
  });
});

describe('extension records (type 7)', () => {
  it('reads the encoding, long names, very long strings and MR sets as raw bytes', () => {
    const ext = noExtensions();
    for (const [sub, data] of [
      [20, 'UTF-8'],
      [13, 'Q1=question_one'],
      [14, 'ESSAY=00400\0\t'],
      [7, '$a=C 1 A q1 q2\n'],
    ] as const)
      parsed(() => parseExtension(after(extension(new Bytes(), sub, data)), ext));
    expect(ext.encoding).toBe('UTF-8');
    expect(new TextDecoder().decode(ext.longNames!)).toBe('Q1=question_one');
    expect(new TextDecoder().decode(ext.veryLong!.bytes)).toBe('ESSAY=00400\0\t');
    expect(ext.mrsets).toHaveLength(1);
  });

  it('reads the integer info (code page) and refuses non-IEEE numbers', () => {
    const ext = noExtensions();
    parsed(() => parseExtension(after(integerInfo(new Bytes(), 1252)), ext));
    expect(ext.integer).toEqual({ floatingPoint: 1, endianness: 2, characterCode: 1252 });
    expectRefusal(
      () => parseExtension(after(integerInfo(new Bytes(), 1252, 2)), noExtensions()),
      /IBM or VAX/,
    );
  });

  it('skips unknown subtypes and refuses sizes beyond the file', () => {
    const ext = noExtensions();
    const r = after(extension(new Bytes(), 99, 'whatever'));
    parsed(() => parseExtension(r, ext));
    expect(r.remaining).toBe(0);
    const big = new Bytes().i32(7).i32(13).i32(1).i32(5000).text('abc');
    expectRefusal(
      () => parseExtension(after(big), noExtensions()),
      "Byte 12: extension record 13's elements says there are 5,000, which would take 5,000 bytes, more than the 3 bytes left in the file.",
    );
  });

  it('reads long string value labels (21) and both layouts of long string missing values (22)', () => {
    const labels = new Bytes()
      .i32(6)
      .text('answer')
      .i32(12)
      .i32(1)
      .i32(12)
      .text('agree', 12)
      .i32(7)
      .text('I agree');
    const ext = noExtensions();
    parsed(() => parseExtension(after(extension(new Bytes(), 21, labels.done())), ext));
    expect(new TextDecoder().decode(ext.longStringLabels[0]!.labels[0]!.label)).toBe('I agree');
    // PSPP 1.6 repeats the length before each value; SPSS writes it once.
    const pspp = new Bytes()
      .i32(6)
      .text('answer')
      .u8(2)
      .i32(8)
      .text('skip', 8)
      .i32(8)
      .text('none', 8);
    const spss = new Bytes().i32(6).text('answer').u8(2).i32(8).text('skip', 8).text('none', 8);
    for (const b of [pspp, spss]) {
      const e = noExtensions();
      parsed(() => parseExtension(after(extension(new Bytes(), 22, b.done())), e));
      expect(e.longStringMissing[0]!.values.map((v) => new TextDecoder().decode(v))).toEqual([
        'skip    ',
        'none    ',
      ]);
    }
  });
});

describe('the dictionary as a whole', () => {
  it('reads records up to the termination record, skipping documents', () => {
    const b = header(new Bytes());
    variable(b, { name: 'Q1' });
    b.i32(6).i32(2).text('first line', 80).text('second line', 80);
    end(b);
    const raw = parsed(() => readRecords(b.done()));
    expect(raw.variables).toHaveLength(1);
    expect(raw.dataStart).toBe(b.length);
  });

  it('refuses an unknown record type and a dictionary without variables', () => {
    const b = header(new Bytes());
    b.i32(5).i32(0);
    expectRefusal(
      () => readRecords(b.done()),
      /^Byte 176: a record of type 5 is not part of the SPSS system file format/,
    );
    expectRefusal(
      () => readRecords(end(header(new Bytes())).done()),
      /^Byte 176: the file has no variables/,
    );
    expectRefusal(
      () => readRecords(header(new Bytes()).done()),
      /^Byte 176: the next dictionary record needs 4 bytes, but only 0 bytes remain/,
    );
  });
});
