// Nets: the share choosing any of several options. With one answer per
// respondent the shares add up. With several answers the overlap is not
// published, so only a range is knowable: at least the largest option, at
// most the sum (and never more than 100%).
import { roundTo } from '../format/number';
import { publishedMessages as M } from '../messages';
import type { PublishedOption, QuestionKind } from './types';

interface NetBase {
  /** Decimals to show the net with (the most decimals printed). */
  decimals: number;
  /**
   * True when the net is only a lower bound: an option is "30+%" or has no
   * published figure. For a range, `high` is then 100.
   */
  lowerBound: boolean;
  /** Why the net is a lower bound, in words; null when it is not. */
  note: string | null;
}

export type Net =
  | (NetBase & { kind: 'sum'; value: number })
  | (NetBase & { kind: 'range'; low: number; high: number });

/** The net of the chosen options; null when none of them has a published figure. */
export function computeNet(kind: QuestionKind, options: readonly PublishedOption[]): Net | null {
  const values = options.flatMap((o) => (o.percent === null ? [] : [o.percent]));
  if (values.length === 0) return null;
  const decimals = Math.max(...values.map((v) => v.decimals));
  const sum = roundTo(
    values.reduce((a, v) => a + v.value, 0),
    decimals,
  );
  const bounded = values.some((v) => v.lowerBound);
  const incomplete = values.length < options.length;
  const lowerBound = bounded || incomplete;
  const note = bounded ? M.netLowerBound : incomplete ? M.netIncomplete : null;
  if (kind !== 'multi') return { kind: 'sum', value: sum, decimals, lowerBound, note };
  const low = Math.max(...values.map((v) => v.value));
  const high = lowerBound ? 100 : Math.min(100, sum);
  return { kind: 'range', low, high, decimals, lowerBound, note };
}
