// The counting kernel: one pass over typed arrays, no per-row objects.
// Each axis is reduced to keys (single: answer codes; multi: answer-pattern
// codes; 0 = missing) and we count joint keys rowKey * nColKeys + colKey.
// Patterns are expanded into options afterwards, where they are few.
import type { Codes } from '../table/types';

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
 * Counts joint keys of `rows` against each of `cols` in one pass over the
 * respondents whose bit is set in `include` (all when null), summing `weights`
 * alongside when given. Weights must already be valid for every included respondent.
 */
export function countJointMany(
  rowCount: number,
  rows: KeyAxis,
  cols: readonly KeyAxis[],
  include: Uint32Array | null,
  weights: Float64Array | null,
): JointCounts[] {
  const dense = cols.map((c) => rows.nKeys * c.nKeys <= DENSE_LIMIT);
  if (cols.length === 1 && dense[0] && include === null && weights === null) {
    return [fastUnweighted(rowCount, rows, cols[0]!)];
  }
  if (cols.length === 1 && dense[0] && rows.keys !== null && cols[0]!.keys !== null) {
    return [
      fastOne(rowCount, rows.keys, rows.nKeys, cols[0]!.keys, cols[0]!.nKeys, include, weights),
    ];
  }
  const denseCols = cols.map((c, k) => (dense[k] ? c : null));
  const result: (JointCounts | null)[] = cols.map(() => null);
  if (dense.some(Boolean)) {
    const counted = countDense(rowCount, rows, denseCols, include, weights);
    counted.forEach((jc, k) => {
      if (jc !== null) result[k] = jc;
    });
  }
  cols.forEach((c, k) => {
    if (!dense[k]) result[k] = countSparse(rowCount, rows, c, include, weights);
  });
  return result.map((r) => r!);
}

/** Unweighted, unfiltered, one column axis: four interleaved histograms cut store-to-load stalls. */
function fastUnweighted(rowCount: number, rows: KeyAxis, cols: KeyAxis): JointCounts {
  const nC = cols.nKeys;
  const size = rows.nKeys * nC;
  const h0 = new Uint32Array(size);
  const h1 = new Uint32Array(size);
  const h2 = new Uint32Array(size);
  const h3 = new Uint32Array(size);
  const r = rows.keys;
  const c = cols.keys;
  let i = 0;
  if (r !== null && c !== null) {
    for (; i + 3 < rowCount; i += 4) {
      h0[r[i]! * nC + c[i]!]!++;
      h1[r[i + 1]! * nC + c[i + 1]!]!++;
      h2[r[i + 2]! * nC + c[i + 2]!]!++;
      h3[r[i + 3]! * nC + c[i + 3]!]!++;
    }
    for (; i < rowCount; i++) h0[r[i]! * nC + c[i]!]!++;
  } else if (r !== null) {
    // Column is the Total axis: key 1 for everyone.
    for (; i + 3 < rowCount; i += 4) {
      h0[r[i]! * nC + 1]!++;
      h1[r[i + 1]! * nC + 1]!++;
      h2[r[i + 2]! * nC + 1]!++;
      h3[r[i + 3]! * nC + 1]!++;
    }
    for (; i < rowCount; i++) h0[r[i]! * nC + 1]!++;
  } else {
    for (; i < rowCount; i++) h0[nC + (c === null ? 1 : c[i]!)]!++;
  }
  for (let k = 0; k < size; k++) h0[k] = h0[k]! + h1[k]! + h2[k]! + h3[k]!;
  return compact(h0, null, nC);
}

/** One column axis, filtered and/or weighted: inline loops, no per-respondent call. */
function fastOne(
  rowCount: number,
  r: Codes,
  nR: number,
  c: Codes,
  nC: number,
  include: Uint32Array | null,
  weights: Float64Array | null,
): JointCounts {
  const n = new Uint32Array(nR * nC);
  const w = weights === null ? null : new Float64Array(nR * nC);
  if (include === null) {
    if (w !== null) {
      for (let i = 0; i < rowCount; i++) {
        const cell = r[i]! * nC + c[i]!;
        n[cell]!++;
        w[cell]! += weights![i]!;
      }
    } else {
      for (let i = 0; i < rowCount; i++) n[r[i]! * nC + c[i]!]!++;
    }
  } else {
    for (let word = 0; word < include.length; word++) {
      let bits = include[word]!;
      const base = word << 5;
      while (bits !== 0) {
        const low = bits & -bits;
        const i = base + 31 - Math.clz32(low);
        bits ^= low;
        const cell = r[i]! * nC + c[i]!;
        n[cell]!++;
        if (w !== null) w[cell]! += weights![i]!;
      }
    }
  }
  return compact(n, w, nC);
}

function countDense(
  rowCount: number,
  rows: KeyAxis,
  cols: readonly (KeyAxis | null)[],
  include: Uint32Array | null,
  weights: Float64Array | null,
): (JointCounts | null)[] {
  const active = cols.flatMap((c) => (c === null ? [] : [c]));
  const nA = active.length;
  const nCs = active.map((c) => c.nKeys);
  const keys = active.map((c) => c.keys);
  const ns = active.map((c) => new Uint32Array(rows.nKeys * c.nKeys));
  const ws = weights === null ? null : active.map((c) => new Float64Array(rows.nKeys * c.nKeys));
  const rk = rows.keys;
  const add = (i: number): void => {
    const r = rk === null ? 1 : rk[i]!;
    for (let k = 0; k < nA; k++) {
      const ck = keys[k]!;
      const cell = r * nCs[k]! + (ck === null ? 1 : ck[i]!);
      ns[k]![cell]!++;
      if (ws !== null) ws[k]![cell]! += weights![i]!;
    }
  };
  forEachIncluded(rowCount, include, add);
  const out: (JointCounts | null)[] = [];
  let a = 0;
  for (const c of cols) {
    if (c === null) out.push(null);
    else {
      out.push(compact(ns[a]!, ws === null ? null : ws[a]!, c.nKeys));
      a++;
    }
  }
  return out;
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
export function forEachIncluded(
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

function compact(n: Uint32Array, w: Float64Array | null, nColKeys: number): JointCounts {
  let cells = 0;
  for (let k = 0; k < n.length; k++) if (n[k] !== 0) cells++;
  const out: JointCounts = {
    rowKey: new Int32Array(cells),
    colKey: new Int32Array(cells),
    n: new Float64Array(cells),
    w: new Float64Array(cells),
  };
  let j = 0;
  for (let k = 0; k < n.length; k++) {
    if (n[k] === 0) continue;
    out.rowKey[j] = Math.floor(k / nColKeys);
    out.colKey[j] = k % nColKeys;
    out.n[j] = n[k]!;
    out.w[j] = w === null ? n[k]! : w[k]!;
    j++;
  }
  return out;
}
