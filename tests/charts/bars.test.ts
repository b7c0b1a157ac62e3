import { describe, expect, it } from 'vitest';
import { fitLabel } from '../../src/charts/bars';

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
