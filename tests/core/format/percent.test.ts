import { describe, expect, it } from 'vitest';
import { formatCount, formatNumber, roundTo } from '../../../src/core/format/number';
import { formatPercent, formatPublished } from '../../../src/core/format/percent';
import { parsePercentText } from '../../../src/core/published/percent';

describe('showing published percents as printed', () => {
  it.each([
    ['38.07', '38.07%'],
    ['38.07%', '38.07%'],
    ['29', '29%'],
    ['30+%', '30+%'],
    ['30+', '30+%'],
    ['53.0%', '53.0%'],
    ['38,07', '38.07%'],
    ['0.50 %', '0.50%'],
  ])('%j is shown as %j', (text, shown) => {
    const p = parsePercentText(text);
    if (p == null) throw new Error('not a percent');
    expect(formatPublished(p)).toBe(shown);
  });
});

describe('showing computed numbers', () => {
  it.each([
    [66.04, 2, '66.04%'],
    [(2 / 3) * 100, 1, '66.7%'],
    [100, 2, '100.00%'],
    [-0.001, 2, '0.00%'],
    [-7.25, 1, '-7.3%'],
    [1234.5, 1, '1,234.5%'],
  ])('formatPercent(%d, %i) is %j', (value, decimals, shown) => {
    expect(formatPercent(value, decimals)).toBe(shown);
  });

  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1615, '1,615'],
    [1234567.4, '1,234,567'],
    [-12345, '-12,345'],
  ])('formatCount(%d) is %j', (n, shown) => {
    expect(formatCount(n)).toBe(shown);
  });

  it('never shows binary noise', () => {
    expect(roundTo(0.1 + 0.2, 2)).toBe(0.3);
    expect(roundTo(38.07 + 27.97 + 18.37 + 4.98 + 3.8 + 2.38 + 1.43 + 3, 2)).toBe(100);
    expect(formatNumber(Number.NaN, 2)).toBe('NaN');
  });
});
