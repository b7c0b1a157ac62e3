// Numeric (and weight) columns: numbers, with a decimal comma when the file uses one.
import { importMessages } from '../../messages';
import { parseNumber } from '../../schema/profile';
import type { SchemaQuestion } from '../../schema/types';
import { FloatBuffer } from '../codes';
import type { Column } from '../types';
import { clean, isPlainNumber } from './cells';
import type { Encoder } from './cells';

export class NumericEncoder implements Encoder {
  private readonly values: FloatBuffer;
  private bad = 0;
  private readonly fast: boolean;

  constructor(
    private readonly q: SchemaQuestion,
    private readonly col: number,
    private readonly missing: ReadonlySet<string>,
    private readonly decimalComma: boolean,
    capacity: number,
  ) {
    this.values = new FloatBuffer(capacity);
    this.fast = ![...missing].some(isPlainNumber);
  }

  push(cells: readonly string[]): void {
    this.pushText(cells[this.col]);
  }

  /** One raw cell, read as the general path reads it. */
  pushText(cell: string | undefined): void {
    const v = clean(cell);
    if (this.missing.has(v)) {
      this.values.push(NaN);
      return;
    }
    const n = parseNumber(v, this.decimalComma);
    if (Number.isNaN(n)) this.bad++;
    this.values.push(n);
  }

  /** A value the fused parser read from a plain decimal cell (not a missing token). */
  pushNumber(n: number): void {
    this.values.push(n);
  }

  /** Drops values past the first n (a row the fused parser must read again). */
  truncate(n: number): void {
    if (this.values.length > n) this.values.length = n;
  }

  /** Whether plain decimals ("-12.5") may be parsed by the caller: none of them is a missing token. */
  fastOk(): boolean {
    return this.fast;
  }

  finish(warnings: string[]): Column {
    if (this.bad > 0) warnings.push(importMessages.notNumbers(this.q.id, this.bad));
    return { type: 'numeric', id: this.q.id, text: this.q.text, values: this.values.finish() };
  }
}
