// A survey's table sent to a worker that keeps it (the tab book worker, the
// crosstab helper), in pieces: first the table with its typed arrays left
// empty, then each array in chunks of at most CHUNK_BYTES, copied and
// transferred, so that no single task of the page copies the whole survey
// (cloning 200,000 respondents × 30 questions in one postMessage blocks the
// page for a quarter of a second). The worker keeps the table under its key,
// so a table it already holds is not sent again.
import type { Codes, Column, RespondentTable } from '../core/table/types';

/** The largest piece of an array sent in one message. */
export const CHUNK_BYTES = 2 << 20;

type ColumnArray = Codes | Float64Array;

export type TableMessage =
  /** A table, its arrays empty: `lengths` says how long each one is (see arraySlots). */
  | { type: 'table'; key: string; table: RespondentTable; lengths: number[] }
  /** Array `slot` of the table under `key`, from `offset`. */
  | { type: 'chunk'; key: string; slot: number; offset: number; data: ColumnArray };

interface Slot {
  get(): ColumnArray;
  set(array: ColumnArray): void;
}

/** Every typed array of the columns, in one fixed order, to read and to replace. */
export function arraySlots(columns: readonly Column[]): Slot[] {
  const out: Slot[] = [];
  for (const c of columns) {
    if (c.type === 'single' || c.type === 'text')
      out.push({ get: () => c.codes, set: (a) => (c.codes = a as Codes) });
    else if (c.type === 'multi') {
      out.push({ get: () => c.masks, set: (a) => (c.masks = a as Uint32Array) });
      out.push({ get: () => c.patternOf, set: (a) => (c.patternOf = a as Codes) });
    } else out.push({ get: () => c.values, set: (a) => (c.values = a as Float64Array) });
  }
  return out;
}

/** An empty array of the same kind (its constructor is what travels). */
const emptyLike = (a: ColumnArray): ColumnArray =>
  new (a.constructor as new (n: number) => ColumnArray)(0);

/** A new array of the kind of `shell`, `length` long. */
const allocateLike = (shell: ColumnArray, length: number): ColumnArray =>
  new (shell.constructor as new (n: number) => ColumnArray)(length);

/** Work on the page for at most this long before letting it answer (ms). */
const SLICE_MS = 8;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Sends `table` under `key` through `post`: its shape first, then each array
 * in copied, transferred chunks of at most `chunkBytes`, yielding to the page
 * every few milliseconds.
 * Stops when `live()` turns false. Free text never stands in a tab book or a
 * crosstab: it stays on the page.
 */
export async function sendTable(
  post: (message: TableMessage, transfer: Transferable[]) => void,
  key: string,
  table: RespondentTable,
  live: () => boolean,
  chunkBytes = CHUNK_BYTES,
): Promise<void> {
  const columns = table.columns.filter((c) => c.type !== 'text').map((c) => ({ ...c }));
  const slots = arraySlots(columns);
  const arrays = slots.map((s) => s.get());
  slots.forEach((s, i) => s.set(emptyLike(arrays[i]!)));
  post(
    { type: 'table', key, table: { ...table, columns }, lengths: arrays.map((a) => a.length) },
    [],
  );
  let started = performance.now();
  for (let slot = 0; slot < arrays.length; slot++) {
    const a = arrays[slot]!;
    const step = Math.max(1, Math.floor(chunkBytes / a.BYTES_PER_ELEMENT));
    for (let offset = 0; offset < a.length; offset += step) {
      const data = a.slice(offset, offset + step);
      post({ type: 'chunk', key, slot, offset, data }, [data.buffer]);
      if (performance.now() - started > SLICE_MS) {
        await nextTask();
        if (!live()) return;
        started = performance.now();
      }
    }
  }
}

/** The worker's side: the table last sent, filled chunk by chunk. */
export interface TableHolder {
  /** Takes a table message (true), or leaves any other message alone (false). */
  receive(message: { type: string }): boolean;
  /** The table held under `key`, or null. */
  table(key: string): RespondentTable | null;
}

export function tableHolder(): TableHolder {
  let held: { key: string; table: RespondentTable; slots: Slot[] } | null = null;
  return {
    receive(message) {
      const m = message as TableMessage;
      if (m.type === 'table') {
        const slots = arraySlots(m.table.columns);
        slots.forEach((s, i) => s.set(allocateLike(s.get(), m.lengths[i]!)));
        held = { key: m.key, table: m.table, slots };
        return true;
      }
      if (m.type === 'chunk') {
        if (held?.key === m.key) held.slots[m.slot]!.get().set(m.data, m.offset);
        return true;
      }
      return false;
    },
    table: (key) => (held?.key === key ? held.table : null),
  };
}

/** A number per table object, so a worker keeps a survey's table between requests. */
const tableKeys = new WeakMap<RespondentTable, number>();
let tableSerial = 0;

/** The key a survey's table (`id`, this version of its table) is held under in a worker. */
export function tableKey(id: string, table: RespondentTable): string {
  let n = tableKeys.get(table);
  if (n === undefined) {
    n = ++tableSerial;
    tableKeys.set(table, n);
  }
  return `${id}#${n}`;
}
