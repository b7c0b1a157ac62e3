import { describe, expect, it } from 'vitest';
import { countJointMany, type JointCounts } from '../../../src/core/crosstab/count';
import { mulberry32 } from '../../support/random';

// Byte codes are counted four respondents to a 32-bit word when their array
// starts on a 4-byte boundary (count.ts wordsOf), and byte by byte otherwise.
// Both are checked here against a recount respondent by respondent, over
// respondents that fill two blocks of 4,096 and 3 more (a last block that is
// not a whole number of words), with and without a filter mask and weights.

const N = 2 * 4096 + 3;
const rand = mulberry32(20261201);
const rowCodes = Uint8Array.from({ length: N }, () => Math.floor(4 * rand())); // 0 = missing, 1–3
const colCodes = Uint8Array.from({ length: N }, () => Math.floor(5 * rand())); // 0 = missing, 1–4
const weights = Float64Array.from({ length: N }, () => 0.5 + Math.round(1000 * rand()) / 1000);
// Every respondent passes but each seventh (dense blocks: counted whole, with the discard key).
const include = new Uint32Array((N + 31) >>> 5);
for (let i = 0; i < N; i++) if (i % 7 !== 0) include[i >>> 5]! |= 1 << (i & 31);

/** The same bytes at a given byte offset of a larger buffer. */
function at(offset: number, codes: Uint8Array): Uint8Array {
  const out = new Uint8Array(new ArrayBuffer(codes.length + 8), offset, codes.length);
  out.set(codes);
  return out;
}

/** Recount: cell "rowKey,colKey" → [respondents, Σw, Σw²], in respondent order. */
function recount(mask: Uint32Array | null, wt: Float64Array | null): Map<string, number[]> {
  const cells = new Map<string, number[]>();
  for (let i = 0; i < N; i++) {
    if (mask !== null && ((mask[i >>> 5]! >>> (i & 31)) & 1) === 0) continue;
    const key = `${rowCodes[i]},${colCodes[i]}`;
    const cell = cells.get(key) ?? [0, 0, 0];
    const w = wt === null ? 1 : wt[i]!;
    cell[0]! += 1;
    cell[1]! += w;
    cell[2]! += w * w;
    cells.set(key, cell);
  }
  return cells;
}

/**
 * Cell "rowKey,colKey" → [respondents, Σw], and Σw² per column key over
 * respondents whose row key is answered (not 0): from the cells' Σw², or as
 * counted per column key (weighted Float64Array histograms, count.ts).
 */
function asMap(j: JointCounts, nColKeys: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const squares = new Array<number>(nColKeys).fill(0);
  for (let k = 0; k < j.n.length; k++) {
    out.set(`${j.rowKey[k]},${j.colKey[k]}`, [j.n[k]!, j.w[k]!]);
    if (j.w2 !== null && j.rowKey[k] !== 0) squares[j.colKey[k]!]! += j.w2[k]!;
  }
  if (j.colKeySquares !== null) squares.splice(0, nColKeys, ...j.colKeySquares);
  out.set('Σw² by column key', squares);
  return out;
}

/** The recount's cells as asMap gives them (Σw² per column key summed in respondent order). */
function recountMap(
  cells: Map<string, number[]>,
  r: Uint8Array,
  c: Uint8Array,
  nColKeys: number,
  mask: Uint32Array | null,
  wt: Float64Array | null,
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [key, [n, w]] of cells) out.set(key, [n!, w!]);
  const squares = new Array<number>(nColKeys).fill(0);
  for (let i = 0; i < N; i++) {
    if (mask !== null && ((mask[i >>> 5]! >>> (i & 31)) & 1) === 0) continue;
    const x = wt === null ? 1 : wt[i]!;
    if (r[i] !== 0) squares[c[i]!]! += x * x;
  }
  out.set('Σw² by column key', squares);
  return out;
}

/** asMap against recountMap: counts and Σw exact; Σw² per column key to 1e-12 (cells add it in another order). */
function expectSame(got: Map<string, number[]>, want: Map<string, number[]>): void {
  const key = 'Σw² by column key';
  const [g, w] = [new Map(got), new Map(want)];
  const [gs, ws] = [g.get(key)!, w.get(key)!];
  g.delete(key);
  w.delete(key);
  expect(g).toEqual(w);
  expect(gs.length).toBe(ws.length);
  gs.forEach((x, k) =>
    expect(Math.abs(x - ws[k]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, ws[k]!)),
  );
}

describe('joint keys of byte codes', () => {
  const cases = [
    [0, 0],
    [1, 0],
    [0, 3],
    [2, 1],
  ] as const;
  it.each(cases)(
    'with rows at byte offset %i and columns at %i give the recount, cell for cell',
    (rowOffset, colOffset) => {
      const rows = { keys: at(rowOffset, rowCodes), nKeys: 4 };
      const cols = { keys: at(colOffset, colCodes), nKeys: 5 };
      for (const mask of [null, include]) {
        for (const wt of [null, weights]) {
          const counted = countJointMany(N, rows, [cols], mask, wt)[0]!;
          expectSame(
            asMap(counted, 5),
            recountMap(recount(mask, wt), rowCodes, colCodes, 5, mask, wt),
          );
        }
      }
    },
  );

  it('count every respondent once: 8,195 in all, 7,024 past the filter', () => {
    const rows = { keys: rowCodes, nKeys: 4 };
    const cols = { keys: colCodes, nKeys: 5 };
    const sum = (j: JointCounts) => j.n.reduce((a, b) => a + b, 0);
    expect(sum(countJointMany(N, rows, [cols], null, weights)[0]!)).toBe(8195);
    expect(sum(countJointMany(N, rows, [cols], include, null)[0]!)).toBe(8195 - 1171);
  });
});

describe('weighted histograms of two sizes in one banner', () => {
  // Small weighted histograms are plain arrays counted by words in every block; larger ones
  // Float64Arrays counted byte by byte (count.ts, plain.ts). Both against one row question,
  // with no filter, a filter that leaves out each seventh, and one that keeps each tenth.
  const wide = Uint8Array.from({ length: N }, () => Math.floor(250 * rand())); // 0–249
  const rowsWide = Uint8Array.from({ length: N }, () => Math.floor(200 * rand())); // 0–199
  const sparse = new Uint32Array((N + 31) >>> 5);
  for (let i = 0; i < N; i++) if (i % 10 === 0) sparse[i >>> 5]! |= 1 << (i & 31);

  function recountOf(r: Uint8Array, c: Uint8Array, mask: Uint32Array | null) {
    const cells = new Map<string, number[]>();
    for (let i = 0; i < N; i++) {
      if (mask !== null && ((mask[i >>> 5]! >>> (i & 31)) & 1) === 0) continue;
      const key = `${r[i]},${c[i]}`;
      const cell = cells.get(key) ?? [0, 0, 0];
      cell[0]! += 1;
      cell[1]! += weights[i]!;
      cell[2]! += weights[i]! * weights[i]!;
      cells.set(key, cell);
    }
    return cells;
  }

  it.each([
    ['no filter', null],
    ['each seventh left out', include],
    ['each tenth kept', sparse],
  ] as const)('give the recount, cell for cell, with %s', (_name, mask) => {
    const rows = { keys: rowsWide, nKeys: 200 };
    // 4 × 201 × 5 doubles: small; 4 × 201 × 250: large.
    const small = { keys: colCodes, nKeys: 5 };
    const large = { keys: wide, nKeys: 250 };
    const [a, b] = countJointMany(N, rows, [small, large], mask, weights);
    expect(a!.w2).not.toBeNull();
    expectSame(
      asMap(a!, 5),
      recountMap(recountOf(rowsWide, colCodes, mask), rowsWide, colCodes, 5, mask, weights),
    );
    // The large one sums Σw² per column key, in respondent order: exactly the recount's.
    expect(b!.w2).toBeNull();
    const want = recountMap(recountOf(rowsWide, wide, mask), rowsWide, wide, 250, mask, weights);
    expect(asMap(b!, 250)).toEqual(want);
  });
});
