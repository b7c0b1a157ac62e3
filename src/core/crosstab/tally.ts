// The sums a crosstab is assembled from (cells, bases, Σw² of the column
// bases, multi-answer cases and responses, missing answers), filled from either kind of count:
// - addJoint: a joint key histogram (count.ts), each (row key, column key)
//   cell expanded into the options and nets its keys stand for;
// - addSlots: a slot histogram (slots.ts), where one axis kept its keys and the
//   other was already expanded into its options and nets per respondent.
// Both give the same sums (up to the order in which weights are added).
import type { JointCounts } from './count';
import type { ResolvedAxis } from './axis';
import { slotLayout, type SlotHistogram } from './slots';

export interface Tally {
  /** rows × cols (options, then nets); weighted when weighted. */
  counts: number[][];
  unweightedCounts: number[][];
  rowBases: number[];
  colBases: number[];
  uRowBases: number[];
  uColBases: number[];
  /** Per column: respondents whose row answer chose at least one option (weighted when weighted). */
  colCases: number[];
  /** Per column: mentions of the row question's options. */
  colResponses: number[];
  /** Per row: respondents whose column answer chose at least one option. */
  rowCases: number[];
  /** Per row: mentions of the column question's options. */
  rowResponses: number[];
  total: number;
  uTotal: number;
  /** Per column: the sum of squared weights of colBases' respondents (Kish's effective base; equal to uColBases when unweighted). */
  colSquares: number[];
  /** The same over everyone in the table. */
  totalSquares: number;
  missing: { rows: number; cols: number; excluded: number };
}

const matrix = (rows: number, cols: number): number[][] =>
  Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
const zeros = (n: number): number[] => new Array<number>(n).fill(0);

export function emptyTally(rows: ResolvedAxis, cols: ResolvedAxis): Tally {
  const R = rows.info.labels.length;
  const C = cols.info.labels.length;
  return {
    counts: matrix(R, C),
    unweightedCounts: matrix(R, C),
    rowBases: zeros(R),
    colBases: zeros(C),
    uRowBases: zeros(R),
    uColBases: zeros(C),
    colCases: zeros(C),
    colResponses: zeros(C),
    rowCases: zeros(R),
    rowResponses: zeros(R),
    total: 0,
    uTotal: 0,
    colSquares: zeros(C),
    totalSquares: 0,
    missing: { rows: 0, cols: 0, excluded: 0 },
  };
}

const VECTORS = [
  'rowBases',
  'colBases',
  'uRowBases',
  'uColBases',
  'colCases',
  'colResponses',
  'rowCases',
  'rowResponses',
  'colSquares',
] as const;
const SCALARS = ['total', 'uTotal', 'totalSquares'] as const;
const MISSING = ['rows', 'cols', 'excluded'] as const;

/**
 * Adds the tally of other respondents (another part of a pair split by
 * respondents, split.ts) into `t`, figure by figure.
 */
export function addTally(t: Tally, more: Tally): void {
  const add = (a: number[], b: readonly number[]) => {
    for (let i = 0; i < a.length; i++) a[i]! += b[i]!;
  };
  t.counts.forEach((row, r) => add(row, more.counts[r]!));
  t.unweightedCounts.forEach((row, r) => add(row, more.unweightedCounts[r]!));
  for (const k of VECTORS) add(t[k], more[k]);
  for (const k of SCALARS) t[k] += more[k];
  for (const k of MISSING) t.missing[k] += more.missing[k];
}

/** Whether `more` (from another thread) is a tally with `t`'s dimensions, every figure a number. */
export function tallyFits(t: Tally, more: unknown): more is Tally {
  if (typeof more !== 'object' || more === null) return false;
  const m = more as Record<string, unknown>;
  const numbers = (a: unknown, n: number) =>
    Array.isArray(a) && a.length === n && a.every((x) => typeof x === 'number');
  const matrix = (a: unknown, like: number[][]) =>
    Array.isArray(a) &&
    a.length === like.length &&
    like.every((row, r) => numbers(a[r], row.length));
  const missing = m['missing'] as Record<string, unknown> | undefined;
  return (
    matrix(m['counts'], t.counts) &&
    matrix(m['unweightedCounts'], t.unweightedCounts) &&
    VECTORS.every((k) => numbers(m[k], t[k].length)) &&
    SCALARS.every((k) => typeof m[k] === 'number') &&
    typeof missing === 'object' &&
    missing !== null &&
    MISSING.every((k) => typeof missing[k] === 'number')
  );
}

/** Adds a joint key histogram: each cell counts in every output its row key and column key stand for. */
export function addJoint(
  t: Tally,
  rows: ResolvedAxis,
  cols: ResolvedAxis,
  joint: JointCounts,
): void {
  const { counts, unweightedCounts, rowBases, colBases, uRowBases, uColBases } = t;
  const { colCases, colResponses, rowCases, rowResponses, colSquares, missing } = t;
  const { memberStart: rowStart, memberList: rowList } = rows;
  const { memberStart: colStart, memberList: colList } = cols;
  const cellSquares = joint.w2;
  for (let j = 0; j < joint.n.length; j++) {
    const rk = joint.rowKey[j]!;
    const ck = joint.colKey[j]!;
    const n = joint.n[j]!;
    const w = joint.w[j]!;
    // Σw² by cell, or by column key after the loop.
    const w2 = cellSquares === null ? 0 : cellSquares[j]!;
    if (rk === 0 || ck === 0) {
      if (rk === 0) missing.rows += n;
      if (ck === 0) missing.cols += n;
      missing.excluded += n;
      continue;
    }
    t.total += w;
    t.uTotal += n;
    t.totalSquares += w2;
    const r0 = rowStart[rk]!;
    const r1 = rowStart[rk + 1]!;
    const c0 = colStart[ck]!;
    const c1 = colStart[ck + 1]!;
    for (let a = r0; a < r1; a++) {
      const r = rowList[a]!;
      rowBases[r]! += w;
      uRowBases[r]! += n;
      const countRow = counts[r]!;
      const uRow = unweightedCounts[r]!;
      for (let b = c0; b < c1; b++) {
        const c = colList[b]!;
        countRow[c]! += w;
        uRow[c]! += n;
      }
    }
    const rowMentions = rows.mentions[rk]! * w;
    const rowChose = rows.chose[rk] === 1;
    for (let b = c0; b < c1; b++) {
      const c = colList[b]!;
      colBases[c]! += w;
      uColBases[c]! += n;
      colSquares[c]! += w2;
      if (rowChose) colCases[c]! += w;
      colResponses[c]! += rowMentions;
    }
    const colMentions = cols.mentions[ck]! * w;
    const colChose = cols.chose[ck] === 1;
    for (let a = r0; a < r1; a++) {
      const r = rowList[a]!;
      if (colChose) rowCases[r]! += w;
      rowResponses[r]! += colMentions;
    }
  }
  const byKey = joint.colKeySquares;
  if (byKey !== null) {
    // Column keys 1 .. nKeys - 1 answered; each counts in its outputs' columns.
    for (let ck = 1; ck < cols.nKeys; ck++) {
      const sq = byKey[ck]!;
      if (sq === 0) continue;
      t.totalSquares += sq;
      for (let b = colStart[ck]!; b < colStart[ck + 1]!; b++) colSquares[colList[b]!]! += sq;
    }
  }
}

/**
 * Adds a slot histogram: kept key k (of `kept`, the rows when keptIsRows)
 * holds, per output of `expanded`, the respondents who answered both questions
 * and chose it, then those who answered both, those whose expanded answer
 * chose something, and those whose expanded answer is missing.
 */
export function addSlots(
  t: Tally,
  kept: ResolvedAxis,
  expanded: ResolvedAxis,
  keptIsRows: boolean,
  h: SlotHistogram,
): void {
  const L = slotLayout(expanded);
  const O = L.outputs;
  const options = expanded.optionCount;
  const keptBases = keptIsRows ? t.rowBases : t.colBases;
  const uKeptBases = keptIsRows ? t.uRowBases : t.uColBases;
  const expBases = keptIsRows ? t.colBases : t.rowBases;
  const uExpBases = keptIsRows ? t.uColBases : t.uRowBases;
  // Cases and responses over the kept outputs count the expanded answer, and the other way round.
  const keptCases = keptIsRows ? t.rowCases : t.colCases;
  const keptResponses = keptIsRows ? t.rowResponses : t.colResponses;
  const expCases = keptIsRows ? t.colCases : t.rowCases;
  const expResponses = keptIsRows ? t.colResponses : t.rowResponses;
  const { memberStart, memberList } = kept;
  const { n, w, keptSquares, expandedSquares } = h;
  const S = L.size;
  let keptMissing = 0;
  let expMissing = 0;
  // The outputs a key's respondents chose, gathered once for every kept output it counts in.
  const outs = new Int32Array(O);
  const outN = new Float64Array(O);
  const outW = new Float64Array(O);
  for (let local = 0; local < h.keys; local++) {
    const k = h.lo + local;
    const base = local * S;
    const nAny = n[base + L.any]!;
    const nMiss = n[base + L.missing]!;
    if (k === 0) {
      keptMissing += nAny + nMiss;
      expMissing += nMiss;
      t.missing.excluded += nAny + nMiss;
      continue;
    }
    expMissing += nMiss;
    t.missing.excluded += nMiss;
    if (nAny === 0) continue;
    const wAny = w === null ? nAny : w[base + L.any]!;
    // Those who chose something: all but those who chose none (exactly wAny when none did).
    const nNone = n[base + L.none]!;
    const wChose = nNone === 0 ? wAny : wAny - (w === null ? nNone : w[base + L.none]!);
    // Σw² by kept key when weighted with the kept axis on the columns (see
    // slots.ts); by expanded key, it is added after the loop.
    const w2Any = w === null ? nAny : keptSquares === null ? 0 : keptSquares[local]!;
    t.total += wAny;
    t.uTotal += nAny;
    t.totalSquares += w2Any;
    let responses = 0;
    for (let b = 0; b < options; b++) responses += w === null ? n[base + b]! : w[base + b]!;
    let chosen = 0;
    for (let b = 0; b < O; b++) {
      const nb = n[base + b]!;
      if (nb === 0) continue;
      outs[chosen] = b;
      outN[chosen] = nb;
      outW[chosen++] = w === null ? nb : w[base + b]!;
    }
    for (let a = memberStart[k]!; a < memberStart[k + 1]!; a++) {
      const ka = memberList[a]!;
      keptBases[ka]! += wAny;
      uKeptBases[ka]! += nAny;
      if (!keptIsRows) t.colSquares[ka]! += w2Any;
      keptCases[ka]! += wChose;
      keptResponses[ka]! += responses;
      if (keptIsRows) {
        const countRow = t.counts[ka]!;
        const uRow = t.unweightedCounts[ka]!;
        for (let i = 0; i < chosen; i++) {
          countRow[outs[i]!]! += outW[i]!;
          uRow[outs[i]!]! += outN[i]!;
        }
      } else {
        for (let i = 0; i < chosen; i++) {
          t.counts[outs[i]!]![ka]! += outW[i]!;
          t.unweightedCounts[outs[i]!]![ka]! += outN[i]!;
        }
      }
    }
    const keptChose = kept.chose[k] === 1;
    const mentions = kept.mentions[k]!;
    for (let b = 0; b < O; b++) {
      const nb = n[base + b]!;
      if (nb === 0) continue;
      const wb = w === null ? nb : w[base + b]!;
      expBases[b]! += wb;
      uExpBases[b]! += nb;
      if (keptIsRows && w === null) t.colSquares[b]! += nb;
      if (keptChose) expCases[b]! += wb;
      expResponses[b]! += mentions * wb;
    }
  }
  if (expandedSquares !== null) {
    // Expanded keys 1 .. nKeys - 1 answered; each counts in its outputs' columns.
    const { memberStart: eStart, memberList: eList } = expanded;
    for (let e = 1; e < expanded.nKeys; e++) {
      const sq = expandedSquares[e]!;
      if (sq === 0) continue;
      t.totalSquares += sq;
      if (keptIsRows)
        for (let a = eStart[e]!; a < eStart[e + 1]!; a++) t.colSquares[eList[a]!]! += sq;
    }
  }
  if (keptIsRows) {
    t.missing.rows += keptMissing;
    t.missing.cols += expMissing;
  } else {
    t.missing.cols += keptMissing;
    t.missing.rows += expMissing;
  }
}
