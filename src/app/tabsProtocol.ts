// Messages between the page and the tab book worker (tabsWorker.ts). The page
// sends a survey's table once (the worker keeps it under its key), in pieces:
// first the table with its typed arrays left empty, then each array in chunks
// of at most CHUNK_BYTES, copied and transferred, so that no single task of the
// page copies the whole survey (cloning 200,000 respondents × 30 questions in
// one postMessage blocks the page for a quarter of a second). Then a request
// per build; the worker answers with the book's head, each table as it is
// made, then done.
import type { SurveyError } from '../core/result';
import type { Codes, Column, RespondentTable } from '../core/table/types';
import type { TabTable } from '../core/tabs/types';
import type { BookHead, TabBookRequest } from '../state/models/tabBookBuild';

/** The largest piece of an array sent in one message. */
export const CHUNK_BYTES = 2 << 20;

type ColumnArray = Codes | Float64Array;

export type ToTabsWorker =
  /** A table, its arrays empty: `lengths` says how long each one is (see arraySlots). */
  | { type: 'table'; key: string; table: RespondentTable; lengths: number[] }
  /** Array `slot` of the table under `key`, from `offset`. */
  | { type: 'chunk'; key: string; slot: number; offset: number; data: ColumnArray }
  | { type: 'build'; id: number; key: string; request: TabBookRequest };

export type FromTabsWorker =
  | { id: number; type: 'head'; head: BookHead; total: number }
  | { id: number; type: 'table'; index: number; table: TabTable }
  | { id: number; type: 'done' }
  | { id: number; type: 'failed'; error: SurveyError };

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
export const emptyLike = (a: ColumnArray): ColumnArray =>
  new (a.constructor as new (n: number) => ColumnArray)(0);

/** A new array of the kind of `shell`, `length` long. */
export const allocateLike = (shell: ColumnArray, length: number): ColumnArray =>
  new (shell.constructor as new (n: number) => ColumnArray)(length);
