import { describe, expect, it } from 'vitest';
import { parseNumber, profileColumn } from '../../../src/core/schema/profile';

const MISSING = new Set(['', 'NA', 'N/A']);
const column = (values: string[]) => values.map((v) => ['id', v]);

describe('parseNumber', () => {
  it.each([
    ['42', 'point', 42],
    ['-3.5', 'point', -3.5],
    [' 7 ', 'point', 7],
    ['1e3', 'point', 1000],
    ['3,5', 'comma', 3.5],
    ['3,5', 'point', NaN],
    ['3.5', 'comma', 3.5],
    ['', 'point', NaN],
    ['abc', 'point', NaN],
    ['Infinity', 'point', NaN],
    ['1,234,5', 'comma', NaN],
  ])('reads %j with a decimal %s as %d', (text, mark, expected) => {
    expect(parseNumber(text, mark === 'comma')).toBe(expected);
  });
});

describe('profileColumn', () => {
  it('counts the distinct trimmed answers and keeps the missing tokens apart', () => {
    const p = profileColumn(
      column(['Yes', ' Yes ', 'No', '', 'NA', 'N/A', 'No', 'Yes']),
      1,
      MISSING,
      false,
    );
    expect(p).toEqual({
      index: 1,
      counts: new Map([
        ['Yes', 3],
        ['No', 2],
      ]),
      nonMissing: 5,
      missing: 3,
      numeric: false,
      integer: true,
      min: Infinity,
      meanLength: 2.5,
      distinctCapped: false,
    });
  });

  it.each([
    ['whole numbers', true, true, 1, ['3', '1', '2', '1'], false],
    ['decimals', true, false, 0.25, ['2.5', '10', '0.25'], false],
    ['decimal commas', true, false, -1, ['2,5', '-1'], true],
    ['numbers and words', false, true, 1, ['1', '2', 'many'], false],
  ])(
    'finds %s numeric: %s (integer: %s, smallest %d)',
    (_, numeric, integer, min, values, comma) => {
      const p = profileColumn(column(values), 1, MISSING, comma);
      expect([p.numeric, p.integer, p.min]).toEqual([numeric, integer, min]);
    },
  );

  it('does not call a column of missing values numeric', () => {
    const p = profileColumn(column(['', 'NA', '']), 1, MISSING, false);
    expect([p.nonMissing, p.missing, p.numeric, p.meanLength]).toEqual([0, 3, false, 0]);
  });

  it('reads a cell beyond a short row as blank, so missing', () => {
    const p = profileColumn([['1'], ['2', 'a']], 1, MISSING, false);
    expect([p.missing, p.nonMissing]).toEqual([1, 1]);
  });

  it('stops keeping distinct values after 5,000 and says so, counting every answer', () => {
    const values = Array.from({ length: 5003 }, (_, i) => `v${i}`);
    const p = profileColumn(column(values), 1, MISSING, false);
    expect([p.counts.size, p.nonMissing, p.distinctCapped]).toEqual([5000, 5003, true]);
    expect(p.counts.has('v4999')).toBe(true);
    expect(p.counts.has('v5000')).toBe(false);
  });
});
