import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDistributionCsv } from '../../../src/core/published/parse';
import { canonicalIndexes, canonicalOptions } from '../../../src/state/models/canonicalOptions';
import { entryFromSurvey, libraryOf } from '../../../src/state/models/library';
import type { QuestionVM, SeriesVM } from '../../../src/state/models/questionModel';
import { netRowsFor } from '../../../src/state/models/questionView';
import { resolveView } from '../../../src/state/url/resolve';
import { HOME } from '../../../src/state/url/view';

const EGUAN = 'eguan-2013-07-mobile-im-share';
const MSN = 'MSN (Microsoft China)';
const MILIAO = 'Miliao (Xiaomi)';

function csv(name: string): string {
  return readFileSync(new URL(`../../../surveys/${name}.csv`, import.meta.url), 'utf8');
}

function entryOf(name: string, text = csv(name)) {
  const r = parseDistributionCsv(text, `${name}.csv`);
  if (!r.ok) throw new Error(r.error.message);
  return entryFromSurvey(name, `${name}.csv`, 'bundled', r.value);
}

function questionOf(name: string, id: string, text?: string): QuestionVM {
  const q = entryOf(name, text).questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
}

function seriesOf(q: QuestionVM, segment: string | null): SeriesVM {
  const s = q.series.find((x) => x.segment === segment);
  if (!s) throw new Error(`no segment ${segment ?? 'null'}`);
  return s;
}

/** The net of `labels` as the page makes it: ticked in `segment`, stored as canonical indexes. */
function netFrom(q: QuestionVM, segment: string | null, labels: string[]): number[] {
  const canonical = canonicalOptions(q);
  const series = seriesOf(q, segment);
  const toCanonical = canonicalIndexes(canonical, series);
  return labels
    .map((l) => toCanonical[series.options.findIndex((o) => o.label === l)] ?? -1)
    .sort((a, b) => a - b);
}

describe('nets across the segments of a published question', () => {
  it('names MSN + Miliao in active users too when the net is made in registered users', () => {
    const q = questionOf(EGUAN, 'share');
    const canonical = canonicalOptions(q);
    const net = netFrom(q, 'Registered users', [MSN, MILIAO]);
    // The canonical list is the registered-users order, so the link still says net=4.6.
    expect(net).toEqual([4, 6]);
    expect(netRowsFor(seriesOf(q, 'Registered users'), [net], canonical)).toEqual([
      expect.objectContaining({ label: `Net: ${MSN} + ${MILIAO}`, text: '5.23%' }),
    ]);
    // Active users list Wangwang before MSN; the net still means MSN + Miliao: 2.53 + 1.08.
    expect(netRowsFor(seriesOf(q, 'Active users'), [net], canonical)).toEqual([
      {
        label: `Net: ${MSN} + ${MILIAO}`,
        text: '3.61%',
        explanation: 'One answer per respondent: the net is the sum of the options.',
      },
    ]);
  });

  it('stores the same canonical indexes whichever segment the options are ticked in', () => {
    const q = questionOf(EGUAN, 'share');
    expect(canonicalIndexes(canonicalOptions(q), seriesOf(q, 'Active users'))).toEqual([
      0, 1, 2, 3, 5, 4, 6, 7,
    ]);
    expect(netFrom(q, 'Active users', [MSN, MILIAO])).toEqual([4, 6]);
  });

  it('marks the net incomplete in a segment that does not publish one of its options', () => {
    // The Eguan file with Miliao left out of active users.
    const text = csv(EGUAN).replace(/^,+Miliao \(Xiaomi\),1\.08%\r?\n/m, '');
    const q = questionOf(EGUAN, 'share', text);
    const canonical = canonicalOptions(q);
    expect(seriesOf(q, 'Active users').options).toHaveLength(7);
    const net = netFrom(q, 'Registered users', [MSN, MILIAO]);
    const [row] = netRowsFor(seriesOf(q, 'Active users'), [net], canonical);
    expect(row?.label).toBe(`Net: ${MSN} (incomplete: "${MILIAO}" not in this segment)`);
    expect(row?.text).toBe('at least 2.53%');
    expect(row?.explanation).toBe(
      `"${MILIAO}" is not published for this segment, so the net here covers only the other options and is a lower bound.`,
    );
    // Registered users publish both: their net is whole.
    expect(netRowsFor(seriesOf(q, 'Registered users'), [net], canonical)).toEqual([
      expect.objectContaining({ text: '5.23%' }),
    ]);
  });

  it('adds a label only a later segment publishes after the first segment’s options', () => {
    const text = csv(EGUAN).replace(/^,+Miliao \(Xiaomi\),1\.43%\r?\n/m, '');
    const q = questionOf(EGUAN, 'share', text);
    expect(canonicalOptions(q)).toEqual([
      'QQ (Tencent)',
      'WeChat (Tencent)',
      'Feixin (China Mobile)',
      'Yiliao (China Telecom)',
      MSN,
      'Wangwang (Taobao)',
      'Other',
      MILIAO,
    ]);
    expect(netFrom(q, 'Active users', [MSN, MILIAO])).toEqual([4, 7]);
  });

  it('keeps a single-series question’s net indexes as its option positions, "…" gaps included', () => {
    const use5 = questionOf('sootoo-2013-06-wechat-users', 'use5');
    const series = seriesOf(use5, null);
    expect(canonicalOptions(use5)).toEqual(series.options.map((o) => o.published.label));
    expect(canonicalIndexes(canonicalOptions(use5), series)).toEqual(
      series.options.map((o) => o.index),
    );
    const oa1 = questionOf('sootoo-2013-06-wechat-users', 'oa1');
    const leisure = seriesOf(oa1, null).options.findIndex((o) => o.label === 'Leisure and Life');
    const famous = seriesOf(oa1, null).options.findIndex(
      (o) => o.label === 'Famous person and star',
    );
    const net = [leisure, famous].sort((a, b) => a - b);
    expect(netFrom(oa1, null, ['Leisure and Life', 'Famous person and star'])).toEqual(net);
    expect(netRowsFor(seriesOf(oa1, null), [net], canonicalOptions(oa1))).toEqual([
      expect.objectContaining({ text: '42.29%–78.41%' }),
    ]);
  });

  it('validates a link’s nets against the canonical list', () => {
    const library = libraryOf([entryOf(EGUAN)]);
    const view = { ...HOME, page: 'question' as const, survey: EGUAN, question: 'share' };
    const r = resolveView(
      {
        ...view,
        nets: [
          [4, 6],
          [7, 8],
        ],
      },
      library,
    );
    expect(r.view.nets).toEqual([[4, 6]]);
    expect(r.problem).toContain('name options that do not exist');
  });
});
