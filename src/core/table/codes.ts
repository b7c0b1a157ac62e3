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
