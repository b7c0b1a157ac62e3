// Single-answer and free-text columns: labels dictionary-encoded to codes.
import type { SchemaQuestion } from '../../schema/types';
import { CodeBuffer, copyString } from '../codes';
import type { Column } from '../types';
import { clean, NUMBERISH, FEW } from './cells';
import type { Encoder } from './cells';

export class CategoryEncoder implements Encoder {
  /** Label -> code; missing tokens map to 0, so one lookup serves both. */
  private readonly dict = new Map<string, number>();
  private readonly labels: string[] = [];
  readonly codes: CodeBuffer;
  /** Missing tokens and labels while there are at most FEW of them, with their codes. */
  private few: string[] | null;
  private readonly fewCodes: number[] = [];

  constructor(
    private readonly q: SchemaQuestion,
    private readonly col: number,
    missing: ReadonlySet<string>,
    private readonly type: 'single' | 'text',
    capacity: number,
  ) {
    this.codes = new CodeBuffer(capacity);
    const few: string[] = [];
    for (const m of missing) {
      this.dict.set(m, 0);
      few.push(m);
      this.fewCodes.push(0);
    }
    this.few = few;
  }

  push(cells: readonly string[]): void {
    this.pushCell(cells[this.col]);
  }

  pushCell(cell: string | undefined): void {
    this.codes.push(this.codeOf(cell));
  }

  /** The code of one raw cell (0 for a missing token); a new label gets the next code. */
  codeOf(cell: string | undefined): number {
    const v = clean(cell);
    // Few labels (the usual case): comparing strings beats hashing each new cell (2x here).
    const few = this.few;
    if (few !== null) {
      for (let k = 0; k < few.length; k++) if (few[k] === v) return this.fewCodes[k] as number;
    }
    let code = this.dict.get(v);
    if (code === undefined) {
      const label = copyString(v);
      this.labels.push(label);
      code = this.labels.length;
      this.dict.set(label, code);
      if (few !== null) {
        if (few.length < FEW) {
          few.push(label);
          this.fewCodes.push(code);
        } else this.few = null;
      }
    }
    return code;
  }

  finish(): Column {
    let labels = this.labels;
    // Numbers used as categories (ratings 1-5, ranks) read best in numeric order.
    if (this.type === 'single' && labels.length > 1 && labels.every((l) => NUMBERISH.test(l))) {
      const order = labels.map((l, i) => ({ n: Number(l), i })).sort((a, b) => a.n - b.n);
      const map = new Uint32Array(labels.length + 1);
      order.forEach((o, k) => (map[o.i + 1] = k + 1));
      this.codes.remap(map);
      labels = order.map((o) => labels[o.i] as string);
    }
    return {
      type: this.type,
      id: this.q.id,
      text: this.q.text,
      labels,
      codes: this.codes.finish(),
    };
  }
}
