// Reading one published series like an analyst, for the question page: the
// bases its printed figures fit (core/published/bases.ts), the base its
// margins of error use (core/published/marginBase.ts: on weighted respondent
// data, Kish's effective base, ÷ the design effect typed), and each option's
// Wilson 95% interval (core/stats/wilson.ts), with the sentences that say so.
// Components only render what this returns.
import { BASE_SEARCH_LIMIT, optionsMisfittingBase, seriesBases } from '../../core/published/bases';
import type { BaseInference } from '../../core/published/bases';
import { marginBase, respondentBase, respondentMarginBase } from '../../core/published/marginBase';
import type { MarginBase, RespondentBase } from '../../core/published/marginBase';
import { analystMessages as M } from '../../core/messages';
import { formatCount, formatNumber, roundTo } from '../../core/format/number';
import { formatPublished } from '../../core/format/percent';
import { marginOfError, wilsonPercent } from '../../core/stats/wilson';
import type { Interval } from '../../core/stats/wilson';
import type { PublishedSeries } from '../../core/published/types';
import type { LibraryEntry } from './library';
import type { QuestionVM } from './questionModel';

/** Decimals of the interval ends on the page ("17.4–44.2"); exports keep two. */
const PAGE_DECIMALS = 1;
const EXPORT_DECIMALS = 2;

/** What the user typed, as the link carries it: a base (or none) and a design effect. */
export interface AnalystInput {
  /** A base the user typed; null: none. */
  typed: number | null;
  /** Design effect, ≥ 1 (1 = simple random sample). */
  deff: number;
}

const NO_INPUT: AnalystInput = { typed: null, deff: 1 };

export interface OptionInterval {
  /** The Wilson 95% interval in percent; null when there is none (see `reason`). */
  interval: Interval | null;
  /** "17.4–44.2", or "—" when there is no interval. */
  text: string;
  /** Why there is no interval ("30+%" is a lower bound; no figure); null when there is one. */
  reason: string | null;
}

export interface SeriesAnalyst {
  /** The bases-from-rounding sentences; null when they say nothing (no figures, respondent data). */
  bases: string[] | null;
  inference: BaseInference | null;
  /** The base the intervals use; null: no intervals. */
  base: MarginBase | null;
  deff: number;
  /** base ÷ deff (the base being Kish's effective base on weighted respondent data); null without a base. */
  effective: number | null;
  /** "Intervals use the stated base of 1,200 respondents." (or why there are none). */
  uses: string;
  /** "With a design effect of 1.5, the effective base is 41 ÷ 1.5 = 27.3."; null at deff 1. */
  effectiveLine: string | null;
  /** The largest margin over the options, in points; null without intervals. */
  maxMargin: number | null;
  /** One per option of the series, in source order (OptionVM.index). */
  intervals: OptionInterval[];
}

/** "1.5", "2", "1.125": a design effect as typed, without trailing zeros. */
export const deffText = (deff: number): string => String(roundTo(deff, 3));

/** An effective base: whole when it is whole, else one decimal ("27.3"). */
const effectiveText = (n: number): string =>
  Number.isInteger(roundTo(n, 1)) ? formatCount(n) : formatNumber(n, 1);

/** The published series behind a question's series view model (same order). */
export function publishedSeriesOf(
  entry: Pick<LibraryEntry, 'survey'>,
  question: Pick<QuestionVM, 'id'>,
  index: number,
): PublishedSeries | null {
  const q = entry.survey.questions.find((x) => x.id === question.id);
  return q?.series[index] ?? null;
}

/**
 * What seriesAnalyst is told of a question's respondents: false for published
 * figures; respondent data's base (Kish's effective base when weighted), or
 * true for a question the tab book cannot count (it has no figures either).
 */
export function respondentsOf(
  entry: Pick<LibraryEntry, 'table'>,
  question: Pick<QuestionVM, 'id'>,
): RespondentBase | boolean {
  if (entry.table === null) return false;
  return respondentBase(entry.table, question.id) ?? true;
}

function basesSentences(series: PublishedSeries, b: BaseInference | null): string[] | null {
  if (b === null) return null;
  if (b.smallest === null) return [M.noBaseFits(formatCount(b.searchedUpTo))];
  const out = [
    M.basesFit(
      b.candidates.map(formatCount),
      b.count > b.candidates.length,
      formatCount(b.smallest),
    ),
    M.basesCount(formatCount(b.count), formatCount(b.searchedUpTo)),
  ];
  // A stated base that fits is said here; one that does not is the base-contradicted flag.
  if (series.baseN !== null && optionsMisfittingBase(series, series.baseN).length === 0)
    out.push(M.statedFits(formatCount(series.baseN)));
  return out;
}

function usesLine(
  series: PublishedSeries,
  base: MarginBase | null,
  input: AnalystInput,
  maxMargin: number | null,
  respondentData: boolean,
): string {
  if (base === null)
    return respondentData
      ? M.noIntervalsRespondents
      : M.noIntervals(formatCount(BASE_SEARCH_LIMIT));
  const n = formatCount(base.n);
  switch (base.from) {
    case 'effective': {
      // Weighted respondents: the data states its base, as a file's base_n does.
      const line = M.usesEffective(
        effectiveText(base.n),
        formatCount(base.of?.respondents ?? 0),
        base.of?.weight ?? '',
      );
      return input.typed === null ? line : `${line} ${M.typedNotUsed(formatCount(input.typed))}`;
    }
    case 'stated':
      return input.typed !== null && input.typed !== base.n
        ? M.usesStatedOverTyped(n, formatCount(input.typed))
        : M.usesStated(n);
    case 'typed':
      // A typed base is the user's decision; one the figures cannot come from is said, as a stated one is flagged.
      return respondentData || optionsMisfittingBase(series, base.n).length === 0
        ? M.usesTyped(n)
        : `${M.usesTyped(n)} ${M.typedMisfits(n)}`;
    case 'smallest':
      return M.usesSmallest(n, formatNumber(maxMargin ?? 0, 1));
  }
}

/**
 * The analyst's reading of one series. `respondents`: the figures were
 * computed from respondents here (their base is known, and rounding says
 * nothing about it), so there is no bases-from-rounding statement; given as
 * their base (core/published/marginBase.ts respondentBase), weighted data's
 * intervals use Kish's effective base; `true` takes the series' stated base.
 */
export function seriesAnalyst(
  series: PublishedSeries,
  input: AnalystInput = NO_INPUT,
  respondents: RespondentBase | boolean = false,
): SeriesAnalyst {
  const respondentData = respondents !== false;
  const inference = respondentData ? null : seriesBases(series);
  const base =
    typeof respondents === 'object'
      ? respondentMarginBase(respondents)
      : marginBase(series.baseN, input.typed, inference?.smallest ?? null);
  const deff = input.deff;
  let maxMargin: number | null = null;
  const intervals = series.options.map((o): OptionInterval => {
    const p = o.percent;
    if (p === null || o.omitted) return { interval: null, text: '—', reason: M.noIntervalNoFigure };
    if (p.lowerBound)
      return { interval: null, text: '—', reason: M.noIntervalLowerBound(formatPublished(p)) };
    if (base === null) return { interval: null, text: '', reason: null };
    const interval = wilsonPercent(p.value, base.n, deff);
    const margin = marginOfError(p.value, base.n, deff);
    if (interval === null || margin === null)
      return { interval: null, text: '—', reason: M.noIntervalNoFigure };
    maxMargin = Math.max(maxMargin ?? 0, margin);
    return {
      interval,
      text: M.intervalCell(
        formatNumber(interval.low, PAGE_DECIMALS),
        formatNumber(interval.high, PAGE_DECIMALS),
      ),
      reason: null,
    };
  });
  const effective = base === null ? null : base.n / deff;
  return {
    bases: basesSentences(series, inference),
    inference,
    base,
    deff,
    effective,
    uses: usesLine(series, base, input, maxMargin, respondentData),
    effectiveLine:
      base === null || deff === 1 || effective === null
        ? null
        : base.from === 'effective'
          ? M.effectiveOnKish(effectiveText(base.n), deffText(deff), effectiveText(effective))
          : M.effective(formatCount(base.n), deffText(deff), effectiveText(effective)),
    maxMargin,
    intervals,
  };
}

/** The export's line naming the base and design effect; null without intervals. */
export function exportIntervalsLine(a: SeriesAnalyst): string | null {
  if (a.base === null || a.effective === null) return null;
  return M.exportIntervals(a.uses, deffText(a.deff), effectiveText(a.effective));
}

/** An interval end for the export, to two decimals ("17.40"). */
export const exportEnd = (x: number): string => formatNumber(x, EXPORT_DECIMALS);

/**
 * The base a Compare column is tested with: stated, or (for this question's
 * own segments) the base the user typed. Never the smallest consistent base:
 * a floor on the number of respondents is not their number.
 */
export function testBase(stated: number | null, typed: number | null): number | null {
  return marginBase(stated, typed, null)?.n ?? null;
}

/**
 * The base Compare tests a column with: on respondent data the data's own
 * (Kish's effective base when weighted, as the margins use); on published
 * figures the stated base, or for this question's own segments a typed one.
 * Divided by the design effect, as the margins divide it (seriesAnalyst): the
 * one typed for this question's own columns, 1 for another survey's, whose
 * design this page knows nothing of.
 */
export function compareBase(
  entry: Pick<LibraryEntry, 'survey' | 'table'>,
  question: Pick<QuestionVM, 'id'>,
  index: number,
  typed: number | null,
  deff = 1,
): number | null {
  const respondents = respondentsOf(entry, question);
  const base =
    respondents === false
      ? testBase(publishedSeriesOf(entry, question, index)?.baseN ?? null, typed)
      : respondents === true
        ? null
        : (respondentMarginBase(respondents)?.n ?? null);
  return base === null ? null : base / deff;
}

/** What an input holds: a value, or what is wrong with the text, in words. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** The largest base one may type (the link accepts the same). */
const MAX_TYPED_BASE = 10_000_000;

/** A typed base: empty is none; "1,200" and "1200" are 1,200; anything but a whole 1–10,000,000 is refused. */
export function parseBaseInput(text: string): Parsed<number | null> {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  const digits = t.replace(/(?<=\d)[,\s](?=\d{3}(?:\D|$))/g, '');
  const n = /^\d+$/.test(digits) ? Number(digits) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_TYPED_BASE)
    return { ok: false, message: M.baseInvalid(t) };
  return { ok: true, value: n };
}

/** A typed design effect: empty is 1; a number from 1 to 999.999 with at most 3 decimals. */
export function parseDeffInput(text: string): Parsed<number> {
  const t = text.trim();
  if (t === '') return { ok: true, value: 1 };
  const n = /^\d{1,3}(?:\.\d{1,3})?$/.test(t) ? Number(t) : NaN;
  if (!(n >= 1)) return { ok: false, message: M.deffInvalid(t) };
  return { ok: true, value: n };
}
