// Net rows for one series, from its view model.
import type { OptionVM, SeriesVM } from './questionModel';
import { canonicalIndexes } from './canonicalOptions';
import { computeNet } from '../../core/published/nets';
import type { PublishedOption } from '../../core/published/types';
import { formatPercent } from '../../core/format/percent';
import { isolate } from '../../core/format/bidi';
import { publishedMessages as M } from '../../core/messages';

export interface NetRow {
  label: string;
  text: string;
  explanation: string;
}

/** An option this segment does not publish: to computeNet, an option without a figure. */
const absent = (label: string): PublishedOption => ({
  label,
  percent: null,
  rank: null,
  omitted: true,
});

/**
 * Nets hold indexes into the question's canonical option list (see
 * canonicalOptions), so each series finds the net's options by label; one it
 * does not publish makes the net there incomplete, and a lower bound.
 */
export function netRowsFor(
  series: SeriesVM,
  nets: number[][],
  canonical: readonly string[],
): NetRow[] {
  const toCanonical = canonicalIndexes(canonical, series);
  const byCanonical = new Map(series.options.map((o) => [toCanonical[o.index], o]));
  return nets.flatMap((indexes) => {
    const chosen: OptionVM[] = [];
    const missing: string[] = [];
    for (const i of new Set(indexes)) {
      const option = byCanonical.get(i);
      const label = canonical[i];
      if (option) chosen.push(option);
      else if (label !== undefined) missing.push(label);
    }
    if (chosen.length + missing.length < 2) return [];
    const net = computeNet(series.kind, [
      ...chosen.map((o) => o.published),
      ...missing.map(absent),
    ]);
    if (!net) return [];
    // Each label isolated: one label's U+202E must not turn the others around.
    const names = chosen.map((o) => isolate(o.label)).join(' + ');
    const label = missing.length
      ? `Net: ${names} (${M.netNotInSegmentShort(missing)})`
      : `Net: ${names}`;
    // Say why the net is incomplete here; keep the "30+%" note too when it applies.
    const note = missing.length
      ? [M.netNotInSegment(missing), net.note === M.netLowerBound ? net.note : null]
          .filter((n) => n !== null)
          .join(' ')
      : net.note;
    if (net.kind === 'sum') {
      return [
        {
          label,
          text: `${net.lowerBound ? 'at least ' : ''}${formatPercent(net.value, net.decimals)}`,
          explanation: note ?? M.netSum,
        },
      ];
    }
    return [
      {
        label,
        text: `${formatPercent(net.low, net.decimals)}–${formatPercent(net.high, net.decimals)}`,
        explanation: note ?? M.netRange,
      },
    ];
  });
}
