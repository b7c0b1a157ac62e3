import { describe, expect, it } from 'vitest';
import { arraysApart, joinRecord, OWN_VALUE_BYTES, splitRecord } from '../../src/app/persistParts';
import type { StoredSurvey } from '../../src/state/models/stored';

const big = OWN_VALUE_BYTES; // respondents: a Uint8Array of codes this long is kept apart

function survey(rows: number): StoredSurvey {
  const codes = Uint8Array.from({ length: rows }, (_, i) => (i % 3) + 1);
  const weights = Float64Array.from({ length: rows }, (_, i) => 0.5 + (i % 4) / 4);
  const patterns = Uint16Array.from({ length: rows }, (_, i) => i % 5);
  return {
    id: 'upload-abc',
    name: 'Big',
    file: 'big.csv',
    addedAt: '2026-12-01T00:00:00.000Z',
    fingerprint: 'ab'.repeat(32),
    bytes: rows * 20,
    kind: 'respondents',
    table: {
      format: 'respondents',
      meta: { title: 'Big', notice: null, source: null },
      rowCount: rows,
      weightId: 'w',
      idColumnId: null,
      columns: [
        { type: 'single', id: 'q1', text: 'Q1', labels: ['a', 'b', 'c'], codes },
        { type: 'numeric', id: 'w', text: 'weight', values: weights },
        {
          type: 'multi',
          id: 'm',
          text: 'M',
          labels: ['x', 'y', 'z'],
          words: 1,
          masks: Uint32Array.from([0, 1, 2, 4, 7]),
          patternCount: 5,
          patternOf: patterns,
        },
      ],
    },
  };
}

describe('a survey stored with its large arrays apart', () => {
  it('keeps every array of 64 KiB or more apart (codes, weights, patterns) and small ones (masks) inline', () => {
    const record = survey(big);
    const { record: kept, arrays } = splitRecord(record);
    expect(arrays.map((a) => [a.constructor.name, a.byteLength])).toEqual([
      ['Uint8Array', big],
      ['Float64Array', big * 8],
      ['Uint16Array', big * 2],
    ]);
    expect(arraysApart(kept)).toBe(3);
    const json = JSON.stringify(kept);
    expect(json).toContain('"codes":{"storedArray":0}');
    expect(json).toContain('"values":{"storedArray":1}');
    expect(json).toContain('"patternOf":{"storedArray":2}');
    expect(kept.kind === 'respondents' && kept.table.columns[2]).toMatchObject({
      masks: Uint32Array.from([0, 1, 2, 4, 7]),
    });
  });

  it('reads back the same survey, array for array, in the same column order', () => {
    const record = survey(big + 1);
    const { record: kept, arrays } = splitRecord(record);
    expect(joinRecord(kept, arrays)).toEqual(record);
  });

  it('leaves a small survey whole, stored as it was before arrays were kept apart', () => {
    const record = survey(100);
    const { record: kept, arrays } = splitRecord(record);
    expect(arrays).toHaveLength(0);
    expect(kept).toBe(record);
    expect(joinRecord(kept, [])).toBe(record);
  });

  it('says which array is missing rather than show a survey without it', () => {
    const { record: kept, arrays } = splitRecord(survey(big));
    expect(() => joinRecord(kept, arrays.slice(0, 2))).toThrow('stored array 2 is missing');
  });
});
