import { describe, expect, it } from 'vitest';
import { decodeView, encodeView } from '../../../src/state/url/codec';
import { DEFAULT_CROSSTAB, HOME, type ViewState } from '../../../src/state/url/view';

const question: ViewState = {
  page: 'question',
  survey: 'eguan-2013-07-mobile-im-share',
  question: 'share',
  sort: 'value',
  nets: [
    [0, 1],
    [2, 3, 4],
  ],
  compare: ['sootoo-2013-06-wechat-users:use3'],
  crosstab: DEFAULT_CROSSTAB,
};

const crosstabView: ViewState = {
  ...HOME,
  page: 'crosstab',
  survey: 'demo-simulated-wechat-respondents',
  crosstab: {
    rows: 'How often do you use WeChat?',
    cols: 'age_group',
    weight: null,
    filters: [
      { question: 'gender', options: [1] },
      { question: 'a:b=c', options: [0, 2] },
    ],
    percent: 'cases',
    counts: true,
    tests: false,
    sort: { col: 2, desc: true },
    rowNets: [
      { options: [0, 1], all: false },
      { options: [0, 1, 2], all: true },
    ],
    colNets: [{ options: [2, 3, 4], all: false }],
  },
};

describe('the view codec', () => {
  it.each([
    ['the library', HOME],
    ['the flags view', { ...HOME, page: 'flags' as const }],
    ['a question with sort, nets and a compared question', question],
    ['a filtered, weighted-off crosstab with nets, sort and tests off', crosstabView],
  ])('round-trips %s through the URL hash', (_name, state) => {
    expect(decodeView(encodeView(state))).toEqual({ state, attachment: null, problem: null });
  });

  it('writes only the keys that differ from their defaults', () => {
    expect(encodeView({ ...HOME, page: 'survey', survey: 'x' })).toBe('#v=1&page=survey&s=x');
  });

  it.each([
    ['an unknown page', '#v=1&page=admin', /malformed \(at "page"\)/],
    ['a missing version', '#page=library', /malformed \(at "v"\)/],
    ['a newer version', '#v=9&page=library', /newer version of Survey Workbench \(format 9\)/],
    ['markup in an id', '#v=1&page=survey&s=%3Cscript%3E', /malformed \(at "s"\)/],
    ['a net of one option', '#v=1&page=question&s=a&q=b&net=3', /malformed \(at "net\.0"\)/],
    ['a repeated key', '#v=1&page=survey&s=a&s=b', /repeats "s"/],
    [
      'a compared question without survey',
      '#v=1&page=question&s=a&q=b&cmp=use3',
      /malformed \(at "cmp\.0"\)/,
    ],
  ])('opens the library with a message for %s', (_name, hash, message) => {
    const result = decodeView(hash);
    expect(result.state).toEqual(HOME);
    expect(result.problem).toMatch(message);
  });

  it('treats "__proto__" as an ordinary (invalid) key, not as a prototype', () => {
    const result = decodeView('#v=1&page=library&__proto__=x&constructor=y');
    expect(result.state).toEqual(HOME);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
