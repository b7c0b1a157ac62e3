// The counting kernel: tight loops over typed arrays, no per-row objects.
// Each axis is reduced to keys (single: answer codes; multi: answer-pattern
// codes; 0 = missing) and we count joint keys rowKey * nColKeys + colKey.
// Patterns are expanded into options afterwards, where they are few.
// A banner (one row question against many) reads the respondents in blocks:
// each block's row keys are prepared once, then every column question is
// counted against them by a loop specialised to its code array's type.
//
// Long on purpose (over the house's 400 lines): V8 keeps a loop fast only while
// every array in it has one type, so the 8/16/32-bit loops are written out
// rather than shared, and `npm run bench` measures what that buys (the banner
// target depends on it). Split it only with the bench beside you.
import type { Codes } from '../table/types';
import { countPassing } from '../filter/filter';

/** The non-empty cells of a joint key histogram. */
export interface JointCounts {
  rowKey: Int32Array;
  colKey: Int32Array;
  /** Respondents. */
  n: Float64Array;
  /** Sum of weights (equal to n when unweighted). */
  w: Float64Array;
}

export interface KeyAxis {
  /** null: every respondent has key 1 (the "Total" axis). */
  keys: Codes | null;
  nKeys: number;
}

/** Above this many joint keys a histogram is kept sparse (a Map) instead of dense typed arrays. */
const DENSE_LIMIT = 1 << 22;

/**
 * Respondents are counted in blocks of this many (a multiple of 32, so that a
 * block starts on a word of the include mask). A block's row keys and weights
 * stay in cache while every column question is counted against them.
 */
const BLOCK = 4096;

/**
 * Counts joint keys of `rows` against each of `cols` over the respondents
 * whose bit is set in `include` (all when null), summing `weights` alongside
 * when given. Weights must already be valid for every included respondent.
 *
 * Dense histograms are counted block by block: the block's row keys are
 * copied once into an Int32Array (respondents left out by `include` get the
 * extra key nRowKeys, a discard row), then each column question runs a tight
 * loop specialised to its code array's type. Each cell sums its respondents
 * in respondent order, so a column's counts and weighted sums do not depend
 * on which other columns are counted with it: a banner equals its crosstabs.
 */
export function countJointMany(
  rowCount: number,
  rows: KeyAxis,
  cols: readonly KeyAxis[],
  include: Uint32Array | null,
  weights: Float64Array | null,
): JointCounts[] {
  const dense = cols.map((c) => (rows.nKeys + 1) * c.nKeys <= DENSE_LIMIT);
  const denseCols = cols.filter((_, k) => dense[k]);
  const counted = countBlocked(rowCount, rows, denseCols, include, weights);
  let d = 0;
  return cols.map((c, k) =>
    dense[k] ? counted[d++]! : countSparse(rowCount, rows, c, include, weights),
  );
}

function countBlocked(
  rowCount: number,
  rows: KeyAxis,
  cols: readonly KeyAxis[],
  include: Uint32Array | null,
  weights: Float64Array | null,
): JointCounts[] {
  if (cols.length === 0) return [];
  const nR = rows.nKeys;
  // Histograms have one more row (key nR) for respondents the mask leaves out.
  const ns = cols.map((c) => new Uint32Array((nR + 1) * c.nKeys));
  const ws = weights === null ? null : cols.map((c) => new Float64Array((nR + 1) * c.nKeys));
  const rk = new Int32Array(BLOCK);
  const at = include === null ? null : new Int32Array(BLOCK);
  for (let start = 0; start < rowCount; start += BLOCK) {
    const len = Math.min(BLOCK, rowCount - start);
    // A block where most respondents pass is counted whole, the others with
    // the discard key; one where many are left out only at the passing ones.
    let m = len;
    let gather = false;
    if (include === null) copyRowKeys(rk, rows.keys, start, len);
    else {
      const passing = passingInBlock(include, start, len);
      if (passing === 0) continue;
      if (passing * 8 >= len * 7) {
        copyRowKeys(rk, rows.keys, start, len);
        discardLeftOut(rk, include, start, len, nR);
      } else {
        m = gatherBlock(rk, at!, rows.keys, include, start, len);
        gather = true;
      }
    }
    for (let k = 0; k < cols.length; k++) {
      const ck = cols[k]!.keys;
      const nC = cols[k]!.nKeys;
      const n = ns[k]!;
      const w = ws === null ? null : ws[k]!;
      if (ck === null) {
        if (w === null) countTotal(rk, m, nC, n);
        else if (gather) sumTotalAt(rk, at!, weights!, m, nC, n, w);
        else sumTotal(rk, weights!, start, m, nC, n, w);
      } else if (gather) {
        if (w === null) {
          if (ck instanceof Uint8Array) countAt8(rk, at!, ck, m, nC, n);
          else if (ck instanceof Uint16Array) countAt16(rk, at!, ck, m, nC, n);
          else countAt32(rk, at!, ck, m, nC, n);
        } else if (ck instanceof Uint8Array) sumAt8(rk, at!, ck, weights!, m, nC, n, w);
        else if (ck instanceof Uint16Array) sumAt16(rk, at!, ck, weights!, m, nC, n, w);
        else sumAt32(rk, at!, ck, weights!, m, nC, n, w);
      } else if (w === null) {
        if (ck instanceof Uint8Array) count8(rk, ck, start, m, nC, n);
        else if (ck instanceof Uint16Array) count16(rk, ck, start, m, nC, n);
        else count32(rk, ck, start, m, nC, n);
      } else if (ck instanceof Uint8Array) sum8(rk, ck, weights!, start, m, nC, n, w);
      else if (ck instanceof Uint16Array) sum16(rk, ck, weights!, start, m, nC, n, w);
      else sum32(rk, ck, weights!, start, m, nC, n, w);
    }
  }
  return cols.map((c, k) => compact(ns[k]!, ws === null ? null : ws[k]!, c.nKeys, nR * c.nKeys));
}

/** rk[0..len-1] = the row keys of respondents start..start+len-1 (1 for the Total axis). */
function copyRowKeys(rk: Int32Array, keys: Codes | null, start: number, len: number): void {
  if (keys === null) rk.fill(1, 0, len);
  else rk.set(keys.subarray(start, start + len));
}

/** Respondents start..start+len-1 (start a multiple of 32) whose bit is set. */
function passingInBlock(include: Uint32Array, start: number, len: number): number {
  const first = start >>> 5;
  return countPassing(include.subarray(first, first + ((len + 31) >>> 5)));
}

/** Gives the discard key to the block's respondents whose bit is clear. */
function discardLeftOut(
  rk: Int32Array,
  include: Uint32Array,
  start: number,
  len: number,
  discard: number,
): void {
  const first = start >>> 5;
  const words = (len + 31) >>> 5;
  for (let w = 0; w < words; w++) {
    let out = ~include[first + w]!;
    const base = w << 5;
    while (out !== 0) {
      const low = out & -out;
      rk[base + 31 - Math.clz32(low)] = discard;
      out ^= low;
    }
  }
}

/**
 * at[0..m-1] = the block's respondents whose bit is set, in order, and
 * rk[0..m-1] their row keys; returns m.
 */
function gatherBlock(
  rk: Int32Array,
  at: Int32Array,
  keys: Codes | null,
  include: Uint32Array,
  start: number,
  len: number,
): number {
  const first = start >>> 5;
  const words = (len + 31) >>> 5;
  let m = 0;
  for (let w = 0; w < words; w++) {
    let bits = include[first + w]!;
    const base = start + (w << 5);
    while (bits !== 0) {
      const low = bits & -bits;
      at[m++] = base + 31 - Math.clz32(low);
      bits ^= low;
    }
  }
  if (keys === null) rk.fill(1, 0, m);
  else for (let j = 0; j < m; j++) rk[j] = keys[at[j]!]!;
  return m;
}

// The kernels, one per code array type so that every element access in the
// loop is monomorphic, unrolled (measured fastest: eight-way for counts,
// four-way with weights). rk holds the block's row keys; cell = rowKey *
// nColKeys + colKey. Every cell is summed in respondent order.

function count8(
  rk: Int32Array,
  keys: Uint8Array,
  s: number,
  len: number,
  nC: number,
  n: Uint32Array,
) {
  const c = keys.subarray(s, s + len);
  let j = 0;
  for (; j + 7 < len; j += 8) {
    n[rk[j]! * nC + c[j]!]!++;
    n[rk[j + 1]! * nC + c[j + 1]!]!++;
    n[rk[j + 2]! * nC + c[j + 2]!]!++;
    n[rk[j + 3]! * nC + c[j + 3]!]!++;
    n[rk[j + 4]! * nC + c[j + 4]!]!++;
    n[rk[j + 5]! * nC + c[j + 5]!]!++;
    n[rk[j + 6]! * nC + c[j + 6]!]!++;
    n[rk[j + 7]! * nC + c[j + 7]!]!++;
  }
  for (; j < len; j++) n[rk[j]! * nC + c[j]!]!++;
}

function count16(
  rk: Int32Array,
  keys: Uint16Array,
  s: number,
  len: number,
  nC: number,
  n: Uint32Array,
) {
  const c = keys.subarray(s, s + len);
  let j = 0;
  for (; j + 7 < len; j += 8) {
    n[rk[j]! * nC + c[j]!]!++;
    n[rk[j + 1]! * nC + c[j + 1]!]!++;
    n[rk[j + 2]! * nC + c[j + 2]!]!++;
    n[rk[j + 3]! * nC + c[j + 3]!]!++;
    n[rk[j + 4]! * nC + c[j + 4]!]!++;
    n[rk[j + 5]! * nC + c[j + 5]!]!++;
    n[rk[j + 6]! * nC + c[j + 6]!]!++;
    n[rk[j + 7]! * nC + c[j + 7]!]!++;
  }
  for (; j < len; j++) n[rk[j]! * nC + c[j]!]!++;
}

function count32(
  rk: Int32Array,
  keys: Uint32Array,
  s: number,
  len: number,
  nC: number,
  n: Uint32Array,
) {
  const c = keys.subarray(s, s + len);
  let j = 0;
  for (; j + 7 < len; j += 8) {
    n[rk[j]! * nC + c[j]!]!++;
    n[rk[j + 1]! * nC + c[j + 1]!]!++;
    n[rk[j + 2]! * nC + c[j + 2]!]!++;
    n[rk[j + 3]! * nC + c[j + 3]!]!++;
    n[rk[j + 4]! * nC + c[j + 4]!]!++;
    n[rk[j + 5]! * nC + c[j + 5]!]!++;
    n[rk[j + 6]! * nC + c[j + 6]!]!++;
    n[rk[j + 7]! * nC + c[j + 7]!]!++;
  }
  for (; j < len; j++) n[rk[j]! * nC + c[j]!]!++;
}

/** The Total column: key 1 for everyone. */
function countTotal(rk: Int32Array, len: number, nC: number, n: Uint32Array) {
  for (let j = 0; j < len; j++) n[rk[j]! * nC + 1]!++;
}

function sum8(
  rk: Int32Array,
  c: Uint8Array,
  wt: Float64Array,
  s: number,
  len: number,
  nC: number,
  n: Uint32Array,
  w: Float64Array,
) {
  let j = 0;
  for (; j + 3 < len; j += 4) {
    const i = s + j;
    const a = rk[j]! * nC + c[i]!;
    const b = rk[j + 1]! * nC + c[i + 1]!;
    const d = rk[j + 2]! * nC + c[i + 2]!;
    const e = rk[j + 3]! * nC + c[i + 3]!;
    n[a]!++;
    w[a]! += wt[i]!;
    n[b]!++;
    w[b]! += wt[i + 1]!;
    n[d]!++;
    w[d]! += wt[i + 2]!;
    n[e]!++;
    w[e]! += wt[i + 3]!;
  }
  for (; j < len; j++) {
    const i = s + j;
    const cell = rk[j]! * nC + c[i]!;
    n[cell]!++;
    w[cell]! += wt[i]!;
  }
}

function sum16(
  rk: Int32Array,
  c: Uint16Array,
  wt: Float64Array,
  s: number,
  len: number,
  nC: number,
  n: Uint32Array,
  w: Float64Array,
) {
  let j = 0;
  for (; j + 3 < len; j += 4) {
    const i = s + j;
    const a = rk[j]! * nC + c[i]!;
    const b = rk[j + 1]! * nC + c[i + 1]!;
    const d = rk[j + 2]! * nC + c[i + 2]!;
    const e = rk[j + 3]! * nC + c[i + 3]!;
    n[a]!++;
    w[a]! += wt[i]!;
    n[b]!++;
    w[b]! += wt[i + 1]!;
    n[d]!++;
    w[d]! += wt[i + 2]!;
    n[e]!++;
    w[e]! += wt[i + 3]!;
  }
  for (; j < len; j++) {
    const i = s + j;
    const cell = rk[j]! * nC + c[i]!;
    n[cell]!++;
    w[cell]! += wt[i]!;
  }
}

function sum32(
  rk: Int32Array,
  c: Uint32Array,
  wt: Float64Array,
  s: number,
  len: number,
  nC: number,
  n: Uint32Array,
  w: Float64Array,
) {
  let j = 0;
  for (; j + 3 < len; j += 4) {
    const i = s + j;
    const a = rk[j]! * nC + c[i]!;
    const b = rk[j + 1]! * nC + c[i + 1]!;
    const d = rk[j + 2]! * nC + c[i + 2]!;
    const e = rk[j + 3]! * nC + c[i + 3]!;
    n[a]!++;
    w[a]! += wt[i]!;
    n[b]!++;
    w[b]! += wt[i + 1]!;
    n[d]!++;
    w[d]! += wt[i + 2]!;
    n[e]!++;
    w[e]! += wt[i + 3]!;
  }
  for (; j < len; j++) {
    const i = s + j;
    const cell = rk[j]! * nC + c[i]!;
    n[cell]!++;
    w[cell]! += wt[i]!;
  }
}

function sumTotal(
  rk: Int32Array,
  wt: Float64Array,
  s: number,
  len: number,
  nC: number,
  n: Uint32Array,
  w: Float64Array,
) {
  for (let j = 0; j < len; j++) {
    const cell = rk[j]! * nC + 1;
    n[cell]!++;
    w[cell]! += wt[s + j]!;
  }
}

// The same kernels over the passing respondents of a sparse block: at[j] is
// the respondent, rk[j] its row key.

function countAt8(
  rk: Int32Array,
  at: Int32Array,
  c: Uint8Array,
  m: number,
  nC: number,
  n: Uint32Array,
) {
  let j = 0;
  for (; j + 3 < m; j += 4) {
    n[rk[j]! * nC + c[at[j]!]!]!++;
    n[rk[j + 1]! * nC + c[at[j + 1]!]!]!++;
    n[rk[j + 2]! * nC + c[at[j + 2]!]!]!++;
    n[rk[j + 3]! * nC + c[at[j + 3]!]!]!++;
  }
  for (; j < m; j++) n[rk[j]! * nC + c[at[j]!]!]!++;
}

function countAt16(
  rk: Int32Array,
  at: Int32Array,
  c: Uint16Array,
  m: number,
  nC: number,
  n: Uint32Array,
) {
  let j = 0;
  for (; j + 3 < m; j += 4) {
    n[rk[j]! * nC + c[at[j]!]!]!++;
    n[rk[j + 1]! * nC + c[at[j + 1]!]!]!++;
    n[rk[j + 2]! * nC + c[at[j + 2]!]!]!++;
    n[rk[j + 3]! * nC + c[at[j + 3]!]!]!++;
  }
  for (; j < m; j++) n[rk[j]! * nC + c[at[j]!]!]!++;
}

function countAt32(
  rk: Int32Array,
  at: Int32Array,
  c: Uint32Array,
  m: number,
  nC: number,
  n: Uint32Array,
) {
  let j = 0;
  for (; j + 3 < m; j += 4) {
    n[rk[j]! * nC + c[at[j]!]!]!++;
    n[rk[j + 1]! * nC + c[at[j + 1]!]!]!++;
    n[rk[j + 2]! * nC + c[at[j + 2]!]!]!++;
    n[rk[j + 3]! * nC + c[at[j + 3]!]!]!++;
  }
  for (; j < m; j++) n[rk[j]! * nC + c[at[j]!]!]!++;
}

function sumAt8(
  rk: Int32Array,
  at: Int32Array,
  c: Uint8Array,
  wt: Float64Array,
  m: number,
  nC: number,
  n: Uint32Array,
  w: Float64Array,
) {
  for (let j = 0; j < m; j++) {
    const i = at[j]!;
    const cell = rk[j]! * nC + c[i]!;
    n[cell]!++;
    w[cell]! += wt[i]!;
  }
}

function sumAt16(
  rk: Int32Array,
  at: Int32Array,
  c: Uint16Array,
  wt: Float64Array,
  m: number,
  nC: number,
  n: Uint32Array,
  w: Float64Array,
) {
  for (let j = 0; j < m; j++) {
    const i = at[j]!;
    const cell = rk[j]! * nC + c[i]!;
    n[cell]!++;
    w[cell]! += wt[i]!;
  }
}

function sumAt32(
  rk: Int32Array,
  at: Int32Array,
  c: Uint32Array,
  wt: Float64Array,
  m: number,
  nC: number,
  n: Uint32Array,
  w: Float64Array,
) {
  for (let j = 0; j < m; j++) {
    const i = at[j]!;
    const cell = rk[j]! * nC + c[i]!;
    n[cell]!++;
    w[cell]! += wt[i]!;
  }
}

function sumTotalAt(
  rk: Int32Array,
  at: Int32Array,
  wt: Float64Array,
  m: number,
  nC: number,
  n: Uint32Array,
  w: Float64Array,
) {
  for (let j = 0; j < m; j++) {
    const cell = rk[j]! * nC + 1;
    n[cell]!++;
    w[cell]! += wt[at[j]!]!;
  }
}

function countSparse(
  rowCount: number,
  rows: KeyAxis,
  cols: KeyAxis,
  include: Uint32Array | null,
  weights: Float64Array | null,
): JointCounts {
  const n = new Map<number, number>();
  const w = new Map<number, number>();
  const rk = rows.keys;
  const ck = cols.keys;
  forEachIncluded(rowCount, include, (i) => {
    const cell = (rk === null ? 1 : rk[i]!) * cols.nKeys + (ck === null ? 1 : ck[i]!);
    n.set(cell, (n.get(cell) ?? 0) + 1);
    if (weights !== null) w.set(cell, (w.get(cell) ?? 0) + weights[i]!);
  });
  const cells = [...n.keys()].sort((x, y) => x - y);
  const out: JointCounts = {
    rowKey: new Int32Array(cells.length),
    colKey: new Int32Array(cells.length),
    n: new Float64Array(cells.length),
    w: new Float64Array(cells.length),
  };
  cells.forEach((cell, j) => {
    out.rowKey[j] = Math.floor(cell / cols.nKeys);
    out.colKey[j] = cell % cols.nKeys;
    out.n[j] = n.get(cell)!;
    out.w[j] = weights === null ? n.get(cell)! : w.get(cell)!;
  });
  return out;
}

/** Calls f(i) for every respondent i whose bit is set (all when include is null). */
function forEachIncluded(
  rowCount: number,
  include: Uint32Array | null,
  f: (i: number) => void,
): void {
  if (include === null) {
    for (let i = 0; i < rowCount; i++) f(i);
    return;
  }
  for (let word = 0; word < include.length; word++) {
    let bits = include[word]!;
    const base = word << 5;
    while (bits !== 0) {
      const low = bits & -bits;
      const i = base + 31 - Math.clz32(low);
      bits ^= low;
      if (i < rowCount) f(i);
    }
  }
}

/** The non-empty cells among the first `size` of a dense histogram. */
function compact(
  n: Uint32Array,
  w: Float64Array | null,
  nColKeys: number,
  size = n.length,
): JointCounts {
  let cells = 0;
  for (let k = 0; k < size; k++) if (n[k] !== 0) cells++;
  const out: JointCounts = {
    rowKey: new Int32Array(cells),
    colKey: new Int32Array(cells),
    n: new Float64Array(cells),
    w: new Float64Array(cells),
  };
  let j = 0;
  for (let k = 0; k < size; k++) {
    if (n[k] === 0) continue;
    out.rowKey[j] = Math.floor(k / nColKeys);
    out.colKey[j] = k % nColKeys;
    out.n[j] = n[k]!;
    out.w[j] = w === null ? n[k]! : w[k]!;
    j++;
  }
  return out;
}
