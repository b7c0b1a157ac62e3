// The variable record (type 2): one per numeric variable, one per 8 bytes of a
// string variable (the records after the first, of type -1, only reserve room
// in each case). Names, labels and missing values are kept raw here: their text
// is decoded once the file's character encoding is known, which comes later.
import { SavError } from './errors';
import { savMessages as M } from '../messages';
import type { ByteReader } from './reader';

export interface RawVariable {
  /** Offset of the record (for messages). */
  offset: number;
  /** 0 numeric; 1..255 a string of that many bytes; -1 continues a long string. */
  type: number;
  /** 8 bytes, space-padded. */
  name: Uint8Array;
  label: Uint8Array | null;
  /**
   * The missing-values code: 0 none, 1..3 discrete values, -2 a range, -3 a
   * range and one discrete value (range first).
   */
  missingCode: number;
  /** The missing values as 8-byte fields, read as numbers or strings by type. */
  missing: Uint8Array[];
  /** Print format: decimals in the low byte, width, then the format type. */
  print: number;
}

/** Reads one variable record; `r` is just past its record type (2). */
export function parseVariable(r: ByteReader): RawVariable {
  const offset = r.pos - 4;
  const typeAt = r.pos;
  const type = r.i32('a variable record');
  if (type < -1 || type > 255) throw new SavError(typeAt, M.badWidth(type));
  const hasLabel = r.i32('a variable record');
  const missingAt = r.pos;
  const missingCode = r.i32('a variable record');
  const print = r.i32('a variable record');
  r.i32('a variable record'); // write format: not needed to read the data
  const name = r.take(8, 'a variable name');
  let label: Uint8Array | null = null;
  if (hasLabel === 1) {
    const lengthAt = r.pos;
    const length = r.length(r.i32('a variable label length'), 'a variable label', lengthAt);
    // The label is padded to a multiple of 4 bytes.
    const padded = Math.ceil(length / 4) * 4;
    r.length(padded, 'a variable label', lengthAt);
    label = r.take(padded, 'a variable label').subarray(0, length);
  }
  if (missingCode < -3 || missingCode > 3 || missingCode === -1)
    throw new SavError(missingAt, M.badMissingCount(missingCode));
  if (missingCode < 0 && type > 0) throw new SavError(missingAt, M.stringRanges);
  const n = Math.abs(missingCode);
  r.count(n, 8, "the variable record's missing values");
  const missing: Uint8Array[] = [];
  for (let i = 0; i < n; i++) missing.push(r.take(8, 'a missing value'));
  return { offset, type, name, label, missingCode, missing, print };
}
