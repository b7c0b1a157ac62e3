// "How many chose both?": bounds for what a report does not publish, from the
// shares it does (core/published/bounds.ts). For two options of a
// multi-answer question: both and either, per segment. For two one-answer
// questions of the same survey and segment: each cell of their crosstab as a
// range. Bounds, never estimates; the page says so.
import { crosstabRanges, optionPairBounds } from '../../core/published/bounds';
import type { Range } from '../../core/published/bounds';
import { analystMessages as M } from '../../core/messages';
import { formatNumber } from '../../core/format/number';
import { formatPercent } from '../../core/format/percent';
import type { PublishedPercent } from '../../core/published/types';
import { canonicalIndexes, canonicalOptions } from './canonicalOptions';
import type { OptionVM, QuestionVM, SeriesVM } from './questionModel';

/** A figure that says how many chose an option: printed, not a placeholder. */
const figureOf = (o: OptionVM): PublishedPercent | null => (o.omitted ? null : o.published.percent);

/** An option of the question that some segment gives a figure for, by canonical index. */
export interface PairChoice {
  index: number;
  label: string;
}

/** The options a user may pick for "both": those with a figure in some segment. */
export function pairChoices(question: QuestionVM): PairChoice[] {
  const canonical = canonicalOptions(question);
  const has = new Set<number>();
  for (const s of question.series) {
    const toCanonical = canonicalIndexes(canonical, s);
    for (const o of s.options) {
      const i = toCanonical[o.index] ?? -1;
      if (i >= 0 && figureOf(o) !== null) has.add(i);
    }
  }
  return canonical.flatMap((label, index) => (has.has(index) ? [{ index, label }] : []));
}

export interface PairLine {
  segment: string | null;
  text: string;
  both: Range | null;
  either: Range | null;
}

const rangeText = (r: Range, decimals: number) =>
  `${formatPercent(r.low, decimals)} and ${formatPercent(r.high, decimals)}`;

/** Both and either for options `a` and `b` (canonical indexes), one line per segment with figures. */
export function pairBounds(question: QuestionVM, a: number, b: number): PairLine[] {
  const canonical = canonicalOptions(question);
  const la = canonical[a];
  const lb = canonical[b];
  if (la === undefined || lb === undefined) return [];
  return question.series
    .filter((s) => s.hasData)
    .map((s): PairLine => {
      if (a === b) return { segment: s.segment, text: M.pairSame, both: null, either: null };
      const toCanonical = canonicalIndexes(canonical, s);
      const find = (i: number) => s.options.find((o) => toCanonical[o.index] === i);
      const oa = find(a);
      const ob = find(b);
      const pa = oa ? figureOf(oa) : null;
      const pb = ob ? figureOf(ob) : null;
      if (pa === null)
        return { segment: s.segment, text: M.pairMissing(la), both: null, either: null };
      if (pb === null)
        return { segment: s.segment, text: M.pairMissing(lb), both: null, either: null };
      const r = optionPairBounds(pa, pb);
      const d = Math.max(pa.decimals, pb.decimals);
      return {
        segment: s.segment,
        text: M.pairSentence(la, lb, rangeText(r.both, d), rangeText(r.either, d)),
        both: r.both,
        either: r.either,
      };
    });
}

/** One-answer series with figures, asked of everyone in their segment. */
const crossable = (s: SeriesVM) => s.hasData && s.kind === 'single' && !s.subgroup;

/** Is this question one the crosstab bounds apply to (one answer per respondent)? */
export const isCrossable = (question: QuestionVM): boolean =>
  question.series.some(crossable) &&
  question.series.every((s) => !s.hasData || s.kind === 'single');

/** Other one-answer questions of the survey that share a segment (with figures) with `question`. */
export function crossCandidates(
  questions: readonly QuestionVM[],
  question: QuestionVM,
): QuestionVM[] {
  if (!isCrossable(question)) return [];
  const segments = new Set(question.series.filter(crossable).map((s) => s.segment));
  return questions.filter(
    (q) =>
      q.id !== question.id &&
      isCrossable(q) &&
      q.series.some((s) => crossable(s) && segments.has(s.segment)),
  );
}

export interface CrossGrid {
  segment: string | null;
  caption: string;
  rows: string[];
  cols: string[];
  /** "0–29%": each cell's range, as a share of all respondents. */
  cells: string[][];
  ranges: Range[][];
}

const figures = (s: SeriesVM) =>
  s.options.flatMap((o) => {
    const p = figureOf(o);
    return p === null || p.lowerBound ? [] : [{ label: o.label, p }];
  });

/** The crosstab of `rows` by `cols` as ranges from their marginals, one grid per shared segment. */
export function crossGrids(rows: QuestionVM, cols: QuestionVM): CrossGrid[] {
  return rows.series.filter(crossable).flatMap((s) => {
    const t = cols.series.find((x) => crossable(x) && x.segment === s.segment);
    if (t === undefined) return [];
    const r = figures(s);
    const c = figures(t);
    const ranges = crosstabRanges(
      r.map((x) => x.p.value),
      c.map((x) => x.p.value),
    );
    const cells = ranges.map((row, i) =>
      row.map((cell, j) => {
        const d = Math.max(r[i]?.p.decimals ?? 0, c[j]?.p.decimals ?? 0);
        return M.crossRange(formatNumber(cell.low, d), formatNumber(cell.high, d));
      }),
    );
    return [
      {
        segment: s.segment,
        caption: M.crossCaption(rows.text, cols.text, s.segment),
        rows: r.map((x) => x.label),
        cols: c.map((x) => x.label),
        cells,
        ranges,
      },
    ];
  });
}
