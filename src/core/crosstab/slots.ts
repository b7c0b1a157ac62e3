// Counting by slots: for a pair of questions whose joint key space is too
// large to count densely (two multi-answer questions with thousands of answer
// patterns each: 4,752 × 11,899 keys in the bench survey), one axis keeps its
// keys and the other is expanded, per respondent, into the outputs it counts
// in (its options and nets) plus three bookkeeping slots (answered, chose
// none, missing). The histogram is kept keys × slots, small and dense, and
// each respondent adds to as many slots as its answer counts in, plus one,
// instead of one joint key per respondent in a Map. Which slots an expanded
// key adds to is a bit mask, read with clz32.
//
// Unweighted, when the slots fit four chunks of 6 bits (slotChunks.ts), a respondent
// instead adds 1 to one cell per chunk (the chunk's 6 bits of its mask as a
// number, 0..63), whichever slots it counts in: no loop over set bits, whose
// varying length the CPU cannot predict. The chunk cells are expanded into
// slots afterwards, per kept key. At 1M respondents of the bench survey Q20 ×
// Q24 (18 slots, 3 chunks, about 3.7 slots a respondent) counts in 16–18 ms
// instead of 22. Weighted sums stay per slot, in respondent order (chunk
// cells made them no faster). Σw² (for Kish's effective bases) is summed once
// per respondent rather than per slot, since only the columns' outputs need
// it: by kept key when the kept axis is the columns, by expanded key when the
// expanded axis is. A third sum per slot cost as much as the other two.
//
// When even kept keys × slots is over the limit, the kept keys are counted in
// ranges, one pass over the respondents per range, so memory stays bounded
// (slotRanges.ts).
import { DENSE_LIMIT, type KeyAxis, type Span } from './count';
import { chunksFit, countChunked } from './slotChunks';
import { countInRanges } from './slotRanges';
import type { ResolvedAxis } from './axis';

/** Where the slots of one kept key are, for an expanded axis. */
export interface SlotLayout {
  /** Slots 0 .. outputs - 1: the expanded axis's options, then nets. */
  outputs: number;
  /** Respondents whose expanded answer is not missing. */
  any: number;
  /** Respondents whose expanded answer is not missing but chose none of the options. */
  none: number;
  /** Respondents whose expanded answer is missing. */
  missing: number;
  size: number;
}

export function slotLayout(expanded: ResolvedAxis): SlotLayout {
  const outputs = expanded.info.labels.length;
  return { outputs, any: outputs, none: outputs + 1, missing: outputs + 2, size: outputs + 3 };
}

/**
 * Which Σw² a weighted count sums, for Kish's effective bases of the columns
 * and the table: per kept key (of respondents whose expanded answer is not
 * missing) when the kept axis is the columns; per expanded key (of respondents
 * whose kept answer is not missing) when the expanded axis is.
 */
export type SquaresBy = 'kept' | 'expanded';

/**
 * One range of kept keys: slot s of key lo + k is n[k * size + s]
 * (respondents) and w[…] (sum of weights).
 */
export interface SlotHistogram {
  lo: number;
  keys: number;
  n: Uint32Array;
  /** null when unweighted (the sums are the counts). */
  w: Float64Array | null;
  /**
   * Weighted, by 'kept': Σw² of key lo + k's respondents whose expanded answer
   * is not missing, at keptSquares[k]. null otherwise.
   */
  keptSquares: Float64Array | null;
  /**
   * Weighted, by 'expanded', in the first range only (it counts every
   * respondent, whichever range their kept key is in): Σw² of respondents with
   * expanded key e whose kept answer is not missing, at expandedSquares[e]. null otherwise.
   */
  expandedSquares: Float64Array | null;
}

/**
 * The slots a respondent with expanded key e adds to, as a bit mask of
 * `words` 32-bit words from masks[e * words]: its outputs and "any" (and
 * "none" when it chose no option); key 0 (missing) the missing slot only.
 * One more key, nKeys, adds to none: respondents left out are given it.
 */
function slotMasks(expanded: ResolvedAxis, L: SlotLayout): { words: number; masks: Uint32Array } {
  const { memberStart, memberList, nKeys } = expanded;
  const words = (L.size + 31) >>> 5;
  const masks = new Uint32Array((nKeys + 1) * words);
  const set = (e: number, slot: number): void => {
    masks[e * words + (slot >>> 5)]! |= 1 << (slot & 31);
  };
  set(0, L.missing);
  for (let e = 1; e < nKeys; e++) {
    for (let a = memberStart[e]!; a < memberStart[e + 1]!; a++) set(e, memberList[a]!);
    set(e, L.any);
    if (expanded.chose[e] === 0) set(e, L.none);
  }
  return { words, masks };
}

/**
 * Counts `kept` keys against the slots of `expanded` over the respondents of
 * `span` whose bit is set in `include` (all when null), summing `weights` alongside
 * when given (and Σw² as `squaresBy` says), and hands each range of kept keys
 * to `visit` (one range unless kept keys × slots is over `limit`). Each sum
 * adds its respondents in respondent order.
 */
export function countSlots(
  span: Span,
  kept: KeyAxis,
  expanded: ResolvedAxis,
  include: Uint32Array | null,
  weights: Float64Array | null,
  squaresBy: SquaresBy,
  visit: (h: SlotHistogram) => void,
  limit = DENSE_LIMIT,
): void {
  const L = slotLayout(expanded);
  const S = L.size;
  const { words, masks } = slotMasks(expanded, L);
  if (weights === null) {
    if (chunksFit(S)) {
      countChunked(span, kept, expanded, include, S, words, masks, visit, limit);
      return;
    }
    countInRanges(
      span,
      kept,
      expanded,
      include,
      limit,
      S,
      (keys) => new Uint32Array((keys + 1) * S),
      (n, kk, ek, len) => countBlock(kk, ek, len, S, words, masks, n),
      (n, lo, keys) => visit({ lo, keys, n, w: null, keptSquares: null, expandedSquares: null }),
    );
    return;
  }
  // A respondent's Σw² goes to squares[rowPart[kk] + colPart[ek]]: by kept
  // key, the part of the expanded key sends a missing or left-out answer past
  // the range's keys; by expanded key, the kept key's part sends a missing
  // answer (and, after the first range, everyone) past the expanded keys.
  const E1 = expanded.nKeys + 1;
  const byKept = squaresBy === 'kept';
  const colPart = new Int32Array(E1);
  if (!byKept) for (let e = 0; e < E1; e++) colPart[e] = e;
  countInRanges(
    span,
    kept,
    expanded,
    include,
    limit,
    S,
    (keys, lo) => {
      const rowPart = new Int32Array(keys + 1);
      if (byKept) {
        for (let k = 0; k <= keys; k++) rowPart[k] = k;
        colPart[0] = colPart[E1 - 1] = keys + 1;
      } else if (lo === 0) rowPart[0] = E1;
      else rowPart.fill(E1);
      return {
        n: new Uint32Array((keys + 1) * S),
        w: new Float64Array((keys + 1) * S),
        squares: new Float64Array(byKept ? 2 * (keys + 1) : 2 * E1),
        rowPart,
      };
    },
    (h, kk, ek, len, from) => {
      const { n, w, squares, rowPart } = h;
      if (words === 1)
        sumWord(kk, ek, len, S, masks, weights, from, n, w, squares, rowPart, colPart);
      else sumWords(kk, ek, len, S, masks, weights, from, n, w, squares, rowPart, colPart, words);
    },
    (h, lo, keys) =>
      visit({
        lo,
        keys,
        n: h.n,
        w: h.w,
        keptSquares: byKept ? h.squares : null,
        expandedSquares: !byKept && lo === 0 ? h.squares : null,
      }),
  );
}

// The kernels: for each respondent of the block, every set bit of its
// expanded key's mask is one slot of its kept key's row (row kk[j], S slots).

function countBlock(
  kk: Int32Array,
  ek: Int32Array,
  m: number,
  S: number,
  words: number,
  masks: Uint32Array,
  n: Uint32Array,
): void {
  for (let j = 0; j < m; j++) {
    const base = kk[j]! * S + 31;
    const e = ek[j]! * words;
    for (let k = 0; k < words; k++) {
      let bits = masks[e + k]!;
      const at = base + (k << 5);
      while (bits !== 0) {
        n[at - Math.clz32(bits & -bits)]!++;
        bits &= bits - 1;
      }
    }
  }
}

// Weighted: n and w per slot, then the respondent's Σw² once (see countSlots).
// One word of mask (up to 32 slots) has its own loop: measured about 10%
// faster than the general one's loop over words.

function sumWord(
  kk: Int32Array,
  ek: Int32Array,
  m: number,
  S: number,
  masks: Uint32Array,
  wt: Float64Array,
  from: number,
  n: Uint32Array,
  w: Float64Array,
  squares: Float64Array,
  rowPart: Int32Array,
  colPart: Int32Array,
): void {
  for (let j = 0; j < m; j++) {
    const k = kk[j]!;
    const e = ek[j]!;
    const base = k * S + 31;
    const x = wt[from + j]!;
    squares[rowPart[k]! + colPart[e]!]! += x * x;
    let bits = masks[e]!;
    while (bits !== 0) {
      const s = base - Math.clz32(bits & -bits);
      bits &= bits - 1;
      n[s]!++;
      w[s]! += x;
    }
  }
}

function sumWords(
  kk: Int32Array,
  ek: Int32Array,
  m: number,
  S: number,
  masks: Uint32Array,
  wt: Float64Array,
  from: number,
  n: Uint32Array,
  w: Float64Array,
  squares: Float64Array,
  rowPart: Int32Array,
  colPart: Int32Array,
  words: number,
): void {
  for (let j = 0; j < m; j++) {
    const k = kk[j]!;
    const base = k * S + 31;
    const e = ek[j]!;
    const x = wt[from + j]!;
    squares[rowPart[k]! + colPart[e]!]! += x * x;
    for (let q = 0; q < words; q++) {
      let bits = masks[e * words + q]!;
      const at = base + (q << 5);
      while (bits !== 0) {
        const s = at - Math.clz32(bits & -bits);
        bits &= bits - 1;
        n[s]!++;
        w[s]! += x;
      }
    }
  }
}
