// A multiple category set (MRSETS "C"): several variables, each holding the
// code of one option (first brand named, second brand named, …); a
// respondent chose every option whose code appears in any of them. Neither
// encoding of the CSV reader fits (one column per option, or options joined in
// one cell), so this encoder makes the MultiColumn itself from the same cell
// texts: one answer-pattern code per respondent, one bit mask per distinct
// pattern, options in code order (the union of the variables' value labels,
// then any unlabelled code that occurs).
import type { MultiColumn } from '../table/types';

export interface CategorySetSpec {
  id: string;
  text: string;
  /** Source columns (cell indexes), in the set's order. */
  columns: number[];
  /** Per column, the cell texts that mean "missing" there. */
  missing: ReadonlySet<string>[];
  /** Options known before reading: the labels of the variables' valid codes, in code order. */
  options: string[];
  /** The code an option stands for (to place options found in the data). */
  codeOf(label: string): number | string | undefined;
}

export class CategorySetEncoder {
  private readonly index = new Map<string, number>();
  private readonly labels: string[] = [];
  private readonly patternIndex = new Map<string, number>();
  private readonly masks: number[][] = [];
  private codes: Uint8Array | Uint16Array | Uint32Array;
  private rows = 0;
  private readonly words: number[] = [0];

  constructor(
    readonly spec: CategorySetSpec,
    capacity: number,
  ) {
    for (const o of spec.options) this.option(o);
    this.codes = new Uint8Array(Math.max(16, capacity));
  }

  private option(label: string): number {
    let j = this.index.get(label);
    if (j === undefined) {
      j = this.labels.length;
      this.labels.push(label);
      this.index.set(label, j);
      while (this.words.length * 32 < this.labels.length) this.words.push(0);
    }
    return j;
  }

  push(cells: readonly string[]): void {
    const words = this.words;
    words.fill(0);
    let answered = false;
    const { columns, missing } = this.spec;
    for (let k = 0; k < columns.length; k++) {
      const v = cells[columns[k]!] ?? '';
      if (v === '' || missing[k]!.has(v)) continue;
      answered = true;
      const j = this.option(v);
      words[j >>> 5] = (words[j >>> 5]! | (1 << (j & 31))) >>> 0;
    }
    let code = 0;
    if (answered) {
      const key = words.join(',');
      const found = this.patternIndex.get(key);
      if (found !== undefined) code = found;
      else {
        this.masks.push(words.slice());
        code = this.masks.length;
        this.patternIndex.set(key, code);
      }
    }
    this.put(code);
  }

  private put(code: number): void {
    if (this.rows === this.codes.length || code > maxOf(this.codes)) {
      const size = this.rows === this.codes.length ? this.codes.length * 2 : this.codes.length;
      const wide = Math.max(code, maxOf(this.codes));
      const next =
        wide > 65535
          ? new Uint32Array(size)
          : wide > 255
            ? new Uint16Array(size)
            : new Uint8Array(size);
      next.set(this.codes.subarray(0, this.rows));
      this.codes = next;
    }
    this.codes[this.rows++] = code;
  }

  /** The column, with options in code order (bits renumbered to match). */
  finish(): MultiColumn {
    const { codeOf } = this.spec;
    const order = this.labels.map((label, j) => ({ label, j, code: codeOf(label) }));
    order.sort((a, b) => compareCodes(a.code, b.code) || a.j - b.j);
    const newIndex = new Int32Array(this.labels.length);
    order.forEach((o, k) => (newIndex[o.j] = k));
    const words = Math.max(1, Math.ceil(this.labels.length / 32));
    const masks = new Uint32Array(this.masks.length * words);
    this.masks.forEach((m, p) => {
      for (let j = 0; j < this.labels.length; j++)
        if ((((m[j >>> 5] ?? 0) >>> (j & 31)) & 1) === 1) {
          const k = newIndex[j]!;
          masks[p * words + (k >>> 5)] = (masks[p * words + (k >>> 5)]! | (1 << (k & 31))) >>> 0;
        }
    });
    return {
      type: 'multi',
      id: this.spec.id,
      text: this.spec.text,
      labels: order.map((o) => o.label),
      words,
      masks,
      patternCount: this.masks.length,
      patternOf: this.codes.slice(0, this.rows),
    };
  }
}

function maxOf(codes: Uint8Array | Uint16Array | Uint32Array): number {
  return codes instanceof Uint8Array ? 255 : codes instanceof Uint16Array ? 65535 : 0xffffffff;
}

/** Numbers before strings, each in their order; unknown codes last. */
export function compareCodes(
  a: number | string | undefined,
  b: number | string | undefined,
): number {
  if (a === undefined || b === undefined) return a === undefined ? (b === undefined ? 0 : 1) : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
