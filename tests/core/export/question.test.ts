import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { questionExport, tableToCsv } from '../../../src/core/export/csv';
import { distinctNotes, sourceLine } from '../../../src/core/export/question';
import { exportFileName } from '../../../src/core/export/fileName';
import type { QuestionExportContext } from '../../../src/core/export/csv';
import { analyseSeries } from '../../../src/core/published/analyse';
import { parseDistributionCsv } from '../../../src/core/published/parse';
import { computeNet } from '../../../src/core/published/nets';
import { formatPercent } from '../../../src/core/format/percent';
import { exportEnd, exportIntervalsLine, seriesAnalyst } from '../../../src/state/models/analyst';

const file = 'eguan-2013-07-mobile-im-share.csv';
const parsed = parseDistributionCsv(
  readFileSync(new URL(`../../../surveys/${file}`, import.meta.url), 'utf8'),
  file,
);
if (!parsed.ok) throw new Error(parsed.error.message);
const eguan = parsed.value;
const question = eguan.questions[0]!;

/** The context as the question page has it: printed percents, flags, a Tencent net. */
function contextFor(segment: number): QuestionExportContext {
  const series = question.series[segment]!;
  const analysis = analyseSeries(question, series);
  const tencent = series.options.filter((o) => o.label.endsWith('(Tencent)'));
  const net = computeNet(analysis.kind, tencent);
  if (net === null || net.kind !== 'sum') throw new Error('expected a sum net');
  return {
    surveyTitle: eguan.meta.title,
    publisher: eguan.meta.publisher,
    date: eguan.meta.date,
    source: eguan.meta.source,
    questionText: question.text,
    segment: series.segment,
    base: series.base,
    baseN: series.baseN,
    notes: analysis.flags.map((f) => f.message),
    options: series.options.map((o) => ({
      label: o.label,
      text: o.percent?.text ?? 'not published',
      rank: o.rank,
    })),
    totalText: formatPercent(analysis.total!, analysis.totalDecimals),
    nets: [{ label: 'Net: QQ (Tencent) + WeChat (Tencent)', text: formatPercent(net.value, 2) }],
  };
}

describe('exporting a published question for a report', () => {
  it('gives the Eguan registered-user shares with a header block, as printed', () => {
    expect(questionExport(contextFor(0))).toEqual([
      ['Market share of mobile instant messenger services in China'],
      ['Question: Market share of mobile instant messenger services in China'],
      ['Segment: Registered users'],
      ['Base: Share of the total registered number of mobile instant messenger users'],
      [
        'Note: Kind inferred from the total: the options add up to 100.00%, not more than 100% (rounding allows ±0.04 points), so it is read as one answer per respondent.',
      ],
      [
        // The source names Eguan already: the publisher is not said twice.
        "Source: Eguan, as reported on a blog about China's social media on 25 July 2013 (2013-07)",
      ],
      [],
      ['Option', 'Percent'],
      ['QQ (Tencent)', '38.07%'],
      ['WeChat (Tencent)', '27.97%'],
      ['Feixin (China Mobile)', '18.37%'],
      ['Yiliao (China Telecom)', '4.98%'],
      ['MSN (Microsoft China)', '3.80%'],
      ['Wangwang (Taobao)', '2.38%'],
      ['Miliao (Xiaomi)', '1.43%'],
      ['Other', '3.00%'],
      // 38.07 + 27.97 + 18.37 + 4.98 + 3.80 + 2.38 + 1.43 + 3.00 = 100.00
      ['Total', '100.00%'],
      // 38.07 + 27.97 = 66.04
      ['Net: QQ (Tencent) + WeChat (Tencent)', '66.04%'],
    ]);
  });

  it('gives the active-user segment its own figures, again totalling 100.00%', () => {
    const grid = questionExport(contextFor(1));
    expect(grid[2]).toEqual(['Segment: Active users']);
    expect(grid[3]).toEqual(['Base: Share of active mobile instant messenger users']);
    // 42.54 + 23.38 + 17.65 + 6.76 + 3.07 + 2.53 + 1.08 + 2.99 = 100.00; QQ + WeChat = 65.92
    expect(grid.slice(-3)).toEqual([
      ['Other', '2.99%'],
      ['Total', '100.00%'],
      ['Net: QQ (Tencent) + WeChat (Tencent)', '65.92%'],
    ]);
  });

  it('adds a rank column only when the source prints ranks, and the base size when known', () => {
    const grid = questionExport({
      surveyTitle: 'Why people use WeChat',
      publisher: null,
      date: null,
      questionText: 'Reasons (select all that apply)',
      segment: null,
      base: 'All respondents',
      baseN: 1200,
      notes: [
        'Multiple answers allowed: totals exceed 100% (1.19 answers per respondent on average)',
      ],
      options: [
        { label: 'Friends use it', text: '71.34%', rank: 1 },
        { label: '…', text: 'not published', rank: null },
        { label: 'Curious', text: '47.42%', rank: 3 },
      ],
      totalText: '118.76%',
      nets: [],
    });
    expect(grid).toEqual([
      ['Why people use WeChat'],
      ['Question: Reasons (select all that apply)'],
      ['Base: All respondents (n = 1,200)'],
      [
        'Note: Multiple answers allowed: totals exceed 100% (1.19 answers per respondent on average)',
      ],
      ['Source: Why people use WeChat'],
      [],
      ['Option', 'Percent', 'Rank'],
      ['Friends use it', '71.34%', '1'],
      ['…', 'not published', ''],
      ['Curious', '47.42%', '3'],
      ['Total', '118.76%', ''],
    ]);
  });

  it('says so when the source gives no base, and leaves the total out when none is published', () => {
    const grid = questionExport({
      ...contextFor(0),
      base: null,
      baseN: null,
      notes: [],
      totalText: null,
      nets: [],
    });
    expect(grid[3]).toEqual(['Base: not published']);
    expect(grid.at(-1)).toEqual(['Other', '3.00%']);
  });

  it('keeps a formula-like label as data in the CSV', () => {
    const grid = questionExport({
      ...contextFor(0),
      options: [{ label: '=HYPERLINK("http://x","y")', text: '38.07%', rank: null }],
      nets: [],
    });
    const csv = tableToCsv(grid);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")",38.07%\n`);
  });

  it("says August q3's missing ranks once: the file's note and the flag say the same words", () => {
    const august = parseDistributionCsv(
      readFileSync(
        new URL('../../../surveys/sootoo-2013-08-official-accounts.csv', import.meta.url),
        'utf8',
      ),
      'sootoo-2013-08-official-accounts.csv',
    );
    if (!august.ok) throw new Error(august.error.message);
    const q3 = august.value.questions.find((q) => q.id === 'q3')!;
    const flags = analyseSeries(q3, q3.series[0]!).flags.map((f) => f.message);
    const notes = distinctNotes([q3.note ?? '', ...flags]);
    expect(q3.note).toBe('Ranks 4, 6, 7 and 8 are not published.');
    expect(notes.filter((n) => /ranks 4, 6, 7 and 8 are not published/i.test(n))).toEqual([
      'Partial list: ranks 4, 6, 7 and 8 are not published.',
    ]);
    expect(distinctNotes(['A note.', 'A note.', 'Another'])).toEqual(['A note.', 'Another']);
  });

  it('names the publisher once in the source line, and gives the date', () => {
    expect(
      sourceLine({
        surveyTitle: 'T',
        publisher: 'Eguan',
        date: 'July 2013',
        source: "Eguan, as reported on a blog about China's social media on 25 July 2013",
      }),
    ).toBe(
      "Source: Eguan, as reported on a blog about China's social media on 25 July 2013 (July 2013)",
    );
    expect(
      sourceLine({
        surveyTitle: 'T',
        publisher: 'Sootoo Research',
        date: 'June 2013',
        source: 'A blog',
      }),
    ).toBe('Source: Sootoo Research, June 2013. A blog');
    expect(sourceLine({ surveyTitle: 'Why people use WeChat', publisher: null, date: null })).toBe(
      'Source: Why people use WeChat',
    );
  });
});

describe('export file names', () => {
  it('never end in a space before the extension, and lose the characters file systems refuse', () => {
    expect(
      exportFileName(
        ['User analytics', 'What type of the official account have you followed?', null],
        'csv',
      ),
    ).toBe('User analytics - What type of the official account have you followed.csv');
    expect(exportFileName(['a/b', 'c:d*', 'e'], 'svg')).toBe('a b - c d - e.svg');
  });

  it("keep the segment when shortened, so Eguan's two segments export to two files", () => {
    const long = 'Market share of mobile instant messenger services in China';
    const names = ['Registered users', 'Active users'].map((segment) =>
      exportFileName(
        [long, `${long} — a question whose wording runs on and on`, segment],
        'csv',
        80,
      ),
    );
    expect(names[0]).not.toBe(names[1]);
    expect(names[0]).toMatch(/… - Registered users\.csv$/);
    expect(names[1]).toMatch(/… - Active users\.csv$/);
    expect(names.every((n) => n.length <= 84)).toBe(true);
  });
});

describe('exporting a question with its 95% intervals', () => {
  const june = parseDistributionCsv(
    readFileSync(
      new URL('../../../surveys/sootoo-2013-06-wechat-users.csv', import.meta.url),
      'utf8',
    ),
    'sootoo-2013-06-wechat-users.csv',
  );
  if (!june.ok) throw new Error(june.error.message);
  const meta = june.value.meta;
  const use4 = june.value.questions.find((q) => q.id === 'use4')!;
  const series = use4.series[0]!;

  /** The page's context for use4 (29/34/15/22%), with intervals at `input`. */
  function withIntervals(input: { typed: number | null; deff: number }): QuestionExportContext {
    const a = seriesAnalyst(series, input);
    return {
      surveyTitle: meta.title,
      publisher: meta.publisher,
      date: meta.date,
      questionText: use4.text,
      segment: null,
      base: series.base,
      notes: [],
      options: series.options.map((o) => ({
        label: o.label,
        text: o.percent?.text ?? '',
        rank: o.rank,
      })),
      totalText: '100%',
      nets: [],
      intervals: {
        line: exportIntervalsLine(a)!,
        ends: a.intervals.map((i) =>
          i.interval === null
            ? null
            : { low: exportEnd(i.interval.low), high: exportEnd(i.interval.high) },
        ),
      },
    };
  }

  it('writes low and high columns and names the smallest consistent base, 41', () => {
    const csv = tableToCsv(questionExport(withIntervals({ typed: null, deff: 1 })));
    const lines = csv.split('\n');
    expect(lines).toContain(
      '"Wilson 95% intervals. Intervals use the smallest base these figures fit, 41: the margins are at most ±15.3 points (a larger base gives smaller margins). Design effect 1: effective base 41."',
    );
    const table = lines.slice(lines.indexOf('') + 1);
    expect(table).toEqual([
      'Option,Percent,95% low,95% high',
      // wilsonPercent(29, 41) = 17.3966–44.2015, and so on.
      'Less than 5 minutes,29%,17.40,44.20',
      '6 to 15 minutes,34%,21.44,49.30',
      '16 to 30 minutes,15%,7.13,28.87',
      'More than 31 minutes,22%,12.04,36.76',
      'Total,100%,,',
      '',
    ]);
  });

  it('names a typed base and the design effect: 500 ÷ 1.5', () => {
    const grid = questionExport(withIntervals({ typed: 500, deff: 1.5 }));
    expect(grid).toContainEqual([
      'Wilson 95% intervals. Intervals use the base you typed, 500. Design effect 1.5: effective base 333.3.',
    ]);
    // 29% of 500 ÷ 1.5 = 333.3 respondents: 24.39–34.09 (hand-computed Wilson).
    expect(grid).toContainEqual(['Less than 5 minutes', '29%', '24.39', '34.09']);
  });

  it('keeps the rank last and leaves a lower bound without interval ends', () => {
    const grid = questionExport({
      ...withIntervals({ typed: 200, deff: 1 }),
      options: [
        { label: 'A', text: '30+%', rank: 1 },
        { label: 'B', text: '22.5%', rank: 2 },
      ],
      intervals: { line: 'x', ends: [null, { low: '17.26', high: '28.77' }] },
    });
    expect(grid.slice(-4)).toEqual([
      ['Option', 'Percent', '95% low', '95% high', 'Rank'],
      ['A', '30+%', '', '', '1'],
      ['B', '22.5%', '17.26', '28.77', '2'],
      ['Total', '100%', '', '', ''],
    ]);
  });
});
