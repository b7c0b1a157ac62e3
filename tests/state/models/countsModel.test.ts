// The counts page's model: the strings the page shows for a typed table, and
// what a link to the page carries.
import { describe, expect, it } from 'vitest';
import { COUNTS_EXAMPLE, countsModel } from '../../../src/state/models/countsModel';
import { decodeView, encodeView } from '../../../src/state/url/codec';
import { COUNTS_LINK_MAX, HOME } from '../../../src/state/url/view';

describe('the counts page model', () => {
  it('shows the example as R computes it: 26.974 on 2 df, letters C, C and AB', () => {
    const m = countsModel(COUNTS_EXAMPLE);
    if (m.state !== 'ok') throw new Error(m.state);
    const g = m.grid;
    expect(g.columns).toEqual([
      { label: '18-24', letter: 'A' },
      { label: '25-34', letter: 'B' },
      { label: '35+', letter: 'C' },
    ]);
    expect(g.rows[0]!.cells[0]).toEqual({
      percent: '77.5%',
      count: '62',
      letters: 'C',
      interval: '67.2–85.3%',
    });
    expect(g.rows[1]!.cells.map((c) => c.letters)).toEqual(['', '', 'AB']);
    expect(g.bases).toEqual([
      { text: '80', small: false },
      { text: '80', small: false },
      { text: '70', small: false },
    ]);
    expect(g.chiSquare).toBe('Chi-square: 26.974 with 2 degrees of freedom, p < 0.001');
  });

  it('shows reconstructed counts with their decimals and thousands separators', () => {
    const m = countsModel('x\tA\tB\nYes\t45.5%\t38%\nNo\t54.5%\t62%\nn\t"1,211"\t989\n');
    if (m.state !== 'ok') throw new Error(m.state);
    // 45.5% of 1,211 = 551.005; 54.5% of 1,211 = 659.995
    expect(m.grid.rows.map((r) => r.cells[0]!.count)).toEqual(['551.005', '659.995']);
    expect(m.grid.bases[0]!.text).toBe('1,211');
  });

  it('is empty for blank text and says what is wrong otherwise', () => {
    expect(countsModel('  \n')).toEqual({ state: 'empty' });
    expect(countsModel('x,A\nYes,-1')).toEqual({
      state: 'error',
      message: 'Row 2, column 2 ("A"): "-1" is negative. A count of respondents is 0 or more.',
    });
  });
});

describe('a link to the counts page', () => {
  it('carries the typed table and reads it back, tabs and line breaks included', () => {
    const hash = encodeView({ ...HOME, page: 'counts', counts: COUNTS_EXAMPLE });
    expect(hash.startsWith('#v=1&page=counts&ct=')).toBe(true);
    const back = decodeView(hash);
    expect(back.problem).toBeNull();
    expect(back.state.page).toBe('counts');
    expect(back.state.counts).toBe(COUNTS_EXAMPLE);
  });

  it(`leaves a table over ${COUNTS_LINK_MAX} characters out of the link, and refuses one in a link`, () => {
    const long = `x,A\n${'Yes,1\n'.repeat(700)}`;
    expect(long.length).toBeGreaterThan(COUNTS_LINK_MAX);
    expect(encodeView({ ...HOME, page: 'counts', counts: long })).toBe('#v=1&page=counts');
    const refused = decodeView(`#v=1&page=counts&ct=${encodeURIComponent(long)}`);
    expect(refused.problem).not.toBeNull();
  });

  it('keeps the table out of links to other pages', () => {
    expect(encodeView({ ...HOME, counts: COUNTS_EXAMPLE })).toBe('#v=1&page=library');
  });
});
