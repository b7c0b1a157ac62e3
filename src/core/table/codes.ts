// Growing typed arrays for column codes: start as Uint8Array and widen to
// Uint16Array / Uint32Array only when a code needs it, so a column with at
// most 255 labels costs one byte per respondent.
import type { Codes } from './types';

export class CodeBuffer {
  private arr: Codes;
  private max = 255;
  length = 0;

  constructor(capacity = 1024) {
    this.arr = new Uint8Array(Math.max(16, capacity));
  }

  push(code: number): void {
    if (this.length === this.arr.length) this.resize(this.arr.length * 2);
    if (code > this.max) this.widen(code);
    this.arr[this.length++] = code;
  }

  /** Rewrites every code through `map` (used to reorder labels after loading). */
  remap(map: Uint32Array): void {
    const a = this.arr;
    for (let i = 0; i < this.length; i++) a[i] = map[a[i] as number] as number;
  }

  /** The codes, trimmed to length (a copy, so the spare capacity is released). */
  finish(): Codes {
    return this.arr.slice(0, this.length);
  }

  private resize(capacity: number): void {
    const next = new (this.arr.constructor as new (n: number) => Codes)(capacity);
    next.set(this.arr.subarray(0, this.length));
    this.arr = next;
  }

  private widen(code: number): void {
    const next: Codes =
      code > 65535 ? new Uint32Array(this.arr.length) : new Uint16Array(this.arr.length);
    next.set(this.arr.subarray(0, this.length));
    this.arr = next;
    this.max = code > 65535 ? 0xffffffff : 65535;
  }
}

export class FloatBuffer {
  private arr: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.arr = new Float64Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.arr.length) {
      const next = new Float64Array(this.arr.length * 2);
      next.set(this.arr);
      this.arr = next;
    }
    this.arr[this.length++] = value;
  }

  finish(): Float64Array {
    return this.arr.slice(0, this.length);
  }
}

/**
 * A copy of `s` that does not keep its parent string alive. V8 represents
 * substrings of 13+ characters as slices of the string they were cut from, so a
 * label kept from a 300 MB chunk would pin the whole chunk in memory.
 */
export function copyString(s: string): string {
  return (' ' + s).slice(1);
}

/** FNV-1a over UTF-16 code units: the hash CellInterner keys on (the fused parser computes it inline). */
export const HASH_SEED = 0x811c9dc5 | 0;
export const HASH_PRIME = 0x01000193;

export function hashString(s: string): number {
  return hashRange(s, 0, s.length);
}

export function hashRange(s: string, a: number, b: number): number {
  let h = HASH_SEED;
  for (let i = a; i < b; i++) h = Math.imul(h ^ s.charCodeAt(i), HASH_PRIME);
  return h;
}

/**
 * Raw cell text -> an int (a category code, an answer-pattern code), looked up
 * straight from a range of a larger string, so a repeated cell costs a hash
 * and a compare instead of a substring and a Map lookup. Open addressing over
 * typed arrays; every hit is verified character by character against a copy
 * of the key kept as UTF-16 code units (a typed array reads faster than a
 * string of either width). Stops growing at `maxEntries` (free-text columns):
 * later new texts simply miss.
 */
export class CellInterner {
  private slots: Int32Array;
  private mask: number;
  private hashes: Int32Array;
  private values: Int32Array;
  private starts: Int32Array;
  private lengths: Int32Array;
  private chars: Uint16Array;
  private used = 0;
  private count = 0;

  constructor(private readonly maxEntries = 1 << 16) {
    this.slots = new Int32Array(64);
    this.mask = 63;
    this.hashes = new Int32Array(32);
    this.values = new Int32Array(32);
    this.starts = new Int32Array(32);
    this.lengths = new Int32Array(32);
    this.chars = new Uint16Array(1024);
  }

  get size(): number {
    return this.count;
  }

  /** The value stored for s[a, b) (whose hash is h), or -1. */
  find(s: string, a: number, b: number, h: number): number {
    const e = this.entry(s, a, b, h);
    return e < 0 ? -1 : (this.values[e] as number);
  }

  /** The entry holding s[a, b) (whose hash is h), or -1. */
  entry(s: string, a: number, b: number, h: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let slot = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const e = (slots[slot] as number) - 1;
      if (e < 0) return -1;
      if (this.hashes[e] === h && this.matches(e, s, a, b)) return e;
      slot = (slot + 1) & mask;
    }
  }

  /** Whether entry e holds exactly s[a, b). */
  matches(e: number, s: string, a: number, b: number): boolean {
    if (this.lengths[e] !== b - a) return false;
    const chars = this.chars;
    const off = (this.starts[e] as number) - a;
    let m = a;
    while (m < b && chars[off + m] === s.charCodeAt(m)) m++;
    return m === b;
  }

  /** The value of entry e. */
  value(e: number): number {
    return this.values[e] as number;
  }

  /**
   * The value stored for the quoted value s[a, b) read with each "" as one
   * quote (h is the hash of that reading), or -1.
   */
  findEscaped(s: string, a: number, b: number, h: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let slot = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const e = (slots[slot] as number) - 1;
      if (e < 0) return -1;
      if (this.hashes[e] === h) {
        const chars = this.chars;
        let k = this.starts[e] as number;
        const kEnd = k + (this.lengths[e] as number);
        let m = a;
        while (m < b && k < kEnd) {
          const c = s.charCodeAt(m);
          if (chars[k] !== c) break;
          k++;
          m += c === 34 && s.charCodeAt(m + 1) === 34 ? 2 : 1;
        }
        if (m >= b && k === kEnd) return this.values[e] as number;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Stores `value` for `key` (not already present; its hash is h): its entry, or -1 once full. */
  add(key: string, h: number, value: number): number {
    const n = this.count;
    if (n >= this.maxEntries) return -1;
    if (n === this.hashes.length) {
      this.hashes = grow(this.hashes, n * 2);
      this.values = grow(this.values, n * 2);
      this.starts = grow(this.starts, n * 2);
      this.lengths = grow(this.lengths, n * 2);
    }
    if (this.used + key.length > this.chars.length) {
      const chars = new Uint16Array(Math.max(this.chars.length * 2, this.used + key.length));
      chars.set(this.chars.subarray(0, this.used));
      this.chars = chars;
    }
    if ((n + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    for (let k = 0; k < key.length; k++) this.chars[this.used + k] = key.charCodeAt(k);
    this.hashes[n] = h;
    this.values[n] = value;
    this.starts[n] = this.used;
    this.lengths[n] = key.length;
    this.used += key.length;
    this.count++;
    this.place(h, n + 1);
    return n;
  }

  private place(h: number, entry: number): void {
    let slot = (h ^ (h >>> 15)) & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = entry;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let e = 0; e < this.count; e++) this.place(this.hashes[e] as number, e + 1);
  }
}

function grow(a: Int32Array, size: number): Int32Array {
  const next = new Int32Array(size);
  next.set(a);
  return next;
}
