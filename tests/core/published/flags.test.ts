import { describe, expect, it } from 'vitest';
import { partiality, seriesFlags } from '../../../src/core/published/flags';
import { analyseSeries } from '../../../src/core/published/analyse';
import { decideKind, type KindDecision } from '../../../src/core/published/kind';
import { parsePercentText } from '../../../src/core/published/percent';
import { totals } from '../../../src/core/published/tolerance';
import type { PublishedOption, PublishedSeries } from '../../../src/core/published/types';

/** Options from printed cells: "38.07", "30+%", "" (no figure), "…" (an omitted-options gap); "#3" ranks. */
function series(
  cells: string[],
  opts: { ranks?: (number | null)[]; subgroup?: boolean; base?: string | null } = {},
): PublishedSeries {
  const options: PublishedOption[] = cells.map((cell, i) => ({
    label: cell === '…' ? '…' : `o${i}`,
    percent: cell === '…' ? null : (parsePercentText(cell) ?? null),
    rank: opts.ranks?.[i] ?? null,
    omitted: cell === '…',
  }));
  return {
    segment: null,
    base: opts.base ?? null,
    subgroup: opts.subgroup ?? false,
    baseN: null,
    options,
  };
}

function flags(s: PublishedSeries, kind: KindDecision) {
  return seriesFlags(s, kind, totals(s.options), partiality(s));
}

const declared = (kind: 'single' | 'multi'): KindDecision => ({
  kind,
  inferred: false,
  ambiguous: false,
});
const inferred = (kind: 'single' | 'multi', ambiguous = false): KindDecision => ({
  kind,
  inferred: true,
  ambiguous,
});

describe('partiality', () => {
  it.each([
    [[1, 2, 3], 0, { partial: false, missingRanks: [], omitted: 0 }],
    [[1, 2, 4, 6], 0, { partial: true, missingRanks: [3, 5], omitted: 0 }],
    [[2, 3], 0, { partial: true, missingRanks: [1], omitted: 0 }],
    [[], 2, { partial: true, missingRanks: [], omitted: 2 }],
    [[], 0, { partial: false, missingRanks: [], omitted: 0 }],
  ])('ranks %j with %i gaps: %j', (ranks, gaps, expected) => {
    const cells = [...ranks.map(() => '10'), ...Array.from({ length: gaps }, () => '…')];
    expect(partiality(series(cells, { ranks }))).toEqual(expected);
  });

  it('ignores the order the ranks come in and options without a rank', () => {
    const s = series(['10', '10', '10', '10'], { ranks: [3, null, 1, 5] });
    expect(partiality(s)).toEqual({ partial: true, missingRanks: [2, 4], omitted: 0 });
  });
});

describe('seriesFlags', () => {
  it('raises nothing for a declared single-answer list that adds up to 100%', () => {
    expect(flags(series(['38.07', '61.93']), declared('single'))).toEqual([]);
  });

  it('raises nothing for a declared single-answer list within rounding of 100%', () => {
    expect(flags(series(['33', '33', '33']), declared('single'))).toEqual([]);
  });

  it('explains an inferred multi-answer total with the answers per respondent', () => {
    expect(
      flags(series(['71.34', '47.42', '34.05', '29.31', '21.34', '2.59']), inferred('multi')),
    ).toEqual([
      {
        code: 'kind-inferred',
        severity: 'info',
        message:
          'Kind inferred from the total: the options add up to 206.05%, more than 100% (rounding allows ±0.03 points), so respondents could give several answers.',
      },
      {
        code: 'multi-total-over-100',
        severity: 'info',
        message:
          'Multiple answers allowed: totals exceed 100% (2.06 answers per respondent on average)',
      },
    ]);
  });

  it('says an inferred single answer is read as one answer per respondent', () => {
    expect(flags(series(['50', '50']), inferred('single'))).toEqual([
      {
        code: 'kind-inferred',
        severity: 'info',
        message:
          'Kind inferred from the total: the options add up to 100%, not more than 100% (rounding allows ±1 points), so it is read as one answer per respondent.',
      },
    ]);
  });

  it('warns when a single-answer list adds up to more than rounding allows', () => {
    const [flag] = flags(series(['60.5', '45.25']), declared('single'));
    expect(flag).toEqual({
      code: 'single-total-off',
      severity: 'warning',
      message:
        'Options add up to 105.75%: more than 100% by more than rounding allows (±0.01 points). Check the figures, or declare the question multi if respondents could give several answers.',
    });
  });

  it.each([
    [
      'a complete list: a warning',
      series(['50', '30', '10']),
      'warning',
      'Options add up to 90%: 10% of answers are not shown',
    ],
    [
      'a partial list: information',
      series(['50', '30', '…']),
      'info',
      'Options add up to 80%: 20% of answers are not shown (the source lists only some options)',
    ],
    [
      'a lower bound: information',
      series(['50+%', '30']),
      'info',
      'Options add up to at least 80%: 20% of answers are not shown (a lower bound makes the total a lower bound too)',
    ],
  ])('reports a single-answer total short of 100% in %s', (_, s, severity, message) => {
    const short = flags(s, declared('single')).find((f) => f.code === 'single-total-short');
    expect(short).toEqual({ code: 'single-total-short', severity, message });
  });

  it('says "at least" answers per respondent when a multi-answer list is partial', () => {
    const over = flags(series(['70', '60', '…']), declared('multi')).find(
      (f) => f.code === 'multi-total-over-100',
    );
    expect(over?.message).toBe(
      'Multiple answers allowed: totals exceed 100% (at least 1.30 answers per respondent on average)',
    );
  });

  it('lists the missing ranks and the gaps of a partial list', () => {
    const s = series(['30', '20', '10', '…'], { ranks: [1, 3, 5, null] });
    expect(flags(s, declared('multi')).map((f) => [f.code, f.message])).toEqual([
      [
        'partial-list',
        'Partial list: ranks 2 and 4 are not published; the source leaves out some options (1 gap shown as …).',
      ],
    ]);
  });

  it('names the options published as lower bounds', () => {
    const lower = flags(series(['30+%', '22.5', '10+']), declared('multi')).find(
      (f) => f.code === 'lower-bound',
    );
    expect(lower?.message).toBe(
      '"o0" and "o2" are published as a lower bound ("at least"), so the total is a lower bound too.',
    );
  });

  it('flags every value outside 0% to 100% as an error, before the other flags', () => {
    const f = flags(series(['120%', '-3', '40']), declared('multi'));
    expect(f.map((x) => [x.code, x.severity])).toEqual([
      ['value-out-of-range', 'error'],
      ['value-out-of-range', 'error'],
      ['multi-total-over-100', 'info'],
    ]);
    expect(f[1]?.message).toBe(
      '"o1" is -3, outside 0% to 100%: a percent of respondents cannot be that. Check the figure.',
    );
  });

  it('says a series with no figures has no data, and that its kind could not be told', () => {
    expect(flags(series(['', '']), inferred('single')).map((f) => [f.code, f.message])).toEqual([
      [
        'kind-inferred',
        'Kind inferred: no figures are published, so there is no total to tell from; it is shown as one answer per respondent.',
      ],
      [
        'no-data',
        'Published as a chart without numbers: no figures are recorded, and none are made up.',
      ],
    ]);
  });

  it.each([
    [
      'Those who cancelled',
      'Only a subgroup was asked (base: Those who cancelled). Percents are shares of that subgroup, not of all respondents.',
    ],
    [
      null,
      'Only a subgroup was asked (the source does not say which): percents are shares of that subgroup, not of all respondents.',
    ],
  ])('quotes the base of a subgroup question (%s)', (base, message) => {
    const s = series(['40', '60'], { subgroup: true, base });
    expect(flags(s, declared('single'))).toEqual([
      { code: 'subgroup-base', severity: 'info', message },
    ]);
  });

  it('asks for the kind when a blank-kind total is over 100% by more than rounding but under 120%', () => {
    // 40 + 35 + 33 = 108, printed as whole numbers: rounding allows ±1.5.
    const s = series(['40', '35', '33']);
    const t = totals(s.options);
    const kind = decideKind(null, t);
    expect(kind).toEqual({ kind: 'multi', inferred: true, ambiguous: true });
    const f = seriesFlags(s, kind, t, partiality(s));
    const warning = f.find((x) => x.code === 'kind-ambiguous');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toBe(
      'The options add up to 108%: over 100% by more than rounding allows (±1.5 points), but by less than 20 points, and the file does not say which kind of question this is. Two readings fit: one answer per respondent, with figures that do not add up (an error or a misprint); or several answers each, 1.08 answers per respondent on average. It is shown as multi-answer: declare its kind (single or multi) in the file\'s "kind" column.',
    );
    // A total far over 100% is plainly several answers each; a declared kind is never questioned.
    const clear = series(['60', '55', '40']);
    expect(
      seriesFlags(
        clear,
        decideKind(null, totals(clear.options)),
        totals(clear.options),
        partiality(clear),
      ).map((x) => x.code),
    ).not.toContain('kind-ambiguous');
    expect(flags(s, declared('multi')).map((x) => x.code)).not.toContain('kind-ambiguous');
  });

  it("says blank cells beside other segments' figures were not published (base too small)", () => {
    const figures = series(['23%', '18%']);
    const blank = series(['', '']);
    const question = {
      id: 'q1',
      text: 'In which ways is it an advantage to be a man at work?',
      declaredKind: null,
      note: null,
      series: [
        { ...figures, segment: 'Adult Men' },
        { ...blank, segment: 'Gay/Bisexual' },
      ],
    };
    const suppressed = analyseSeries(question, question.series[1]!);
    expect(suppressed.flags.find((f) => f.code === 'no-data')?.message).toBe(
      'Not published (base too small): the source leaves these cells blank while it gives figures for other segments of the question, as publishers do when too few people in a group were asked. Nothing is made up.',
    );
    // Blank in every segment: a chart without numbers, as before.
    const chart = {
      ...question,
      series: [
        { ...blank, segment: 'A' },
        { ...blank, segment: 'B' },
      ],
    };
    expect(
      analyseSeries(chart, chart.series[0]!).flags.find((f) => f.code === 'no-data')?.message,
    ).toBe('Published as a chart without numbers: no figures are recorded, and none are made up.');
  });
});
