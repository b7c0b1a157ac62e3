// A survey's table sent to the tab book worker in pieces (src/app/tabsProtocol.ts):
// its shape with empty arrays, then chunks, put back together into the same table.
import { describe, expect, it } from 'vitest';
import { allocateLike, arraySlots, emptyLike, CHUNK_BYTES } from '../../src/app/tabsProtocol';
import type { RespondentTable } from '../../src/core/table/types';
import { multi, numeric, respondents, single } from '../support/respondents';

/** What the page sends and the worker does, without the worker: shape, then chunks of `step` elements. */
function throughPieces(table: RespondentTable, chunkBytes: number): RespondentTable {
  const columns = table.columns.map((c) => ({ ...c }));
  const slots = arraySlots(columns);
  const arrays = slots.map((s) => s.get());
  slots.forEach((s, i) => s.set(emptyLike(arrays[i]!)));
  // The shape travels as a structured clone: its empty arrays keep their kind.
  const shape = structuredClone({ ...table, columns });
  const lengths = arrays.map((a) => a.length);
  const received = arraySlots(shape.columns);
  received.forEach((s, i) => s.set(allocateLike(s.get(), lengths[i]!)));
  arrays.forEach((a, slot) => {
    const step = Math.max(1, Math.floor(chunkBytes / a.BYTES_PER_ELEMENT));
    for (let offset = 0; offset < a.length; offset += step) {
      const data = structuredClone(a.slice(offset, offset + step));
      received[slot]!.get().set(data, offset);
    }
  });
  return shape;
}

describe('a table sent in pieces', () => {
  const table = respondents([
    single('g', ['a', 'b', null, 'a', 'b', 'a', 'b']),
    multi('m', [['x'], ['x', 'y'], null, [], ['y'], ['x'], ['x', 'y']]),
    numeric('n', [1, 2.5, null, 4, 5, 6, 7]),
  ]);

  it('lists every typed array once, in column order: codes, masks and patterns, values', () => {
    const kinds = arraySlots(table.columns).map((s) => s.get().constructor.name);
    expect(kinds).toEqual(['Uint8Array', 'Uint32Array', 'Uint16Array', 'Float64Array']);
  });

  it.each([
    ['in chunks of 3 bytes', 3],
    ['in chunks of one element', 1],
    ['in one chunk', CHUNK_BYTES],
  ])('comes back equal, %s', (_, bytes) => {
    expect(throughPieces(table, bytes)).toEqual(table);
  });

  it("leaves the page's own table as it was", () => {
    const before = structuredClone(table);
    throughPieces(table, 2);
    expect(table).toEqual(before);
  });
});
