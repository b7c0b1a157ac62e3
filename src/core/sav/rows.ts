// How one case reaches the table: through the builder's per-column interface
// (TableBuilder.fused, the one the CSV reader's fused parser uses), not as a
// row of strings. A labelled numeric cell costs one float read and one Map
// lookup (value -> code, filled the first time each value is seen); a plain
// number goes in as a number; only columns that several questions read (a
// dichotomy set's variables, a category set's) are handed over as text.
import type { CodeColumn, FusedColumns, NumberColumn } from '../table/encode';
import { CELL_CODE, CELL_ID, CELL_NUMBER, CELL_TEXT } from '../table/encode';
import type { CategorySetEncoder } from './categories';
import type { CellReader } from './cells';

export interface RowWriter {
  /** Encodes the case starting at `base` in `bytes`. */
  write(bytes: Uint8Array, view: DataView, base: number): void;
}

export function rowWriter(
  cols: FusedColumns,
  readers: readonly CellReader[],
  sets: readonly CategorySetEncoder[],
): RowWriter {
  const width = readers.length;
  const cells = new Array<string>(width).fill('');
  const inSet = new Uint8Array(width);
  for (const s of sets) for (const c of s.spec.columns) inSet[c] = 1;
  const caches: (ValueCodes | null)[] = readers.map((r, c) =>
    cols.kind[c] === CELL_CODE && r.variable.type === 'numeric' ? new ValueCodes() : null,
  );
  const rowEncoders = cols.rowEncoders;

  return {
    write(bytes, view, base) {
      for (let c = 0; c < width; c++) {
        const r = readers[c]!;
        const kind = cols.kind[c];
        if (kind === CELL_CODE) {
          const column = cols.code[c] as CodeColumn;
          const cache = caches[c];
          let code: number;
          if (cache !== null && cache !== undefined) {
            const x = r.number(view, base);
            code = cache.get(x);
            if (code < 0) {
              code = column.lookupString(r.read(bytes, view, base));
              cache.set(x, code);
            }
            if (inSet[c] === 1) cells[c] = r.read(bytes, view, base);
          } else {
            const text = r.read(bytes, view, base);
            code = column.lookupString(text);
            cells[c] = text;
          }
          column.codes.push(code);
        } else if (kind === CELL_NUMBER || kind === CELL_ID) {
          const column = cols.number[c] as NumberColumn;
          const x = r.number(view, base);
          if (column.fastOk() && r.plain(x)) column.pushNumber(x);
          else column.pushText(r.read(bytes, view, base));
          if (inSet[c] === 1) cells[c] = r.read(bytes, view, base);
        } else if (kind === CELL_TEXT || inSet[c] === 1) cells[c] = r.read(bytes, view, base);
      }
      for (let e = 0; e < rowEncoders.length; e++) rowEncoders[e]!.push(cells);
      for (let s = 0; s < sets.length; s++) sets[s]!.push(cells);
      cols.countRow();
    },
  };
}

/** SMALL: codes 0..SMALL-1, what labelled variables nearly always hold, are looked up in an array. */
const SMALL = 256;

/** A numeric column's value -> dictionary code, remembered after the first time (-1: not yet). */
class ValueCodes {
  private readonly small = new Int32Array(SMALL).fill(-1);
  private readonly other = new Map<number, number>();

  get(x: number): number {
    const i = x | 0;
    if (i === x && i >= 0 && i < SMALL) return this.small[i]!;
    return this.other.get(x) ?? -1;
  }

  set(x: number, code: number): void {
    const i = x | 0;
    if (i === x && i >= 0 && i < SMALL) this.small[i] = code;
    else this.other.set(x, code);
  }
}
