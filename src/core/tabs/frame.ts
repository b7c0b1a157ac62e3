// What every respondent-level pass of a tab book shares: who is in (the filter
// and, when weighted, a usable weight), the weights, and which book columns
// each respondent falls in.
//
// The columns are read through "units": Total (everyone), each combination of
// single-answer banner questions (combine.ts: one code names an option of
// each), and each banner question left alone. A unit maps a respondent's key
// to a list of book columns, so a pass reads one key per unit instead of one
// per banner question, and every loop has one shape whatever the questions.
import type { ResolvedAxis } from '../crosstab/axis';
import { allPass, buildFilter, type FilterCondition } from '../filter/filter';
import { numericColumn } from '../filter/columns';
import { ok, type Result } from '../result';
import type { RespondentTable } from '../table/types';
import type { Combined } from './combine';

/** Respondent i (key keys[i], or 1 when keys is null) is in book columns list[start[key] .. start[key + 1] - 1]. */
export interface Unit {
  keys: Uint32Array | null;
  start: Int32Array;
  list: Int32Array;
}

export interface Frame {
  rowCount: number;
  /** Bit i set: respondent i is counted; null: everyone. */
  include: Uint32Array | null;
  weights: Float64Array | null;
  /** Book columns: Total, then each banner question's options. */
  columns: number;
  units: readonly Unit[];
  /** Respondents left out because their weight is unusable, and the first few of them. */
  weightExcluded: number;
  weightExamples: string[];
}

/**
 * The largest usable weight, as crosstab.ts has it: above it a weight is
 * absurd (it overflows sums of squares long before anything else).
 */
const MAX_WEIGHT = 1e9;

/**
 * `axes` are Total and the banner questions' axes; `combined` the combinations
 * of some of them (a digit's question k is axis k + 1).
 */
export function buildFrame(
  table: RespondentTable,
  weightId: string | null,
  filter: readonly FilterCondition[],
  axes: readonly ResolvedAxis[],
  combined: readonly Combined[] = [],
): Result<Frame> {
  const built = buildFilter(table, filter);
  if (!built.ok) return built;
  let include = built.value;
  let weights: Float64Array | null = null;
  let weightExcluded = 0;
  const weightExamples: string[] = [];
  if (weightId !== null) {
    const column = numericColumn(table, weightId);
    if (!column.ok) return column;
    weights = column.value.values;
    for (let i = 0; i < table.rowCount; i++) {
      const w = weights[i]!;
      if (w > 0 && w <= MAX_WEIGHT) continue;
      if (include !== null && ((include[i >>> 5]! >>> (i & 31)) & 1) === 0) continue;
      include ??= allPass(table.rowCount);
      include[i >>> 5]! &= ~(1 << (i & 31));
      weightExcluded++;
      if (weightExamples.length < 5) weightExamples.push(respondentName(table, i));
    }
  }
  const offsets = [0];
  for (const a of axes) offsets.push(offsets[offsets.length - 1]! + a.info.labels.length);
  return ok({
    rowCount: table.rowCount,
    include,
    weights,
    columns: offsets[axes.length]!,
    units: units(axes, offsets, combined),
    weightExcluded,
    weightExamples,
  });
}

function units(
  axes: readonly ResolvedAxis[],
  offsets: readonly number[],
  combined: readonly Combined[],
): Unit[] {
  const out: Unit[] = [];
  const inCombination = new Set(combined.flatMap((c) => c.digits.map((d) => d.question + 1)));
  axes.forEach((axis, a) => {
    if (inCombination.has(a)) return;
    out.push({
      keys: axis.keys === null ? null : Uint32Array.from(axis.keys),
      start: axis.memberStart,
      list: axis.memberList.map((m) => offsets[a]! + m),
    });
  });
  for (const c of combined) {
    // Code k (1…combinations) is combination k − 1: one option (or none) of each question.
    const n = c.column.labels.length;
    const start = new Int32Array(n + 2);
    const list: number[] = [];
    for (let k = 1; k <= n; k++) {
      start[k] = list.length;
      for (const d of c.digits) {
        const code = Math.floor((k - 1) / d.stride) % d.radix;
        if (code !== 0) list.push(offsets[d.question + 1]! + code - 1);
      }
    }
    start[n + 1] = list.length;
    out.push({ keys: Uint32Array.from(c.column.codes), start, list: Int32Array.from(list) });
  }
  return out;
}

/** Respondent i by its id, or by its row number. */
function respondentName(table: RespondentTable, i: number): string {
  const ids =
    table.idColumnId === null ? undefined : table.columns.find((c) => c.id === table.idColumnId);
  if (ids?.type === 'numeric') return `respondent ${ids.values[i]}`;
  if (ids?.type === 'text' && ids.codes[i]! > 0)
    return `respondent ${ids.labels[ids.codes[i]! - 1]}`;
  return `row ${i + 1}`;
}

const isIncluded = (frame: Frame, i: number): boolean =>
  frame.include === null || ((frame.include[i >>> 5]! >>> (i & 31)) & 1) === 1;

/** The respondents counted (by index, ascending) for whom keep(i) holds. */
export function counted(frame: Frame, keep: (i: number) => boolean = () => true): Int32Array {
  const out = new Int32Array(frame.rowCount);
  let n = 0;
  for (let i = 0; i < frame.rowCount; i++) if (isIncluded(frame, i) && keep(i)) out[n++] = i;
  return out.subarray(0, n);
}
