// Counting a pair of questions by slots (slots.ts) in two parts of the
// respondents, so that another thread (a worker thread in the bench and the
// CLI) can count and tally the second part while this one does the first:
// the heaviest crosstabs, two multi-answer questions with many options, take
// about half the time. The parts, and the order in which their tallies are
// added (first part, then second), are the same whether one thread counts
// both or two share them, so a crosstab's numbers do not depend on how many
// threads counted it: the CLI, the bench and the app print the same numbers.
import type { RespondentTable } from '../table/types';
import { problem } from '../messages';
import { fail, ok, type Result } from '../result';
import { numericColumn } from '../filter/columns';
import { resolveAxis, type ResolvedAxis } from './axis';
import { BLOCK } from './count';
import { countSlots, type SquaresBy } from './slots';
import type { Span } from './slotRanges';
import { addSlots, emptyTally, type Tally } from './tally';
import type { AxisSpec } from './types';

/**
 * Pairs over fewer respondents are counted whole: they take a millisecond or
 * two, less than handing a part to another thread and back.
 */
export const SPLIT_MIN = 1 << 16;

/** Where the respondents of a pair counted by slots are split (a multiple of BLOCK near the middle), or null: counted whole. */
export function splitPoint(rowCount: number): number | null {
  return rowCount < SPLIT_MIN ? null : Math.round(rowCount / 2 / BLOCK) * BLOCK;
}

/**
 * One part of a pair counted by slots, as another thread holding the same
 * table counts it: plain data (structured-cloneable), the axes by their specs.
 */
export interface SlotJob {
  kept: AxisSpec;
  expanded: AxisSpec;
  keptIsRows: boolean;
  /** The weight column (only valid weights are left in `include`), or null. */
  weightId: string | null;
  span: Span;
  /** The include mask's words for `span`, from word span.start / 32; null: everyone. */
  include: Uint32Array | null;
}

/** Another thread that tallies jobs over its own copy of the table; rejects if it cannot. */
export interface SlotHelper {
  count(jobs: readonly SlotJob[]): Promise<Tally[]>;
}

/** The include mask's words a job carries for its span. */
export function jobWords(include: Uint32Array | null, span: Span): Uint32Array | null {
  return include === null ? null : include.slice(span.start >>> 5, (span.end + 31) >>> 5);
}

/**
 * The tally of one part: its respondents counted by slots, keeping `kept`
 * and expanding `expanded` (Σw², for Kish's effective bases, by the axis on
 * the columns), over a full-length `include` mask.
 */
export function tallyPart(
  span: Span,
  kept: ResolvedAxis,
  expanded: ResolvedAxis,
  keptIsRows: boolean,
  include: Uint32Array | null,
  weights: Float64Array | null,
): Tally {
  const t = keptIsRows ? emptyTally(kept, expanded) : emptyTally(expanded, kept);
  const squaresBy: SquaresBy = keptIsRows ? 'expanded' : 'kept';
  countSlots(span, kept, expanded, include, weights, squaresBy, (h) =>
    addSlots(t, kept, expanded, keptIsRows, h),
  );
  return t;
}

/**
 * resolveAxis with a memory, for a helper thread that keeps one table and is
 * asked for the same axes again and again (Q24's 11,899 answer patterns take
 * about half a millisecond to resolve).
 */
export function rememberingResolve(): typeof resolveAxis {
  const known = new WeakMap<RespondentTable, Map<string, Result<ResolvedAxis>>>();
  return (table, spec) => {
    let axes = known.get(table);
    if (axes === undefined) known.set(table, (axes = new Map()));
    const key = JSON.stringify([spec.questionId, spec.nets ?? []]);
    let axis = axes.get(key);
    if (axis === undefined) axes.set(key, (axis = resolveAxis(table, spec)));
    return axis;
  };
}

/**
 * Tallies a job over `table`, on whichever thread holds it. `resolve` may be
 * a cache of resolveAxis (a helper thread keeps its table's axes).
 */
export function countSlotJob(
  table: RespondentTable,
  job: SlotJob,
  resolve: typeof resolveAxis = resolveAxis,
): Result<Tally> {
  const kept = resolve(table, job.kept);
  if (!kept.ok) return kept;
  const expanded = resolve(table, job.expanded);
  if (!expanded.ok) return expanded;
  let weights: Float64Array | null = null;
  if (job.weightId !== null) {
    const column = numericColumn(table, job.weightId);
    if (!column.ok) return column;
    weights = column.value.values;
  }
  const { start, end } = job.span;
  if (start % BLOCK !== 0 || start < 0 || end > table.rowCount || start > end)
    return fail(problem('crosstab-bad-part', start, end, table.rowCount));
  let include: Uint32Array | null = null;
  if (job.include !== null) {
    include = new Uint32Array((table.rowCount + 31) >>> 5);
    include.set(job.include, start >>> 5);
  }
  return ok(tallyPart(job.span, kept.value, expanded.value, job.keptIsRows, include, weights));
}
