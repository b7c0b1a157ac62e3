// Totals and the rounding tolerance of a list of published percents.
import { roundTo } from '../format/number';
import type { PublishedOption } from './types';

export interface Totals {
  /** Sum of the printed values; null when no option has a number. */
  total: number | null;
  /** Most decimals printed among the options (the total is shown with as many). */
  decimals: number;
  /** Options with a number. */
  numbered: number;
  /** True when a value is a lower bound ("30+%"): the total is then at least `total`. */
  lowerBound: boolean;
  /** How far the total may be off 100% from rounding alone. */
  tolerance: number;
}

/**
 * Each printed value is off by at most half a unit of its last decimal, so the
 * total of n values may be off by n × half a unit of the most decimals printed:
 * 4 options at 2 decimals -> ±0.02, 4 at 0 decimals -> ±2, 8 at 2 -> ±0.04.
 */
export function roundingTolerance(numbered: number, decimals: number): number {
  return roundTo((numbered * 5) / 10 ** (decimals + 1), decimals + 1);
}

export function totals(options: readonly PublishedOption[]): Totals {
  let sum = 0;
  let numbered = 0;
  let decimals = 0;
  let lowerBound = false;
  for (const o of options) {
    if (o.percent === null) continue;
    sum += o.percent.value;
    numbered++;
    decimals = Math.max(decimals, o.percent.decimals);
    lowerBound ||= o.percent.lowerBound;
  }
  return {
    total: numbered === 0 ? null : roundTo(sum, decimals),
    decimals,
    numbered,
    lowerBound,
    tolerance: roundingTolerance(numbered, decimals),
  };
}
