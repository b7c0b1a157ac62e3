// Unweighted counting by chunk cells, for slots.ts: a respondent adds 1 to one
// cell per six-bit chunk of its slot mask instead of looping over its set bits.
import type { KeyAxis, Span } from './count';
import type { ResolvedAxis } from './axis';
import type { SlotHistogram } from './slots';
import { countInRanges } from './slotRanges';

/** Slots per chunk, and the most chunks counted by chunk cells rather than by the bit loop. */
const CHUNK_BITS = 6;
const CHUNK_CELLS = 1 << CHUNK_BITS;
const CHUNK_MAX = 4;

/** Whether S slots are counted by chunk cells (unweighted). */
export const chunksFit = (S: number): boolean => S <= CHUNK_BITS * CHUNK_MAX;

/**
 * Unweighted counting by chunk cells (S ≤ CHUNK_BITS × CHUNK_MAX slots, so a
 * mask is one word): kept key k's row has CHUNK_CELLS cells per chunk, and a
 * respondent whose mask's chunk q is v adds 1 to cell q × CHUNK_CELLS + v of
 * its row. Slot CHUNK_BITS × q + b of key k is then the sum of the row's
 * chunk-q cells whose bit b is set. Counts are whole numbers, so the order in
 * which they are added does not matter.
 */
export function countChunked(
  span: Span,
  kept: KeyAxis,
  expanded: ResolvedAxis,
  include: Uint32Array | null,
  S: number,
  words: number,
  masks: Uint32Array,
  visit: (h: SlotHistogram) => void,
  limit: number,
): void {
  const chunks = Math.ceil(S / CHUNK_BITS);
  const R = chunks * CHUNK_CELLS;
  // Each key's chunk cells within a row, chunk by chunk: cells[e * chunks + q]
  // (three chunks read them from the mask instead: measured faster).
  const nE = chunks === 3 ? 0 : expanded.nKeys + 1;
  const cells = new Int32Array(nE * chunks);
  for (let e = 0; e < nE; e++) {
    const m = masks[e * words]!;
    for (let q = 0; q < chunks; q++) {
      cells[e * chunks + q] = q * CHUNK_CELLS + ((m >>> (q * CHUNK_BITS)) & (CHUNK_CELLS - 1));
    }
  }
  countInRanges(
    span,
    kept,
    expanded,
    include,
    limit,
    R,
    (keys) => new Uint32Array((keys + 1) * R),
    (c, kk, ek, len) => {
      if (chunks === 3 && words === 1) countChunks3(kk, ek, len, masks, c);
      else countChunks(kk, ek, len, chunks, R, cells, c);
    },
    (c, lo, keys) =>
      visit({
        lo,
        keys,
        n: slotsOfChunks(c, keys, chunks, S),
        w: null,
        keptSquares: null,
        expandedSquares: null,
      }),
  );
}

/** The slot counts of the first `keys` rows of chunk cells. */
function slotsOfChunks(c: Uint32Array, keys: number, chunks: number, S: number): Uint32Array {
  const R = chunks * CHUNK_CELLS;
  const n = new Uint32Array((keys + 1) * S);
  for (let k = 0; k < keys; k++) {
    for (let q = 0; q < chunks; q++) {
      const row = k * R + q * CHUNK_CELLS;
      const slot = k * S + q * CHUNK_BITS + 31;
      // Cell 0 (none of the chunk's slots) adds to no slot.
      for (let v = 1; v < CHUNK_CELLS; v++) {
        const x = c[row + v]!;
        if (x === 0) continue;
        let bits = v;
        while (bits !== 0) {
          n[slot - Math.clz32(bits & -bits)]! += x;
          bits &= bits - 1;
        }
      }
    }
  }
  return n;
}

/** Three chunks (S ≤ 18: the mask's bits above 17 are clear). */
function countChunks3(
  kk: Int32Array,
  ek: Int32Array,
  m: number,
  masks: Uint32Array,
  c: Uint32Array,
) {
  for (let j = 0; j < m; j++) {
    const base = kk[j]! * (3 * CHUNK_CELLS);
    const x = masks[ek[j]!]!;
    c[base + (x & 63)]!++;
    c[base + 64 + ((x >>> 6) & 63)]!++;
    c[base + 128 + (x >>> 12)]!++;
  }
}

function countChunks(
  kk: Int32Array,
  ek: Int32Array,
  m: number,
  chunks: number,
  R: number,
  cells: Int32Array,
  c: Uint32Array,
) {
  for (let j = 0; j < m; j++) {
    const base = kk[j]! * R;
    const e = ek[j]! * chunks;
    for (let q = 0; q < chunks; q++) c[base + cells[e + q]!]!++;
  }
}
