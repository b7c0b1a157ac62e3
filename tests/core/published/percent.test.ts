import { describe, expect, it } from 'vitest';
import {
  isOmittedPlaceholder,
  parsePercentText,
  parseRankText,
} from '../../../src/core/published/percent';

describe('reading a percent as printed', () => {
  it.each([
    ['38.07', 38.07, 2, false],
    ['38.07%', 38.07, 2, false],
    ['29', 29, 0, false],
    ['29%', 29, 0, false],
    ['30+%', 30, 0, true],
    ['30+', 30, 0, true],
    ['53.0%', 53, 1, false],
    ['38,07', 38.07, 2, false],
    ['38,07 %', 38.07, 2, false],
    ['  7.1% ', 7.1, 1, false],
    ['0%', 0, 0, false],
    ['100.00%', 100, 2, false],
    ['-5%', -5, 0, false],
    ['104.5', 104.5, 1, false],
  ])('reads %j as %d with %d decimals (lower bound: %s)', (text, value, decimals, lowerBound) => {
    expect(parsePercentText(text)).toEqual({ text: text.trim(), value, decimals, lowerBound });
  });

  it.each(['', '   '])('reads the blank cell %j as "no figure"', (text) => {
    expect(parsePercentText(text)).toBeNull();
  });

  it.each(['3o%', 'n/a', '38.07%%', '%', '.5', '38.', '1,234.5', 'about 30%', '30-40%', '+30'])(
    'refuses %j as not a percent',
    (text) => {
      expect(parsePercentText(text)).toBeUndefined();
    },
  );
});

describe('reading a rank', () => {
  it.each([
    ['3', 3],
    ['#3', 3],
    ['# 12', 12],
    ['', null],
  ])('reads %j as %j', (text, rank) => {
    expect(parseRankText(text)).toBe(rank);
  });

  it.each(['third', '3.5', '#', '-1'])('refuses %j', (text) => {
    expect(parseRankText(text)).toBeUndefined();
  });
});

describe('placeholders for options the source leaves out', () => {
  it.each(['…', '...', '・・', '・', '⋯', '. . .', '……'])('treats %j as a placeholder', (label) => {
    expect(isOmittedPlaceholder(label)).toBe(true);
  });

  it.each(['Other', 'Etc.', '', '  ', '3...'])('does not treat %j as a placeholder', (label) => {
    expect(isOmittedPlaceholder(label)).toBe(false);
  });
});
