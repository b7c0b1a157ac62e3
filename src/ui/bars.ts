// Chart bars for one series, from its view model.
import type { Bar } from '../charts/bars';
import type { Interval } from '../core/stats/wilson';
import type { SeriesVM } from '../state/models/questionModel';
import type { SortOrder } from '../state/url/view';

/** `intervals`: each option's 95% interval by its index (error bars); absent or null: none. */
export function barsFor(
  series: SeriesVM,
  sort: SortOrder,
  intervals: readonly (Interval | null)[] = [],
): Bar[] {
  const bars: Bar[] = series.options.map((o) => ({
    label: o.label,
    value: o.value,
    text: o.omitted ? 'not published' : o.text,
    lowerBound: o.lowerBound,
    interval: intervals[o.index] ?? null,
  }));
  if (sort === 'value') {
    // Placeholders have no value: they go last, keeping their source order.
    return [...bars].sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
  }
  return bars;
}
