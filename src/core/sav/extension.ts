// Extension records (type 7): subtype, element size, element count, then
// exactly size × count bytes, so that a reader can skip what it does not know.
// The ones a survey needs are read here, raw (their text is decoded later, in
// the file's encoding); the rest are skipped. A record whose layout is not the
// documented one is ignored rather than refused: extension records only add
// information, and SPSS's own readers are lenient with them too.
import { SavError } from './errors';
import { savMessages as M } from '../messages';
import { ascii, ByteReader, trimRight } from './reader';

export interface IntegerInfo {
  floatingPoint: number;
  endianness: number;
  characterCode: number;
}

export interface FloatInfo {
  sysmis: number;
  highest: number;
  lowest: number;
}

/** subtype 11, per variable record that starts a variable or a segment: 1 nominal, 2 ordinal, 3 scale. */
export type Measure = 'nominal' | 'ordinal' | 'scale' | null;

export interface LongStringLabels {
  name: Uint8Array;
  labels: { value: Uint8Array; label: Uint8Array }[];
}

export interface LongStringMissing {
  name: Uint8Array;
  values: Uint8Array[];
}

export interface Extensions {
  integer: IntegerInfo | null;
  float: FloatInfo | null;
  /** Subtype 7 and 19 records, in file order, with their offsets. */
  mrsets: { offset: number; bytes: Uint8Array }[];
  /** Subtype 11: measure of each variable (segments of very long strings counted). */
  measures: Measure[] | null;
  /** Subtype 13: "SHORT=Long name" pairs separated by tabs. */
  longNames: Uint8Array | null;
  /** Subtype 14, with its offset: "SHORT=01000\0\t" tuples. */
  veryLong: { offset: number; bytes: Uint8Array } | null;
  /** Subtype 20: the character encoding's name. */
  encoding: string | null;
  longStringLabels: LongStringLabels[];
  longStringMissing: LongStringMissing[];
}

export const noExtensions = (): Extensions => ({
  integer: null,
  float: null,
  mrsets: [],
  measures: null,
  longNames: null,
  veryLong: null,
  encoding: null,
  longStringLabels: [],
  longStringMissing: [],
});

/** Reads one extension record into `ext`; `r` is just past the record type (7). */
export function parseExtension(r: ByteReader, ext: Extensions): void {
  const offset = r.pos - 4;
  const subtype = r.i32('an extension record');
  const size = r.i32('an extension record');
  const countAt = r.pos;
  const count = r.i32('an extension record');
  if (size < 0)
    throw new SavError(countAt - 4, M.negativeCount("an extension record's element size", size));
  r.count(count, size, `extension record ${subtype}'s elements`, countAt);
  const data = r.take(size * count, `extension record ${subtype}`);
  const sub = new ByteReader(data, r.little);
  switch (subtype) {
    case 3:
      if (size === 4 && count >= 8) {
        const v = Array.from({ length: 8 }, () => sub.i32('the integer info record'));
        ext.integer = { floatingPoint: v[4]!, endianness: v[6]!, characterCode: v[7]! };
        if (v[4] !== 1) throw new SavError(offset, M.notIeee(v[4]!), 'unsupported');
      }
      return;
    case 4:
      if (size === 8 && count >= 3)
        ext.float = {
          sysmis: sub.f64('the float info record'),
          highest: sub.f64('the float info record'),
          lowest: sub.f64('the float info record'),
        };
      return;
    case 7:
    case 19:
      if (size === 1) ext.mrsets.push({ offset, bytes: data });
      return;
    case 11:
      if (size === 4) ext.measures = parseMeasures(sub, count);
      return;
    case 13:
      if (size === 1) ext.longNames = data;
      return;
    case 14:
      if (size === 1) ext.veryLong = { offset, bytes: data };
      return;
    case 20:
      if (size === 1) ext.encoding = ascii(trimRight(data)).trim();
      return;
    case 21:
      if (size === 1) parseLongStringLabels(sub, ext.longStringLabels);
      return;
    case 22:
      if (size === 1) parseLongStringMissing(sub, ext.longStringMissing);
      return;
    default:
      return; // documents' attributes, product info, UUIDs, …: nothing a question needs
  }
}

/** Raw measures; which variables they belong to is decided once the count of variables is known. */
function parseMeasures(r: ByteReader, count: number): Measure[] {
  const out: Measure[] = [];
  for (let i = 0; i < count; i++) {
    const v = r.i32('the display record');
    out.push(v === 2 ? 'ordinal' : v === 3 ? 'scale' : v === 1 || v === 0 ? 'nominal' : null);
  }
  return out;
}

function lengthPrefixed(r: ByteReader, what: string): Uint8Array {
  const at = r.pos;
  return r.take(r.length(r.i32(what), what, at), what);
}

/** Subtype 21: value labels of strings wider than 8 bytes, by variable name. */
function parseLongStringLabels(r: ByteReader, out: LongStringLabels[]): void {
  while (r.remaining > 0) {
    const name = lengthPrefixed(r, 'a long string variable name');
    r.i32('a long string width');
    const at = r.pos;
    // Each label takes at least 8 bytes: two lengths.
    const n = r.count(r.i32('a long string label count'), 8, 'long string value labels', at);
    const labels: LongStringLabels['labels'] = [];
    for (let i = 0; i < n; i++) {
      const value = lengthPrefixed(r, 'a long string value');
      labels.push({ value, label: lengthPrefixed(r, 'a long string value label') });
    }
    out.push({ name, labels });
  }
}

/**
 * Subtype 22: missing values of strings wider than 8 bytes, by variable name.
 * SPSS writes the values' length once, before them; PSPP up to 1.6 repeats it
 * before each value. Both are read: a repeated length is recognised by equalling
 * the first (no text value starts with the bytes of a small integer).
 */
function parseLongStringMissing(r: ByteReader, out: LongStringMissing[]): void {
  while (r.remaining > 0) {
    const name = lengthPrefixed(r, 'a long string variable name');
    const at = r.pos;
    const n = r.count(
      r.u8('a long string missing value count'),
      4,
      'long string missing values',
      at,
    );
    const values: Uint8Array[] = [];
    if (n === 0) {
      out.push({ name, values });
      continue;
    }
    const lengthAt = r.pos;
    const length = r.length(
      r.i32('a long string missing value length'),
      'a long string missing value',
      lengthAt,
    );
    for (let i = 0; i < n; i++) {
      if (i > 0 && r.remaining >= 4) {
        const mark = r.pos;
        if (r.i32('a long string missing value length') !== length) r.pos = mark;
      }
      values.push(r.take(length, 'a long string missing value'));
    }
    out.push({ name, values });
  }
}
