// Flags: what a reader should know about a published series, each with a
// stable code (tests and the UI key on it) and a sentence from messages.ts.
import { formatCount, formatNumber, roundTo } from '../format/number';
import { formatPercent, formatPublished } from '../format/percent';
import { publishedMessages as M } from '../messages';
import { optionsMisfittingBase, seriesBases } from './bases';
import type { BaseInference } from './bases';
import type { KindDecision } from './kind';
import type { Totals } from './tolerance';
import type { PublishedSeries } from './types';

export type FlagCode =
  | 'value-out-of-range'
  | 'single-total-off'
  | 'single-total-short'
  | 'kind-inferred'
  | 'kind-ambiguous'
  | 'multi-total-over-100'
  | 'partial-list'
  | 'lower-bound'
  | 'subgroup-base'
  | 'no-data'
  | 'base-contradicted'
  | 'no-consistent-base';

export type Severity = 'info' | 'warning' | 'error';

export interface Flag {
  code: FlagCode;
  severity: Severity;
  message: string;
}

export interface Partiality {
  partial: boolean;
  /** Ranks below the highest printed rank that the source does not print: [4, 6, 7, 8]. */
  missingRanks: number[];
  /** Placeholders ("…") standing for options the source leaves out. */
  omitted: number;
}

export function partiality(series: PublishedSeries): Partiality {
  const ranks = new Set<number>();
  let omitted = 0;
  for (const o of series.options) {
    if (o.rank !== null) ranks.add(o.rank);
    if (o.omitted) omitted++;
  }
  const missingRanks: number[] = [];
  const highest = ranks.size === 0 ? 0 : Math.max(...ranks);
  for (let r = 1; r < highest; r++) if (!ranks.has(r)) missingRanks.push(r);
  return { partial: omitted > 0 || missingRanks.length > 0, missingRanks, omitted };
}

/** "±0.02 points", "±2 points". */
function tol(t: Totals): string {
  return `${String(t.tolerance)} points`;
}

function totalText(t: Totals): string {
  return `${t.lowerBound ? 'at least ' : ''}${formatPercent(t.total ?? 0, t.decimals)}`;
}

export interface SeriesContext {
  /**
   * No figures here while other segments of the question have some: the
   * source left the cells blank (a base too small to publish), not a chart.
   */
  suppressed?: boolean;
}

export function seriesFlags(
  series: PublishedSeries,
  kind: KindDecision,
  t: Totals,
  p: Partiality,
  bases: BaseInference | null = seriesBases(series),
  context: SeriesContext = {},
): Flag[] {
  const flags: Flag[] = [];
  const add = (code: FlagCode, severity: Severity, message: string) =>
    flags.push({ code, severity, message });

  let outOfRange = false;
  for (const o of series.options) {
    if (o.percent !== null && (o.percent.value < 0 || o.percent.value > 100)) {
      add('value-out-of-range', 'error', M.valueOutOfRange(o.label, o.percent.text));
      outOfRange = true;
    }
  }
  if (t.total === null) {
    if (kind.inferred) add('kind-inferred', 'info', M.kindInferredNoData);
    add('no-data', 'info', context.suppressed === true ? M.noDataSuppressed : M.noData);
  } else {
    const total = t.total;
    if (kind.inferred) {
      add(
        'kind-inferred',
        'info',
        kind.kind === 'multi'
          ? M.kindInferredMulti(totalText(t), tol(t))
          : M.kindInferredSingle(totalText(t), tol(t)),
      );
    }
    if (kind.ambiguous) {
      add(
        'kind-ambiguous',
        'warning',
        M.kindAmbiguous(totalText(t), tol(t), formatNumber(total / 100, 2)),
      );
    }
    if (kind.kind === 'single') {
      if (total > 100 + t.tolerance) {
        add('single-total-off', 'warning', M.singleTotalOff(totalText(t), tol(t)));
      } else if (total < 100 - t.tolerance) {
        const explained = p.partial
          ? M.shortExplainedPartial
          : t.lowerBound
            ? M.shortExplainedLowerBound
            : null;
        add(
          'single-total-short',
          explained === null ? 'warning' : 'info',
          M.singleTotalShort(
            totalText(t),
            formatPercent(roundTo(100 - total, t.decimals), t.decimals),
            explained,
          ),
        );
      }
    }
    if (kind.kind === 'multi' && total > 100) {
      add(
        'multi-total-over-100',
        'info',
        M.multiTotalOver100(formatNumber(total / 100, 2), p.partial || t.lowerBound),
      );
    }
  }
  if (p.partial) add('partial-list', 'info', M.partialList(p.missingRanks, p.omitted));
  const bounds = series.options.filter((o) => o.percent?.lowerBound === true).map((o) => o.label);
  if (bounds.length > 0) add('lower-bound', 'info', M.lowerBound(bounds));
  if (series.subgroup) add('subgroup-base', 'info', M.subgroupBase(series.base));
  // Bases from rounding. A value outside 0–100% fits no base; its error says enough.
  if (bases !== null && !outOfRange) {
    if (series.baseN !== null) {
      const misfits = optionsMisfittingBase(series, series.baseN);
      if (misfits.length > 0)
        add(
          'base-contradicted',
          'warning',
          M.baseContradicted(
            formatCount(series.baseN),
            misfits.map((o) => ({
              label: o.label,
              printed: o.percent === null ? '' : formatPublished(o.percent),
            })),
          ),
        );
    }
    if (bases.smallest === null)
      add('no-consistent-base', 'info', M.noConsistentBase(formatCount(bases.searchedUpTo)));
  }
  return flags;
}
