// Who a crosstab counts: the respondents its filter passes (a mask kept per
// table for the last few filters) and, when weighted, those whose weight is
// usable (a mask kept per weight column), and which few the weight left out.
import type { RespondentTable } from '../table/types';
import { ok, type Result } from '../result';
import { allPass, buildFilter, type FilterCondition } from '../filter/filter';

/**
 * Filter masks, the last FILTER_MASKS filters per table: a filter stays while
 * rows, columns, weight or percents change, so its mask is built once (one
 * pass over the filter questions). rowCount / 8 bytes each (125 kB at 1M
 * respondents); dropped with the table. Never written to.
 */
const FILTER_MASKS = 4;
const filterMasks = new WeakMap<RespondentTable, { key: string; mask: Uint32Array | null }[]>();

export function filterMask(
  table: RespondentTable,
  conditions: readonly FilterCondition[],
): Result<Uint32Array | null> {
  if (conditions.length === 0) return ok(null);
  const key = JSON.stringify(conditions.map((c) => [c.questionId, c.options]));
  const known = filterMasks.get(table) ?? [];
  const hit = known.find((e) => e.key === key);
  if (hit !== undefined) return ok(hit.mask);
  const built = buildFilter(table, conditions);
  if (!built.ok) return built;
  filterMasks.set(table, [{ key, mask: built.value }, ...known].slice(0, FILTER_MASKS));
  return built;
}

/**
 * The largest weight used. Above it a weight is absurd (1e308 overflows every
 * sum, and with it chi-square and the tests); no real design weight is near it.
 */
const MAX_WEIGHT = 1e9;

/**
 * Usable-weight masks, made once per weight column (the data never changes
 * once loaded): at most rowCount / 8 bytes per weight column crossed by, and
 * none when every weight is usable; dropped with the column. Never written to.
 */
const usable = new WeakMap<Float64Array, { rowCount: number; mask: Uint32Array | null }>();

export function usableWeights(weights: Float64Array, rowCount: number): Uint32Array | null {
  const known = usable.get(weights);
  if (known !== undefined && known.rowCount === rowCount) return known.mask;
  const mask = validWeights(weights, rowCount);
  usable.set(weights, { rowCount, mask });
  return mask;
}

/** Mask of respondents with a usable weight (> 0, finite, at most MAX_WEIGHT), or null when all are usable. */
function validWeights(weights: Float64Array, rowCount: number): Uint32Array | null {
  let mask: Uint32Array | null = null;
  for (let i = 0; i < rowCount; i++) {
    const v = weights[i]!;
    if (v > 0 && v <= MAX_WEIGHT) continue;
    mask ??= allPass(rowCount);
    mask[i >>> 5]! &= ~(1 << (i & 31));
  }
  return mask;
}

/** Up to five respondents the weight left out (passing before, not after), by id or row number. */
export function excludedExamples(
  table: RespondentTable,
  before: Uint32Array | null,
  after: Uint32Array,
): string[] {
  const ids =
    table.idColumnId === null ? undefined : table.columns.find((c) => c.id === table.idColumnId);
  const out: string[] = [];
  for (let i = 0; i < table.rowCount && out.length < 5; i++) {
    const was = before === null || ((before[i >>> 5]! >>> (i & 31)) & 1) === 1;
    const is = ((after[i >>> 5]! >>> (i & 31)) & 1) === 1;
    if (!was || is) continue;
    if (ids?.type === 'numeric') out.push(`respondent ${ids.values[i]}`);
    else if (ids?.type === 'text' && ids.codes[i]! > 0)
      out.push(`respondent ${ids.labels[ids.codes[i]! - 1]}`);
    else out.push(`row ${i + 1}`);
  }
  return out;
}
