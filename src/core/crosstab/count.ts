// The counting kernel: tight loops over typed arrays, no per-row objects.
// Each axis is reduced to keys (single: answer codes; multi: answer-pattern
// codes; 0 = missing) and we count joint keys rowKey * nColKeys + colKey.
// Patterns are expanded into options afterwards, where they are few. Pairs
// whose joint key space is too large for a dense histogram are counted by
// slots instead (slots.ts).
// A banner (one row question against many) reads the respondents in blocks:
// each block's row keys are prepared once, then every column question is
// counted against them by a loop specialised to its code array's type. Byte
// codes against byte row keys (the usual single-answer pair) are read four
// respondents to a 32-bit word (countWords, sumWords): at 1M respondents of
// the bench survey Q1 × Q2 counts in 2.2 ms instead of 4.0; weighted, into a
// plain array (plain.ts), in 1.9–2.0 ms instead of 5.7.
//
// long-file: long on purpose (over the house's 400 lines): V8 keeps a loop fast only while
// every array in it has one type, so the 8/16/32-bit loops are written out
// rather than shared, and `npm run bench` measures what that buys (the banner
// target depends on it). Split it only with the bench beside you.
import type { Codes } from '../table/types';
import { countPassing } from '../filter/filter';
import { doubles } from './plain';

/** The non-empty cells of a joint key histogram. */
export interface JointCounts {
  rowKey: Int32Array;
  colKey: Int32Array;
  /** Respondents. */
  n: Float64Array;
  /** Sum of weights (equal to n when unweighted). */
  w: Float64Array;
  /**
   * Sum of squared weights per cell, for Kish's effective base (equal to n
   * when unweighted); null when colKeySquares has them instead.
   */
  w2: Float64Array | null;
  /**
   * Weighted histograms in a Float64Array: Σw² per column key (index 0 ..
   * nColKeys - 1) of the respondents whose row key is answered (not 0, not
   * left out), instead of per cell. Only the columns' effective bases and the
   * table's need Σw², and a third sum per cell made the cells twice as large.
   */
  colKeySquares: Float64Array | null;
}

export interface KeyAxis {
  /** null: every respondent has key 1 (the "Total" axis). */
  keys: Codes | null;
  nKeys: number;
}

/** The most cells a dense histogram may have (joint keys here, kept keys × slots in slots.ts). */
export const DENSE_LIMIT = 1 << 22;

/**
 * Whether rows × cols is counted by joint keys (countJointMany) rather than by
 * slots: when the dense histogram fits, and has at most one cell per two
 * respondents. Past that, clearing and reading the histogram and expanding
 * its cells costs more than expanding each respondent's answers (measured at
 * 1M respondents of the bench survey: Q12 × Q30, 0.43M joint keys, counts
 * faster by joint keys; Q20 × Q8, 0.61M, and Q12 × Q16, 0.8M, by slots).
 */
export function jointPays(rows: KeyAxis, cols: KeyAxis, rowCount: number): boolean {
  const keys = (rows.nKeys + 1) * cols.nKeys;
  return keys <= DENSE_LIMIT && keys <= Math.max(rowCount / 2, 1 << 16);
}

/**
 * Respondents are counted in blocks of this many (a multiple of 32, so that a
 * block starts on a word of the include mask). A block's row keys and weights
 * stay in cache while every column question is counted against them.
 */
export const BLOCK = 4096;

/**
 * Respondents start .. end - 1 (start a multiple of BLOCK, so that blocks
 * start on a word of the include mask): all of them, or one part of them
 * counted apart on two threads (split.ts).
 */
export interface Span {
  start: number;
  end: number;
}

export const everyone = (rowCount: number): Span => ({ start: 0, end: rowCount });

/**
 * Counts joint keys of `rows` against each of `cols` over the respondents of
 * `span` (all `rowCount` by default) whose bit is set in `include` (all when null), summing `weights` alongside
 * when given. Weights must already be valid for every included respondent,
 * and every histogram must fit DENSE_LIMIT (see jointPays).
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
  span: Span = everyone(rowCount),
): JointCounts[] {
  if (cols.length === 0) return [];
  const nR = rows.nKeys;
  // Byte row keys (and the discard key) fit a byte: a column of byte codes
  // whose array starts on a 4-byte boundary is then read four respondents to
  // a 32-bit word (wordsOf), against row keys read the same way: in place
  // when no one is left out, else from a copy of the block's (discards set).
  const byteRows = rows.keys instanceof Uint8Array && nR <= 255;
  const cws = cols.map((c) => (byteRows ? wordsOf(c.keys, rowCount) : null));
  // Unweighted: a count per cell. Weighted, small histograms (plain arrays):
  // the count, the sum of weights and the sum of squared weights side by side
  // (h[4 × cell] .. h[4 × cell + 2], h[4 × cell + 3] unused): 32 bytes per
  // cell, never across a cache line (measured 10% faster than 24). Weighted,
  // the others (Float64Arrays): the count and the sum of weights (h[2 × cell],
  // h[2 × cell + 1]), and Σw² apart, per column key and kind of row key
  // (missing, answered, left out: sq[cls[row key] + column key]), a table that
  // stays in L1. Half the bytes per cell: Q16 × Q8 (207,360 cells, 6.6 MB
  // against 3.3) counted in 7.3–10.0 ms against 8.1–13.0 (fastest–median of 55
  // runs, one process). Histograms have one more row (key nR) for respondents
  // the mask leaves out.
  const ns = weights === null ? cols.map((c) => new Uint32Array((nR + 1) * c.nKeys)) : null;
  // A weighted column of byte codes with a small histogram is read by words in
  // every block, into a plain array (plain.ts); the others into a Float64Array,
  // by the loops below. Each loop sees one kind of array only.
  const small = cols.map(
    (c, k) => weights !== null && cws[k] !== null && 4 * (nR + 1) * c.nKeys <= SMALL_WEIGHTED,
  );
  const hs = weights === null ? null : cols.map((c, k) => (small[k] ? null : f64(nR, c)));
  const sqs = cols.map((c, k) => (hs?.[k] ? new Float64Array(3 * c.nKeys) : null));
  // cls[row key] + column key: where a respondent's Σw² goes in sqs[k] (row classes at 0, nC, 2 × nC).
  const cls = cols.map((c, k) => (hs?.[k] ? rowClasses(nR, c.nKeys) : null));
  const ha = weights === null ? null : cols.map((c, k) => (small[k] ? plain(nR, c) : null));
  const rk = new Int32Array(BLOCK);
  const allWords = cws.every((cw) => cw !== null);
  const allSmall = small.every(Boolean);
  const anySmall = small.some(Boolean);
  const inPlace = byteRows && include === null ? wordsOf(rows.keys, rowCount) : null;
  const rb = byteRows && inPlace === null ? new Uint8Array(BLOCK) : null;
  const rbw = rb === null ? null : new Uint32Array(rb.buffer);
  for (let start = span.start; start < span.end; start += BLOCK) {
    const len = Math.min(BLOCK, span.end - start);
    // A block where most respondents pass is counted whole, the others with
    // the discard key; one where many are left out only at the passing ones,
    // read from the include mask's set bits (small weighted histograms aside:
    // they are always counted whole, at near the cost of reading the block).
    let sparse = false;
    if (include !== null) {
      const passing = passingInBlock(include, start, len);
      if (passing === 0) continue;
      sparse = passing * 8 < len * 7;
    }
    // Unweighted byte columns are read by words where the block is counted whole.
    const words = byteRows && !sparse;
    if (weights === null ? !words || !allWords : !allSmall) {
      copyRowKeys(rk, rows.keys, start, len);
      if (include !== null && !sparse) discardLeftOut(rk, include, start, len, nR);
    }
    // Byte row keys of this block: rBytes[rAt + j], rWords[rAt / 4 + k].
    let rBytes: Uint8Array | null = null;
    let rWords: Uint32Array | null = null;
    let rAt = 0;
    if (weights === null ? words : anySmall) {
      if (inPlace !== null) {
        rBytes = rows.keys as Uint8Array;
        rWords = inPlace;
        rAt = start;
      } else {
        rb!.set((rows.keys as Uint8Array).subarray(start, start + len));
        if (include !== null) discardLeftOut(rb!, include, start, len, nR);
        rBytes = rb;
        rWords = rbw;
      }
    }
    const first = start >>> 5;
    const wordCount = (len + 31) >>> 5;
    const quads = len >>> 2;
    // Four respondents per word; the block's last len % 4 one by one.
    const r0 = rAt >>> 2;
    const c0 = start >>> 2;
    for (let k = 0; k < cols.length; k++) {
      const ck = cols[k]!.keys;
      const nC = cols[k]!.nKeys;
      const cw = cws[k]!;
      if (hs === null) {
        const n = ns![k]!;
        if (words && cw !== null) {
          countWords(rWords!, r0, cw, c0, quads, nC, n);
          for (let j = quads << 2; j < len; j++) n[rBytes![rAt + j]! * nC + ck![start + j]!]!++;
        } else if (sparse) {
          const inc = include!;
          if (ck === null) countTotalBits(rk, inc, first, wordCount, nC, n);
          else if (ck instanceof Uint8Array)
            countBits8(rk, inc, first, wordCount, ck, start, nC, n);
          else if (ck instanceof Uint16Array)
            countBits16(rk, inc, first, wordCount, ck, start, nC, n);
          else countBits32(rk, inc, first, wordCount, ck, start, nC, n);
        } else if (ck === null) countTotal(rk, len, nC, n);
        else if (ck instanceof Uint8Array) count8(rk, ck, start, len, nC, n);
        else if (ck instanceof Uint16Array) count16(rk, ck, start, len, nC, n);
        else count32(rk, ck, start, len, nC, n);
        continue;
      }
      const wt = weights!;
      const a = ha![k] ?? null;
      if (a !== null) {
        sumWords(rWords!, r0, cw, c0, quads, wt, start, nC, a);
        for (let j = quads << 2; j < len; j++) {
          const i = start + j;
          const cell = (rBytes![rAt + j]! * nC + ck![i]!) << 2;
          const x = wt[i]!;
          a[cell]! += 1;
          a[cell + 1]! += x;
          a[cell + 2]! += x * x;
        }
        continue;
      }
      const h = hs[k]!;
      const sq = sqs[k]!;
      const cl = cls[k]!;
      if (sparse) {
        const inc = include!;
        if (ck === null) sumTotalBits(rk, inc, first, wordCount, wt, start, nC, h, cl, sq);
        else if (ck instanceof Uint8Array)
          sumBits8(rk, inc, first, wordCount, ck, wt, start, nC, h, cl, sq);
        else if (ck instanceof Uint16Array)
          sumBits16(rk, inc, first, wordCount, ck, wt, start, nC, h, cl, sq);
        else sumBits32(rk, inc, first, wordCount, ck, wt, start, nC, h, cl, sq);
      } else if (ck === null) sumTotal(rk, wt, start, len, nC, h, cl, sq);
      else if (ck instanceof Uint8Array) sum8(rk, ck, wt, start, len, nC, h, cl, sq);
      else if (ck instanceof Uint16Array) sum16(rk, ck, wt, start, len, nC, h, cl, sq);
      else sum32(rk, ck, wt, start, len, nC, h, cl, sq);
    }
  }
  return cols.map((c, k) =>
    ns !== null
      ? compact(ns[k]!, c.nKeys, nR * c.nKeys)
      : ha![k]
        ? compactWeighted(ha![k], c.nKeys, nR * c.nKeys)
        : compactPairs(hs![k]!, c.nKeys, nR * c.nKeys, sqs[k]!.slice(c.nKeys, 2 * c.nKeys)),
  );
}

/**
 * The most doubles a weighted histogram read by words may have (4 per cell):
 * these are plain arrays (plain.ts), which a small histogram pays for at once;
 * every single × single pair of the bench survey is one.
 */
const SMALL_WEIGHTED = 1 << 14;

/** A weighted histogram of (nR + 1) × nC cells, 2 doubles each (count, Σw), as a Float64Array. */
const f64 = (nR: number, c: KeyAxis) => new Float64Array(2 * (nR + 1) * c.nKeys);

/** Where Σw² goes by row key: 0 (missing) at 0, answered keys at nC, nR (left out) at 2 × nC. */
function rowClasses(nR: number, nC: number): Int32Array {
  const cls = new Int32Array(nR + 1).fill(nC);
  cls[0] = 0;
  cls[nR] = 2 * nC;
  return cls;
}

/** The same as a plain array. */
const plain = (nR: number, c: KeyAxis) => doubles(4 * (nR + 1) * c.nKeys);

/** rk[0..len-1] = the row keys of respondents start..start+len-1 (1 for the Total axis). */
export function copyRowKeys(rk: Int32Array, keys: Codes | null, start: number, len: number): void {
  if (keys === null) rk.fill(1, 0, len);
  else rk.set(keys.subarray(start, start + len));
}

/** Respondents start..start+len-1 (start a multiple of 32) whose bit is set. */
export function passingInBlock(include: Uint32Array, start: number, len: number): number {
  const first = start >>> 5;
  return countPassing(include.subarray(first, first + ((len + 31) >>> 5)));
}

/** Gives the discard key to the block's respondents whose bit is clear. */
export function discardLeftOut(
  rk: Int32Array | Uint8Array,
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
 * A 32-bit view of byte codes (four respondents to a word, respondent i in
 * byte i % 4 of word i >> 2, little-endian), or null when they are not bytes,
 * do not start on a 4-byte boundary, or the platform is big-endian.
 */
function wordsOf(keys: Codes | null, rowCount: number): Uint32Array | null {
  if (!(keys instanceof Uint8Array) || (keys.byteOffset & 3) !== 0 || !LITTLE_ENDIAN) return null;
  return new Uint32Array(keys.buffer, keys.byteOffset, rowCount >>> 2);
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * Byte row keys against byte column codes, a word (four respondents) of each
 * at a time: the block's respondent 4k + b has row key byte b of rw[r0 + k]
 * and column code byte b of cw[c0 + k]. Same cells, same order as count8.
 */
function countWords(
  rw: Uint32Array,
  r0: number,
  cw: Uint32Array,
  c0: number,
  quads: number,
  nC: number,
  n: Uint32Array,
) {
  for (let k = 0; k < quads; k++) {
    const a = rw[r0 + k]!;
    const b = cw[c0 + k]!;
    n[(a & 255) * nC + (b & 255)]!++;
    n[((a >>> 8) & 255) * nC + ((b >>> 8) & 255)]!++;
    n[((a >>> 16) & 255) * nC + ((b >>> 16) & 255)]!++;
    n[(a >>> 24) * nC + (b >>> 24)]!++;
  }
}

/** The same with weights: each cell's count, Σw and Σw², in respondent order. */
function sumWords(
  rw: Uint32Array,
  r0: number,
  cw: Uint32Array,
  c0: number,
  quads: number,
  wt: Float64Array,
  s: number,
  nC: number,
  h: number[],
) {
  for (let k = 0; k < quads; k++) {
    const a = rw[r0 + k]!;
    const b = cw[c0 + k]!;
    const i = s + (k << 2);
    const p = ((a & 255) * nC + (b & 255)) << 2;
    const q = (((a >>> 8) & 255) * nC + ((b >>> 8) & 255)) << 2;
    const r = (((a >>> 16) & 255) * nC + ((b >>> 16) & 255)) << 2;
    const t = ((a >>> 24) * nC + (b >>> 24)) << 2;
    const x0 = wt[i]!;
    const x1 = wt[i + 1]!;
    const x2 = wt[i + 2]!;
    const x3 = wt[i + 3]!;
    h[p]! += 1;
    h[p + 1]! += x0;
    h[p + 2]! += x0 * x0;
    h[q]! += 1;
    h[q + 1]! += x1;
    h[q + 2]! += x1 * x1;
    h[r]! += 1;
    h[r + 1]! += x2;
    h[r + 2]! += x2 * x2;
    h[t]! += 1;
    h[t + 1]! += x3;
    h[t + 2]! += x3 * x3;
  }
}

// The kernels, one per code array type so that every element access in the
// loop is monomorphic, unrolled (measured fastest: eight-way for counts,
// four-way with weights). rk holds the block's row keys; cell = rowKey *
// nColKeys + colKey. Every cell is summed in respondent order. Weighted
// kernels add 1, w and w² (Kish's effective base needs Σw²).

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
  h: Float64Array,
  cls: Int32Array,
  sq: Float64Array,
) {
  let j = 0;
  for (; j + 3 < len; j += 4) {
    const i = s + j;
    const ar = rk[j]!;
    const ac = c[i]!;
    const a = (ar * nC + ac) << 1;
    const br = rk[j + 1]!;
    const bc = c[i + 1]!;
    const b = (br * nC + bc) << 1;
    const dr = rk[j + 2]!;
    const dc = c[i + 2]!;
    const d = (dr * nC + dc) << 1;
    const er = rk[j + 3]!;
    const ec = c[i + 3]!;
    const e = (er * nC + ec) << 1;
    const wa = wt[i]!;
    h[a]! += 1;
    h[a + 1]! += wa;
    sq[cls[ar]! + ac]! += wa * wa;
    const wb = wt[i + 1]!;
    h[b]! += 1;
    h[b + 1]! += wb;
    sq[cls[br]! + bc]! += wb * wb;
    const wd = wt[i + 2]!;
    h[d]! += 1;
    h[d + 1]! += wd;
    sq[cls[dr]! + dc]! += wd * wd;
    const we = wt[i + 3]!;
    h[e]! += 1;
    h[e + 1]! += we;
    sq[cls[er]! + ec]! += we * we;
  }
  for (; j < len; j++) {
    const i = s + j;
    const r = rk[j]!;
    const ci = c[i]!;
    const cell = (r * nC + ci) << 1;
    const x = wt[i]!;
    h[cell]! += 1;
    h[cell + 1]! += x;
    sq[cls[r]! + ci]! += x * x;
  }
}

function sum16(
  rk: Int32Array,
  c: Uint16Array,
  wt: Float64Array,
  s: number,
  len: number,
  nC: number,
  h: Float64Array,
  cls: Int32Array,
  sq: Float64Array,
) {
  let j = 0;
  for (; j + 3 < len; j += 4) {
    const i = s + j;
    const ar = rk[j]!;
    const ac = c[i]!;
    const a = (ar * nC + ac) << 1;
    const br = rk[j + 1]!;
    const bc = c[i + 1]!;
    const b = (br * nC + bc) << 1;
    const dr = rk[j + 2]!;
    const dc = c[i + 2]!;
    const d = (dr * nC + dc) << 1;
    const er = rk[j + 3]!;
    const ec = c[i + 3]!;
    const e = (er * nC + ec) << 1;
    const wa = wt[i]!;
    h[a]! += 1;
    h[a + 1]! += wa;
    sq[cls[ar]! + ac]! += wa * wa;
    const wb = wt[i + 1]!;
    h[b]! += 1;
    h[b + 1]! += wb;
    sq[cls[br]! + bc]! += wb * wb;
    const wd = wt[i + 2]!;
    h[d]! += 1;
    h[d + 1]! += wd;
    sq[cls[dr]! + dc]! += wd * wd;
    const we = wt[i + 3]!;
    h[e]! += 1;
    h[e + 1]! += we;
    sq[cls[er]! + ec]! += we * we;
  }
  for (; j < len; j++) {
    const i = s + j;
    const r = rk[j]!;
    const ci = c[i]!;
    const cell = (r * nC + ci) << 1;
    const x = wt[i]!;
    h[cell]! += 1;
    h[cell + 1]! += x;
    sq[cls[r]! + ci]! += x * x;
  }
}

function sum32(
  rk: Int32Array,
  c: Uint32Array,
  wt: Float64Array,
  s: number,
  len: number,
  nC: number,
  h: Float64Array,
  cls: Int32Array,
  sq: Float64Array,
) {
  let j = 0;
  for (; j + 3 < len; j += 4) {
    const i = s + j;
    const ar = rk[j]!;
    const ac = c[i]!;
    const a = (ar * nC + ac) << 1;
    const br = rk[j + 1]!;
    const bc = c[i + 1]!;
    const b = (br * nC + bc) << 1;
    const dr = rk[j + 2]!;
    const dc = c[i + 2]!;
    const d = (dr * nC + dc) << 1;
    const er = rk[j + 3]!;
    const ec = c[i + 3]!;
    const e = (er * nC + ec) << 1;
    const wa = wt[i]!;
    h[a]! += 1;
    h[a + 1]! += wa;
    sq[cls[ar]! + ac]! += wa * wa;
    const wb = wt[i + 1]!;
    h[b]! += 1;
    h[b + 1]! += wb;
    sq[cls[br]! + bc]! += wb * wb;
    const wd = wt[i + 2]!;
    h[d]! += 1;
    h[d + 1]! += wd;
    sq[cls[dr]! + dc]! += wd * wd;
    const we = wt[i + 3]!;
    h[e]! += 1;
    h[e + 1]! += we;
    sq[cls[er]! + ec]! += we * we;
  }
  for (; j < len; j++) {
    const i = s + j;
    const r = rk[j]!;
    const ci = c[i]!;
    const cell = (r * nC + ci) << 1;
    const x = wt[i]!;
    h[cell]! += 1;
    h[cell + 1]! += x;
    sq[cls[r]! + ci]! += x * x;
  }
}

function sumTotal(
  rk: Int32Array,
  wt: Float64Array,
  s: number,
  len: number,
  nC: number,
  h: Float64Array,
  cls: Int32Array,
  sq: Float64Array,
) {
  for (let j = 0; j < len; j++) {
    const r = rk[j]!;
    const cell = (r * nC + 1) << 1;
    const x = wt[s + j]!;
    h[cell]! += 1;
    h[cell + 1]! += x;
    sq[cls[r]! + 1]! += x * x;
  }
}

// The same kernels over the passing respondents of a sparse block: the set
// bits of include[first .. first + words - 1], bit j of the block standing
// for respondent s + j (rk[j] its row key).

function countBits8(
  rk: Int32Array,
  inc: Uint32Array,
  first: number,
  words: number,
  c: Uint8Array,
  s: number,
  nC: number,
  n: Uint32Array,
) {
  for (let k = 0; k < words; k++) {
    let bits = inc[first + k]!;
    const top = (k << 5) + 31;
    while (bits !== 0) {
      const j = top - Math.clz32(bits & -bits);
      bits &= bits - 1;
      n[rk[j]! * nC + c[s + j]!]!++;
    }
  }
}

function countBits16(
  rk: Int32Array,
  inc: Uint32Array,
  first: number,
  words: number,
  c: Uint16Array,
  s: number,
  nC: number,
  n: Uint32Array,
) {
  for (let k = 0; k < words; k++) {
    let bits = inc[first + k]!;
    const top = (k << 5) + 31;
    while (bits !== 0) {
      const j = top - Math.clz32(bits & -bits);
      bits &= bits - 1;
      n[rk[j]! * nC + c[s + j]!]!++;
    }
  }
}

function countBits32(
  rk: Int32Array,
  inc: Uint32Array,
  first: number,
  words: number,
  c: Uint32Array,
  s: number,
  nC: number,
  n: Uint32Array,
) {
  for (let k = 0; k < words; k++) {
    let bits = inc[first + k]!;
    const top = (k << 5) + 31;
    while (bits !== 0) {
      const j = top - Math.clz32(bits & -bits);
      bits &= bits - 1;
      n[rk[j]! * nC + c[s + j]!]!++;
    }
  }
}

function countTotalBits(
  rk: Int32Array,
  inc: Uint32Array,
  first: number,
  words: number,
  nC: number,
  n: Uint32Array,
) {
  for (let k = 0; k < words; k++) {
    let bits = inc[first + k]!;
    const top = (k << 5) + 31;
    while (bits !== 0) {
      const j = top - Math.clz32(bits & -bits);
      bits &= bits - 1;
      n[rk[j]! * nC + 1]!++;
    }
  }
}

function sumBits8(
  rk: Int32Array,
  inc: Uint32Array,
  first: number,
  words: number,
  c: Uint8Array,
  wt: Float64Array,
  s: number,
  nC: number,
  h: Float64Array,
  cls: Int32Array,
  sq: Float64Array,
) {
  for (let k = 0; k < words; k++) {
    let bits = inc[first + k]!;
    const top = (k << 5) + 31;
    while (bits !== 0) {
      const j = top - Math.clz32(bits & -bits);
      bits &= bits - 1;
      const r = rk[j]!;
      const ci = c[s + j]!;
      const cell = (r * nC + ci) << 1;
      const x = wt[s + j]!;
      h[cell]! += 1;
      h[cell + 1]! += x;
      sq[cls[r]! + ci]! += x * x;
    }
  }
}

function sumBits16(
  rk: Int32Array,
  inc: Uint32Array,
  first: number,
  words: number,
  c: Uint16Array,
  wt: Float64Array,
  s: number,
  nC: number,
  h: Float64Array,
  cls: Int32Array,
  sq: Float64Array,
) {
  for (let k = 0; k < words; k++) {
    let bits = inc[first + k]!;
    const top = (k << 5) + 31;
    while (bits !== 0) {
      const j = top - Math.clz32(bits & -bits);
      bits &= bits - 1;
      const r = rk[j]!;
      const ci = c[s + j]!;
      const cell = (r * nC + ci) << 1;
      const x = wt[s + j]!;
      h[cell]! += 1;
      h[cell + 1]! += x;
      sq[cls[r]! + ci]! += x * x;
    }
  }
}

function sumBits32(
  rk: Int32Array,
  inc: Uint32Array,
  first: number,
  words: number,
  c: Uint32Array,
  wt: Float64Array,
  s: number,
  nC: number,
  h: Float64Array,
  cls: Int32Array,
  sq: Float64Array,
) {
  for (let k = 0; k < words; k++) {
    let bits = inc[first + k]!;
    const top = (k << 5) + 31;
    while (bits !== 0) {
      const j = top - Math.clz32(bits & -bits);
      bits &= bits - 1;
      const r = rk[j]!;
      const ci = c[s + j]!;
      const cell = (r * nC + ci) << 1;
      const x = wt[s + j]!;
      h[cell]! += 1;
      h[cell + 1]! += x;
      sq[cls[r]! + ci]! += x * x;
    }
  }
}

function sumTotalBits(
  rk: Int32Array,
  inc: Uint32Array,
  first: number,
  words: number,
  wt: Float64Array,
  s: number,
  nC: number,
  h: Float64Array,
  cls: Int32Array,
  sq: Float64Array,
) {
  for (let k = 0; k < words; k++) {
    let bits = inc[first + k]!;
    const top = (k << 5) + 31;
    while (bits !== 0) {
      const j = top - Math.clz32(bits & -bits);
      bits &= bits - 1;
      const r = rk[j]!;
      const cell = (r * nC + 1) << 1;
      const x = wt[s + j]!;
      h[cell]! += 1;
      h[cell + 1]! += x;
      sq[cls[r]! + 1]! += x * x;
    }
  }
}

/** The non-empty cells among the first `size` of a dense histogram of counts. */
function compact(n: Uint32Array, nColKeys: number, size: number): JointCounts {
  let cells = 0;
  for (let k = 0; k < size; k++) if (n[k] !== 0) cells++;
  const out = jointOf(cells);
  let j = 0;
  for (let k = 0; k < size; k++) {
    if (n[k] === 0) continue;
    out.rowKey[j] = Math.floor(k / nColKeys);
    out.colKey[j] = k % nColKeys;
    out.n[j] = n[k]!;
    j++;
  }
  return out;
}

/** The same for a weighted histogram: count, sum of weights and sum of squared weights side by side. */
function compactWeighted(h: number[], nColKeys: number, size: number): JointCounts {
  let cells = 0;
  for (let k = 0; k < size; k++) if (h[4 * k] !== 0) cells++;
  const out: JointCounts = {
    rowKey: new Int32Array(cells),
    colKey: new Int32Array(cells),
    n: new Float64Array(cells),
    w: new Float64Array(cells),
    w2: new Float64Array(cells),
    colKeySquares: null,
  };
  let j = 0;
  for (let k = 0; k < size; k++) {
    if (h[4 * k] === 0) continue;
    out.rowKey[j] = Math.floor(k / nColKeys);
    out.colKey[j] = k % nColKeys;
    out.n[j] = h[4 * k]!;
    out.w[j] = h[4 * k + 1]!;
    out.w2![j] = h[4 * k + 2]!;
    j++;
  }
  return out;
}

/** Unweighted, every weight is 1: the sums of weights and of squared weights are the counts. */
const jointOf = (cells: number): JointCounts => {
  const n = new Float64Array(cells);
  return {
    rowKey: new Int32Array(cells),
    colKey: new Int32Array(cells),
    n,
    w: n,
    w2: n,
    colKeySquares: null,
  };
};

/** The non-empty cells of a weighted histogram of (count, Σw) pairs, with Σw² per column key. */
function compactPairs(
  h: Float64Array,
  nColKeys: number,
  size: number,
  colKeySquares: Float64Array,
): JointCounts {
  let cells = 0;
  for (let k = 0; k < size; k++) if (h[2 * k] !== 0) cells++;
  const out: JointCounts = {
    rowKey: new Int32Array(cells),
    colKey: new Int32Array(cells),
    n: new Float64Array(cells),
    w: new Float64Array(cells),
    w2: null,
    colKeySquares,
  };
  let j = 0;
  for (let k = 0; k < size; k++) {
    if (h[2 * k] === 0) continue;
    out.rowKey[j] = Math.floor(k / nColKeys);
    out.colKey[j] = k % nColKeys;
    out.n[j] = h[2 * k]!;
    out.w[j] = h[2 * k + 1]!;
    j++;
  }
  return out;
}
