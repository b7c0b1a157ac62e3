// Net rows for one series, from its view model.
import type { SeriesVM } from './questionModel';
import { computeNet } from '../core/published/nets';
import { formatPercent } from '../core/format/percent';

export interface NetRow {
  label: string;
  text: string;
  explanation: string;
}

export function netRowsFor(series: SeriesVM, nets: number[][]): NetRow[] {
  return nets.flatMap((indexes) => {
    const chosen = indexes.flatMap((i) => {
      const o = series.options[i];
      return o ? [o] : [];
    });
    if (chosen.length < 2) return [];
    const net = computeNet(
      series.kind,
      chosen.map((o) => o.published),
    );
    if (!net) return [];
    const label = `Net: ${chosen.map((o) => o.label).join(' + ')}`;
    if (net.kind === 'sum') {
      return [
        {
          label,
          text: `${net.lowerBound ? 'at least ' : ''}${formatPercent(net.value, net.decimals)}`,
          explanation: net.note ?? 'One answer per respondent: the net is the sum of the options.',
        },
      ];
    }
    return [
      {
        label,
        text: `${formatPercent(net.low, net.decimals)}–${formatPercent(net.high, net.decimals)}`,
        explanation:
          net.note ??
          'Multiple answers allowed: the share choosing any of these lies between the largest option and the sum (capped at 100%); published percents cannot say where.',
      },
    ];
  });
}
