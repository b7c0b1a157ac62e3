// The URL codec on anything a link can hold: decodeView never throws and always
// gives a usable view state; every valid view state survives encode → decode.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeView, encodeView } from '../../../src/state/url/codec';
import {
  DEFAULT_CROSSTAB,
  HOME,
  type CrosstabView,
  type ViewState,
} from '../../../src/state/url/view';

const PAGES = ['library', 'survey', 'question', 'flags', 'crosstab'] as const;
const PERCENTS = ['col', 'row', 'total', 'cases', 'resp', 'responses'] as const;
const KEYS = ['v', 'page', 's', 'q', 'sort', 'net', 'cmp', 'r', 'c', 'w', 'f', 'pct', 'cnt', 't'];
const MORE_KEYS = ['xs', 'rn', 'cn', '__proto__', 'constructor', 'toString', 'hasOwnProperty'];

const isIndexList = (xs: unknown): boolean =>
  Array.isArray(xs) && xs.every((x) => Number.isInteger(x) && x >= 0);

/** What the UI relies on when it reads a decoded state. */
function expectUsable(state: ViewState): void {
  expect(PAGES).toContain(state.page);
  for (const v of [state.survey, state.question])
    expect(v === null || typeof v === 'string').toBe(true);
  expect(['source', 'value']).toContain(state.sort);
  expect(state.nets.every(isIndexList)).toBe(true);
  expect(state.compare.every((c) => typeof c === 'string' && c.includes(':'))).toBe(true);
  const x = state.crosstab;
  for (const v of [x.rows, x.cols]) expect(v === null || typeof v === 'string').toBe(true);
  expect(x.weight === undefined || x.weight === null || typeof x.weight === 'string').toBe(true);
  expect(x.filters.every((f) => typeof f.question === 'string' && isIndexList(f.options))).toBe(
    true,
  );
  expect(PERCENTS).toContain(x.percent);
  expect(typeof x.counts).toBe('boolean');
  expect(typeof x.tests).toBe('boolean');
  expect(
    x.sort === null || (Number.isInteger(x.sort.col) && typeof x.sort.desc === 'boolean'),
  ).toBe(true);
  const isNet = (n: { options: unknown; all: unknown }) =>
    isIndexList(n.options) && typeof n.all === 'boolean';
  expect(x.rowNets.every(isNet) && x.colNets.every(isNet)).toBe(true);
}

// ---- arbitrary valid states -----------------------------------------------------

/** Survey ids: letters, digits, _ . - (bundled file names and upload ids). */
const surveyId = fc
  .array(fc.constantFrom('a', 'Z', '0', '9', '_', '.', '-', '微', 'é', 'ß'), {
    minLength: 1,
    maxLength: 30,
  })
  .map((cs) => cs.join(''));

/** Column names: any well-formed text, with the characters a URL treats specially. */
const columnId = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
      fc.constantFrom('&', '=', '#', '%', '+', '?', ':', ' ', '.', '"', '<b>', '__proto__', '微信'),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(''));
/** "-" is left out: as a weight it means "unweighted" (a weight column named "-" is not supported). */
const weightId = columnId.filter((s) => s !== '-');

const net = fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 2, maxLength: 6 });
const nets = fc.array(net, { maxLength: 5 });
const crosstabNets = fc.array(fc.record({ options: net, all: fc.boolean() }), { maxLength: 5 });

const crosstabView: fc.Arbitrary<CrosstabView> = fc.record({
  rows: fc.option(columnId, { nil: null }),
  cols: fc.option(columnId, { nil: null }),
  weight: fc.oneof(fc.constant(undefined), fc.constant(null), weightId),
  filters: fc.array(
    fc.record({
      question: columnId,
      options: fc.array(fc.integer({ min: 0, max: 9999 }), { minLength: 1, maxLength: 5 }),
    }),
    { maxLength: 4 },
  ),
  percent: fc.constantFrom(...PERCENTS),
  counts: fc.boolean(),
  tests: fc.boolean(),
  sort: fc.option(fc.record({ col: fc.integer({ min: 0, max: 9999 }), desc: fc.boolean() }), {
    nil: null,
  }),
  rowNets: crosstabNets,
  colNets: crosstabNets,
});

const viewState: fc.Arbitrary<ViewState> = fc
  .record({
    page: fc.constantFrom(...PAGES),
    survey: fc.option(surveyId, { nil: null }),
    question: fc.option(columnId, { nil: null }),
    sort: fc.constantFrom('source', 'value' as const),
    nets,
    compare: fc.array(
      fc.tuple(surveyId, columnId).map(([s, q]) => `${s}:${q}`),
      { maxLength: 4 },
    ),
    crosstab: crosstabView,
  })
  // The crosstab settings are written into the link on the crosstab page only.
  .map((s) => (s.page === 'crosstab' ? s : { ...s, crosstab: DEFAULT_CROSSTAB }));

// ---- arbitrary links ------------------------------------------------------------

const paramValue = fc.oneof(
  fc.constantFrom('1', '2', '9', 'library', 'crosstab', 'question', '0.1', '0.1:q', '3d', '-', ''),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const jsonishParams = fc
  .array(fc.tuple(fc.constantFrom(...KEYS, ...MORE_KEYS), paramValue), { maxLength: 10 })
  .map((pairs) => `#${new URLSearchParams(pairs).toString()}`);

describe('decodeView', () => {
  it('never throws on random strings and always gives a usable state', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (hash) => {
        const r = decodeView(hash);
        expectUsable(r.state);
        expect(r.problem === null || r.problem.length > 0).toBe(true);
        const r2 = decodeView(`#${hash}`);
        expectUsable(r2.state);
      }),
      { seed: 7101, numRuns: 300 },
    );
  });

  it('never throws on random parameters (known keys, prototype names, repeats) and gives a usable state', () => {
    fc.assert(
      fc.property(jsonishParams, (hash) => {
        const r = decodeView(hash);
        expectUsable(r.state);
        if (r.problem !== null) expect(r.state).toEqual(HOME);
      }),
      { seed: 7102, numRuns: 300 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts the link it writes for any state it decoded, and writes that link again', () => {
    const base = fc
      .tuple(
        fc.constantFrom(...PAGES),
        fc.array(fc.tuple(fc.constantFrom(...KEYS.slice(2), ...MORE_KEYS), paramValue), {
          maxLength: 6,
        }),
      )
      .map(([page, pairs]) => `#${new URLSearchParams([['v', '1'], ['page', page], ...pairs])}`);
    fc.assert(
      fc.property(base, (hash) => {
        const link = encodeView(decodeView(hash).state);
        const again = decodeView(link);
        expect(again.problem).toBeNull();
        expect(encodeView(again.state)).toBe(link);
      }),
      { seed: 7103, numRuns: 300 },
    );
  });
});

describe('encodeView then decodeView', () => {
  it('gives back any valid view state', () => {
    fc.assert(
      fc.property(viewState, (state) => {
        expect(decodeView(encodeView(state))).toEqual({ state, attachment: null, problem: null });
      }),
      { seed: 7104, numRuns: 300 },
    );
  });

  it('keeps a link free of raw markup and line breaks', () => {
    fc.assert(
      fc.property(viewState, (state) => {
        expect(encodeView(state)).toMatch(/^#[A-Za-z0-9%=&+._*-]*$/);
      }),
      { seed: 7105, numRuns: 200 },
    );
  });
});

describe('question ids with line breaks', () => {
  // Column names may hold line breaks (a quoted header cell, as in the coffee
  // survey's "12. Please rate …:  \nScale: 1 = Not at all → 5 = Very [Sweetness]"),
  // and filters and compared questions on them must survive a link.
  const question = '12. Please rate:  \nScale: 1 = Not at all → 5 = Very [Sweetness]';
  it('round-trips a filter on a question whose id holds a line break', () => {
    const state: ViewState = {
      ...HOME,
      page: 'crosstab',
      survey: 'coffee',
      crosstab: { ...DEFAULT_CROSSTAB, rows: question, filters: [{ question, options: [0] }] },
    };
    expect(decodeView(encodeView(state))).toEqual({ state, attachment: null, problem: null });
  });
  it('round-trips a compared question whose id holds a line break', () => {
    const state: ViewState = {
      ...HOME,
      page: 'question',
      survey: 's',
      question: 'q',
      compare: [`coffee:${question}`],
    };
    expect(decodeView(encodeView(state))).toEqual({ state, attachment: null, problem: null });
  });
});
