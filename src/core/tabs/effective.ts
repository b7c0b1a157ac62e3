// Kish's effective base n_eff = (Σw)² / Σw²: how many unweighted respondents
// would give the same precision as this weighted column. Weighting makes some
// respondents count more than others, which costs precision; testing weighted
// percents with the unweighted n overstates significance, testing with Σw
// (a population total, maybe millions) is absurd. Every weighted test in a
// tab book uses n_eff of each column.
//
// Σw is the crosstab's weighted base; Σw² needs the respondents themselves.
// Most respondents answer most questions, so Σw² of a row question's
// respondents is computed as Σw² of everyone counted (once per book) minus
// that of those who did not answer (a few percent), summed by unit key
// (frame.ts) and then spread over the book columns. The missing answers of
// every row question are found in one pass, block by block, so that the
// weights and unit keys of a block are read from cache by every question; and
// a question's codes are read four (or two) at a time, skipping the words
// that hold no zero. When most did not answer, the answered ones are summed
// instead, so nothing is lost to cancellation.
import { countPassing } from '../filter/filter';
import type { Codes } from '../table/types';
import type { Frame, Unit } from './frame';

/** (Σw)² / Σw²; 0 when nobody is in the column. */
export const kish = (sumW: number, sumW2: number): number =>
  sumW2 > 0 ? (sumW * sumW) / sumW2 : 0;

/** Σw² per book column over every respondent counted. */
export function allSquares(frame: Frame): Float64Array {
  return spread(frame, squaresBy(frame, null, Uint8Array.of(1), 0), 1);
}

/**
 * Σw² per book column over the respondents counted whose row key is kept:
 * not 0 (a missing answer) and, when `drop` is given, not drop[key] = 1.
 * `all` is allSquares(frame).
 */
export function squaresKept(
  frame: Frame,
  all: Float64Array,
  keys: Codes,
  drop: Uint8Array | null,
  missing?: Sums,
): Float64Array {
  const dropped = drop ?? Uint8Array.of(1);
  const by = drop === null && missing !== undefined ? missing : squaresBy(frame, keys, dropped, 1);
  if (by.respondents * 2 <= by.counted) {
    const minus = spread(frame, by, 1);
    // A column everyone in it dropped is exactly 0, not rounding dust.
    return all.map((v, c) => (v - minus[c]! > 0 ? v - minus[c]! : 0));
  }
  return spread(frame, squaresBy(frame, keys, dropped, 0), 1);
}

/** Respondents counted in a block, a multiple of 32 (a word of the include mask) and of 4. */
const BLOCK = 4096;

/**
 * For each of these questions, Σw² by unit key of the respondents counted
 * whose answer is missing (key 0): squaresKept's `missing`, all in one pass.
 */
export function missingSquares(frame: Frame, questions: readonly Codes[]): Sums[] {
  const counted = frame.include === null ? frame.rowCount : countPassing(frame.include);
  const out = questions.map(() => ({
    sums: frame.units.map((u) => new Float64Array(u.start.length - 1)),
    respondents: 0,
    counted,
  }));
  const w = frame.weights;
  if (w === null) return out;
  // Whole 32-bit words over the codes, when they start on a 4-byte boundary.
  const words = questions.map((k) =>
    k instanceof Uint32Array || k.byteOffset % 4 !== 0
      ? null
      : new Uint32Array(k.buffer, k.byteOffset, (k.byteLength / 4) | 0),
  );
  const n = frame.rowCount;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    questions.forEach((keys, q) => {
      const o = out[q]!;
      const view = words[q]!;
      o.respondents +=
        keys instanceof Uint8Array
          ? view === null
            ? plain8(keys, start, end, frame.include, w, frame.units, o.sums)
            : words8(keys, view, start, end, frame.include, w, frame.units, o.sums)
          : keys instanceof Uint16Array
            ? view === null
              ? plain16(keys, start, end, frame.include, w, frame.units, o.sums)
              : words16(keys, view, start, end, frame.include, w, frame.units, o.sums)
            : plain32(keys, start, end, frame.include, w, frame.units, o.sums);
    });
  }
  return out;
}

/** Takes respondent i (its key is 0) when counted: adds w[i]² to its unit keys' sums; returns 1 if taken. */
function take(
  i: number,
  include: Uint32Array | null,
  w: Float64Array,
  units: readonly Unit[],
  sums: Float64Array[],
): number {
  if (include !== null && ((include[i >>> 5]! >>> (i & 31)) & 1) === 0) return 0;
  add(i, w[i]! * w[i]!, units, sums);
  return 1;
}

/**
 * One-byte codes four at a time: a word holds a zero byte exactly when
 * (v − 0x01010101) & ~v & 0x80808080 is not 0, and nearly every word has none.
 */
function words8(
  keys: Uint8Array,
  view: Uint32Array,
  start: number,
  end: number,
  include: Uint32Array | null,
  w: Float64Array,
  units: readonly Unit[],
  sums: Float64Array[],
): number {
  let taken = 0;
  const whole = Math.min(end, view.length << 2);
  for (let k = start >>> 2; k < whole >>> 2; k++) {
    const v = view[k]!;
    if (((v - 0x01010101) & ~v & 0x80808080) === 0) continue;
    const i = k << 2;
    if (keys[i] === 0) taken += take(i, include, w, units, sums);
    if (keys[i + 1] === 0) taken += take(i + 1, include, w, units, sums);
    if (keys[i + 2] === 0) taken += take(i + 2, include, w, units, sums);
    if (keys[i + 3] === 0) taken += take(i + 3, include, w, units, sums);
  }
  for (let i = Math.max(start, whole); i < end; i++)
    if (keys[i] === 0) taken += take(i, include, w, units, sums);
  return taken;
}

/** Two-byte codes two at a time: (v − 0x00010001) & ~v & 0x80008000 is not 0 when a half is zero. */
function words16(
  keys: Uint16Array,
  view: Uint32Array,
  start: number,
  end: number,
  include: Uint32Array | null,
  w: Float64Array,
  units: readonly Unit[],
  sums: Float64Array[],
): number {
  let taken = 0;
  const whole = Math.min(end, view.length << 1);
  for (let k = start >>> 1; k < whole >>> 1; k++) {
    const v = view[k]!;
    if (((v - 0x00010001) & ~v & 0x80008000) === 0) continue;
    const i = k << 1;
    if (keys[i] === 0) taken += take(i, include, w, units, sums);
    if (keys[i + 1] === 0) taken += take(i + 1, include, w, units, sums);
  }
  for (let i = Math.max(start, whole); i < end; i++)
    if (keys[i] === 0) taken += take(i, include, w, units, sums);
  return taken;
}

function plain8(
  keys: Uint8Array,
  start: number,
  end: number,
  include: Uint32Array | null,
  w: Float64Array,
  units: readonly Unit[],
  sums: Float64Array[],
): number {
  let taken = 0;
  for (let i = start; i < end; i++) if (keys[i] === 0) taken += take(i, include, w, units, sums);
  return taken;
}

function plain16(
  keys: Uint16Array,
  start: number,
  end: number,
  include: Uint32Array | null,
  w: Float64Array,
  units: readonly Unit[],
  sums: Float64Array[],
): number {
  let taken = 0;
  for (let i = start; i < end; i++) if (keys[i] === 0) taken += take(i, include, w, units, sums);
  return taken;
}

function plain32(
  keys: Uint32Array,
  start: number,
  end: number,
  include: Uint32Array | null,
  w: Float64Array,
  units: readonly Unit[],
  sums: Float64Array[],
): number {
  let taken = 0;
  for (let i = start; i < end; i++) if (keys[i] === 0) taken += take(i, include, w, units, sums);
  return taken;
}

export interface Sums {
  /** sums[u][key]: Σw² of the respondents selected with that key of unit u. */
  sums: Float64Array[];
  /** Respondents selected, and counted in all. */
  respondents: number;
  counted: number;
}

/** The sums spread over the book columns, times sign. */
function spread(frame: Frame, by: Sums, sign: number): Float64Array {
  const out = new Float64Array(frame.columns);
  frame.units.forEach((u, k) => {
    const sums = by.sums[k]!;
    for (let key = 1; key < sums.length; key++) {
      if (sums[key] === 0) continue;
      const end = u.start[key + 1]!;
      for (let m = u.start[key]!; m < end; m++) out[u.list[m]!]! += sign * sums[key]!;
    }
  });
  return out;
}

/**
 * Σw² by unit key of the respondents counted whose row key k is dropped
 * (want 1) or kept (want 0): dropped when k is 0 or dropped[k] is 1, in one
 * pass over the row keys. keys null: everyone, kept.
 */
function squaresBy(frame: Frame, keys: Codes | null, dropped: Uint8Array, want: 0 | 1): Sums {
  const sums = frame.units.map((u) => new Float64Array(u.start.length - 1));
  const counted = frame.include === null ? frame.rowCount : countPassing(frame.include);
  const w = frame.weights;
  if (w === null) return { sums, respondents: 0, counted };
  const wantDropped = want === 1;
  const args = [frame.include, dropped, wantDropped, w, frame.units, sums] as const;
  const respondents =
    keys === null
      ? byAll(frame.include, w, frame.units, sums)
      : keys instanceof Uint8Array
        ? by8(keys, ...args)
        : keys instanceof Uint16Array
          ? by16(keys, ...args)
          : by32(keys, ...args);
  return { sums, respondents, counted };
}

/** Adds w[i]² to the sums of respondent i's key in every unit. */
function add(i: number, w2: number, units: readonly Unit[], sums: Float64Array[]): void {
  for (let u = 0; u < units.length; u++) {
    const keys = units[u]!.keys;
    sums[u]![keys === null ? 1 : keys[i]!]! += w2;
  }
}

function byAll(
  include: Uint32Array | null,
  w: Float64Array,
  units: readonly Unit[],
  sums: Float64Array[],
): number {
  let selected = 0;
  for (let i = 0; i < w.length; i++) {
    if (include !== null && ((include[i >>> 5]! >>> (i & 31)) & 1) === 0) continue;
    selected++;
    add(i, w[i]! * w[i]!, units, sums);
  }
  return selected;
}

// One pass per code array type, so that every key read is monomorphic (as the
// crosstab kernels are); the test that skips a respondent comes first. Each
// returns the number of respondents selected.

function by8(
  keys: Uint8Array,
  include: Uint32Array | null,
  dropped: Uint8Array,
  wantDropped: boolean,
  w: Float64Array,
  units: readonly Unit[],
  sums: Float64Array[],
): number {
  let selected = 0;
  const n = keys.length;
  const d = dropped.length;
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    if ((key === 0 || (key < d && dropped[key] === 1)) !== wantDropped) continue;
    if (include !== null && ((include[i >>> 5]! >>> (i & 31)) & 1) === 0) continue;
    selected++;
    add(i, w[i]! * w[i]!, units, sums);
  }
  return selected;
}

function by16(
  keys: Uint16Array,
  include: Uint32Array | null,
  dropped: Uint8Array,
  wantDropped: boolean,
  w: Float64Array,
  units: readonly Unit[],
  sums: Float64Array[],
): number {
  let selected = 0;
  const n = keys.length;
  const d = dropped.length;
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    if ((key === 0 || (key < d && dropped[key] === 1)) !== wantDropped) continue;
    if (include !== null && ((include[i >>> 5]! >>> (i & 31)) & 1) === 0) continue;
    selected++;
    add(i, w[i]! * w[i]!, units, sums);
  }
  return selected;
}

function by32(
  keys: Uint32Array,
  include: Uint32Array | null,
  dropped: Uint8Array,
  wantDropped: boolean,
  w: Float64Array,
  units: readonly Unit[],
  sums: Float64Array[],
): number {
  let selected = 0;
  const n = keys.length;
  const d = dropped.length;
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    if ((key === 0 || (key < d && dropped[key] === 1)) !== wantDropped) continue;
    if (include !== null && ((include[i >>> 5]! >>> (i & 31)) & 1) === 0) continue;
    selected++;
    add(i, w[i]! * w[i]!, units, sums);
  }
  return selected;
}
