// How persist.ts keeps a large survey: the record without its large typed
// arrays (a survey of 10,000,000 respondents holds some 540 MB of them), and
// each of those arrays as a value of its own in another object store. Writing
// then never serializes the whole survey into one buffer beside the survey
// itself, and reading it back deserializes one array per task instead of the
// whole survey in one long task on the page.
import type { StoredSurvey } from '../state/models/stored';

/** Where a record's array went: its number among the record's stored arrays. */
export interface StoredArrayRef {
  storedArray: number;
}

/** Arrays from this size up are stored as values of their own. */
export const OWN_VALUE_BYTES = 1 << 16;

const isRef = (v: unknown): v is StoredArrayRef =>
  typeof v === 'object' && v !== null && typeof (v as StoredArrayRef).storedArray === 'number';

const isLarge = (v: unknown): v is ArrayBufferView =>
  ArrayBuffer.isView(v) && !(v instanceof DataView) && v.byteLength >= OWN_VALUE_BYTES;

/** The table's columns, each field of each column visited (typed arrays or references). */
function mapColumns(record: StoredSurvey, visit: (value: unknown) => unknown): StoredSurvey {
  if (record.kind !== 'respondents') return record;
  const columns = record.table.columns.map((column) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(column)) out[key] = visit(value);
    return out as unknown as typeof column;
  });
  return { ...record, table: { ...record.table, columns } };
}

/** The record with its large arrays replaced by references, and those arrays, in reference order. */
export function splitRecord(record: StoredSurvey): {
  record: StoredSurvey;
  arrays: ArrayBufferView[];
} {
  const arrays: ArrayBufferView[] = [];
  const split = mapColumns(record, (v) => {
    if (!isLarge(v)) return v;
    arrays.push(v);
    return { storedArray: arrays.length - 1 } satisfies StoredArrayRef;
  });
  return { record: arrays.length === 0 ? record : split, arrays };
}

/** How many arrays a stored record keeps apart. */
export function arraysApart(record: StoredSurvey): number {
  let n = 0;
  mapColumns(record, (v) => {
    if (isRef(v)) n = Math.max(n, v.storedArray + 1);
    return v;
  });
  return n;
}

/** The stored record with its arrays put back (`arrays[k]` is reference k's). */
export function joinRecord(record: StoredSurvey, arrays: readonly unknown[]): StoredSurvey {
  if (arraysApart(record) === 0) return record;
  return mapColumns(record, (v) => {
    if (!isRef(v)) return v;
    const a = arrays[v.storedArray];
    if (!ArrayBuffer.isView(a)) throw new Error(`stored array ${v.storedArray} is missing`);
    return a;
  });
}
