// The tab book page in links (state/url/keys.ts, resolve.ts): its settings go
// into the link on the tab book page only, come back the same, and a link
// naming rows the survey lacks opens without them, saying which.
import { describe, expect, it } from 'vitest';
import { formatBanner, parseBanner } from '../../../src/core/definition/definition';
import { libraryOf, entryFromTable } from '../../../src/state/models/library';
import { resolveView } from '../../../src/state/url/resolve';
import { decodeView, encodeView } from '../../../src/state/url/codec';
import { DEFAULT_TABS, HOME, type ViewState } from '../../../src/state/url/view';
import { respondents, single } from '../../support/respondents';

const banner = formatBanner({
  columns: ['gender', { question: 'gender', within: 'region' }],
  bands: [{ question: 'age', cuts: [25, 35] }],
});

const tabsPage: ViewState = {
  ...HOME,
  page: 'tabs',
  survey: 's1',
  tabs: {
    rows: ['q2', 'q1'],
    lower: true,
    compare: 'rest',
    correction: 'bh',
    nets: true,
    banner,
  },
};

describe('the tab book in a link', () => {
  it('writes each setting under its key and reads the same view back', () => {
    const hash = encodeView(tabsPage);
    const params = new URLSearchParams(hash.slice(1));
    expect(params.get('page')).toBe('tabs');
    expect(params.getAll('tr')).toEqual(['q2', 'q1']);
    expect([params.get('tl'), params.get('tc'), params.get('tx'), params.get('tn')]).toEqual([
      '1',
      'rest',
      'bh',
      '1',
    ]);
    expect(params.get('tb')).toBe(banner);
    expect(decodeView(hash)).toEqual({ state: tabsPage, attachment: null, problem: null });
  });

  it('leaves out every setting at its default: the saved banner, every row, 95% only, within groups, no correction, no nets', () => {
    const hash = encodeView({ ...tabsPage, tabs: DEFAULT_TABS });
    expect(hash).toBe('#v=1&page=tabs&s=s1');
    expect(decodeView(hash).state.tabs).toBeUndefined();
  });

  it("carries a banner the link reads back by the definition's rules", () => {
    const read = parseBanner(new URLSearchParams(encodeView(tabsPage).slice(1)).get('tb')!, 'link');
    expect(read).toEqual({ ok: true, value: JSON.parse(banner) });
    expect(parseBanner('{"columns":["a","a"]}', 'link')).toEqual({
      ok: false,
      error: {
        code: 'definition-banner-twice',
        message:
          'The banner names the question "a" twice. Keep it once: each banner question is one group of columns.',
        file: 'link',
      },
    });
    expect(parseBanner('{"columns":', 'link').ok).toBe(false);
  });

  it('writes no tab book setting into links to other pages', () => {
    const hash = encodeView({ ...tabsPage, page: 'crosstab' });
    const keys = [...new URLSearchParams(hash.slice(1)).keys()];
    expect(keys.filter((k) => ['tr', 'tl', 'tc', 'tx', 'tn', 'tb'].includes(k))).toEqual([]);
  });

  it('refuses a correction or comparison it does not know', () => {
    expect(decodeView('#v=1&page=tabs&s=s1&tx=holm').problem).toMatch(/tx/);
    expect(decodeView('#v=1&page=tabs&s=s1&tc=all').problem).toMatch(/tc/);
  });
});

describe('a tab book link met with the library', () => {
  const table = respondents([single('q1', ['a', 'b']), single('q2', ['x', 'y'])]);
  const library = libraryOf([entryFromTable('s1', 's1.csv', 'upload', table)]);

  it('keeps the rows the survey has and drops the others, naming them', () => {
    const r = resolveView(
      { ...tabsPage, tabs: { ...DEFAULT_TABS, rows: ['q2', 'gone', 'q1'] } },
      library,
    );
    expect(r.view.tabs?.rows).toEqual(['q2', 'q1']);
    expect(r.problem).toBe(
      'This link names row questions this survey does not have ("gone"); the tab book leaves them out.',
    );
  });

  it('opens the survey page of published figures, which have no tab book', () => {
    const published = libraryOf([
      {
        ...entryFromTable('s1', 's1.csv', 'upload', table),
        table: null,
      },
    ]);
    const r = resolveView(tabsPage, published);
    expect(r.view.page).toBe('survey');
    expect(r.problem).toMatch(/respondent/);
  });
});
