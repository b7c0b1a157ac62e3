import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDistributionCsv } from '../../../src/core/published/parse';
import { parsePercentText } from '../../../src/core/published/percent';
import type { PublishedSeries, PublishedSurvey } from '../../../src/core/published/types';
import { wilsonPercent } from '../../../src/core/stats/wilson';
import {
  compareBase,
  exportIntervalsLine,
  parseBaseInput,
  parseDeffInput,
  publishedSeriesOf,
  seriesAnalyst,
  testBase,
} from '../../../src/state/models/analyst';
import { entryFromSurvey } from '../../../src/state/models/library';

function survey(path: string): PublishedSurvey {
  const r = parseDistributionCsv(
    readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'),
    path,
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const june = survey('surveys/sootoo-2013-06-wechat-users.csv');
const commuting = survey('tests/fixtures/distribution/hand-written.csv');

function seriesOf(s: PublishedSurvey, id: string, index = 0): PublishedSeries {
  const found = s.questions.find((q) => q.id === id)?.series[index];
  if (!found) throw new Error(`no ${id}[${index}]`);
  return found;
}

/** Sootoo, June 2013: "How many hours do you use WeChat at one time?" 29%, 34%, 15%, 22%. */
const use4 = seriesOf(june, 'use4');

/** A series of printed figures (no base stated). */
function series(figures: string[], baseN: number | null = null): PublishedSeries {
  return {
    segment: null,
    base: null,
    subgroup: false,
    baseN,
    options: figures.map((text, i) => ({
      label: `Option ${i + 1}`,
      percent: text === '' ? null : (parsePercentText(text) ?? null),
      rank: null,
      omitted: false,
    })),
  };
}

describe('bases from rounding on the question page', () => {
  it('says the whole-number figures 29/34/15/22 cannot come from fewer than 41 people', () => {
    const a = seriesAnalyst(use4);
    expect(a.inference?.smallest).toBe(41);
    expect(a.inference?.candidates).toEqual([41, 59, 65, 68, 73, 79, 80, 82, 85, 86]);
    expect(a.bases?.[0]).toBe(
      'These figures fit a base of 41, 59, 65, 68, 73, 79, 80, 82, 85, 86, …: each printed percent is a whole number of that many people, rounded as printed. They cannot come from fewer than 41 people (unless they are weighted: weighted figures need not fit any base).',
    );
    // 12, 14, 6 and 9 of 41 are 29.27%, 34.15%, 14.63% and 21.95%: all round as printed.
    expect([12, 14, 6, 9].map((k) => Math.round((100 * k) / 41))).toEqual([29, 34, 15, 22]);
  });

  it('says when no base up to 10,000 fits, in words that do not blame weighted figures', () => {
    const a = seriesAnalyst(series(['31.4159%', '27.1828%', '41.4013%']));
    expect(a.inference?.smallest).toBeNull();
    expect(a.bases).toEqual([
      'These figures fit no base of whole respondents up to 10,000. Weighted figures fail this test legitimately, so this is no error; but no smallest base can be given, and margins of error need a base you type.',
    ]);
    expect(a.base).toBeNull();
    expect(a.uses).toBe(
      'No intervals: the file states no base and the figures fit none up to 10,000. Type a base above to see margins of error.',
    );
    expect(a.intervals.map((i) => i.text)).toEqual(['', '', '']);
  });

  it('says a stated base fits when every figure is a whole number of it (41% of 1,200 is 492)', () => {
    const a = seriesAnalyst(seriesOf(commuting, 'mode', 0));
    expect(a.bases).toContain('The stated base of 1,200 respondents fits every figure.');
  });

  it('makes no statement for respondent data, whose base is known', () => {
    const a = seriesAnalyst(series(['46.0%', '54.0%'], 1500), undefined, true);
    expect(a.bases).toBeNull();
    expect(a.uses).toBe('Intervals use the stated base of 1,500 respondents.');
  });
});

describe('margins of error', () => {
  it('uses the smallest consistent base, 41, and says the margins are at most ±15.3 points', () => {
    const a = seriesAnalyst(use4);
    expect(a.base).toEqual({ n: 41, from: 'smallest' });
    // 34% of 41: Wilson 21.44–49.30, 15.30 points above the figure: the widest of the four.
    expect(a.maxMargin).toBeCloseTo(15.303261, 6);
    expect(a.uses).toBe(
      'Intervals use the smallest base these figures fit, 41: the margins are at most ±15.3 points (a larger base gives smaller margins).',
    );
    expect(a.intervals.map((i) => i.text)).toEqual([
      '17.4–44.2',
      '21.4–49.3',
      '7.1–28.9',
      '12.0–36.8',
    ]);
    const w = wilsonPercent(29, 41);
    expect(a.intervals[0]?.interval).toEqual(w);
    // Hand-computed Wilson ends for p = 0.29, n = 41, z = 1.959964.
    expect(w?.low).toBeCloseTo(17.3966, 4);
    expect(w?.high).toBeCloseTo(44.2015, 4);
    expect(a.effectiveLine).toBeNull();
  });

  it('uses a typed base with a design effect: 500 ÷ 1.5 = 333.3 respondents', () => {
    const a = seriesAnalyst(use4, { typed: 500, deff: 1.5 });
    expect(a.base).toEqual({ n: 500, from: 'typed' });
    expect(a.effective).toBeCloseTo(333.333, 3);
    expect(a.uses).toBe('Intervals use the base you typed, 500.');
    expect(a.effectiveLine).toBe(
      'With a design effect of 1.5, the effective base is 500 ÷ 1.5 = 333.3.',
    );
    expect(a.intervals[0]?.interval).toEqual(wilsonPercent(29, 500, 1.5));
    // The same interval as 333.33 respondents without a design effect.
    expect(a.intervals[0]?.interval?.low).toBeCloseTo(wilsonPercent(29, 500 / 1.5)!.low, 10);
    expect(a.intervals[0]?.text).toBe('24.4–34.1');
    expect(exportIntervalsLine(a)).toBe(
      'Wilson 95% intervals. Intervals use the base you typed, 500. Design effect 1.5: effective base 333.3.',
    );
  });

  it('keeps the stated base over a typed one, and says so', () => {
    const a = seriesAnalyst(seriesOf(commuting, 'mode', 1), { typed: 500, deff: 1 });
    expect(a.base).toEqual({ n: 1150, from: 'stated' });
    expect(a.uses).toBe(
      'Intervals use the stated base of 1,150 respondents (the base you typed, 500, applies where the file states none).',
    );
    // 38% of 1,150.
    expect(a.intervals[0]?.text).toBe('35.2–40.8');
  });

  it('gives no interval for a lower bound or a missing figure, and says why', () => {
    const a = seriesAnalyst(series(['30+%', '', '22.5%']), { typed: 200, deff: 1 });
    expect(a.intervals.map((i) => [i.text, i.reason])).toEqual([
      ['—', 'No interval: 30+% is a lower bound, so the figure itself is not known.'],
      ['—', 'No interval: no figure is published for this option.'],
      // Hand-computed: p = 0.225, n = 200 gives 17.26–28.77.
      ['17.3–28.8', null],
    ]);
  });

  it('finds the published series behind a question page series by position', () => {
    const entry = entryFromSurvey('c', 'c.csv', 'upload', commuting);
    const q = entry.questions.find((x) => x.id === 'mode')!;
    expect(publishedSeriesOf(entry, q, 1)?.baseN).toBe(1150);
    expect(publishedSeriesOf(entry, q, 2)).toBeNull();
  });
});

describe('the bases Compare tests with', () => {
  it('takes the stated base, else the typed one, never the smallest consistent base', () => {
    expect(testBase(1200, 500)).toBe(1200);
    expect(testBase(null, 500)).toBe(500);
    expect(testBase(null, null)).toBeNull();
  });

  it("divides the stated or typed base by the question's design effect, as its margins do: 1,150 ÷ 1.5", () => {
    const entry = entryFromSurvey('c', 'c.csv', 'upload', commuting);
    const q = entry.questions.find((x) => x.id === 'mode')!;
    expect(compareBase(entry, q, 1, 500)).toBe(1150);
    expect(compareBase(entry, q, 1, 500, 1.5)).toBeCloseTo(1150 / 1.5, 12);
    // The margins' effective base is the same number.
    const a = seriesAnalyst(seriesOf(commuting, 'mode', 1), { typed: 500, deff: 1.5 });
    expect(compareBase(entry, q, 1, 500, 1.5)).toBe(a.effective);
  });
});

describe('what the inputs accept', () => {
  it.each([
    ['', null],
    ['1200', 1200],
    ['1,200', 1200],
    [' 41 ', 41],
    ['10000000', 10_000_000],
  ])('reads the base "%s" as %s', (text, value) => {
    expect(parseBaseInput(text)).toEqual({ ok: true, value });
  });

  it.each(['0', '12.5', '-3', '10000001', 'forty', '1,20'])('refuses the base "%s"', (text) => {
    expect(parseBaseInput(text)).toEqual({
      ok: false,
      message: `"${text}" is not a base: type a whole number of respondents from 1 to 10,000,000, or leave it empty.`,
    });
  });

  it.each([
    ['', 1],
    ['1', 1],
    ['1.5', 1.5],
    ['2.125', 2.125],
  ])('reads the design effect "%s" as %s', (text, value) => {
    expect(parseDeffInput(text)).toEqual({ ok: true, value });
  });

  it.each(['0.8', '1.2345', '1000', 'x'])('refuses the design effect "%s"', (text) => {
    const r = parseDeffInput(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/is not a design effect: type a number from 1/);
  });
});

describe('a typed base the figures cannot come from', () => {
  it('is used, and said: 1,000 respondents cannot give Eguan’s 38.07% (380/1,000 = 38.0%)', () => {
    const eguan = survey('surveys/eguan-2013-07-mobile-im-share.csv');
    const a = seriesAnalyst(seriesOf(eguan, 'share', 0), { typed: 1000, deff: 1 });
    expect(a.base).toEqual({ n: 1000, from: 'typed' });
    expect(a.uses).toBe(
      'Intervals use the base you typed, 1,000. Some printed figures cannot be a whole number out of 1,000, rounded as printed: check the base (weighted figures fail this test too).',
    );
  });

  it('is said plainly when it fits: 29/34/15/22% can all be whole numbers of 500', () => {
    expect(seriesAnalyst(use4, { typed: 500, deff: 1 }).uses).toBe(
      'Intervals use the base you typed, 500.',
    );
  });
});
