// Fréchet bounds for what a report does not publish, with numbers worked by
// hand from the bundled surveys, and checked against respondent data: the
// true overlap of the simulated respondents always lies inside its bounds.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  bothRange,
  crosstabRanges,
  eitherRange,
  optionPairBounds,
} from '../../../src/core/published/bounds';
import { parseDistributionCsv } from '../../../src/core/published/parse';
import type { PublishedPercent, PublishedSurvey } from '../../../src/core/published/types';

function bundled(name: string): PublishedSurvey {
  const text = readFileSync(new URL(`../../../surveys/${name}.csv`, import.meta.url), 'utf8');
  const r = parseDistributionCsv(text, `${name}.csv`);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function figure(survey: PublishedSurvey, id: string, label: string): PublishedPercent {
  const o = survey.questions
    .find((q) => q.id === id)
    ?.series[0]?.options.find((x) => x.label === label);
  if (o?.percent == null) throw new Error(`${id} ${label}`);
  return o.percent;
}

const june = bundled('sootoo-2013-06-wechat-users');
const august = bundled('sootoo-2013-08-official-accounts');

describe('two options of a multi-answer question (Sootoo June 2013, oa2)', () => {
  const leisure = figure(june, 'oa2', 'For leisure and hobby'); // 61.29%
  const wisdom = figure(june, 'oa2', 'For getting the wisdom of living'); // 41.49%
  const news = figure(june, 'oa2', 'For getting the current information'); // 40.86%
  const study = figure(june, 'oa2', 'For study'); // 29.03%
  const corporate = figure(june, 'oa2', 'For getting the current status of the corporate'); // 25.81%

  it('leisure 61.29% and wisdom 41.49%: both 2.78–41.49%, either 61.29–100%', () => {
    // 61.29 + 41.49 = 102.78: at least 2.78% chose both; at most the smaller, 41.49%.
    expect(bothRange(leisure.value, wisdom.value)).toEqual({ low: 2.78, high: 41.49 });
    expect(eitherRange(leisure.value, wisdom.value)).toEqual({ low: 61.29, high: 100 });
    expect(optionPairBounds(leisure, wisdom)).toEqual({
      both: { low: 2.78, high: 41.49 },
      either: { low: 61.29, high: 100 },
    });
  });

  it('leisure 61.29% and current information 40.86%: both 2.15–40.86%', () => {
    expect(bothRange(leisure.value, news.value)).toEqual({ low: 2.15, high: 40.86 });
    expect(eitherRange(news.value, leisure.value)).toEqual({ low: 61.29, high: 100 });
  });

  it('study 29.03% and corporate 25.81%: both 0–25.81%, either 29.03–54.84%', () => {
    // 29.03 + 25.81 = 54.84 < 100: the two groups may not overlap at all.
    expect(optionPairBounds(study, corporate)).toEqual({
      both: { low: 0, high: 25.81 },
      either: { low: 29.03, high: 54.84 },
    });
  });

  it('is symmetric in its two options', () => {
    expect(optionPairBounds(wisdom, leisure)).toEqual(optionPairBounds(leisure, wisdom));
  });
});

describe('a lower bound (Sootoo August 2013, q3)', () => {
  const news = figure(august, 'q3', 'News'); // 65.5%
  const comedy = figure(august, 'q3', 'Comedy'); // 37.3%
  const science = figure(august, 'q3', 'Science and technology'); // 30+%

  it('news 65.5% and comedy 37.3%: both 2.8–37.3%, either 65.5–100%', () => {
    expect(optionPairBounds(news, comedy)).toEqual({
      both: { low: 2.8, high: 37.3 },
      either: { low: 65.5, high: 100 },
    });
  });

  it('"30+%" raises the upper ends it sets: comedy 37.3% and science 30+%', () => {
    // Science is at least 30% and may be anything up to 100%: both ≤ 37.3 (comedy), either ≥ 37.3.
    expect(optionPairBounds(comedy, science)).toEqual({
      both: { low: 0, high: 37.3 },
      either: { low: 37.3, high: 100 },
    });
    // News 65.5% and science ≥ 30%: 65.5 + 30 = 95.5, so no overlap is forced.
    expect(optionPairBounds(news, science).both).toEqual({ low: 0, high: 65.5 });
  });
});

describe('two single-answer questions known only from their marginals', () => {
  it('a 2 × 2 by hand: 70/30 by 60/40', () => {
    expect(crosstabRanges([70, 30], [60, 40])).toEqual([
      [
        { low: 30, high: 60 },
        { low: 10, high: 40 },
      ],
      [
        { low: 0, high: 30 },
        { low: 0, high: 30 },
      ],
    ]);
  });

  it('Sootoo June 2013 use3 (how often) by use4 (how long): no cell is forced above 0', () => {
    const often = june.questions.find((q) => q.id === 'use3')!.series[0]!.options;
    const long = june.questions.find((q) => q.id === 'use4')!.series[0]!.options;
    const r = crosstabRanges(
      often.map((o) => o.percent!.value), // 36.23, 27.17, 21.24, 15.36
      long.map((o) => o.percent!.value), // 29, 34, 15, 22
    );
    // The largest pair, 36.23 + 34 = 70.23, is under 100: every low is 0, every high the smaller.
    expect(r.map((row) => row.map((c) => c.low))).toEqual(Array(4).fill([0, 0, 0, 0]));
    expect(r.map((row) => row.map((c) => c.high))).toEqual([
      [29, 34, 15, 22],
      [27.17, 27.17, 15, 22],
      [21.24, 21.24, 15, 21.24],
      [15.36, 15.36, 15, 15.36],
    ]);
  });

  it('holds the true crosstab of the simulated respondents (how often by gender)', () => {
    const rows = Papa.parse<Record<string, string>>(
      readFileSync(
        new URL('../../../surveys/demo-simulated-wechat-respondents.csv', import.meta.url),
        'utf8',
      ),
      { header: true, skipEmptyLines: true },
    ).data;
    const often = 'How often do you use WeChat?';
    const a = [...new Set(rows.map((r) => r[often]!))];
    const b = [...new Set(rows.map((r) => r.gender!))];
    const share = (f: (r: Record<string, string>) => boolean) =>
      (100 * rows.filter(f).length) / rows.length;
    const ranges = crosstabRanges(
      a.map((x) => share((r) => r[often] === x)),
      b.map((y) => share((r) => r.gender === y)),
    );
    let forced = 0;
    a.forEach((x, i) =>
      b.forEach((y, j) => {
        const cell = share((r) => r[often] === x && r.gender === y);
        const range = ranges[i]![j]!;
        expect(cell).toBeGreaterThanOrEqual(range.low - 1e-9);
        expect(cell).toBeLessThanOrEqual(range.high + 1e-9);
        if (range.low > 0) forced++;
      }),
    );
    // 62.93% are male and 39.80% use it many times a day: at least 2.73% must be both.
    expect(forced).toBeGreaterThan(0);
  });

  it('holds the true overlap of two multi-answer options of the simulated respondents', () => {
    const rows = Papa.parse<Record<string, string>>(
      readFileSync(
        new URL('../../../surveys/demo-simulated-wechat-respondents.csv', import.meta.url),
        'utf8',
      ),
      { header: true, skipEmptyLines: true },
    ).data;
    const reasons = rows.map(
      (r) => new Set((r['What is the reason that you started to use WeChat?'] ?? '').split(';')),
    );
    const pctOf = (f: (s: Set<string>) => boolean) =>
      (100 * reasons.filter(f).length) / reasons.length;
    const a = pctOf((s) => s.has('Friends use it'));
    const b = pctOf((s) => s.has('Curious about it'));
    const both = pctOf((s) => s.has('Friends use it') && s.has('Curious about it'));
    const either = pctOf((s) => s.has('Friends use it') || s.has('Curious about it'));
    const r = bothRange(a, b);
    const e = eitherRange(a, b);
    expect(both).toBeGreaterThanOrEqual(r.low);
    expect(both).toBeLessThanOrEqual(r.high);
    expect(either).toBeGreaterThanOrEqual(e.low);
    expect(either).toBeLessThanOrEqual(e.high);
    // 69.8% + 47.8%: at least 17.6% gave both reasons.
    expect(r.low).toBeCloseTo(17.6, 9);
  });
});
