// The walk every way of counting by slots shares (slots.ts, slotChunks.ts):
// the kept keys in ranges, one pass over the respondents per range, so that a
// histogram of kept keys × slots stays within its limit.
import {
  BLOCK,
  copyRowKeys,
  discardLeftOut,
  passingInBlock,
  type KeyAxis,
  type Span,
} from './count';
import type { ResolvedAxis } from './axis';

/**
 * The walk both ways of counting share: the kept keys in ranges (one pass over
 * the respondents per range), each pass block by block. A range's histogram
 * has `cellsPerKey` cells for each of its keys and one more row of them, for
 * respondents whose kept key is outside the range, all within `limit` cells.
 * `open` makes a range's histogram; `block` counts one block into it, given
 * the block's kept keys (relative to the range: keys outside it get `keys`,
 * the extra row) and expanded keys (respondents left out by `include` get
 * expanded.nKeys, which adds to no slot); `close` hands the range on.
 */
export function countInRanges<H>(
  span: Span,
  kept: KeyAxis,
  expanded: ResolvedAxis,
  include: Uint32Array | null,
  limit: number,
  cellsPerKey: number,
  open: (keys: number, lo: number) => H,
  block: (h: H, kk: Int32Array, ek: Int32Array, len: number, from: number) => void,
  close: (h: H, lo: number, keys: number) => void,
): void {
  const per = Math.max(1, Math.floor(limit / cellsPerKey) - 1);
  const kk = new Int32Array(BLOCK);
  const ek = new Int32Array(BLOCK);
  for (let lo = 0; lo < kept.nKeys; lo += per) {
    const keys = Math.min(per, kept.nKeys - lo);
    const whole = lo === 0 && keys === kept.nKeys;
    const h = open(keys, lo);
    for (let from = span.start; from < span.end; from += BLOCK) {
      const len = Math.min(BLOCK, span.end - from);
      if (include !== null && passingInBlock(include, from, len) === 0) continue;
      copyRowKeys(kk, kept.keys, from, len);
      copyRowKeys(ek, expanded.keys, from, len);
      if (include !== null) discardLeftOut(ek, include, from, len, expanded.nKeys);
      if (!whole) {
        for (let j = 0; j < len; j++) {
          const k = kk[j]! - lo;
          kk[j] = k >= 0 && k < keys ? k : keys;
        }
      }
      block(h, kk, ek, len, from);
    }
    close(h, lo, keys);
  }
}
