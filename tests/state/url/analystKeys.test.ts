// The base and design effect typed on a question page travel in its link.
import { describe, expect, it } from 'vitest';
import { decodeView, encodeView } from '../../../src/state/url/codec';
import { HOME, type ViewState } from '../../../src/state/url/view';

const page: ViewState = {
  ...HOME,
  page: 'question',
  survey: 'sootoo-2013-06-wechat-users',
  question: 'use4',
};

describe('margins of error in a link', () => {
  it('round-trips a typed base of 500 and a design effect of 1.5', () => {
    const state = { ...page, marginBase: 500, deff: 1.5 };
    const hash = encodeView(state);
    expect(hash).toBe('#v=1&page=question&s=sootoo-2013-06-wechat-users&q=use4&base=500&deff=1.5');
    expect(decodeView(hash)).toEqual({ state, attachment: null, problem: null });
  });

  it('leaves both out at their defaults (no base, design effect 1)', () => {
    expect(encodeView({ ...page, deff: 1 })).toBe(
      '#v=1&page=question&s=sootoo-2013-06-wechat-users&q=use4',
    );
  });

  it('writes them only on question pages', () => {
    const hash = encodeView({ ...page, page: 'survey', marginBase: 500, deff: 2 });
    expect(hash).not.toMatch(/base=|deff=/);
  });

  it.each([
    ['base=0', 'base'],
    ['base=12.5', 'base'],
    ['base=10000001', 'base'],
    ['deff=0.5', 'deff'],
    ['deff=1.2345', 'deff'],
  ])('refuses %s and says which key was wrong', (param, key) => {
    const r = decodeView(`#v=1&page=question&s=s&q=q&${param}`);
    expect(r.state).toEqual(HOME);
    expect(r.problem).toContain(key);
  });
});
