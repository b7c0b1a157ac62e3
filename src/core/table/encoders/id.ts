// Respondent ids: numbers while every id is a canonical integer, else text.
import type { SchemaQuestion } from '../../schema/types';
import { FloatBuffer } from '../codes';
import type { Column } from '../types';
import { clean, isCanonicalInteger } from './cells';
import type { Encoder } from './cells';
import { CategoryEncoder } from './category';

/**
 * Respondent ids: kept as numbers while every id is a number written canonically
 * (so "007" stays text); falls back to a text column, exactly, at the first other id.
 */
export class IdEncoder implements Encoder {
  private numbers: FloatBuffer | null;
  private text: CategoryEncoder | null = null;
  private readonly fast: boolean;

  constructor(
    private readonly q: SchemaQuestion,
    private readonly col: number,
    private readonly missing: ReadonlySet<string>,
    private readonly capacity: number,
  ) {
    this.numbers = new FloatBuffer(capacity);
    this.fast = ![...missing].some(isCanonicalInteger);
  }

  push(cells: readonly string[]): void {
    this.pushText(cells[this.col]);
  }

  /** A canonical integer id the fused parser read itself (only while fastOk()). */
  pushNumber(n: number): void {
    (this.numbers as FloatBuffer).push(n);
  }

  /** Drops ids past the first n pushed with pushNumber (a row the fused parser must read again). */
  truncate(n: number): void {
    if (this.numbers !== null && this.numbers.length > n) this.numbers.length = n;
  }

  /** Whether canonical integers may still be read by the caller: ids are numbers and none is a missing token. */
  fastOk(): boolean {
    return this.numbers !== null && this.fast;
  }

  /** One raw cell, read as the general path reads it. */
  pushText(cell: string | undefined): void {
    if (this.numbers !== null) {
      const v = clean(cell);
      if (this.missing.has(v)) return this.numbers.push(NaN);
      if (isCanonicalInteger(v)) return this.numbers.push(Number(v));
      const text = new CategoryEncoder(this.q, 0, this.missing, 'text', this.capacity);
      const done = this.numbers.finish();
      const one = [''];
      for (const x of done) {
        one[0] = Number.isNaN(x) ? '' : String(x);
        text.push(one);
      }
      this.text = text;
      this.numbers = null;
    }
    (this.text as CategoryEncoder).pushCell(cell);
  }

  finish(): Column {
    if (this.numbers !== null)
      return { type: 'numeric', id: this.q.id, text: this.q.text, values: this.numbers.finish() };
    return (this.text as CategoryEncoder).finish();
  }
}
