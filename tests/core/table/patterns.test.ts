// A multi-answer pattern read back as its labels (core/table/patterns.ts): the
// one rule the CSV and Parquet exports write chosen options with.
import { describe, expect, it } from 'vitest';
import { patternLabels } from '../../../src/core/table/patterns';
import type { MultiColumn } from '../../../src/core/table/types';
import { loadRespondents } from '../../support/pipeline';

// 40 options: two 32-bit words per pattern, so option 32 (the 33rd) is bit 0 of the second word.
const labels = Array.from({ length: 40 }, (_, j) => `opt${j}`);
const wide: MultiColumn = {
  type: 'multi',
  id: 'm',
  text: 'Which of these?',
  labels,
  words: 2,
  masks: Uint32Array.from([
    0,
    0, // pattern 1: answered, none chosen
    0b101,
    0, // pattern 2: options 0 and 2
    0x80000000,
    1, // pattern 3: options 31 and 32, across the word boundary
    0,
    1 << 7, // pattern 4: option 39, the last
  ]),
  patternCount: 4,
  patternOf: Uint8Array.from([1, 2, 3, 4, 0]),
};

describe('the labels of a multi-answer pattern', () => {
  it.each([
    [1, []],
    [2, ['opt0', 'opt2']],
    [3, ['opt31', 'opt32']],
    [4, ['opt39']],
  ])('reads pattern %i as %j', (pattern, expected) => {
    expect(patternLabels(wide, pattern)).toEqual(expected);
  });

  it.each([0, 5, -1])('holds no label for code %i, which is no pattern (0: missing)', (pattern) => {
    expect(patternLabels(wide, pattern)).toEqual([]);
  });

  it("gives each respondent of a file the options they chose, in the question's order", () => {
    const loaded = loadRespondents('id,brands\n1,Nike;Adidas\n2,\n3,Puma\n4,Adidas;Puma;Nike\n', {
      file: 'brands.csv',
    });
    const column = loaded.table.columns.find((c) => c.id === 'brands');
    if (column?.type !== 'multi') throw new Error(`brands read as ${column?.type}`);
    const rows = Array.from(column.patternOf, (p) => patternLabels(column, p));
    expect(column.labels).toEqual(['Nike', 'Adidas', 'Puma']);
    expect(rows).toEqual([['Nike', 'Adidas'], [], ['Puma'], ['Nike', 'Adidas', 'Puma']]);
  });
});
