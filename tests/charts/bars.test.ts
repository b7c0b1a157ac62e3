import { describe, expect, it } from 'vitest';
import { fitLabel, wrapCaption } from '../../src/charts/bars';

describe('bar labels', () => {
  it.each([
    ['Voice Chat', 200, 'Voice Chat'],
    ['For getting the current status of the corporate', 140, 'For getting the cur…'],
    // 7px for the ellipsis + 4 × 13px = 59px.
    ['你多久使用一次微信？', 60, '你多久使…'],
  ])('fits "%s" into %ipx as "%s"', (label, max, expected) => {
    expect(fitLabel(label, max)).toBe(expected);
  });
});

describe('the chart caption', () => {
  it('wraps a long note inside the chart instead of running past its right edge', () => {
    const note =
      'Multiple answers allowed: totals exceed 100% (2.33 answers per respondent on average)';
    const lines = wrapCaption(note, 300);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(note);
    // 11.5 px text: 7 × 11.5 / 12.5 px a Latin character.
    for (const line of lines) expect(line.length * 7 * (11.5 / 12.5)).toBeLessThanOrEqual(300);
    expect(wrapCaption(note, 2000)).toEqual([note]);
  });

  it('breaks CJK text, which has no spaces, between characters', () => {
    const lines = wrapCaption('多选题：总和超过百分之百（平均每人二点三三个答案）', 100);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('多选题：总和超过百分之百（平均每人二点三三个答案）');
  });
});
