// A survey's table sent to a worker in pieces (src/app/tableTransfer.ts):
// its shape with empty arrays, then chunks, put back together into the same table.
import { describe, expect, it } from 'vitest';
import { arraySlots, CHUNK_BYTES, sendTable, tableHolder } from '../../src/app/tableTransfer';
import type { RespondentTable } from '../../src/core/table/types';
import { multi, numeric, respondents, single } from '../support/respondents';

/** The page's sendTable into a worker's tableHolder, each message structured-cloned as postMessage does. */
async function throughPieces(table: RespondentTable, chunkBytes: number): Promise<RespondentTable> {
  const holder = tableHolder();
  let messages = 0;
  await sendTable(
    (m) => {
      messages++;
      expect(holder.receive(structuredClone(m))).toBe(true);
    },
    'k#1',
    table,
    () => true,
    chunkBytes,
  );
  expect(messages).toBeGreaterThan(1);
  expect(holder.table('k#2')).toBeNull();
  return holder.table('k#1')!;
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
  ])('comes back equal, %s', async (_, bytes) => {
    expect(await throughPieces(table, bytes)).toEqual(table);
  });

  it("leaves the page's own table as it was", async () => {
    const before = structuredClone(table);
    await throughPieces(table, 2);
    expect(table).toEqual(before);
  });

  it('leaves out free text, which no worker counts', async () => {
    const withText = {
      ...table,
      columns: [
        ...table.columns,
        { ...single('t', ['a', 'b', 'c', 'd', 'e', 'f', 'g']), type: 'text' as const },
      ],
    };
    const held = await throughPieces(withText, CHUNK_BYTES);
    expect(held.columns.map((c) => c.id)).toEqual(['g', 'm', 'n']);
  });

  it('leaves other messages to the worker', () => {
    expect(tableHolder().receive({ type: 'build' })).toBe(false);
  });
});
