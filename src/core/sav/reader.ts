// A cursor over the file's bytes that never reads past the end. Every count
// the file gives (a label length, a number of labels, a record size) is checked
// against the bytes that remain *before* anything is allocated or looped over,
// so a hostile or damaged file can neither crash the reader nor make it
// allocate more than the file itself holds.
import { SavError } from './errors';
import { savMessages as M } from '../messages';

export class ByteReader {
  private readonly view: DataView;
  pos: number;

  constructor(
    readonly bytes: Uint8Array,
    /** Integers and floats are little-endian (decided from the header's layout code). */
    public little = true,
    start = 0,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = start;
  }

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  /** Throws unless `n` more bytes exist; `what` names the field for the message. */
  need(n: number, what: string): void {
    if (n > this.remaining) throw new SavError(this.pos, M.needBytes(what, n, this.remaining));
  }

  /**
   * Checks a count read from the file: not negative, and `count` items of at
   * least `unit` bytes each fit in what remains. Returns the count.
   */
  count(count: number, unit: number, what: string, at = this.pos): number {
    if (count < 0) throw new SavError(at, M.negativeCount(what, count));
    if (count * unit > this.remaining)
      throw new SavError(at, M.countTooLarge(what, count, unit, this.remaining));
    return count;
  }

  /** Checks a length in bytes read from the file against what remains. */
  length(length: number, what: string, at = this.pos): number {
    if (length < 0) throw new SavError(at, M.negativeCount(what, length));
    if (length > this.remaining)
      throw new SavError(at, M.lengthTooLong(what, length, this.remaining));
    return length;
  }

  i32(what: string): number {
    this.need(4, what);
    const v = this.view.getInt32(this.pos, this.little);
    this.pos += 4;
    return v;
  }

  /** A 64-bit integer as a number (exact up to 2^53, which no file offset reaches). */
  i64(what: string): number {
    this.need(8, what);
    const v = Number(this.view.getBigInt64(this.pos, this.little));
    this.pos += 8;
    return v;
  }

  f64(what: string): number {
    this.need(8, what);
    const v = this.view.getFloat64(this.pos, this.little);
    this.pos += 8;
    return v;
  }

  u8(what: string): number {
    this.need(1, what);
    return this.bytes[this.pos++]!;
  }

  /** A view (not a copy) of the next n bytes. */
  take(n: number, what: string): Uint8Array {
    this.need(n, what);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  skip(n: number, what: string): void {
    this.need(n, what);
    this.pos += n;
  }
}

/** The bytes as text for names and codes that are ASCII by the format's rules (not user text). */
export function ascii(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** `bytes` without trailing spaces and NULs (fixed-width fields are padded with either). */
export function trimRight(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
  return bytes.subarray(0, end);
}
